import type { Topic } from './demo-texts.js';

/**
 * Residents' complaints: noise, cleanliness, security, parking, neighbours, utilities.
 * Slots: {bld} building (3栋 / 3号楼), {unit} the resident's flat, {floor} their
 * floor, {fnum} some floor, {when}, {since}, {hour}, {plate}, {engineer},
 * {guard}, {cleaner}, {agent} (staff as residents call them).
 */
const P = '物业服务';

export const PROPERTY_COMPLAINTS: Topic[] = [
  {
    key: 'reno-noise', kind: 'complaint', weight: 6, category: [P, '噪音', '装修噪音'], department: 'security',
    texts: [
      '楼上装修中午也在用电钻，吵得孩子没法午睡。',
      '{fnum}楼那家装修，周末早上八点不到就开始砸墙。',
      '隔壁装修{since}，天天电锯声，我在家办公根本没法开会。',
      '{bld}有户人家晚上{hour}还在装修敲东西，你们不管吗？',
      '楼下装修把楼道里弄得全是灰，电梯里也铺满了水泥渣。',
    ],
    details: ['家里老人心脏不好，受不了这个声音。', '装修时间表明明贴着，根本没人遵守。', '我上门说过，对方态度很差。'],
    results: [
      '安保部已上门告知装修户午休时段禁止施工，并纳入重点巡查。',
      '已约谈装修负责人，签署装修时间承诺书，违规将暂停其装修出入证。',
      '已上门检查装修许可，要求使用低噪设备并严格遵守施工时间。',
      '安保部当晚到场制止，约谈装修户，再次违规将暂停施工。',
      '已要求装修户每日清理楼道，保洁部已清扫电梯及楼道。',
    ],
    resultMinutes: [30, 1440],
  },
  {
    key: 'life-noise', kind: 'complaint', weight: 4, category: [P, '噪音', '生活噪音'], department: 'service',
    texts: [
      '楼上半夜拖椅子、跳绳，{hour}还咚咚响，天天如此。',
      '楼下广场舞的音响太大了，晚上九点多还在放。',
      '{bld}有户人家养了好几只鸟，每天早上五点就开始叫。',
      '楼上的孩子天天在家拍球，一拍就是一个小时。',
    ],
    results: [
      '客服部已上门与楼上住户沟通，对方表示会注意，已铺设地垫。',
      '已与广场舞负责人沟通，音乐调低并在晚八点半前结束。',
      '已上门沟通，住户同意清晨将鸟笼移至室内。',
      '已协调双方住户，约定作息时间，后续跟进。',
    ],
    nature: {
      kind: 'non_responsible',
      bases: ['住户日常生活噪音，属邻里之间的事务，不在物业服务合同约定范围内，物业负责协调。', '邻里生活噪音，物业无执法权限，按无责任投诉解释并协调。'],
      explanations: [
        '您好，楼上住户日常生活产生的声音属于邻里之间的事，不在物业服务合同约定的范围内，物业没有处罚的权限。我们会上门提醒楼上住户注意时间；如果一直影响休息，可以申请社区人民调解，夜间严重扰民也可以拨打110。',
        '您好，广场舞是居民自发组织的活动，物业没有执法权限，但我们会和组织者沟通控制音量和时间；如果仍然扰民，可以向社区居委会反映，我们也会配合。',
        '您好，住户在家养鸟属于个人生活事务，不在物业管理的范围内。我们会上门和这户业主沟通，请他们早上把鸟笼移到室内；如果沟通后仍有影响，可以申请社区人民调解。',
        '您好，住户家中孩子活动的声音属于邻里之间的事，物业没有强制的权限。我们会上门提醒楼上住户注意时间、铺设地垫；如果一直影响休息，可以申请社区人民调解。',
      ],
    },
    resultMinutes: [60, 2880],
  },
  {
    key: 'equipment-noise', kind: 'complaint', weight: 2, category: [P, '噪音', '设备噪音'], department: 'engineering',
    texts: [
      '地下室水泵房晚上一直嗡嗡响，我家住二楼，吵得睡不着。',
      '{bld}楼顶的风机噪音特别大，晚上尤其明显。',
      '电梯机房{hour}一直有咔哒咔哒的声音，我就住顶层。',
    ],
    results: ['水泵减震垫老化，已更换，噪音明显降低。', '风机轴承磨损，已更换并加装隔音罩。', '电梯曳引机抱闸调整后异响消除。'],
    resultMinutes: [240, 7200],
  },
  {
    key: 'corridor', kind: 'complaint', weight: 4, category: [P, '保洁环境', '楼道卫生'], department: 'cleaning',
    texts: [
      '{bld}楼道好几天没人拖了，楼梯上全是泥脚印。',
      '电梯里有狗尿的味道，{since}没人清理。',
      '{bld}{fnum}楼楼道里有一摊呕吐物，早上到现在还没人管。',
      '楼道扶手上全是灰，一摸一手黑。',
    ],
    results: [
      '保洁部已安排清洁，并调整该楼栋保洁频次为每日两次。',
      '已对电梯轿厢清洗消毒，并提醒养犬住户。',
      '已及时清理，并对保洁员进行批评教育。',
      '已安排擦拭楼道扶手，并纳入每周保洁计划。',
    ],
    resultMinutes: [20, 600],
  },
  {
    key: 'garbage', kind: 'complaint', weight: 4, category: [P, '保洁环境', '垃圾清运'], department: 'cleaning',
    texts: [
      '{bld}旁边的垃圾房满了，都堆到外面来了，臭得不行。',
      '楼下的装修垃圾堆了一个星期了，一直没人清走。',
      '垃圾桶{when}就满了，到现在都没清运，招了一堆苍蝇。',
      '垃圾分类点的桶盖坏了，野猫把垃圾翻得满地都是。',
    ],
    details: ['夏天这个味道真受不了。', '我家窗户正对着垃圾房。'],
    results: [
      '已联系清运公司加派车辆清运完毕，并对垃圾房冲洗消毒。',
      '已督促装修户清运建筑垃圾，逾期由物业代清并收费。',
      '已安排清运并增加清运次数。',
      '已更换垃圾桶并加装防野猫盖板。',
    ],
    resultMinutes: [30, 1440],
  },
  {
    key: 'pests', kind: 'complaint', weight: 2, category: [P, '保洁环境', '消杀'], department: 'cleaning',
    texts: [
      '最近楼道里蟑螂特别多，爬到我家门口了。', '垃圾房附近老鼠很多，晚上都能看见。',
      '小区里蚊子太多了，草丛边上根本不能站人。',
    ],
    results: ['已对该楼栋及垃圾房进行消杀，投放灭蟑药饵，一周后复查。', '已安排灭鼠，投放鼠饵站并张贴提示。', '已对绿化带进行灭蚊消杀，之后每周一次。'],
    resultMinutes: [240, 4320],
  },
  {
    key: 'patrol', kind: 'complaint', weight: 3, category: [P, '安保', '巡逻'], department: 'security',
    texts: [
      '我停在{bld}楼下的电动车{when}被偷了，你们晚上到底有没有巡逻？',
      '晚上小区里根本看不到保安巡逻，{bld}后面那条路黑乎乎的。',
      '门岗保安{when}在岗亭里睡觉，外人进出都不管。',
      '有人半夜在小区里大声喧哗喝酒，保安也不制止。',
    ],
    results: [
      '已调取监控并协助业主报警，加强夜间巡逻频次。',
      '已增设夜间巡逻点位并安排双人巡逻。',
      '已对当班保安进行处罚，重申岗位纪律。',
      '保安到场劝离，之后加强夜间巡查。',
    ],
    resultMinutes: [60, 2880],
  },
  {
    key: 'outsiders', kind: 'complaint', weight: 2, category: [P, '安保', '车辆管理'], department: 'security',
    texts: [
      '外卖电动车随便进小区，在人行道上开得飞快，差点撞到孩子。',
      '外来车辆随便就能开进来，停得到处都是。',
      '快递车每天停在{bld}门口装卸，堵着路。',
    ],
    results: ['已规定外卖电动车在东门停放，由骑手步行送达。', '已加强门岗对外来车辆登记，无预约车辆不予放行。', '已与快递公司沟通，指定临时装卸点。'],
    resultMinutes: [60, 2880],
  },
  {
    key: 'space-taken', kind: 'complaint', weight: 4, category: [P, '停车', '车位'], department: 'security',
    texts: [
      '我的车位又被别人占了，车牌{plate}，{since}。',
      '我买的产权车位被人停了，打电话也不接。',
      '地库里有辆车长期压着我的车位线停，我每次都倒不进去。',
    ],
    results: ['已联系占位车主挪车，并张贴提示单，再次占用将禁止其进入。', '已联系车主挪车，并在车位加装地锁。', '已与邻位车主沟通规范停放。'],
    resultMinutes: [15, 600],
  },
  {
    key: 'messy-parking', kind: 'complaint', weight: 3, category: [P, '停车', '乱停车'], department: 'security',
    texts: [
      '消防通道上停满了车，真着火了消防车都进不来。',
      '{bld}门口天天有车乱停，把单元门口都堵住了。',
      '小区里共享单车乱扔，{bld}门口堆了一大片。',
    ],
    results: ['安保部已对消防通道违停车辆张贴告知单并联系挪车，增加巡查。', '已划设禁停线并安排专人疏导。', '已联系共享单车公司清运，并设置停放点。'],
    resultMinutes: [20, 1440],
  },
  {
    key: 'fee-complaint', kind: 'complaint', weight: 3, category: [P, '收费', '物业费'], department: 'service',
    texts: [
      '物业费收了这么多，服务一点没见好，电梯天天坏。',
      '我家明明交过物业费了，怎么还给我发催缴单？',
      '车位管理费为什么要跟物业费绑在一起交？',
    ],
    results: ['已向业主说明收费依据及近期服务改进计划，业主表示理解。', '经核实为系统未及时销账，已更正并向业主致歉。', '已解释收费标准及合同约定，可分开缴纳。'],
    resultMinutes: [60, 2880],
  },
  {
    key: 'pets', kind: 'complaint', weight: 3, category: [P, '邻里', '宠物'], department: 'service',
    texts: [
      '有人遛狗不牵绳，大狗冲着我孩子叫，吓得孩子直哭。',
      '草坪上到处都是狗屎，没人清理。',
      '{bld}{fnum}楼那家的狗天天叫，白天晚上都叫。',
    ],
    results: ['已在小区张贴文明养犬告示，并上门提醒相关住户。', '已安排保洁清理并增设宠物便便箱。', '已上门与养犬住户沟通，对方表示会加强管理。'],
    resultMinutes: [60, 2880],
  },
  {
    key: 'corridor-clutter', kind: 'complaint', weight: 3, category: [P, '邻里', '占用公共区域'], department: 'service',
    texts: [
      '楼道里堆满了纸箱和旧家具，消防通道都堵了。',
      '有人把电动车推到楼道里充电，太危险了。',
      '{fnum}楼那家把鞋柜放在楼道里，占了一半地方。',
    ],
    results: ['已通知相关住户限期清理，逾期由物业清理。', '已劝阻楼道充电并引导至集中充电棚。', '已上门沟通，住户已将鞋柜搬回室内。'],
    resultMinutes: [60, 4320],
  },
  {
    key: 'neighbour', kind: 'complaint', weight: 2, category: [P, '邻里', '邻里纠纷'], department: 'service',
    texts: [
      '楼上空调外机的水一直滴在我家窗台上，说了也不改。',
      '楼上晾衣服滴水，把我晒的被子都弄湿了。',
      '对门在门口装了摄像头正对着我家门，我觉得侵犯隐私。',
    ],
    results: ['已上门协调，楼上业主同意加装冷凝水管。', '已协调双方，楼上业主表示晾晒时注意。', '已协调对门住户调整摄像头角度。'],
    nature: {
      kind: 'non_responsible',
      bases: ['邻里之间的民事纠纷，不在物业服务合同约定范围内，物业负责协调。'],
      explanations: [
        '您好，空调冷凝水是楼上住户自家设备的问题，属于邻里之间的事，物业没有强制整改的权限。我们会上门协调楼上住户加装冷凝水管，并跟进结果；如协商不成，可以申请社区人民调解。',
        '您好，住户晾晒衣物属于邻里之间的生活事务，不在物业服务合同的范围内。我们会上门提醒楼上住户晾晒前把衣服拧干，或调整晾晒位置。',
        '您好，住户在自家门口安装摄像头涉及的隐私问题，属于住户之间的民事事务，物业没有拆除的权限。我们会上门协调对门调整摄像头角度；如协调不成，您可以向社区或派出所反映。',
      ],
    },
    resultMinutes: [120, 4320],
  },
  {
    key: 'green-occupied', kind: 'complaint', weight: 2, category: [P, '绿化', '绿地占用'], department: 'cleaning',
    texts: ['一楼那家把楼下的绿地圈起来种菜了，还施肥，味道很大。', '有人在绿化带里堆了一堆建材。'],
    results: ['已上门要求恢复绿地，限期整改。', '已通知清理建材并恢复绿化。'],
    resultMinutes: [240, 7200],
  },
  {
    key: 'water-supply', kind: 'complaint', weight: 3, category: [P, '市政配套', '供水'], department: 'engineering',
    texts: [
      '今天怎么突然停水了，也没看到通知，家里饭都做不了。',
      '家里的自来水有点发黄，烧开了还有沉淀。',
      '{bld}的水压一到晚上就特别低，高楼层基本没水。',
    ],
    results: ['为市政管网抢修停水，已在群内及公告栏补发通知，并向业主致歉。', '已清洗二次供水水箱并送检，水质合格。', '已调整加压泵运行参数，高峰期水压恢复。'],
    resultMinutes: [60, 2880],
  },
  {
    key: 'heating-complaint', kind: 'complaint', weight: 3, category: [P, '市政配套', '供热'], department: 'engineering', season: 'winter',
    texts: ['我们{bld}好几户暖气都不热，{since}，取暖费一分没少交。', '暖气一会热一会凉的，晚上冻得睡不着。'],
    results: ['已联系热力公司提高供水温度，并对楼内管网排气。', '已与热力公司共同检查，更换了楼栋平衡阀。'],
    resultMinutes: [120, 2880],
  },
];
