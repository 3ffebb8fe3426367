import { GOODS, WEAR } from './demo-mall-brands.js';
import type { Topic } from './demo-texts.js';

/** Shoppers' complaints about service, goods and prices (S3 服务质量, 商品, 价格). */
const M = '商场服务';

export const MALL_COMPLAINT_ASKS = [
  '希望商场严肃处理。', '我要求当面道歉。', '你们商场就是这样管理的吗？', '请给我一个合理的答复。',
  '要求退货退款。', '不处理的话我就去消协投诉。', '希望以后注意。', '',
] as const;

export const MALL_SERVICE_COMPLAINTS: Topic[] = [
  {
    key: 'attitude', brandTags: ['fashion', 'shoes', 'jewel', 'beauty'], kind: 'complaint', weight: 7, category: [M, '服务质量', '待客态度'], department: 'operations',
    texts: [
      '我在{bfloor}的{brand}试{item}，店员一直翻白眼，说买不起就别试。',
      '{brand}的导购态度太差了，我问了两遍价格她都不理我，只顾着玩手机。',
      '{brand}结账的时候收银员把零钱直接扔在台面上，态度很不好。',
      '我{days}去{brand}退{item}，店员当着别人的面大声嚷嚷，让我很难堪。',
      '{brand}的店员一直跟着我推销，说了不需要还不停，很烦。',
    ],
    asks: MALL_COMPLAINT_ASKS,
    results: [
      '营运部已约谈专柜负责人，涉事店员已向顾客当面道歉并停岗培训。',
      '经调取监控核实情况属实，专柜对店员作出处罚，并向顾客致歉赠送小礼品。',
      '已与专柜核实，收银员态度确有不当，已责令整改并向顾客电话致歉。',
      '已协调专柜为顾客办理退货，店长向顾客当面致歉。',
      '已提醒专柜规范导购行为，不得强行推销。',
    ],
    resultMinutes: [60, 1440],
  },
  {
    key: 'expertise', brandTags: WEAR, kind: 'complaint', weight: 2, category: [M, '服务质量', '专业知识'], department: 'operations',
    texts: ['{brand}的导购说这件{item}可以机洗，结果一洗就缩水了。', '在{brand}问{item}的材质和保养，店员一问三不知。'],
    asks: MALL_COMPLAINT_ASKS,
    results: ['专柜承认导购介绍有误，已为顾客办理退货。', '已要求专柜加强商品知识培训。'],
    resultMinutes: [120, 2880],
  },
  {
    key: 'broken-promise', brandTags: GOODS, kind: 'complaint', weight: 2, category: [M, '服务质量', '约定失信'], department: 'operations',
    texts: ['{brand}说{item}调货三天就到，现在一个星期了还没消息，打电话也没人接。', '说好会员日积分翻倍，结果积分到现在都没到账。', '{brand}答应给我留的{item}，我去了说已经卖掉了。'],
    asks: MALL_COMPLAINT_ASKS,
    results: ['已督促专柜调货，货已到店并通知顾客领取，专柜致歉。', '经核实为系统延迟，积分已补发到账。', '专柜已从其他门店调货，并赠送小礼品致歉。'],
    resultMinutes: [240, 4320],
  },
  {
    key: 'storage', kind: 'complaint', weight: 1, category: [M, '服务质量', '寄存丢失'], department: 'security',
    texts: ['我在一楼寄存柜存的包，取出来发现里面的雨伞不见了。', '我寄存的购物袋被别人拿走了，工作人员也说不清楚。'],
    results: ['已调取寄存处监控，确认被其他顾客误取，已追回归还。', '经查监控为他人误取，已联系对方送回，并完善寄存核对流程。'],
    resultMinutes: [60, 1440],
  },
  {
    key: 'music', kind: 'complaint', weight: 1, category: [M, '服务质量', '背景音乐'], department: 'engineering',
    texts: ['商场背景音乐放得太大声了，跟朋友说话都听不清。', '{mfloor}的音乐一直循环同一首歌，听得头疼。'],
    results: ['已将公共区域背景音乐音量调低并更换曲目列表。', '已调整播放列表。'],
    resultMinutes: [30, 1440],
  },
  {
    key: 'hygiene', brandTags: ['fashion', 'shoes', 'home'], kind: 'complaint', weight: 3, category: [M, '服务质量', '店内卫生'], department: 'operations',
    texts: ['{mfloor}的女卫生间很脏，地上全是水，纸也没有。', '美食广场的桌子油乎乎的，半天没人收拾。', '{brand}店里有一股很大的霉味，衣服上都有味。', '母婴室的垃圾桶满了没人倒，尿不湿都堆出来了。'],
    results: [
      '已通知保洁立即清理，并增加该区域巡检频次。',
      '已要求美食广场保洁每桌及时清理。',
      '已要求专柜排查霉味来源并整改。',
      '已立即清理母婴室，并将垃圾清运调整为每两小时一次。',
    ],
    resultMinutes: [15, 600],
  },
  {
    key: 'signage', kind: 'complaint', weight: 1, category: [M, '服务质量', '指引系统'], department: 'operations',
    texts: ['停车场的指示牌太乱了，找出口找了二十分钟。', '商场里找不到母婴室的指示牌，抱着孩子转了好几圈。', '{mfloor}的楼层导览图还是老的，店铺都对不上。'],
    results: ['已在停车场增设出口指示牌及地面导向标识。', '已在各楼层扶梯口增设母婴室指引。', '楼层导览图已更新。'],
    resultMinutes: [1440, 10080],
  },
  {
    key: 'too-cold', brandTags: ['fashion'], kind: 'complaint', weight: 2, category: [M, '服务质量', '店内温度'], department: 'engineering', season: 'summer',
    texts: ['商场里空调开得太冷了，待一会儿就打喷嚏。', '{mfloor}一点都不凉快，闷得喘不过气。', '{bfloor}的{brand}店里热得不行，试衣服一身汗。'],
    results: [
      '已调整该区域空调出风温度。',
      '该区域空调机组故障，已维修，温度恢复正常。',
      '店铺空调风口调节阀卡住，已维修，温度恢复正常。',
    ],
    resultMinutes: [30, 1440],
  },
  {
    key: 'too-hot', kind: 'complaint', weight: 2, category: [M, '服务质量', '店内温度'], department: 'engineering', season: 'winter',
    texts: ['商场里暖气开得太足了，穿着羽绒服热得冒汗。', '{mfloor}入口那里冷风直往里灌，冻得不行。'],
    results: ['已调低公共区域供暖温度。', '已开启入口风幕机并加装门帘。'],
    resultMinutes: [30, 1440],
  },
  {
    key: 'quality-wear', kind: 'complaint', weight: 3, category: [M, '商品', '商品品质'], department: 'operations', brandTags: WEAR,
    texts: [
      '{days}在{brand}买的{item}，穿了两次就开线了。', '{item}洗了一次就严重掉色，把别的衣服都染了。',
      '{days}在{brand}买的{item}，没穿几次就变形了，{price}块钱就这质量？',
    ],
    asks: ['要求退货。', '要求退款或者换新。', '希望商场给个说法。', ''],
    results: ['经专柜确认属质量问题，已为顾客办理退货退款。', '已为顾客更换同款新品，专柜致歉。', '已将商品送检，确认为质量问题，按规定退货并赔偿。'],
    resultMinutes: [60, 4320],
  },
  {
    key: 'quality-goods', kind: 'complaint', weight: 3, category: [M, '商品', '商品品质'], department: 'operations',
    brandTags: ['kids', 'home', 'digital', 'appliance', 'jewel', 'beauty'],
    texts: [
      '在{brand}买的{item}才用了一周就坏了，{price}块钱的东西就这质量？', '在{brand}买的{item}有一股很大的刺鼻味道，放了好几天都没散。',
      '{days}在{brand}买的{item}拆开发现有瑕疵，店员说是正常的。', '{days}买的{item}用了没几次就出问题了，{brand}让我自己找厂家。',
    ],
    asks: ['要求退货。', '要求退款或者换新。', '希望商场给个说法。', ''],
    results: [
      '经专柜确认属质量问题，已为顾客办理退货退款。',
      '已将商品送检，甲醛等指标合格，专柜同意为顾客退货。',
      '已为顾客更换同款新品，专柜致歉。',
      '已协调专柜负责联系厂家，先行为顾客换新。',
    ],
    resultMinutes: [60, 4320],
  },
  {
    key: 'expired', kind: 'complaint', weight: 2, category: [M, '商品', '商品过期'], department: 'operations',
    texts: ['在{market}买的{food}，回家一看已经过期三天了。', '{market}货架上还摆着过期的{food}，我孩子差点吃了。'],
    asks: ['按规定要求赔偿。', '你们超市得好好查一查。', ''],
    results: ['已核实属实，按规定退一赔十，并对超市全面排查临期商品。', '超市已下架过期商品，向顾客道歉并赔偿。'],
    resultMinutes: [60, 1440],
  },
  {
    key: 'no-label', kind: 'complaint', weight: 1, category: [M, '商品', '三无'], department: 'operations',
    texts: ['在{mfloor}中庭临时摊位买的充电宝，上面没有厂名厂址，用一次就鼓包了。', '中庭特卖会上买的护肤品，包装上连生产日期都没有。'],
    results: ['已要求摊位撤场，为顾客全额退款。', '已责令特卖商家下架相关商品并退款。'],
    resultMinutes: [120, 2880],
  },
  {
    key: 'fake', brandTags: ['jewel', 'beauty', 'shoes', 'digital'], kind: 'complaint', weight: 1, category: [M, '商品', '假冒'], department: 'operations',
    texts: ['在{brand}买的{item}，拿去别的店验了说是假的。', '我怀疑{brand}卖的{item}是仿品，做工跟官网差太多了。'],
    asks: ['要求假一赔三。', '这事我会找消协。', ''],
    results: ['已将商品送第三方检测，结果为正品，已向顾客出示检测报告。', '专柜提供进货凭证，顾客认可，已办理退货处理。'],
    resultMinutes: [1440, 7200],
  },
  {
    key: 'short-weight', kind: 'complaint', weight: 1, category: [M, '商品', '计量不全'], department: 'operations',
    texts: ['{market}称的{food}，回家一称少了快二两。', '{market}的熟食称重连盒子一起算钱。'],
    results: ['经复秤确认电子秤误差超标，已校准并补偿顾客差价。', '已要求超市去皮称重，退还差价。'],
    resultMinutes: [60, 1440],
  },
  {
    key: 'unsafe', brandTags: ['kids'], kind: 'complaint', weight: 1, category: [M, '商品', '性能不安全'], department: 'operations',
    texts: ['在美家电器买的{appliance}，插上电没多久就冒烟了，吓死人。', '给孩子买的{item}有很多小零件，一掰就掉，太危险了。'],
    results: ['已为顾客全额退款，商品退厂检测。', '已要求商家下架并为顾客退货。'],
    resultMinutes: [120, 2880],
  },
  {
    key: 'price-mismatch', kind: 'complaint', weight: 3, category: [M, '价格', '标售价不符'], department: 'operations',
    texts: ['{brand}的{item}价签上写的{price}元，结账的时候多收了一百多。', '{market}货架上标的特价，收银台扫出来是原价。', '价签上写着打八折，结账还是按原价收的。'],
    asks: MALL_COMPLAINT_ASKS,
    results: [
      '经核实价签未及时更换，已按标价退还差价并致歉。',
      '已退还差价，并要求超市每日核对价签。',
      '经核实为收银系统折扣未生效，已退还差价。',
    ],
    resultMinutes: [30, 1440],
  },
  {
    key: 'overpriced', kind: 'complaint', weight: 1, category: [M, '价格', '售价过高'], department: 'operations',
    texts: ['同样的{item}，网上便宜了快一半，你们这价格也太离谱了。', '美食广场一碗面卖四十多，比外面贵太多了。'],
    results: ['已向顾客解释定价由商户自主确定，已将意见反馈商户。', '已将意见转达商户，商户推出平价套餐。'],
    nature: {
      kind: 'non_responsible',
      bases: ['商品价格由商户依法自主定价且已明码标价，不属于商场服务过失。'],
      explanations: [
        '您好，商场内商品由各品牌商户依法自主定价，线上线下的价格政策也由品牌自行制定，商场没有定价的权限。您的意见我们已经转达给专柜，专柜也愿意为您介绍店内正在进行的优惠活动。',
        '您好，美食广场的菜品价格由各餐饮商户依法自主确定并明码标价，商场没有定价的权限。您的意见我们已经转达给商户，也会在商户例会上反馈顾客对价格的意见。',
      ],
    },
    resultMinutes: [240, 4320],
  },
  {
    key: 'multi-price', kind: 'complaint', weight: 1, category: [M, '价格', '一物多价'], department: 'operations',
    texts: ['同一款{item}，二楼和三楼两个柜台价格不一样。', '{market}同一个商品货架上贴了两个价签。'],
    results: ['已统一价格，按低价退还差价。'],
    resultMinutes: [60, 1440],
  },
  {
    key: 'fake-discount', kind: 'complaint', weight: 1, category: [M, '价格', '提价打折'], department: 'operations',
    texts: ['{brand}先涨价再打折，我上周看{item}是{price}元，现在打完折反而更贵了。'],
    asks: ['这是欺骗消费者。', ''],
    results: ['已核查专柜调价记录，责令整改并退还顾客差价。'],
    resultMinutes: [240, 4320],
  },
  {
    key: 'unclear-price', kind: 'complaint', weight: 1, category: [M, '价格', '价格标示不清晰'], department: 'operations',
    texts: ['超市生鲜区的价签是按斤还是按公斤根本看不清。', '{brand}的价签写得密密麻麻，根本看不出是原价还是折后价。'],
    results: ['已要求统一价签格式，标明计价单位。'],
    resultMinutes: [240, 4320],
  },
];
