import type { Topic, TopicBank } from './demo-texts.js';
import { PROPERTY_COMPLAINTS } from './demo-texts-property-complaints.js';
import { PROPERTY_NATURE_COMPLAINTS } from './demo-texts-property-natures.js';
import { PROPERTY_HELPS, PROPERTY_REPAIRS } from './demo-texts-property-repairs.js';

/**
 * What residents of 回音花园 bring to the service center, in their own words:
 * inquiries, suggestions and praise here; repairs, help and complaints beside it
 * (complaints of other natures than responsible in demo-texts-property-natures.ts).
 * Slots: {bld} building (3栋 / 3号楼), {unit} the resident's flat, {floor} their
 * floor, {fnum} some floor, {when}, {since}, {hour}, {plate}, {engineer},
 * {guard}, {cleaner}, {agent} (staff as residents call them).
 */
const P = '物业服务';

const INQUIRIES: Topic[] = [
  {
    key: 'fee-ask', kind: 'inquiry', weight: 6, category: [P, '收费', '物业费'], department: 'service', atDesk: 0.8,
    texts: [
      '今年的物业费是多少钱一平米？可以微信交吗？', '物业费能开发票吗？我们单位要报销。',
      '我想问一下物业费交到什么时候了。', '一次交一年物业费有没有优惠？', '物业费可以用支付宝交吗？',
    ],
    results: [
      '已告知物业费标准及线上缴费方式。',
      '已告知可开具电子发票，客户提供抬头后三个工作日内发送。',
      '已查询并告知缴费至年底。',
      '已告知目前无优惠政策。',
      '已告知可通过支付宝生活缴费及物业App缴纳。',
    ],
    resultMinutes: [5, 1440],
  },
  {
    key: 'utility-ask', kind: 'inquiry', weight: 4, category: [P, '收费', '水电费'], department: 'service', atDesk: 0.5,
    texts: ['这个月的水费怎么比平时多了一倍？家里也没人。', '电费在哪里充？卡里快没钱了。', '我家的水表是不是坏了，没用水也在走。'],
    results: ['已核对抄表数据无误，建议检查马桶是否漏水。', '已告知电费可在国家电网App充值。', '工程部核查水表正常，发现卫生间角阀渗漏，已告知客户。'],
    resultMinutes: [10, 2880],
  },
  {
    key: 'parking-fee-ask', kind: 'inquiry', weight: 3, category: [P, '收费', '停车费'], department: 'service', atDesk: 0.8,
    texts: ['地库的月租车位还有吗？多少钱一个月？', '我家来客人了，临时停车怎么收费？', '我想给第二辆车办个月卡，需要带什么材料？'],
    results: ['已告知月租标准及目前剩余车位情况。', '已告知访客车辆前两小时免费，之后按小时计费。', '已告知需携带行驶证和房产证明到客服中心办理。'],
    resultMinutes: [5, 600],
  },
  {
    key: 'outage-ask', kind: 'inquiry', weight: 3, category: [P, '市政配套', '供电'], department: 'engineering', atDesk: 0.5,
    texts: ['我们{bld}整栋楼都停电了，什么时候能来电？', '听说明天要停电检修，具体几点到几点？', '家里{when}停了一会电，是小区的问题吗？'],
    results: ['为供电公司线路检修，预计下午五点前恢复，已告知客户。', '已告知停电检修时间为上午八点至下午四点。', '为楼栋配电箱跳闸，已恢复供电。'],
    resultMinutes: [10, 600],
  },
  {
    key: 'water-ask', kind: 'inquiry', weight: 2, category: [P, '市政配套', '供水'], department: 'service', atDesk: 0.7,
    texts: ['小区这周是不是要清洗水箱？会停多久的水？', '我们这边的自来水能直接喝吗？有没有水质检测报告？'],
    results: ['已告知水箱清洗安排及停水时段。', '已告知最近一次水质检测合格，报告在公告栏公示。'],
    resultMinutes: [5, 1440],
  },
  {
    key: 'card-ask', kind: 'inquiry', weight: 3, category: [P, '安保', '门禁'], department: 'service', atDesk: 0.8,
    texts: ['门禁卡丢了怎么补办？多少钱？', '家里请了保姆，能给她办一张门禁卡吗？', '租户能办门禁卡吗？需要房东来吗？'],
    results: ['已告知补卡流程及工本费。', '已告知凭业主授权书可为家政人员办理临时卡。', '已告知租户凭租赁合同及房东授权办理。'],
    resultMinutes: [5, 600],
  },
  {
    key: 'pest-ask', kind: 'inquiry', weight: 1, category: [P, '保洁环境', '消杀'], department: 'cleaning', atDesk: 0.6,
    texts: ['小区什么时候做消杀？家里有小孩要不要关窗？', '这周的灭蚊消杀是几号？'],
    results: ['已告知本月消杀时间，提醒关闭门窗、看好孩子和宠物。', '已告知消杀安排。'],
    resultMinutes: [5, 1440],
  },
  {
    key: 'heating-ask', kind: 'inquiry', weight: 3, category: [P, '市政配套', '供热'], department: 'service', atDesk: 0.8, season: 'winter',
    texts: ['今年什么时候开始供暖？', '取暖费在哪里交？今年标准变了吗？', '暖气试水的时候家里要留人吗？'],
    results: ['已告知供暖时间及试水安排。', '已告知取暖费缴纳方式及标准。', '已告知试水期间需留人检查阀门。'],
    resultMinutes: [5, 600],
  },
  {
    key: 'gas-ask', kind: 'inquiry', weight: 1, category: [P, '市政配套', '供气'], department: 'service', atDesk: 0.7,
    texts: ['燃气卡充值在哪里办？', '燃气公司说要入户安检，是真的吗？怕是骗子。'],
    results: ['已告知燃气充值网点及线上方式。', '已与燃气公司核实安检安排属实，并告知安检人员须出示工作证。'],
    resultMinutes: [5, 600],
  },
];

