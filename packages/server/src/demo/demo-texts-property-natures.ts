import type { Topic } from './demo-texts.js';

/**
 * Residents' complaints the desk does not classify as responsible (S1 4.6.1):
 * matters outside the estate or the service contract (non-responsible), outside
 * utilities the residents ask us to help with (assistance: 停水, 停电, 燃气,
 * 有线电视, 宽带电话), and matters that need an on-site determination first.
 * Slots as in demo-texts-property.ts.
 */
const P = '物业服务';

const NON_RESPONSIBLE: Topic[] = [
  {
    key: 'city-works', kind: 'complaint', weight: 2.5, category: [P, '噪音', '设备噪音'], department: 'service', atDesk: 0.7,
    texts: [
      '小区东边马路在修地铁，晚上{hour}还在打桩，吵得根本睡不着。',
      '回音路上市政修路，挖掘机早上六点就开始干活，你们物业管管啊。',
      '小区外面的工地晚上施工，灯光直接照进我家卧室。',
    ],
    results: [
      '已向客户说明情况，物业已将业主意见书面反映至街道办及施工单位。',
      '已向客户解释，并联系施工单位反映业主意见，施工单位承诺早七点后开工。',
      '已向客户说明，物业已联系施工单位调整照明灯朝向。',
    ],
    nature: {
      kind: 'non_responsible',
      bases: ['施工为小区红线外的市政工程，施工许可由住建部门审批，不在物业服务范围内。'],
      explanations: [
        '您好，小区东侧的地铁施工由市政工程单位负责，夜间施工许可由住建部门审批，物业没有管理权限。我们已把业主们的意见书面转给街道办和施工单位；如果施工超出许可时间，您也可以拨打12345反映，我们会继续跟进。',
        '您好，回音路修路是市政道路工程，施工时间由施工单位按审批执行，物业没有管理权限。我们已把您的意见转给施工单位，请他们尽量避开早晚休息时间；您也可以拨打12345反映。',
        '您好，小区外的工地属于市政工程，不在物业管理范围内。我们已联系施工单位，请他们调整夜间照明灯的朝向，并会继续关注。',
      ],
    },
    resultMinutes: [30, 1440],
  },
  {
    key: 'planned-cut', kind: 'complaint', weight: 1.5, category: [P, '市政配套', '供水'], department: 'service', atDesk: 0.8,
    texts: [
      '自来水公司停水停了一整天，这个月的物业费是不是应该减免？',
      '又停水检修，物业就贴张通知完事了？我家老人孩子怎么办？',
    ],
    results: [
      '已向客户说明停水原因为自来水公司计划检修，物业费按合同收取，停水期间已设临时取水点。',
      '已向客户解释计划停水安排，并告知楼下临时取水点位置，如有困难可联系客服中心帮忙送水。',
    ],
    nature: {
      kind: 'non_responsible',
      bases: ['停水为自来水公司管网改造的计划停水，已提前三天公告，不属于物业服务原因。'],
      explanations: [
        '您好，这次停水是自来水公司管网改造的计划停水，提前三天已经公告，不属于物业服务方面的原因，物业费按服务合同约定收取。停水期间物业在每栋楼下都设了临时取水点，家里有困难的话，请随时联系客服中心，我们安排人帮您送水。',
        '您好，这次停水是自来水公司的计划检修，物业提前在楼栋和业主群发了通知。停水期间物业在楼下设了临时取水点，家里老人孩子不方便的话，请联系客服中心，我们安排人帮您送水上楼。',
      ],
    },
    resultMinutes: [10, 600],
  },
  {
    key: 'developer-warranty', kind: 'complaint', weight: 2, category: [P, '维修', '户内报修'], department: 'engineering', atDesk: 0.3,
    texts: [
      '我家客厅墙上裂了好几道缝，新房才住了两年，你们物业得管。',
      '我家窗户一下雨就往里渗水，这是房子质量问题，物业要负责。',
      '入住才一年，卫生间的地砖就空鼓开裂了。',
    ],
    results: [
      '工程部已上门查看并拍照，已将保修申请转交开发商客服，开发商约定下周上门维修。',
      '工程部已上门查看，为窗框密封问题，已转开发商保修，并临时做了打胶处理。',
      '已上门查看并登记，已转开发商保修，开发商安排施工队上门重铺。',
    ],
    nature: {
      kind: 'non_responsible',
      bases: ['房屋质量问题在开发商保修期内，由开发商负责维修，不在物业服务范围内。'],
      explanations: [
        '您好，墙面开裂属于房屋质量问题，目前还在开发商的保修期内，按规定由开发商负责维修。物业已经上门拍照登记，并把保修申请转给了开发商客服，之后会帮您跟进维修进度。',
        '您好，窗户渗水属于房屋质量问题，还在开发商的保修期内，由开发商负责维修。工程部已经临时做了打胶处理，保修申请已经转给开发商，我们会帮您跟进。',
        '您好，地砖空鼓开裂属于房屋装修质量问题，还在开发商的保修期内，由开发商负责重铺。物业已经登记并转交开发商客服，会帮您跟进施工时间。',
      ],
    },
    resultMinutes: [240, 4320],
  },
];

