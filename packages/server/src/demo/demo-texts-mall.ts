import { ANY } from './demo-mall-brands.js';
import { MALL_AFTERSALES_COMPLAINTS } from './demo-texts-mall-aftersales.js';
import { MALL_SERVICE_COMPLAINTS } from './demo-texts-mall-complaints.js';
import { MALL_NATURE_COMPLAINTS } from './demo-texts-mall-natures.js';
import type { Topic, TopicBank } from './demo-texts.js';

/**
 * What shoppers and tenants bring to the 回音广场购物中心 service desk.
 * Slots: {brand}/{bfloor}/{item}/{price} a counter, its floor, something it
 * sells and the price; {market}/{food} the supermarket; {appliance}, {gadget};
 * {shop}/{sunit} the tenant's own shop and unit; {mfloor} any floor; {days}.
 * Complaints live in demo-texts-mall-complaints.ts, demo-texts-mall-aftersales.ts and
 * demo-texts-mall-natures.ts (those not classified responsible).
 */
const M = '商场服务';

const REPAIRS: Topic[] = [
  {
    key: 'shop-repair', kind: 'repair', weight: 6, category: [M, '硬件', '设施设备'], department: 'engineering', audience: ['tenant'],
    texts: [
      '我们店{sunit}的空调不制冷，店里热得顾客都不进来。', '{shop}店里的天花板在滴水，货都要挪开了。',
      '店里突然跳闸了，收银机都断电了，麻烦赶快来人。', '店门口的卷帘门卡住了，拉不下来，晚上没法关店。',
      '店里有几盏射灯不亮了。', '{shop}后厨的下水道堵了，地上全是水。', '我们店的网线断了，收银系统连不上。',
    ],
    asks: ['麻烦尽快派工程来看一下。', '趁营业前处理一下吧。', '急，影响营业了！', ''],
    results: ['工程部已到场，为空调滤网堵塞，已清洗，制冷正常。', '为上层水管接头渗漏，已更换接头并清理。', '为店内照明回路过载跳闸，已分路处理，恢复供电。', '卷帘门电机故障，已维修。', '已更换灯具。', '下水道已疏通，已提醒商户安装隔油池。', '弱电已重新熔接网线，网络恢复。'],
    resultMinutes: [20, 600],
  },
  {
    key: 'public-repair', kind: 'repair', weight: 3, category: [M, '硬件', '设施设备'], department: 'engineering',
    texts: ['{mfloor}男卫生间的水龙头一直关不上。', '{mfloor}卫生间的烘手机坏了。', '母婴室的尿布台扣坏了，放不了孩子。', '{mfloor}休息区的座椅坏了一个，坐上去会晃。', '{mfloor}的扶梯突然停了，还有人在上面。'],
    results: ['已更换水龙头阀芯。', '已更换烘手机。', '已更换尿布台。', '已维修加固座椅。', '扶梯急停为梳齿板异物卡阻，已清理恢复运行。'],
    resultMinutes: [20, 600],
  },
  {
    key: 'parking-gate', kind: 'repair', weight: 2, category: [M, '硬件', '系统设施安全'], department: 'security',
    asks: ['麻烦尽快处理。', '后面的车都堵着呢。', ''],
    texts: ['B2停车场出口的道闸抬不起来，后面排了一长串车。', '停车场缴费机扫码一直失败。', '停车场找车系统查不到我的车，车牌{plate}。'],
    results: ['道闸控制器重启后恢复，已联系厂家检修。', '缴费机网络故障已修复。', '车位识别摄像头已校准。'],
    resultMinutes: [10, 600],
  },
];

