import { WEAR } from './demo-mall-brands.js';
import type { Topic } from './demo-texts.js';

/**
 * Mall complaints the desk does not classify as responsible (S1 4.6.1): goods
 * not bought here and the streets outside (non-responsible), outside utilities
 * a tenant asks us to help with (assistance), and accidents that need an
 * on-site look first (undetermined). Slots as in demo-texts-mall.ts.
 */
const M = '商场服务';

const NON_RESPONSIBLE: Topic[] = [
  {
    key: 'not-bought-here', brandTags: WEAR, kind: 'complaint', weight: 4, category: [M, '售后服务', '退货'], department: 'operations', atDesk: 0.6,
    texts: [
      '我在{brand}官网买的{item}，拿到专柜想退，店员说退不了。',
      '在外地的{brand}店买的{item}，想在你们这里退货，店员说办不了。',
    ],
    asks: ['要求退货。', '你们商场得给个说法。', ''],
    results: [
      '已向顾客说明商品非本商场售出，已协助联系品牌官方售后办理退货。',
      '已向顾客解释退货需在购买门店办理，专柜已协助联系原购买门店。',
    ],
    nature: {
      kind: 'non_responsible',
      bases: ['商品非本商场专柜售出，退换货应按原购买渠道的售后规定办理。'],
      explanations: [
        '您好，经专柜核实，您的商品是在品牌官网购买的，不是本商场专柜售出的，退换货需要按官网的售后规定办理。我们已请专柜提供品牌官方售后电话，也可以协助您联系办理。',
        '您好，经专柜核实，您的商品是在外地门店购买的，退换货需要在原购买门店或按品牌的全国售后规定办理。专柜已经帮您联系原门店，会尽快答复您。',
      ],
    },
    resultMinutes: [30, 1440],
  },
  {
    key: 'street-outside', kind: 'complaint', weight: 3.5, category: [M, '其他', '其他'], department: 'service', atDesk: 0.85,
    texts: [
      '商场门口的马路在修，公交站挪到好远的地方了。',
      '地铁站到商场的地下通道封了，要绕一大圈才能进来。',
      '商场外面人行道上的共享单车堆得走不了路。',
    ],
    results: ['已向顾客说明道路施工情况，并在商场入口增设临时指引。', '已向顾客说明通道封闭原因及开放时间，已在地铁出口增设指引。', '已向顾客说明，并已将情况反映至街道及共享单车运营公司。'],
    nature: {
      kind: 'non_responsible',
      bases: ['商场红线外的市政道路及公共设施，由市政部门管理，不在商场服务范围内。'],
      explanations: [
        '您好，商场门口的道路施工是市政工程，公交站临时迁移由公交公司安排，商场没有管理权限。我们已在商场入口增设了临时站点的指引，也会把顾客的意见转给街道。',
        '您好，地铁站通道封闭是地铁公司的维修施工，预计月底重新开放，商场没有管理权限。我们已在地铁出口增设了到商场的步行指引，给您带来不便，请您谅解。',
        '您好，商场外的人行道属于市政道路，共享单车由运营公司负责清运，商场没有管理权限。我们已把情况反映给街道和单车运营公司，商场红线内的区域我们会安排人员整理。',
      ],
    },
    resultMinutes: [10, 600],
  },
  {
    key: 'parking-ticket', kind: 'complaint', weight: 2, category: [M, '其他', '其他'], department: 'service', atDesk: 0.9,
    texts: ['我在商场门口路边停了一下，就被贴了罚单，你们为什么不提醒一下？', '商场门口的路边车位被交警抄牌了，你们得负责。'],
    results: ['已向顾客说明路边停车由交警管理，并介绍商场地下停车场及购物抵扣规则。'],
    nature: {
      kind: 'non_responsible',
      bases: ['商场门前为市政道路，违停处罚由交警部门负责，不在商场服务范围内。'],
      explanations: [
        '您好，商场门前的道路属于市政道路，路边停车和违停处罚由交警部门负责，商场没有管理权限。如果对罚单有异议，可以通过交管12123申请复核。商场地下停车场有八百多个车位，购物还可以抵扣停车费，欢迎您下次使用。',
      ],
    },
    resultMinutes: [5, 120],
  },
];

