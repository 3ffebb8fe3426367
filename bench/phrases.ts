import type { WorkOrderKind } from '@huiyin/domain';

/**
 * A small phrase bank for work-order descriptions. A description is one topic
 * clause, often followed by a detail and a request, joined by Chinese commas —
 * "3号楼电梯又坏了，已经反映过两次了，希望尽快处理。" Topic weights give search
 * words realistic frequencies: 电梯 and 漏水 are everyday words, 消防 is rare.
 *
 * Placeholders: {b} building, {u} staircase unit, {f} floor, {g} garage level,
 * {m} mall floor, {s} shop, {d} duration.
 */
export type Department = 0 | 1 | 2 | 3; // index into DEFAULT_DEPARTMENTS: 客服部, 工程部, 安保部, 保洁部
export type Place = 'home' | 'mall' | 'both';

export interface Topic {
  weight: number;
  place: Place;
  kinds: readonly (readonly [WorkOrderKind, number])[];
  department: Department;
  /** Category path in the seeded tree, or null for none. */
  category: string | null;
  clauses: readonly string[];
}

const P = '物业服务/';
const M = '商场服务/';

export const TOPICS: readonly Topic[] = [
  {
    weight: 10, place: 'home', kinds: [['repair', 7], ['complaint', 3]], department: 1, category: `${P}维修/电梯`,
    clauses: ['{b}号楼电梯又坏了', '{b}栋{u}单元电梯停在{f}楼不动', '电梯门关不上，反复开关', '电梯运行时有异响，晃动厉害', '{b}号楼电梯困人', '电梯按钮失灵，按了没反应', '{b}栋电梯里有人抽烟'],
  },
  {
    weight: 7, place: 'home', kinds: [['repair', 8], ['complaint', 2]], department: 1, category: `${P}维修/水电维修`,
    clauses: ['楼上卫生间漏水，天花板一直滴水', '{b}号楼地下室漏水', '厨房水管漏水', '外墙漏水，一下雨就渗进屋里', '{g}车库顶板漏水，车被淋了', '阳台地漏返水'],
  },
  {
    weight: 5, place: 'home', kinds: [['complaint', 9], ['suggestion', 1]], department: 0, category: `${P}噪音/装修噪音`,
    clauses: ['{b}号楼{f}楼夜间装修噪音扰民', '楼下商铺音响噪音太大', '空调外机噪音很大，晚上睡不着', '小区广场舞噪音太吵', '水泵房噪音扰民'],
  },
  {
    weight: 6, place: 'home', kinds: [['complaint', 6], ['inquiry', 3], ['help', 1]], department: 2, category: `${P}停车/车位`,
    clauses: ['地下车库{g}层车位被别人占用', '消防通道乱停车没人管', '停车场道闸抬不起来', '咨询临时停车收费标准', '访客停车收费不合理', '电动车停车棚充电桩坏了'],
  },
  {
    weight: 3, place: 'home', kinds: [['inquiry', 6], ['complaint', 4]], department: 0, category: `${P}收费/物业费`,
    clauses: ['物业费收费标准有疑问', '物业费账单金额不对', '咨询物业费缴纳方式', '要求公示物业费收支明细'],
  },
  {
    weight: 4, place: 'home', kinds: [['repair', 5], ['help', 3], ['complaint', 2]], department: 2, category: `${P}安保/门禁`,
    clauses: ['门禁卡失灵，进不了单元门', '{b}号楼门禁人脸识别不了', '单元门门禁坏了一直开着', '申请补办门禁卡'],
  },
  {
    weight: 6, place: 'home', kinds: [['complaint', 7], ['suggestion', 3]], department: 3, category: `${P}保洁环境/垃圾清运`,
    clauses: ['楼道垃圾好几天没人清理', '{b}号楼垃圾桶满了没人清运', '保洁阿姨打扫不干净', '地下车库有异味', '垃圾分类投放点太远'],
  },
  {
    weight: 6, place: 'home', kinds: [['repair', 7], ['inquiry', 3]], department: 1, category: `${P}市政配套/供水`,
    clauses: ['家里突然停水了', '{b}号楼楼道灯坏了', '停电没有提前通知', '水压太低，{f}楼热水器打不着', '户内电路跳闸'],
  },
  {
    weight: 2, place: 'home', kinds: [['suggestion', 5], ['complaint', 5]], department: 3, category: `${P}绿化/绿植养护`,
    clauses: ['小区绿化带杂草太多', '树枝挡住{f}楼窗户，需要修剪', '草坪被人种菜'],
  },
  {
    weight: 3, place: 'home', kinds: [['complaint', 1]], department: 0, category: `${P}邻里/宠物`,
    clauses: ['邻居的狗半夜一直叫', '小区里狗屎没人清理', '楼上往下扔东西', '邻居在楼道堆放杂物'],
  },
  {
    weight: 3, place: 'home', kinds: [['complaint', 6], ['help', 4]], department: 2, category: `${P}安保/巡逻`,
    clauses: ['陌生人随意进出小区', '放在门口的快递被人拿走了', '晚上巡逻保安不见人'],
  },
  {
    weight: 2, place: 'both', kinds: [['help', 5], ['complaint', 5]], department: 0, category: null,
    clauses: ['快递柜满了放不进去', '快递员不送上楼'],
  },
  {
    weight: 2, place: 'home', kinds: [['repair', 1]], department: 1, category: `${P}市政配套/供热`,
    clauses: ['暖气不热', '燃气表显示异常'],
  },
  {
    weight: 1, place: 'both', kinds: [['complaint', 6], ['suggestion', 4]], department: 2, category: null,
    clauses: ['消防通道被杂物堵住', '楼道灭火器过期了'],
  },
  {
    weight: 3, place: 'home', kinds: [['inquiry', 1]], department: 0, category: null,
    clauses: ['咨询装修审批流程', '咨询车位租赁价格', '询问业主大会召开时间'],
  },
  {
    weight: 3, place: 'both', kinds: [['praise', 1]], department: 0, category: null,
    clauses: ['感谢{b}号楼保安师傅帮忙搬东西', '表扬维修师傅服务态度好', '保洁阿姨很负责，点赞'],
  },
  // Owners who write traditional script (香港、台湾业主): 電梯 must still find 电梯.
  {
    weight: 1.5, place: 'home', kinds: [['repair', 6], ['complaint', 4]], department: 1, category: `${P}维修/电梯`,
    clauses: ['{b}座電梯故障', '樓上單位漏水', '停車場收費太貴', '管理費單據有誤', '門禁卡失靈'],
  },
  // Mall topics.
  {
    weight: 4, place: 'mall', kinds: [['complaint', 8], ['suggestion', 2]], department: 1, category: `${M}服务质量/店内温度`,
    clauses: ['商场{m}楼空调不制冷', '商场空调开得太冷', '{s}里面特别闷热'],
  },
  {
    weight: 3, place: 'mall', kinds: [['complaint', 1]], department: 3, category: `${M}硬件/设施设备`,
    clauses: ['商场卫生间没有纸巾', '{m}楼卫生间地面湿滑'],
  },
  {
    weight: 4, place: 'mall', kinds: [['complaint', 1]], department: 0, category: `${M}服务质量/待客态度`,
    clauses: ['{s}店员服务态度差', '{s}收银员态度恶劣'],
  },
  {
    weight: 3, place: 'mall', kinds: [['complaint', 7], ['inquiry', 3]], department: 0, category: `${M}售后服务/退货`,
    clauses: ['在{s}买的衣服要求退货', '{s}拒绝换货', '{s}买的食品过期了'],
  },
  {
    weight: 2, place: 'mall', kinds: [['complaint', 6], ['help', 4]], department: 2, category: null,
    clauses: ['商场停车场找不到车位', '停车缴费系统扣费两次'],
  },
  {
    weight: 2, place: 'mall', kinds: [['repair', 5], ['complaint', 5]], department: 1, category: `${M}硬件/设施设备`,
    clauses: ['商场扶梯突然停了', '{m}楼直梯门夹人'],
  },
  {
    weight: 1, place: 'mall', kinds: [['help', 1]], department: 2, category: null,
    clauses: ['孩子在商场走失，请求广播寻人', '钱包丢在{s}附近'],
  },
];

