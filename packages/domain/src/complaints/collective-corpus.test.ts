/**
 * A labelled set of realistic complaints (property sites and a mall, simplified
 * and traditional script) with the collective groups a person would form.
 * `group` labels the expected collective complaint; items without one must stay
 * out of every group (near misses: same building other object, same object
 * other building, same words other meaning, too few customers, one customer
 * many times, outside the window).
 */
import { describe, expect, it } from 'vitest';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import * as OpenCC from 'opencc-js/t2cn';
import { findCollectiveGroups, HOUR_MS, type ComplaintForDetection } from './collective-detection.js';

const jieba = Jieba.withDict(dict);
const deps = { segment: (t: string) => jieba.cut(t, true), toSimplified: OpenCC.Converter({ from: 'tw', to: 'cn' }) };
const T0 = Date.UTC(2025, 5, 9, 0, 0); // 2025-06-09 08:00 Asia/Shanghai

/** [site, customer, hours after T0, text, expected group or ''] */
type Row = readonly [string, string, number, string, string];

const ROWS: readonly Row[] = [
  // Garden estate — G1: building 3 lift out of order (one customer twice).
  ['garden', 'c01', 0, '3号楼电梯又坏了', 'G1'],
  ['garden', 'c02', 1, '三号楼电梯停运一上午，也没人来修', 'G1'],
  ['garden', 'c03', 2, '3栋的電梯困人，我們家老人被關在裏面半小時', 'G1'],
  ['garden', 'c04', 3, '我是3-2-1502的业主，电梯从昨晚就停了，家里老人下不了楼', 'G1'],
  ['garden', 'c05', 4, '3幢电梯故障，上下班只能爬楼梯', 'G1'],
  ['garden', 'c06', 5, '三號樓的電梯怎麼又壞了？這個月第三次了', 'G1'],
  ['garden', 'c01', 8, '3号楼电梯到现在还没修好，什么时候能修好？', 'G1'],
  ['garden', 'c07', 9, '第三栋电梯按钮失灵，门关不上', 'G1'],
  ['garden', 'c08', 5 * 24, '3号楼电梯坏了', ''], // five days later: outside the window
  // G2: the same lift trouble in building 5 — a separate matter.
  ['garden', 'c11', 2, '5号楼电梯坏了', 'G2'],
  ['garden', 'c12', 3, '五号楼电梯停了，等了半天', 'G2'],
  ['garden', 'c13', 6, '5栋电梯异响很大，坐着心慌', 'G2'],
  ['garden', 'c14', 7, '5#楼电梯门夹人，太危险了', 'G2'],
  ['garden', 'c15', 10, '五棟電梯不動了', 'G2'],
  // G3: the whole estate without water (one names a building, the others none).
  ['garden', 'c21', 1, '小区又停水了，也不提前通知', 'G3'],
  ['garden', 'c22', 1.5, '家里没水了，怎么回事', 'G3'],
  ['garden', 'c23', 2, '今天早上突然停水，孩子上学都没法洗漱', 'G3'],
  ['garden', 'c24', 2.5, '自來水停了一上午，物業也不說一聲', 'G3'],
  ['garden', 'c25', 4, '停水到现在还没来，能不能给个准信', 'G3'],
  ['garden', 'c26', 5, '8栋也没水，什么时候恢复供水', 'G3'],
  // Four customers only: not collective.
  ['garden', 'c31', 3, '8号楼楼道灯不亮', ''],
  ['garden', 'c32', 4, '八号楼的声控灯坏了好几天了', ''],
  ['garden', 'c33', 6, '8栋走廊灯晚上不亮，黑灯瞎火的', ''],
  ['garden', 'c34', 7, '8幢楼道里的灯坏了，晚上回家很危险', ''],
  // Near misses at the garden.
  ['garden', 'c41', 2, '3号楼楼道灯不亮', ''],
  ['garden', 'c42', 3, '3号楼电梯里的灯不亮', ''],
  ['garden', 'c43', 4, '3号楼电梯广告声音太吵', ''],
  ['garden', 'c44', 5, '3号楼电梯里有人抽烟，味道很大', ''],
  ['garden', 'c45', 6, '3号楼电梯太慢了，早高峰要等十分钟', ''],
  ['garden', 'c46', 7, '3号楼电梯维修费用分摊不合理', ''],
  ['garden', 'c47', 8, '3号楼门口垃圾桶满了没人清理', ''],
  ['garden', 'c48', 9, '6号楼水管爆了，楼道里全是水', ''],
  ['garden', 'c49', 10, '水费怎么这么贵', ''],
  ['garden', 'c50', 11, '水龙头流出来的水发黄', ''],
  ['garden', 'c51', 12, '物业费为什么又涨了', ''],
  ['garden', 'c52', 12, '5号楼楼道灯坏了', ''],
  ['garden', 'c53', 13, '快递柜坏了取不出包裹', ''],
  ['garden', 'c54', 14, '小区里有人遛狗不牵绳，吓到小孩', ''],
  ['garden', 'c55', 15, '保安晚上睡觉不巡逻', ''],
  // Mall — G4: parking fees.
  ['mall', 'm01', 1, '停车场收费太贵了，一小时十块', 'G4'],
  ['mall', 'm02', 2, '停车费又涨价了，商场也不提前公示', 'G4'],
  ['mall', 'm03', 3, '地下车库收费标准不合理，购物满200也不免停车费', 'G4'],
  ['mall', 'm04', 5, '停車費太貴，逛一圈要三十塊', 'G4'],
  ['mall', 'm05', 8, '你们停车收费比周边贵一倍', 'G4'],
  // G5: queues at the tills.
  ['mall', 'm11', 2, '收银台只开两个，排队排了半个小时', 'G5'],
  ['mall', 'm12', 3, '周末结账要排长队，收银员太少了', 'G5'],
  ['mall', 'm13', 4, '買單排隊太久，能不能多開幾個收銀台', 'G5'],
  ['mall', 'm14', 5, '收银排队慢得要命', 'G5'],
  ['mall', 'm15', 6, '一楼超市收银等了二十分钟', 'G5'],
  // Near misses at the mall.
  ['mall', 'm21', 2, 'B2停車場積水嚴重，鞋都濕了', ''],
  ['mall', 'm22', 3, '停车场保安态度很差', ''],
  ['mall', 'm23', 4, '地下车库灯太暗看不清路', ''],
  ['mall', 'm24', 5, '停车场出口道闸坏了，排了很久队', ''],
  ['mall', 'm25', 3, '收银员态度恶劣，找钱还扔过来', ''],
  ['mall', 'm26', 4, '收银台多收了我五块钱', ''],
  ['mall', 'm27', 5, '促销说明写得不清楚，结账时才发现不打折', ''],
  ['mall', 'm28', 6, '一楼卫生间很臭', ''],
  ['mall', 'm29', 7, '扶梯突然停了，差点摔倒', ''],
  ['mall', 'm30', 7, '空调不制冷，商场里太热了', ''],
  ['mall', 'm31', 8, '买的牛奶过期了', ''],
  ['mall', 'm32', 9, '寄存柜里的东西丢了', ''],
  ['mall', 'm33', 10, '营业员态度很差，爱理不理', ''],
  ['mall', 'm34', 11, '会员积分没到账', ''],
  // Tower estate — G6: square dancing at night.
  ['tower', 't01', 12, '楼下广场舞太吵了，晚上十点还在跳', 'G6'],
  ['tower', 't02', 12.5, '跳舞的音响声音太大，孩子没法写作业', 'G6'],
  ['tower', 't03', 13, '廣場舞噪音擾民，請物業管管', 'G6'],
  ['tower', 't04', 36, '每天晚上广场舞音乐震天响，老人睡不着', 'G6'],
  ['tower', 't05', 37, '中心花园跳广场舞的声音太大', 'G6'],
  // G7: building 2 garage flooded (mostly traditional script).
  ['tower', 't11', 1, '2棟地下車庫積水嚴重，車都泡了', 'G7'],
  ['tower', 't12', 2, '二栋车库进水了，我的车被淹', 'G7'],
  ['tower', 't13', 3, '2號樓地庫漏水，地上全是水', 'G7'],
  ['tower', 't14', 4, '2幢地下停车场积水没人处理', 'G7'],
  ['tower', 't15', 6, '第二栋车库又淹了，物业赶紧抽水', 'G7'],
  // One customer five times: not collective.
  ['tower', 't21', 1, '6栋楼道灯不亮', ''],
  ['tower', 't21', 3, '6栋楼道灯还是不亮', ''],
  ['tower', 't21', 5, '6栋楼道灯怎么还没修', ''],
  ['tower', 't21', 8, '六栋楼道的灯到底什么时候修', ''],
  ['tower', 't21', 10, '6号楼楼道灯坏了一天了', ''],
  // Near misses at the tower.
  ['tower', 't31', 13, '广场舞占了停车位', ''],
  ['tower', 't32', 14, '隔壁装修电钻声太吵', ''],
  ['tower', 't33', 15, '楼上邻居半夜拖动家具噪音大', ''],
  ['tower', 't34', 16, '5栋车库积水', ''],
  ['tower', 't35', 17, '2栋车位被外来车辆占了', ''],
  ['tower', 't36', 18, '小区路灯坏了好几天', ''],
  // Garden — G8: building 12 roof leaking after the rain.
  ['garden', 'c61', 20, '12号楼顶楼漏水，家里天花板都湿了', 'G8'],
  ['garden', 'c62', 21, '十二栋楼顶渗水，墙都发霉了', 'G8'],
  ['garden', 'c63', 22, '12幢屋顶漏雨，下雨天家里要拿盆接水', 'G8'],
  ['garden', 'c64', 24, '12號樓外牆滲水，臥室牆皮都起泡了', 'G8'],
  ['garden', 'c65', 26, '12栋顶层天花板滴水，物业来看过也没解决', 'G8'],
  ['garden', 'c66', 23, '12号楼电梯坏了', ''],
  ['garden', 'c67', 25, '12号楼顶楼天台堆满杂物', ''],
  ['garden', 'c68', 27, '11号楼楼顶漏水', ''],
  // Mall — G9: food court hygiene.
  ['mall', 'm41', 12, '美食广场的餐桌太脏了', 'G9'],
  ['mall', 'm42', 13, '美食城桌子油腻腻的，没人擦，卫生太差', 'G9'],
  ['mall', 'm43', 14, '美食广场地上都是垃圾，也没人打扫', 'G9'],
  ['mall', 'm44', 15, '美食廣場衛生太差，蒼蠅亂飛', 'G9'],
  ['mall', 'm45', 16, '四楼美食广场的桌椅很脏，到处是油渍', 'G9'],
  ['mall', 'm46', 14, '美食广场的菜太贵了', ''],
  ['mall', 'm47', 15, '美食广场服务员态度差', ''],
  ['mall', 'm48', 17, '美食广场座位太少，找不到地方坐', ''],
  // Tower — G10: the gate access control fails.
  ['tower', 't41', 20, '东门门禁坏了进不去', 'G10'],
  ['tower', 't42', 20.5, '小区大门刷卡没反应', 'G10'],
  ['tower', 't43', 21, '門禁系統故障，業主被關在外面', 'G10'],
  ['tower', 't44', 22, '人脸识别又不灵了，等了十分钟才进门', 'G10'],
  ['tower', 't45', 23, '门禁卡刷不开单元门，只能等别人出来', 'G10'],
  ['tower', 't46', 21, '门卫不让外卖进小区', ''],
  ['tower', 't47', 22, '门禁卡补办要收费五十元', ''],
  ['tower', 't48', 24, '东门晚上十点就锁了，绕路很远', ''],
];

