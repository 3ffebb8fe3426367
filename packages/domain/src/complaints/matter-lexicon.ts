/**
 * The words that decide whether two complaints are about "the same matter"
 * (同一事项, S1 4.6.2.2(5)). Complaint texts are short and the verbs vary freely
 * (坏了 / 停运 / 困人), so the comparison leans on two small vocabularies:
 *
 * - objects: the thing complained about (电梯, 楼道灯, 水管, 停车 …). Two
 *   complaints naming only different objects are different matters.
 * - problems: what is wrong with it (fault, leak, noise, fee …). "电梯坏了" and
 *   "电梯广告太吵" share a word but not a matter.
 *
 * Surfaces are matched as substrings of the simplified, normalised text, longest
 * first, so the result does not depend on how the segmenter happens to cut
 * ("楼道灯不亮" → 楼道 · 灯不亮). Longer surfaces win: 手扶电梯 is 扶梯, not 电梯;
 * 电梯里的灯 is the car light, not the lift. A surface may name a problem as well
 * as an object (停水 = water supply + fault).
 *
 * This is data an organisation can extend (settings.lexicon); the default
 * covers residential property and shopping-mall complaints (DOMAIN.md §3).
 */

export interface LexiconEntry {
  /** Concept codes: `obj:…` or `prob:…`. */
  readonly concepts: readonly string[];
  readonly surfaces: readonly string[];
}

export interface MatterLexicon {
  readonly entries: readonly LexiconEntry[];
  /** Words that say nothing about the matter (particles, pronouns, desk words like 物业/投诉). */
  readonly stopWords: readonly string[];
}

const obj = (name: string, surfaces: string, also: readonly string[] = []): LexiconEntry => ({
  concepts: [`obj:${name}`, ...also],
  surfaces: surfaces.split(' '),
});
const prob = (name: string, surfaces: string): LexiconEntry => ({ concepts: [`prob:${name}`], surfaces: surfaces.split(' ') });

const OBJECTS: readonly LexiconEntry[] = [
  // Lifts and their look-alikes.
  obj('电梯', '电梯 升降梯 直梯 客梯 货梯 电梯间 电梯厅 轿厢'),
  obj('扶梯', '扶梯 自动扶梯 手扶电梯 手扶梯 滚梯'),
  obj('电梯灯', '电梯里的灯 电梯里灯 电梯灯 轿厢灯 轿厢照明'),
  obj('电梯广告', '电梯广告 电梯里的广告 电梯里广告 电梯广告屏 电梯里的屏幕 电梯电视'),
  // Lights.
  obj('楼道灯', '楼道灯 楼道的灯 楼道里的灯 楼道里灯 楼道照明 走廊灯 走廊的灯 过道灯 声控灯 感应灯 楼梯灯 楼梯间的灯 楼梯间灯'),
  obj('路灯', '路灯 草坪灯 景观灯 庭院灯'),
  // Any other light: last resort, the specific lights above are longer and win.
  obj('照明', '灯 照明 灯光 灯管'),
  // Water, power, heating, gas (市政配套, S1 4.6.3.3(1)).
  obj('水管', '水管 管道 下水道 下水管 排水管 污水管 自来水管 管子 爆管'),
  // An outage word names the supply and the fault at once; the neutral words only the supply.
  obj('供水', '停水 断水 没水 没有水 水很小 水流很小', ['prob:fault']),
  obj('供水', '供水 自来水 水压 水龙头'),
  obj('供电', '停电 断电 没电 跳闸', ['prob:fault']),
  obj('供电', '供电 电压'),
  obj('供暖', '暖气 供暖 供热 地暖 采暖'),
  obj('燃气', '燃气 煤气 天然气'),
  obj('水费', '水费', ['prob:fee']),
  obj('电费', '电费', ['prob:fee']),
  obj('物业费', '物业费 管理费', ['prob:fee']),
  // 电梯维修费用 is about money, not a broken lift: the fee word must outrank 维修.
  { concepts: ['prob:fee'], surfaces: ['维修费', '维修费用', '维修基金', '分摊'] },
  // Building envelope.
  obj('屋面', '屋顶 楼顶 顶楼 天花板 天花 外墙 墙面 墙皮'),
  obj('井盖', '井盖 窨井'),
  // Parking and access.
  obj('停车', '停车 车位 车库 停车场 停车位 地库 地下车库 车场 道闸 车辆'),
  obj('停车费', '停车费 停车收费 停车场收费 车位费', ['obj:停车', 'prob:fee']),
  obj('门禁', '门禁 门禁卡 单元门 刷卡 人脸识别 大门'),
  obj('快递', '快递 快递柜 包裹'),
  obj('监控', '监控 摄像头'),
  obj('消防', '消防通道 消防栓 灭火器 消防'),
  // Environment and neighbours.
  obj('垃圾', '垃圾 垃圾桶 垃圾站 垃圾房 清运'),
  obj('绿化', '绿化 草坪 树木 树枝 花坛'),
  obj('装修', '装修 电钻 砸墙'),
  obj('广场舞', '广场舞 跳舞 舞曲'),
  obj('施工', '施工 工地 打桩'),
  obj('宠物', '宠物 狗 遛狗 犬'),
  obj('空调', '空调 冷气 空调外机 中央空调'),
  obj('厕所', '厕所 卫生间 洗手间 公厕'),
  obj('泳池', '泳池 游泳池'),
  // People.
  obj('保安', '保安 门卫 门岗 巡逻'),
  obj('保洁', '保洁 清洁工 保洁员'),
  obj('客服', '客服 前台 接待员 管家'),
  obj('维修工', '维修工 维修师傅 师傅'),
  // Places: where the matter is, when no object is named (美食广场 is 美食 · 广场 to the segmenter).
  obj('美食广场', '美食广场 美食城 美食街 餐饮区 小吃街'),
  obj('大堂', '大堂 大厅 门厅'),
  obj('天台', '天台 露台'),
  // Shopping mall (S3).
  obj('收银', '收银 收银台 收银员 结账 买单'),
  obj('营业员', '营业员 导购 店员 售货员 服务员'),
  obj('商品', '商品 货品 食品 牛奶 面包 衣服 鞋'),
  obj('促销', '促销 打折 优惠 优惠券 满减 赠品 促销活动'),
  obj('会员卡', '会员卡 积分 会员'),
  obj('寄存', '寄存 存包 寄存柜 储物柜'),
  obj('背景音乐', '背景音乐 广播'),
  obj('发票', '发票 小票'),
  obj('退换货', '退货 换货 退换 退款'),
];