export const DETAILS: readonly (readonly [string, number])[] = [
  ['已经反映过两次了', 5], ['从昨天开始就这样', 4], ['影响正常休息', 3], ['家里有老人小孩，很不方便', 3],
  ['上周刚修过又坏了', 3], ['拍了照片可以提供', 2], ['邻居也有同样的问题', 2], ['持续{d}了', 3],
  ['情况比较紧急', 2], ['打了好几次电话都没人接', 2], ['之前的工单一直没有结果', 1],
];

export const ASKS: readonly (readonly [string, number])[] = [
  ['希望尽快处理', 6], ['请安排师傅上门查看', 4], ['请物业协调解决', 3], ['要求给个说法', 2],
  ['处理完请回电', 3], ['麻烦尽快派人来看看', 3], ['希望加强管理', 2],
];

export const SHOPS = ['三楼奶茶店', '二楼服装店', '一楼超市', '四楼影院', '负一楼美食广场', '五楼儿童乐园', '二楼化妆品专柜'];
export const DURATIONS = ['半小时', '一个多小时', '两天', '三天', '一个星期'];

export const RESULTS = ['已安排师傅上门处理完毕', '已联系相关商户协调解决', '已向业主解释收费标准', '已加强巡查并清理完毕', '已更换损坏部件，恢复正常'];
export const CANCEL_REASONS = ['重复工单', '业主表示问题已自行解决', '误报'];

export const SURNAMES: readonly (readonly [string, number])[] = [
  ['王', 7], ['李', 7], ['张', 7], ['刘', 5], ['陈', 5], ['杨', 3], ['黄', 2.5], ['赵', 2.5], ['吴', 2], ['周', 2],
  ['徐', 1.5], ['孙', 1.5], ['马', 1.5], ['朱', 1.3], ['胡', 1.3], ['郭', 1.2], ['何', 1.2], ['林', 1.1], ['罗', 1], ['欧阳', 0.2],
];
export const GIVEN_NAMES = ['建国', '秀英', '伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀兰', '霞', '平', '刚', '桂英', '志华', '晓红'];

/** Words the search benchmark asks for, common and rare, plus one in traditional script. */
export const SEARCH_WORDS = ['电梯', '漏水', '停车', '噪音', '门禁', '垃圾', '物业费', '空调', '快递', '保洁', '消防', '電梯'];