const INQUIRIES: Topic[] = [
  {
    key: 'hours', brandTags: ANY, kind: 'inquiry', weight: 5, category: [M, '其他', '其他'], department: 'service', atDesk: 0.95,
    texts: ['商场几点关门？', '春节期间营业时间有变化吗？', '{brand}在几楼？', '商场里有没有母婴室？在几楼？', '超市几点开门？'],
    results: [
      '已告知营业时间。',
      '已告知节假日营业安排。',
      '已告知店铺位置。',
      '已告知母婴室位置。',
      '已告知超市营业时间。',
    ],
    resultMinutes: [1, 30],
  },
  {
    key: 'parking-ask', kind: 'inquiry', weight: 4, category: [M, '其他', '其他'], department: 'service', atDesk: 0.9,
    texts: ['停车怎么收费？购物可以抵停车费吗？', '商场有没有充电桩？', '晚上关门后车还能开出去吗？'],
    results: ['已告知停车收费标准及消费抵扣规则。', '已告知充电桩位于B2停车场东区。', '已告知夜间出场方式。'],
    resultMinutes: [1, 30],
  },
  {
    key: 'member', kind: 'inquiry', weight: 4, category: [M, '其他', '金卡'], department: 'marketing', atDesk: 0.7,
    texts: ['金卡会员怎么办理？需要消费多少？', '我的积分快过期了，能换什么？', '会员生日有什么优惠？', '我的会员卡积分怎么少了一千多？'],
    results: ['已告知金卡办理条件及权益。', '已告知积分兑换方式。', '已告知会员生日礼遇。', '经查积分因年度清零扣除，已向顾客说明规则。'],
    resultMinutes: [5, 1440],
  },
  {
    key: 'invoice', kind: 'inquiry', weight: 4, category: [M, '其他', '发票'], department: 'finance', atDesk: 0.3,
    texts: ['我{days}在{brand}买的{item}，想补开发票，小票还在。', '电子发票一直没收到，是不是邮箱填错了？', '能不能开专票？我们公司要报销。'],
    results: ['已为顾客补开发票。', '经查邮箱填写有误，已重新发送电子发票。', '已告知开具专票所需资料，财务部已开具。'],
    resultMinutes: [30, 2880],
  },
  {
    key: 'return-policy', brandTags: ['fashion'], kind: 'inquiry', weight: 3, category: [M, '售后服务', '退货'], department: 'service', atDesk: 0.9,
    texts: ['买的东西不合适，几天之内可以退？', '没有小票能退货吗？我有付款记录。', '在{brand}买的{item}标签剪了还能退吗？'],
    results: ['已告知七日内商品未使用、包装完好可凭购物凭证退换。', '已告知可凭付款记录到专柜查询后办理。', '已告知标签剪除影响二次销售，需与专柜协商。'],
    resultMinutes: [1, 60],
  },
  {
    key: 'promo-ask', kind: 'inquiry', weight: 3, category: [M, '广告宣传', '促销说明不清'], department: 'marketing', atDesk: 0.8,
    texts: ['这周的满减活动是全场都参加吗？', '停车券在哪里领？', '周年庆活动从哪天开始？'],
    results: ['已告知活动范围及规则。', '已告知停车券领取方式。', '已告知周年庆活动时间。'],
    resultMinutes: [1, 120],
  },
  {
    key: 'giftcard-ask', kind: 'inquiry', weight: 2, category: [M, '其他', '礼券拒收'], department: 'marketing', atDesk: 0.8,
    texts: ['商场的购物卡可以在超市用吗？', '礼券过期了还能用吗？'],
    results: ['已告知购物卡使用范围。', '已告知礼券有效期规定，过期可办理延期一次。'],
    resultMinutes: [1, 120],
  },
  {
    key: 'tenant-ask', kind: 'inquiry', weight: 3, category: [M, '其他', '其他'], department: 'operations', audience: ['tenant'], atDesk: 0.4,
    texts: ['我们{shop}这个月的水电费账单什么时候出？', '我们想在店门口摆个促销台，需要怎么申请？', '{sunit}要重新装修，进场需要办什么手续？', '节假日闭店时间能不能延后一小时？'],
    results: ['已告知账单出具时间。', '已告知外摆申请流程，营运部已审批。', '已告知装修报审材料及施工时间要求。', '已告知按商场统一营业时间执行。'],
    resultMinutes: [30, 2880],
  },
];