const SUGGESTIONS: Topic[] = [
  {
    key: 'chargers', kind: 'suggestion', weight: 3, category: [P, '维修', '公共设施'], department: 'engineering',
    texts: ['建议小区多装一些电动车充电桩，现在根本不够用，大家只能往家里拉电线。', '建议在地库装几个汽车充电桩，很多业主都买电车了。', '快递柜太少了，建议再加装一组。'],
    results: ['建议已采纳，充电桩增设方案已报公司审批，预计下月施工。', '已将建议提交业委会讨论。', '已与快递柜公司洽谈增设。'],
    resultMinutes: [1440, 10080],
  },
  {
    key: 'greenery-sugg', kind: 'suggestion', weight: 2, category: [P, '绿化', '绿植养护'], department: 'cleaning',
    texts: ['{bld}楼下的树长得太高了，挡了低层的光，建议修剪一下。', '草坪打药能不能提前在群里通知一声？味道很大。', '建议在儿童乐园旁边多种点树，夏天太晒了。'],
    results: ['已安排修剪，已完成。', '已规定打药前一天在业主群和公告栏通知。', '已列入明年春季绿化补种计划。'],
    resultMinutes: [1440, 10080],
  },
  {
    key: 'service-sugg', kind: 'suggestion', weight: 2, category: [P, '收费', '物业费'], department: 'service',
    texts: ['建议把物业费的收支明细定期在公告栏公示。', '建议物业开通线上报修，小程序就行，打电话老占线。', '建议垃圾分类点旁边装个洗手池。'],
    results: ['已采纳，每季度在公告栏公示公共收益及支出。', '线上报修小程序已在试运行，已告知客户使用方法。', '已列入整改计划。'],
    resultMinutes: [1440, 10080],
  },
  {
    key: 'security-sugg', kind: 'suggestion', weight: 1, category: [P, '安保', '门禁'], department: 'security',
    texts: ['建议晚上十点以后只开正门，其他门都关了，安全一点。', '建议访客进小区都登记，现在谁都能进。'],
    results: ['已调整夜间门岗开放安排。', '已要求门岗严格落实访客登记。'],
    resultMinutes: [1440, 7200],
  },
];

const PRAISES: Topic[] = [
  {
    key: 'praise-engineer', kind: 'praise', weight: 3, category: [P, '维修', '户内报修'], department: 'engineering',
    texts: ['{engineer}{when}来家里修水管，干活特别仔细，走的时候还把地拖干净了。', '感谢{engineer}，大晚上过来帮我们修好了电闸。', '{engineer}修电梯修到很晚，辛苦了。'],
    results: ['表扬已转达工程部，并在部门例会上通报表扬。'],
    resultMinutes: [60, 2880],
  },
  {
    key: 'praise-guard', kind: 'praise', weight: 2, category: [P, '安保', '巡逻'], department: 'security',
    texts: ['{guard}帮我把走丢的老人送回了家，特别感谢。', '下大雨那天{guard}一直在门口帮大家撑伞、搬东西。', '{guard}捡到我的钱包，原封不动还给了我。'],
    results: ['已在安保部通报表扬，并给予奖励。'],
    resultMinutes: [60, 2880],
  },
  {
    key: 'praise-cleaner', kind: 'praise', weight: 1, category: [P, '保洁环境', '楼道卫生'], department: 'cleaning',
    texts: ['我们{bld}的{cleaner}每天把楼道打扫得干干净净，要表扬一下。', '{cleaner}下雪天一大早就把路上的雪扫干净了。'],
    results: ['已转达保洁部并通报表扬。'],
    resultMinutes: [60, 2880],
  },
  {
    key: 'praise-desk', kind: 'praise', weight: 1, category: [P, '收费', '物业费'], department: 'service',
    texts: ['客服中心的{agent}办事很耐心，帮我把几年的账都理清楚了。', '{agent}态度特别好，帮我解决了很多问题。'],
    results: ['已在客服部通报表扬。'],
    resultMinutes: [60, 1440],
  },
];

export const PROPERTY_TOPICS: TopicBank = {
  siteKind: 'residential',
  topics: [...PROPERTY_REPAIRS, ...PROPERTY_COMPLAINTS, ...PROPERTY_NATURE_COMPLAINTS, ...INQUIRIES, ...PROPERTY_HELPS, ...SUGGESTIONS, ...PRAISES].map((t) => ({
    audience: ['resident'] as const,
    ...t,
  })),
};