const ASSISTANCE: Topic[] = [
  {
    key: 'mall-power-cut', kind: 'complaint', weight: 2.5, category: [M, '硬件', '设施设备'], department: 'engineering', audience: ['tenant'],
    texts: [
      '商场突然停电了，我们{shop}收银机都用不了，什么时候来电？',
      '{mfloor}停电半个小时了，我们店里冷柜的东西怎么办？',
    ],
    asks: ['急，影响营业了！', '麻烦帮忙问问供电公司。', ''],
    results: [
      '已协助联系供电公司，为外部线路故障，四十分钟后恢复供电；期间商场启动应急照明。',
      '已协助联系供电公司抢修，一小时后恢复供电，已提醒商户检查冷柜设备。',
    ],
    callbacks: ['回访商户，已恢复供电，营业正常，满意。'],
    nature: {
      kind: 'assistance',
      services: ['power'],
      bases: ['停电为供电公司外部线路故障，属供电公司管理范围，商户希望商场协助联系。'],
      notes: ['已把供电公司的服务热线告诉商户，工程部同时跟进抢修进度。'],
      confirmations: ['已来电，收银恢复正常，确认。', '店里供电正常了。'],
    },
    resultMinutes: [30, 600],
  },
  {
    key: 'mall-line-down', kind: 'complaint', weight: 2.5, category: [M, '硬件', '系统设施安全'], department: 'engineering', audience: ['tenant'],
    texts: [
      '我们{shop}的宽带断了，运营商说要商场这边配合，你们帮忙协调一下。',
      '店里的固定电话打不出去，顾客订餐电话都接不了。',
    ],
    asks: ['麻烦尽快协调。', '影响生意了。', ''],
    results: ['已协助联系运营商，工程部配合进入弱电间，光纤已重新熔接，网络恢复。', '已协助联系运营商，为外线故障，当天已修复。'],
    callbacks: ['回访商户，网络和电话已恢复，表示感谢。'],
    nature: {
      kind: 'assistance',
      services: ['telephone'],
      bases: ['商户宽带及电话线路由电信运营商维护，商户希望商场协助协调。'],
      notes: ['已把运营商的客服电话告诉商户，工程部会配合运营商进入弱电间。'],
      confirmations: ['网络恢复了，确认。', '电话能打了。'],
    },
    resultMinutes: [60, 1440],
  },
  {
    key: 'mall-water-cut', kind: 'complaint', weight: 1, category: [M, '硬件', '设施设备'], department: 'engineering', audience: ['tenant'],
    texts: ['美食广场突然停水了，我们{shop}后厨做不了菜了。', '我们{shop}店里没水了，问了隔壁也一样，什么时候能来水？'],
    asks: ['急，影响营业了！', ''],
    results: ['已协助联系自来水公司，为市政管网抢修，两小时后恢复供水。'],
    callbacks: ['回访商户，已恢复供水，营业正常。'],
    nature: {
      kind: 'assistance',
      services: ['water'],
      bases: ['停水为市政供水管网抢修，属自来水公司管理范围，商户希望商场协助联系。'],
      notes: ['已把自来水公司热线告诉商户，工程部同时跟进抢修时间，恢复供水后通知各商户。'],
      confirmations: ['已来水，确认。', '后厨用水正常了。'],
    },
    resultMinutes: [60, 600],
  },
];

const UNDETERMINED: Topic[] = [
  {
    key: 'slip-fall', kind: 'complaint', weight: 3, category: [M, '硬件', '设施设备'], department: 'security',
    texts: ['我在{mfloor}滑了一跤，膝盖都摔青了，你们地上是不是有水？', '我妈在扶梯口摔倒了，你们商场得负责。'],
    results: ['已向顾客致歉并承担医药费，已要求保洁作业时必须放置警示牌。', '已协助顾客到医务室处理伤口，并向顾客出示监控记录，顾客表示理解。'],
    nature: {
      kind: 'undetermined',
      attendees: ['保洁主管'],
      outcomes: [
        {
          nature: 'responsible', weight: 1,
          basis: '调取监控并现场查看，事发时地面有保洁拖地后的积水，未放置警示牌，属商场管理疏漏。',
          result: '已向顾客致歉并承担医药费，已要求保洁作业时必须放置警示牌。',
        },
        {
          nature: 'non_responsible', weight: 1,
          basis: '调取监控并现场查看，事发处地面干燥、无障碍物，为顾客行走时自行摔倒。',
          result: '已协助顾客到医务室处理伤口，并向顾客出示监控记录，顾客表示理解。',
          explanation: '您好，经调取监控并和保洁、安保一起现场查看，事发时地面干燥，没有积水或障碍物。我们理解您的心情，商场已安排医务室为您处理伤口，并把监控记录提供给您；如有疑问，欢迎随时联系客服中心。',
        },
      ],
    },
    resultMinutes: [60, 1440],
  },
  {
    key: 'mall-car-scratched', kind: 'complaint', weight: 3, category: [M, '其他', '其他'], department: 'security',
    texts: ['我的车停在商场B2，出来发现车门被划了一道。', '在你们停车场停了两个小时，回来车灯被撞碎了，车牌{plate}。'],
    results: ['已提供监控录像并联系对方车主，双方已通过保险公司处理。', '已向顾客致歉，协商承担维修费用，并已修复摄像头、加强停车场巡查。'],
    nature: {
      kind: 'undetermined',
      attendees: ['车主'],
      outcomes: [
        {
          nature: 'non_responsible', weight: 2,
          basis: '调取停车场监控，为其他车辆倒车时刮蹭，属车主之间的交通事故，停车场管理无过失。',
          result: '已提供监控录像并联系对方车主，双方已通过保险公司处理。',
          explanation: '您好，经调取停车场监控，您的车辆是被其他车辆倒车时刮蹭的，属于车主之间的事故。我们已把监控录像提供给您，并联系到对方车主，建议双方通过保险公司处理；如需报警，商场可以协助。',
        },
        {
          nature: 'responsible', weight: 1,
          basis: '调取监控发现该区域摄像头故障、当班漏巡，无法查到肇事车辆，属停车场管理疏漏。',
          result: '已向顾客致歉，协商承担维修费用，并已修复摄像头、加强停车场巡查。',
        },
      ],
    },
    resultMinutes: [120, 2880],
  },
];

export const MALL_NATURE_COMPLAINTS: Topic[] = [...NON_RESPONSIBLE, ...ASSISTANCE, ...UNDETERMINED];
