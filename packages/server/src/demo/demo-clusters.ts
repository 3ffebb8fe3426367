import type { Channel } from '@huiyin/domain';
import type { DemoSite } from './demo-data.js';
import type { OrderDraft } from './demo-orders.js';
import { parseResidentialUnit, type DemoCustomer, type Pool } from './demo-people.js';
import type { DemoRandom } from './demo-random.js';
import type { Audience } from './demo-texts.js';
import { MALL_TOPICS } from './demo-texts-mall.js';
import { PROPERTY_TOPICS } from './demo-texts-property.js';

/**
 * Collective matters: several customers of one building, the same matter, within
 * 48 hours (DOMAIN.md §3 (5): 集体投诉). Each theme borrows the category and
 * department of an ordinary topic and brings its own sentences and one result.
 */
export interface ClusterTheme {
  key: string;
  topicKey: string;
  kind: 'complaint' | 'repair';
  texts: readonly string[];
  result: string;
}

export const PROPERTY_CLUSTERS: readonly ClusterTheme[] = [
  {
    key: 'lift-stopped', topicKey: 'lift-fault', kind: 'complaint',
    texts: [
      '{bld}的电梯停运{since}，也没说什么时候修好，我们住高层的怎么办？',
      '{bld}电梯又停了，我家老人腿脚不好，下不了楼，你们到底什么时候修？',
      '我是{bld}的，电梯停了好久，物业也不给个说法。',
      '{bld}电梯停运，我住{floor}，天天爬楼梯，这个物业费交得太冤了。',
      '{bld}电梯坏了到现在还没修好，孩子上学都要抱着婴儿车走楼梯。',
      '{bld}电梯停了好几天，贴个通知就完事了？要求马上修好。',
      '你们{bld}的电梯什么时候能恢复？我们好几户都等着呢。',
      '{bld}电梯停运，外卖快递都送不上来，太不方便了。',
    ],
    result: '电梯主板烧毁，已由维保单位更换主板并通过检测，电梯恢复运行；已在楼栋张贴致歉信。',
  },
  {
    key: 'no-water', topicKey: 'water-supply', kind: 'complaint',
    texts: [
      '我们{bld}从早上开始就没水了，也没提前通知。',
      '{bld}停水大半天了，到底什么时候来水？',
      '{bld}高层一点水都没有，马桶都冲不了。',
      '我家{unit}停水了，问了邻居也一样，物业怎么回事？',
      '{bld}没水了，家里老人孩子都等着做饭。',
      '{bld}又停水，上个月刚停过一次。',
      '{bld}的加压泵是不是坏了？我们楼上都没水。',
    ],
    result: '楼栋加压泵电机烧毁，已更换备用泵恢复供水；已向受影响住户致歉。',
  },
  {
    key: 'garage-flood', topicKey: 'public-facility', kind: 'repair',
    texts: [
      '{bld}对应的地库入口积水了，车都开不进去。',
      '地库{bld}那一片积水很深，我的车轮胎都泡了。',
      '{bld}下面的车库进水了，赶紧抽水啊！',
      '车库积水，{bld}电梯厅那里全是水。',
      '我车停在{bld}下面的地库，现在水快没到排气管了，快来处理！',
      '{bld}地库排水泵是不是没开？积水越来越深。',
    ],
    result: '暴雨导致地库排水泵负荷不足，已增设临时抽水泵排干积水，并对集水井清淤。',
  },
  {
    key: 'door-broken', topicKey: 'access-card', kind: 'repair',
    texts: [
      '{bld}单元门的门禁坏了，刷卡刷脸都开不了。',
      '{bld}门禁又不好使了，我们进不了楼。',
      '我是{bld}的住户，单元门打不开，只能等别人出来。',
      '{bld}的门禁系统坏了，门一直开着，谁都能进。',
      '{bld}门禁失灵了，快递员说进不来。',
      '{bld}门口的人脸识别黑屏了。',
    ],
    result: '楼栋门禁控制器损坏，已更换并重新下发授权，门禁恢复正常。',
  },
  {
    key: 'reno-night', topicKey: 'reno-noise', kind: 'complaint',
    texts: [
      '{bld}有户人家晚上{hour}还在装修敲墙，吵得全楼都睡不着。',
      '{bld}晚上装修，你们物业晚上不值班吗？',
      '我们{bld}好几家都被装修吵得睡不着，大半夜的还在电钻。',
      '{bld}半夜装修，孩子被吵醒了哭个不停。',
      '{bld}夜间违规装修，请马上制止。',
      '又是{bld}那户，晚上还在施工，说了多少次了。',
    ],
    result: '安保部已当场制止夜间施工，约谈装修户并暂停其装修许可三天。',
  },
];