const complaints: ComplaintForDetection[] = ROWS.map(([siteId, customerId, hours, text], i) => ({
  id: `#${String(i + 1).padStart(2, '0')}`,
  customerId,
  siteId,
  text,
  receivedAt: T0 + hours * HOUR_MS,
}));

function pairs(groups: readonly (readonly string[])[]): Set<string> {
  const out = new Set<string>();
  for (const g of groups) for (const a of g) for (const b of g) if (a < b) out.add(`${a}|${b}`);
  return out;
}

describe('collective detection on a labelled set', () => {
  it('has enough labelled texts', () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(60);
  });

  it('reaches pairwise precision and recall of at least 0.9', () => {
    const expected = new Map<string, string[]>();
    ROWS.forEach(([, , , , group], i) => {
      if (group) expected.set(group, [...(expected.get(group) ?? []), complaints[i]!.id]);
    });
    const found = findCollectiveGroups(complaints, {}, deps);
    const want = pairs([...expected.values()]);
    const got = pairs(found.map((g) => g.memberIds));
    const hit = [...got].filter((p) => want.has(p)).length;
    const precision = got.size === 0 ? 0 : hit / got.size;
    const recall = want.size === 0 ? 1 : hit / want.size;
    const text = (id: string) => complaints.find((c) => c.id === id)?.text;
    for (const g of found) console.log(`group ${g.siteId} [${g.matter.buildings}] ${g.matter.objects}/${g.matter.problems}:`, g.memberIds.map(text).join(' | '));
    console.log(`collective detection: ${ROWS.length} texts, ${want.size} expected pairs, ${got.size} found, precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`);
    expect(precision).toBeGreaterThanOrEqual(0.9);
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });
});
