import { ANY, DELIVERED, WEAR } from './demo-mall-brands.js';
import { MALL_COMPLAINT_ASKS } from './demo-texts-mall-complaints.js';
import type { Topic } from './demo-texts.js';

/** Complaints about after-sales, promotions, the tills and the building (S3 售后服务, 广告宣传, 财务, 其他, 硬件). */
const M = '商场服务';

export const MALL_AFTERSALES_COMPLAINTS: Topic[] = [
  {
    key: 'late-delivery', brandTags: DELIVERED, kind: 'complaint', weight: 2, category: [M, '售后服务', '未按时送货'], department: 'operations',
    texts: ['在美家电器买的{appliance}说好昨天送货，在家等了一天也没人来。', '{brand}说{item}三天内送到，今天都第五天了。'],
    results: ['已督促商户当天送达，并赠送代金券致歉。', '已联系物流加急，次日送达。'],
    resultMinutes: [120, 2880],
  },
  {
    key: 'wrong-delivery', brandTags: DELIVERED, kind: 'complaint', weight: 1, category: [M, '售后服务', '货物送错'], department: 'operations',
    texts: ['送到家的{item}颜色不对，跟我买的不一样。', '在森活家居买的四件套，送来的尺寸是一米五的，我买的是一米八的。'],
    results: ['商户已上门更换正确商品。'],
    resultMinutes: [240, 4320],
  },
  {
    key: 'not-delivered', kind: 'complaint', weight: 1, category: [M, '售后服务', '未送货物'], department: 'operations',
    texts: ['付了钱说送货上门，到现在都没送，打电话也推来推去。', '买满送的赠品说后面寄给我，一直没收到。'],
    results: ['已查明为商户漏单，已安排送货并致歉。', '赠品已补寄，附快递单号告知顾客。'],
    resultMinutes: [240, 4320],
  },
  {
    key: 'damaged', brandTags: ['fashion', 'home'], kind: 'complaint', weight: 1, category: [M, '售后服务', '货物破损污浊'], department: 'operations',
    texts: ['送到家一打开，{appliance}外壳是裂的。', '{days}买的{item}拿回家发现上面有一块污渍。'],
    results: ['已为顾客更换新品。', '已为顾客办理换货。'],
    resultMinutes: [240, 2880],
  },
  {
    key: 'refund-refused', kind: 'complaint', weight: 4, category: [M, '售后服务', '退货'], department: 'operations',
    texts: ['我{days}买的{item}还没拆封，想退货，{brand}说特价商品不退。', '在{brand}买的{item}有质量问题，店员说过了七天不给退。', '发票小票都在，{brand}就是不给退，说要找经理，经理又不在。'],
    asks: MALL_COMPLAINT_ASKS,
    results: ['经核实符合退货条件，已协调专柜为顾客办理退货。', '经核实已超七天且非质量问题，已向顾客解释退货规定，专柜同意换货。', '已协调专柜按质量问题办理退货。'],
    resultMinutes: [30, 1440],
  },
  {
    key: 'exchange', brandTags: ['fashion', 'shoes', 'kids'], kind: 'complaint', weight: 2, category: [M, '售后服务', '换货'], department: 'operations',
    texts: ['{item}尺码不合适，想换一个码，店员说过了三天不能换。', '{brand}的{item}换了一次还是有问题，还要我再等半个月。'],
    results: ['已协调专柜为顾客换货。', '已要求专柜优先调货，当周完成换货。'],
    resultMinutes: [60, 2880],
  },
  {
    key: 'slow-repair', kind: 'complaint', weight: 2, category: [M, '售后服务', '维修不及时'], department: 'operations',
    texts: ['在数码港买的{gadget}送修一个月了还没修好，每次问都说在等配件。', '我的手表送修快两个月了，一直没消息。'],
    results: ['已督促商户联系厂家加急，维修完成并通知顾客取回。', '已协调商户提供备用机并承诺两周内修复。'],
    resultMinutes: [1440, 7200],
  },
  {
    key: 'repair-refused', kind: 'complaint', weight: 1, category: [M, '售后服务', '拒修'], department: 'operations',
    texts: ['{gadget}在保修期内坏了，店家说是人为损坏不给修。'],
    results: ['经厂家检测确认非人为损坏，已免费维修。'],
    resultMinutes: [1440, 7200],
  },
  {
    key: 'repair-fee', brandTags: WEAR, kind: 'complaint', weight: 1, category: [M, '售后服务', '乱收费'], department: 'operations',
    texts: ['保修期内维修还收我两百块检测费。', '{brand}修个拉链要收一百块，太离谱了。'],
    results: ['已要求商户退还检测费。', '已与商户沟通，按公示价格收费并退还差额。'],
    resultMinutes: [240, 2880],
  },
  {
    key: 'repair-poor', kind: 'complaint', weight: 1, category: [M, '售后服务', '维修质量差'], department: 'operations',
    texts: ['手表修了一次拿回来走时还是不准。', '{gadget}修过之后还是同样的毛病。'],
    results: ['已安排二次维修并延长保修期。', '商户已为顾客换新。'],
    resultMinutes: [1440, 7200],
  },
  {
    key: 'pop', kind: 'complaint', weight: 1, category: [M, '广告宣传', '店内POP'], department: 'marketing',
    texts: ['店里POP上写着买一送一，结账的时候说这款不参加活动。', '{brand}门口的海报活动早结束了还贴着。'],
    results: ['已按POP所示为顾客履行优惠，并撤除过期海报。'],
    resultMinutes: [60, 1440],
  },
  {
    key: 'dm', kind: 'complaint', weight: 1, category: [M, '广告宣传', 'DM宣传册'], department: 'marketing',
    texts: ['DM单上印的特价{item}，到店里说已经卖完了，活动第一天就卖完？', '宣传册上的价格跟店里的不一样。'],
    results: ['已协调商户为顾客预留并按DM价格销售。', '已核实为印刷错误，按宣传价格补偿顾客。'],
    resultMinutes: [60, 1440],
  },
  {
    key: 'promo-unclear', kind: 'complaint', weight: 2, category: [M, '广告宣传', '促销说明不清'], department: 'marketing',
    texts: ['满300减50到底怎么算的？结账的时候跟我说的不一样。', '说是全场八折，结果好多东西都不参加，哪里写了？'],
    results: ['已向顾客说明活动规则，并要求各专柜在收银处明示。', '已退还顾客差额，并修改活动说明。'],
    resultMinutes: [30, 1440],
  },
  {
    key: 'false-ad', kind: 'complaint', weight: 1, category: [M, '广告宣传', '广告宣传不实'], department: 'marketing',
    texts: ['宣传说全场五折起，进去一看就几件是五折。', '广告上说停车免费，结果还要消费满两百。'],
    results: ['已修改宣传用语，并向顾客致歉。'],
    resultMinutes: [240, 4320],
  },
  {
    key: 'gift-poor', kind: 'complaint', weight: 1, category: [M, '广告宣传', '赠品不好'], department: 'marketing',
    texts: ['买满送的赠品杯子一用就漏水。', '会员日送的雨伞打开就坏了。'],
    results: ['已为顾客更换赠品，并要求供应商整改。'],
    resultMinutes: [60, 1440],
  },
  {
    key: 'double-charge', brandTags: ANY, kind: 'complaint', weight: 2, category: [M, '财务', '多刷错刷'], department: 'finance',
    texts: ['{brand}结账的时候刷了我两次卡，扣了两笔钱。', '在{brand}买东西，收银员多输了一个零，我刚看到扣款短信。'],
    results: ['财务部核对流水确认重复扣款，已原路退回。', '已核实并退还多收款项。'],
    resultMinutes: [60, 2880],
  },
  {
    key: 'card-dead', kind: 'complaint', weight: 1, category: [M, '财务', '卡无磁'], department: 'finance',
    texts: ['商场的储值卡刷不出来了，里面还有八百多块。', '购物卡消磁了，收银台说读不出来。'],
    results: ['已为顾客换发新卡，余额转入。'],
    resultMinutes: [30, 1440],
  },
  {
    key: 'change-wrong', brandTags: ANY, kind: 'complaint', weight: 1, category: [M, '财务', '找钱不清'], department: 'finance',
    texts: ['{brand}的收银员少找我五十块钱。', '超市收银找零少了二十，收银员还不承认。'],
    results: ['已调取收银监控并核对当班现金，确认少找，已退还顾客。', '经核对当班现金无长款，已向顾客说明。'],
    resultMinutes: [60, 1440],
  },
  {
    key: 'pos', kind: 'complaint', weight: 1, category: [M, '财务', '收银系统'], department: 'finance',
    texts: ['收银台系统一直卡，排队排了二十分钟。', '扫码付款付了两次都显示失败，钱却扣了。'],
    results: ['收银系统网络故障已修复，重复扣款已退回。'],
    resultMinutes: [30, 1440],
  },
  {
    key: 'voucher-refused', brandTags: ANY, kind: 'complaint', weight: 1, category: [M, '其他', '礼券拒收'], department: 'marketing',
    texts: ['公司发的商场礼券，{brand}说不收。', '购物卡在美食广场用不了，你们宣传的时候可没说。'],
    results: ['已与商户确认礼券通用规则，商户已同意收取。', '已向顾客解释礼券使用范围，并改进宣传说明。'],
    resultMinutes: [30, 1440],
  },
  {
    key: 'theft', kind: 'complaint', weight: 1, category: [M, '其他', '物品失窃'], department: 'security',
    texts: ['我在美食广场吃饭，放在椅子上的包被偷了，你们的保安都在干什么？', '我的电动车停在商场门口被偷了，那里不是有监控吗？'],
    results: ['已调取监控并协助顾客报警，配合警方处理。', '已提供监控录像并协助报警，加强门口巡逻。'],
    resultMinutes: [60, 2880],
  },
  {
    key: 'tenant-complaint', kind: 'complaint', weight: 3, category: [M, '其他', '厂商投诉'], department: 'operations', audience: ['tenant'],
    texts: [
      '我们是{sunit}的{shop}，隔壁店铺音响开得太大，影响我们做生意。', '商场这个月的推广费扣得不合理，没有提前通知我们。',
      '{shop}门口被临时摊位挡住了，顾客都看不到我们店。', '商场空调早上开得太晚，我们{shop}开门的时候店里热得不行。',
      '货梯{since}都不能用，我们上货只能走客梯，被保安拦着。',
    ],
    results: ['营运部已协调相邻商户控制音量。', '已与商户核对推广费明细并作出说明，多扣部分已退回。', '已调整临时摊位位置。', '已调整空调开启时间至开业前半小时。', '货梯已修复，期间已安排错峰使用客梯上货。'],
    resultMinutes: [240, 4320],
  },
  {
    key: 'escalator-down', kind: 'complaint', weight: 2, category: [M, '硬件', '设施设备'], department: 'engineering',
    texts: ['{mfloor}的扶梯停了好几天了，也不贴个通知什么时候修好。', '商场的直梯等了五分钟都不来，几部电梯停了一半。'],
    results: ['扶梯驱动链更换完毕，已恢复运行，并在现场张贴通知。', '已调整电梯运行模式，故障电梯已维修。'],
    resultMinutes: [120, 2880],
  },
  {
    key: 'decor', kind: 'complaint', weight: 1, category: [M, '硬件', '道具美陈'], department: 'marketing',
    texts: ['中庭挂的装饰掉下来一个，差点砸到我孩子。', '门口的美陈道具边角很锋利，我孩子的手被划破了。'],
    results: ['已拆除松动挂件，全面检查美陈吊挂，并为顾客处理伤口赔付医药费。', '已为道具加装防护条，并向顾客致歉。'],
    resultMinutes: [30, 1440],
  },
  {
    key: 'fire-exit', kind: 'complaint', weight: 1, category: [M, '硬件', '系统设施安全'], department: 'security',
    texts: ['{mfloor}的消防通道被商户的货堆住了，太危险了。', '安全出口的指示灯不亮了。'],
    results: ['已责令商户清理消防通道，并纳入日常巡查。', '已更换安全出口指示灯。'],
    resultMinutes: [30, 1440],
  },
];