const ASSISTANCE: Topic[] = [
  {
    key: 'water-cut', kind: 'complaint', weight: 3.5, category: [P, '市政配套', '供水'], department: 'engineering', atDesk: 0.3,
    texts: [
      '{bld}突然停水了，物业能帮忙问问自来水公司什么时候来水吗？',
      '小区外面的自来水管爆了，我们这边全停水了，什么时候能恢复？',
      '家里水龙头出来的都是黄水，听说是外面管网在抢修，能不能帮忙催一下？',
    ],
    asks: ['麻烦帮忙问问。', '有消息告诉我一声。', ''],
    results: [
      '已协助联系自来水公司，为市政管网抢修，晚上八点恢复供水；期间已在楼栋门口设临时供水点。',
      '已协助联系自来水公司，爆管已抢修完毕，下午四点恢复供水，已在业主群通知。',
      '已协助联系自来水公司，管网冲洗后水质恢复正常，已提醒业主先放水几分钟再使用。',
    ],
    callbacks: ['回访客户，已恢复供水，客户对物业的协助表示感谢。', '回访客户，用水正常，满意。'],
    nature: {
      kind: 'assistance',
      services: ['water'],
      bases: ['停水原因为市政供水管网故障，属自来水公司管理范围，客户希望物业协助联系。'],
      notes: ['已把自来水公司的客服热线告诉客户，物业同时跟进抢修进度，有消息会在业主群通知。', '已告知自来水公司热线，并说明物业会帮忙催办。'],
      confirmations: ['已恢复供水，确认。', '来水了，谢谢物业帮忙联系。', '水已经正常了。'],
    },
    resultMinutes: [60, 1440],
  },
  {
    key: 'power-cut', kind: 'complaint', weight: 3.5, category: [P, '市政配套', '供电'], department: 'engineering', atDesk: 0.3,
    texts: [
      '{bld}整栋楼停电了，物业帮忙问一下供电公司什么时候来电？',
      '家里电费充了钱还是没电，能帮忙联系一下供电公司吗？',
      '今天一早整个小区都停电了，冰箱里的东西都要坏了。',
    ],
    asks: ['麻烦帮忙问问。', '能不能帮忙催一下？', ''],
    results: [
      '已协助联系供电公司，为外部线路故障，两小时后恢复供电。',
      '已协助联系供电公司，为购电信息未写入电表，供电公司远程处理后已恢复用电。',
      '已协助联系供电公司，为上级变电站检修跳闸，上午十点恢复供电。',
    ],
    callbacks: ['回访客户，已恢复供电，客户对协助表示感谢。', '回访客户，用电正常，满意。'],
    nature: {
      kind: 'assistance',
      services: ['power'],
      bases: ['停电为供电公司线路原因，属供电公司管理范围，客户希望物业协助联系。'],
      notes: ['已把供电公司的服务热线告诉客户，物业同时跟进抢修情况。', '已告知供电公司热线，物业会帮忙催办，恢复供电后通知客户。'],
      confirmations: ['已来电，确认。', '电已经恢复了，谢谢。', '用电正常了。'],
    },
    resultMinutes: [60, 1440],
  },
  {
    key: 'gas-out', kind: 'complaint', weight: 1.5, category: [P, '市政配套', '供气'], department: 'service', atDesk: 0.5,
    texts: [
      '燃气表突然不走字了，灶台打不着火，能帮忙联系燃气公司吗？',
      '燃气公司说我们这片停气检修，到现在都没恢复，家里做不了饭。',
    ],
    asks: ['麻烦帮忙联系一下。', ''],
    results: ['已协助联系燃气公司上门，为燃气表电池耗尽，已更换，恢复供气。', '已协助联系燃气公司，检修已完成，下午两点恢复供气。'],
    callbacks: ['回访客户，燃气已恢复使用，客户表示感谢。'],
    nature: {
      kind: 'assistance',
      services: ['gas'],
      bases: ['燃气表及供气属燃气公司管理范围，客户希望物业协助联系。'],
      notes: ['已把燃气公司的客服热线告诉客户，并提醒客户如闻到异味请立即开窗并拨打抢修电话。'],
      confirmations: ['燃气恢复了，确认。', '已经能正常做饭了。'],
    },
    resultMinutes: [60, 1440],
  },
  {
    key: 'cable-tv', kind: 'complaint', weight: 1.5, category: [P, '市政配套', '有线电视'], department: 'service', atDesk: 0.6,
    texts: [
      '有线电视没信号了，{since}，物业能帮忙找一下有线台吗？',
      '有线电视一到晚上就卡，画面全是马赛克。',
    ],
    asks: ['麻烦帮忙联系一下。', ''],
    results: ['已协助联系有线电视公司，为楼栋分配器故障，已上门更换，信号恢复。', '已协助联系有线电视公司，调整信号放大器后画面正常。'],
    callbacks: ['回访客户，电视信号已恢复，满意。'],
    nature: {
      kind: 'assistance',
      services: ['cable_tv'],
      bases: ['有线电视信号由有线电视公司维护，客户希望物业协助联系。'],
      notes: ['已把有线电视公司的客服电话告诉客户，物业会配合开放弱电井。'],
      confirmations: ['电视信号正常了，确认。', '有线电视好了。'],
    },
    resultMinutes: [120, 2880],
  },
  {
    key: 'line-down', kind: 'complaint', weight: 1, category: [P, '市政配套', '电话'], department: 'service', atDesk: 0.6,
    texts: ['家里的宽带和固话都断了，运营商说是小区线路的问题，你们帮忙问问。', '{bld}好几家的宽带都上不了网，在家办公没法开会。'],
    asks: ['麻烦尽快帮忙协调。', ''],
    results: ['已协助联系电信运营商，为楼栋光交箱故障，已修复。', '已协助联系运营商，小区光缆被施工挖断，当天抢修恢复。'],
    callbacks: ['回访客户，宽带已恢复，客户表示感谢。'],
    nature: {
      kind: 'assistance',
      services: ['telephone'],
      bases: ['宽带及固话线路由电信运营商维护，客户希望物业协助协调。'],
      notes: ['已把运营商的客服电话告诉客户，物业会配合运营商进入机房和弱电井。'],
      confirmations: ['网络恢复了，确认。', '宽带和电话都好了。'],
    },
    resultMinutes: [120, 2880],
  },
];