export const MALL_CLUSTERS: readonly ClusterTheme[] = [
  {
    key: 'parking-pay-down', topicKey: 'parking-gate', kind: 'complaint',
    texts: [
      '停车场缴费系统坏了，出口排了半个多小时的队。', '扫码交停车费一直失败，道闸也不抬，你们怎么管理的？',
      '我在B2出口堵了四十分钟，孩子在车上哭，到底怎么回事？', '停车场出不去了，缴费机全部黑屏。',
      '出口道闸坏了也没人疏导，后面的车一直按喇叭。', '停车交费交不了，说让我等，等了二十分钟了。',
    ],
    result: '停车系统服务器故障，已临时抬杆免费放行并恢复系统，已向受影响顾客致歉。',
  },
];

/**
 * Collective-looking clusters (DOMAIN.md §3 (5)): 5–8 different customers of one
 * building raising the same matter within 48 hours. The last one is recent, so
 * a fresh collective complaint is open when the demo starts.
 */
export function clusterDrafts(
  rng: DemoRandom, now: Date, days: number, orderCount: number, pools: Record<Audience, Pool>,
  sites: { residential: DemoSite; mall: DemoSite },
): OrderDraft[] {
  const themes: { theme: ClusterTheme; site: DemoSite }[] = [
    ...PROPERTY_CLUSTERS.map((theme) => ({ theme, site: sites.residential })),
    ...MALL_CLUSTERS.map((theme) => ({ theme, site: sites.mall })),
  ];
  const count = Math.min(themes.length, Math.floor(orderCount / 150));
  const chosen = rng.sample(themes, count);
  const residentsByBuilding = new Map<number, DemoCustomer[]>();
  for (const c of pools.resident.customers) {
    const b = parseResidentialUnit(c.units[0]?.label ?? '')?.building;
    if (b !== undefined) residentsByBuilding.set(b, [...(residentsByBuilding.get(b) ?? []), c]);
  }
  const spanMs = Math.max(days - 3, 1) * 86_400_000;
  const drafts: OrderDraft[] = [];
  for (const [index, { theme, site }] of chosen.entries()) {
    const size = rng.int(5, 8);
    const recent = index === chosen.length - 1;
    const start = now.getTime() - (recent ? rng.int(20, 30) * 3600_000 : 3 * 86_400_000 + rng.next() * (spanMs - 3 * 86_400_000));
    const topic = must((site.kind === 'mall' ? MALL_TOPICS : PROPERTY_TOPICS).topics.find((t) => t.key === theme.topicKey));
    let building: number | undefined;
    let members: DemoCustomer[];
    if (site.kind === 'mall') {
      members = rng.sample(pools.shopper.customers, size);
    } else {
      const buildings = [...residentsByBuilding.entries()].filter(([, list]) => list.length >= size);
      const [b, list] = rng.pick(buildings);
      building = b;
      members = rng.sample(list, size);
    }
    const texts = rng.sample(theme.texts, theme.texts.length);
    for (const [i, customer] of members.entries()) {
      // All within 48 h of the first, and never in the future.
      const offset = i === 0 ? 0 : rng.int(5, recent ? 18 * 60 : 40 * 60) * 60_000;
      let at = start + offset;
      if (site.kind === 'mall') at = intoMallHours(rng, at);
      const receivedAt = new Date(Math.min(at, now.getTime() - rng.int(5, 60) * 60_000));
      const unit = customer.units.find((u) => u.siteKey === site.key)?.label;
      drafts.push({
        kind: theme.kind, site, topic, channel: rng.weighted<Channel>([['phone', 6], ['online', 3], ['walk_in', 2]]),
        receivedAt, customer, audience: site.kind === 'mall' ? 'shopper' : 'resident',
        ...(unit ? { unit } : {}), core: texts[i % texts.length] ?? '', ...(building ? { building } : {}),
        clusterKey: `${theme.key}-${building ?? site.key}-${Math.floor(start / 86_400_000)}`, result: theme.result,
      });
    }
  }
  return drafts;
}

/** Shoppers only complain while the mall is open (10:00–22:00 local). */
function intoMallHours(rng: DemoRandom, at: number): number {
  const local = new Date(at + 8 * 3_600_000);
  const hour = local.getUTCHours();
  if (hour >= 10 && hour < 22) return at;
  const dayStart = at - (local.getUTCHours() * 60 + local.getUTCMinutes()) * 60_000 - local.getUTCSeconds() * 1000;
  return dayStart + (hour < 10 ? rng.int(10 * 60, 11 * 60) : rng.int(20 * 60, 21 * 60 + 50)) * 60_000;
}

function must<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('demo data: missing value');
  return value;
}