const HELPS: Topic[] = [
  {
    key: 'lost-child', kind: 'help', weight: 3, category: [M, '其他', '其他'], department: 'security',
    texts: ['我孩子在{mfloor}走丢了，穿红色外套，五岁左右，快帮我找找！', '我家老人在商场里走散了，手机也没带，麻烦广播一下。'],
    results: ['已广播寻人并通知各出口保安，十分钟后在四楼找到孩子，交还家长。', '已广播寻人，在美食广场找到老人。'],
    resultMinutes: [5, 60],
  },
  {
    key: 'lost-item', brandTags: ['fashion'], kind: 'help', weight: 3, category: [M, '其他', '物品失窃'], department: 'security',
    texts: ['我手机丢了，可能落在{brand}的试衣间了。', '钱包不见了，里面有身份证和银行卡，帮我查下监控。', '我的包忘在美食广场的座位上了。'],
    results: [
      '已在试衣间找到手机，核实身份后归还。',
      '已调取监控，确认钱包遗落在收银台，已找回归还。',
      '保安在座位找到背包，核对物品后归还顾客并签字。',
    ],
    resultMinutes: [10, 240],
  },
  {
    key: 'lend', kind: 'help', weight: 3, category: [M, '其他', '其他'], department: 'service', atDesk: 0.95,
    texts: ['能借一辆轮椅吗？老人走不动了。', '有没有婴儿车可以借？', '手机没电了，有充电宝借吗？', '外面下雨了，能借把伞吗？'],
    results: ['已登记借用轮椅。', '已登记借用婴儿车。', '已借出充电宝。', '已登记借用雨伞。'],
    resultMinutes: [1, 15],
  },
  {
    key: 'find-car', kind: 'help', weight: 1, category: [M, '其他', '其他'], department: 'security',
    texts: ['我忘了车停在哪了，车牌{plate}，能帮忙查一下吗？'],
    results: ['已通过车牌查询系统找到车辆位置，告知顾客。'],
    resultMinutes: [5, 30],
  },
  {
    key: 'first-aid', kind: 'help', weight: 1, category: [M, '其他', '其他'], department: 'security',
    texts: ['{mfloor}有个老人晕倒了，快来人！', '我孩子在游乐区摔破了头，有没有医药箱？'],
    results: ['保安携急救箱到场，已拨打120，陪同家属送医。', '已为孩子简单包扎，建议就医。'],
    resultMinutes: [3, 60],
  },
];

const SUGGESTIONS: Topic[] = [
  {
    key: 'mall-facility-sugg', kind: 'suggestion', weight: 3, category: [M, '硬件', '设施设备'], department: 'engineering',
    texts: ['建议商场多放点休息座椅，逛累了都没地方坐。', '建议停车场多装几个充电桩。', '建议美食广场增加儿童座椅。', '母婴室太小了，建议扩大一点，加个热水器。'],
    results: ['已在各楼层中庭增设休息座椅。', '已列入停车场改造计划。', '已增加儿童座椅十把。', '建议已报营运部评估，列入下季度改造计划。'],
    resultMinutes: [1440, 10080],
  },
  {
    key: 'mall-service-sugg', kind: 'suggestion', weight: 2, category: [M, '其他', '金卡'], department: 'marketing',
    texts: ['建议会员积分可以抵停车费。', '建议会员积分有效期延长一点。', '建议会员App能直接看小票和发票。'],
    results: [
      '已采纳，积分抵停车费功能将于下月上线。',
      '建议已提交会员部评估。',
      '已反馈信息部门，电子小票功能已在开发中。',
    ],
    resultMinutes: [1440, 10080],
  },
  {
    key: 'mall-hours-sugg', kind: 'suggestion', weight: 1, category: [M, '其他', '其他'], department: 'operations',
    texts: ['建议周末营业时间延长到晚上十点半。', '建议商场广播找人时声音小一点，频繁广播很吵。'],
    results: ['建议已提交管理层讨论。', '已调整广播音量及频次。'],
    resultMinutes: [1440, 10080],
  },
];

const PRAISES: Topic[] = [
  {
    key: 'praise-sales', kind: 'praise', weight: 3, category: [M, '服务质量', '待客态度'], department: 'operations',
    texts: ['{brand}的导购特别耐心，帮我挑了一个小时都没有不耐烦。', '{brand}的店员主动帮我把东西送到停车场，服务很好。'],
    results: ['已转告专柜并在营运部月度会议通报表扬。'],
    resultMinutes: [60, 2880],
  },
  {
    key: 'praise-guard-mall', kind: 'praise', weight: 2, category: [M, '其他', '其他'], department: 'security',
    texts: ['{guard}帮我找到了走丢的孩子，太感谢了！', '我的钱包掉了，{guard}捡到后一直在原地等我。'],
    results: ['已在安保部通报表扬并给予奖励。'],
    resultMinutes: [60, 2880],
  },
  {
    key: 'praise-desk-mall', kind: 'praise', weight: 1, category: [M, '服务质量', '专业知识'], department: 'service',
    texts: ['客服台的{agent}帮我处理退货，特别专业，讲得很清楚。', '服务台{agent}帮我联系上了忘在店里的东西，谢谢她。'],
    results: ['已在客服部通报表扬。'],
    resultMinutes: [60, 1440],
  },
];

export const MALL_TOPICS: TopicBank = {
  siteKind: 'mall',
  topics: [...MALL_SERVICE_COMPLAINTS, ...MALL_AFTERSALES_COMPLAINTS, ...MALL_NATURE_COMPLAINTS, ...REPAIRS, ...INQUIRIES, ...HELPS, ...SUGGESTIONS, ...PRAISES].map((t) => ({
    audience: ['shopper'] as const,
    ...t,
  })),
};