const UNDETERMINED: Topic[] = [
  {
    key: 'ceiling-leak', kind: 'complaint', weight: 2.5, category: [P, '维修', '户内报修'], department: 'engineering',
    texts: [
      '我家卫生间天花板往下滴水，也说不好是楼上漏的还是管道的问题。',
      '我家卧室墙角一直渗水发霉，楼上说不是他家的问题。',
      '我家厨房顶上有一块水渍，越来越大了。',
    ],
    // The outcome decided on site gives the result (see `nature`).
    results: ['已更换公共立管接口并修补吊顶，连续观察两天无渗漏。', '已协调楼上住户修复防水层，物业跟进维修，渗水已停止。'],
    nature: {
      kind: 'undetermined',
      attendees: ['楼上住户'],
      outcomes: [
        {
          nature: 'responsible', weight: 1,
          basis: '工程部与楼上住户现场查看，确认为公共排水立管接口渗漏，属物业维护范围。',
          result: '已更换公共立管接口并修补吊顶，连续观察两天无渗漏。',
        },
        {
          nature: 'non_responsible', weight: 1,
          basis: '现场闭水试验，确认为楼上住户卫生间防水层破损，属业主户内设施。',
          result: '已协调楼上住户修复防水层，物业跟进维修，渗水已停止。',
          explanation: '您好，经工程部和楼上住户一起现场闭水试验，渗水来自楼上住户卫生间的防水层，属于业主户内设施。物业已协调楼上住户尽快维修并会跟进进度；如果双方对损失有分歧，物业可以协助调解。',
        },
      ],
    },
    resultMinutes: [240, 4320],
  },
  {
    key: 'car-scratched', kind: 'complaint', weight: 1.5, category: [P, '安保', '车辆管理'], department: 'security',
    texts: ['我停在地库的车被人划了一道，你们保安是干什么的？', '车停在{bld}楼下，早上发现后视镜被撞坏了。'],
    results: ['已提供监控录像并联系对方车主，双方已通过保险公司处理。', '已向车主致歉，协商承担部分维修费用，已修复摄像头并加强夜间巡逻。'],
    nature: {
      kind: 'undetermined',
      attendees: ['车主'],
      outcomes: [
        {
          nature: 'non_responsible', weight: 2,
          basis: '调取监控，为其他车主倒车时刮蹭，属车主之间的交通事故，当班巡逻正常。',
          result: '已提供监控录像并联系对方车主，双方已通过保险公司处理。',
          explanation: '您好，经调取监控，您的车辆是被其他车主倒车时刮蹭的，属于车主之间的事故。物业已把监控录像提供给您，并联系到了对方车主，建议双方通过保险公司处理；如需报警，物业可以协助。',
        },
        {
          nature: 'responsible', weight: 1,
          basis: '调取监控发现当晚该区域漏巡两个时段且摄像头故障，属安保管理疏漏。',
          result: '已向车主致歉，协商承担部分维修费用，已修复摄像头并加强夜间巡逻。',
        },
      ],
    },
    resultMinutes: [120, 2880],
  },
];

export const PROPERTY_NATURE_COMPLAINTS: Topic[] = [...NON_RESPONSIBLE, ...ASSISTANCE, ...UNDETERMINED];