const PROBLEMS: readonly LexiconEntry[] = [
  prob('fault', '坏 没修好 修不好 不灵 不好使 不管用 刷不开 进不去 出不去 故障 停运 不动 困人 困了 被困 关人 卡住 卡在 停了 停用 不能用 用不了 不亮 黑灯 失灵 不工作 罢工 没反应 打不开 关不上 不转 不运行 停摆 不通电 不制冷 不制热 不热 异响 下坠 急停 夹人 维修'),
  prob('leak', '漏水 渗水 积水 进水 水漫 淹 泡了 返水 冒水 渗漏 爆了 漏 滴水'),
  prob('blocked', '堵 堵塞 不通 下不去 排不出'),
  prob('dirty', '脏 臭 异味 味道 卫生差 卫生 没人打扫 不打扫 没打扫 苍蝇 蟑螂 老鼠 蚊子 尿 屎 粪便 发霉 满了 溢出 乱扔'),
  prob('noise', '吵 噪音 噪声 声音大 声音太大 太响 扰民 轰隆 睡不着'),
  prob('fee', '收费 贵 涨价 乱收费 多收 多扣 扣费 费用 价格 收钱 价钱'),
  prob('occupied', '占 被占 占用 乱停 挡住 堵门 霸占'),
  prob('attitude', '态度 骂 凶 不理 爱理不理 不耐烦 吼 推诿 推脱 甩脸 冷漠 顶撞'),
  prob('delay', '慢 排队 排长队 等了 等半天 拖延 拖拖拉拉 没人修 没人管 没人来 不来 迟迟 好几天'),
  prob('theft', '被盗 偷 失窃 丢了 丢失 不见了 小偷'),
  prob('smoking', '抽烟 吸烟 烟味'),
  prob('temperature', '太冷 太热 好冷 好热 温度 闷热'),
  prob('water_quality', '水质 水发黄 水黄 水浑 水很浑 黄水 水有异味 有沉淀'),
  prob('dark', '太暗 很暗 暗 看不清 黑乎乎 黑漆漆'),
  prob('quality', '过期 变质 质量 假货 假冒 三无 以次充好'),
  prob('notice', '不通知 没通知 没有通知 提前通知 通知'),
  prob('shortage', '太少 不够 不足 缺少 找不到'),
  prob('clutter', '杂物 堆满 堆放 乱堆 乱放 堆积'),
  prob('safety', '危险 安全隐患 隐患 摔倒 摔了 砸到 掉下来 脱落'),
];

const STOP_WORDS =
  '的 了 又 也 都 还 就 是 在 有 没 没有 不 我 我们 我家 家里 你们 他们 她 他 它 这 那 这个 那个 这里 那里 这么 那么 ' +
  '很 太 非常 特别 真 真的 一直 已经 总是 老是 经常 再 才 把 被 给 让 和 跟 与 及 啊 吧 呢 吗 呀 哦 啦 嘛 着 过 得 地 ' +
  '物业 小区 业主 住户 顾客 客户 投诉 反映 反应 请 麻烦 希望 尽快 赶紧 马上 处理 解决 问题 情况 一下 现在 今天 昨天 前天 ' +
  '昨晚 今早 早上 上午 下午 晚上 中午 什么 怎么 为什么 怎么回事 谁 到底 能不能 可以 能 要 会 说 人 里 上 下 时候 ' +
  '一个 一次 几次 多次 好几次 第二次 每次 每天 天天 一上午 一下午 一晚上 整天 半天 小时 分钟 商场 你们家 你们的 ' +
  '号 楼 栋 层 室 单元 所以 但是 可是 因为 如果 而且 然后 结果 还是 一样 怎么办 好像 感觉 觉得 知道';

export const DEFAULT_MATTER_LEXICON: MatterLexicon = {
  entries: [...OBJECTS, ...PROBLEMS],
  stopWords: STOP_WORDS.split(' '),
};
