import type { Channel, ReplyMethod, WorkOrderKind } from '@huiyin/domain';
import type { DemoSite } from './demo-data.js';
import type { DemoCustomer, DemoUser } from './demo-people.js';
import { parseResidentialUnit, buildingShape, randomSurname, surnameOf } from './demo-people.js';
import type { DemoRandom } from './demo-random.js';
import { BRANDS, MALL_FLOORS, type Brand } from './demo-mall-brands.js';
import {
  DEFAULT_ASKS, MALL_DEFAULT_ASKS, NIGHT_HOURS, PURCHASE_DAYS, SINCE, WHEN, fillTemplate,
  type Audience, type BrandTag, type SiteKind, type SlotResolver, type Topic,
} from './demo-texts.js';
import { toTraditional } from './demo-traditional.js';

/** Building blocks of one work order: when it came in, how, and what the customer said. */

/** An order before it is given people, words and a life (see generateDemoData). */
export interface OrderDraft {
  kind: WorkOrderKind;
  site: DemoSite;
  topic: Topic;
  channel: Channel;
  receivedAt: Date;
  customer: DemoCustomer;
  audience: Audience;
  unit?: string;
  /** A cluster's own sentence instead of one of the topic's. */
  core?: string;
  /** Forces {bld}: the building a cluster is about. */
  building?: number;
  clusterKey?: string;
  /** A cluster's single result. */
  result?: string;
}

const MINUTE = 60_000;
const DAY = 1440 * MINUTE;
const LOCAL_OFFSET = 8 * 60 * MINUTE;

// Relative weight of each local hour 0–23, as [hour, weight] pairs for DemoRandom.weighted.
const byHour = (weights: readonly number[]): (readonly [number, number])[] => weights.map((w, h) => [h, w] as const);
const RESIDENT_WEIGHTS = [0.3, 0.2, 0.15, 0.1, 0.1, 0.2, 0.6, 1.5, 3, 4.5, 5, 4.5, 3, 3.5, 4, 4, 4, 3.5, 3.5, 4, 3.5, 2.5, 1.5, 0.7];
const RESIDENT_HOURS = byHour(RESIDENT_WEIGHTS);
const WALK_IN_HOURS = byHour(RESIDENT_WEIGHTS.map((w, h) => (h >= 7 && h < 21 ? w : 0)));
const MALL_HOURS = byHour([0, 0, 0, 0, 0, 0, 0, 0, 0, 0.4, 2.5, 4, 4.5, 4, 4, 4.5, 5, 4.5, 4.5, 5, 4.5, 3, 0.6, 0]);
const OFFICE_HOURS = byHour([0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 4, 3.5, 1, 2, 4, 4, 3, 1, 0, 0, 0, 0, 0, 0]);

const OFFICE_CHANNELS: ReadonlySet<Channel> = new Set(['letter', 'government', 'consumer_association', 'transfer']);

/** A moment in the last `days` days, weighted by weekday and hour of day, strictly before `now`. */
export function sampleReceivedAt(rng: DemoRandom, now: Date, days: number, siteKind: SiteKind, channel: Channel): Date {
  const hourEntries = OFFICE_CHANNELS.has(channel)
    ? OFFICE_HOURS
    : siteKind === 'mall'
      ? MALL_HOURS
      : channel === 'walk_in' || channel === 'on_site'
        ? WALK_IN_HOURS
        : RESIDENT_HOURS;
  const todayStart = Math.floor((now.getTime() + LOCAL_OFFSET) / DAY) * DAY - LOCAL_OFFSET;
  for (let attempt = 0; attempt < 40; attempt++) {
    const day = rng.int(0, days - 1);
    const dayStart = todayStart - day * DAY;
    const weekday = new Date(dayStart + LOCAL_OFFSET).getUTCDay();
    const weekend = weekday === 0 || weekday === 6;
    // Malls are busiest at weekends; offices do not post letters on Sunday.
    const keep = OFFICE_CHANNELS.has(channel) ? (weekend ? 0.1 : 1) : siteKind === 'mall' ? (weekend ? 1 : 0.62) : weekend ? 1 : 0.9;
    if (!rng.chance(keep)) continue;
    const at = dayStart + rng.weighted(hourEntries) * 60 * MINUTE + rng.int(0, 59) * MINUTE + rng.int(0, 59) * 1000;
    if (at < now.getTime() - MINUTE) return new Date(at);
  }
  return new Date(todayStart - DAY + (11 * 60 + rng.int(0, 59)) * MINUTE); // yesterday late morning
}

export function sampleChannel(rng: DemoRandom, kind: WorkOrderKind, siteKind: SiteKind): Channel {
  const mall = siteKind === 'mall';
  if (kind === 'help') return rng.weighted<Channel>([['phone', mall ? 30 : 60], ['walk_in', mall ? 55 : 25], ['online', 8], ['on_site', 7]]);
  if (kind === 'praise') return rng.weighted<Channel>([['phone', 30], ['walk_in', 22], ['online', 30], ['letter', 12], ['email', 6]]);
  const entries: [Channel, number][] = [
    ['phone', mall ? 32 : 44], ['walk_in', mall ? 32 : 20], ['online', 22], ['on_site', 3], ['proxy', 3], ['transfer', 2],
  ];
  // Nobody writes a letter to report a dripping tap.
  if (kind !== 'repair') entries.push(['email', 2.5], ['letter', kind === 'inquiry' ? 0.5 : 2.5]);
  if (kind === 'complaint') {
    entries.push(['government', mall ? 0.8 : 3.5], ['media', 1]);
    if (mall) entries.push(['consumer_association', 3.5]);
  }
  return rng.weighted(entries);
}

export interface SlotSources {
  customer: DemoCustomer;
  /** The unit the order is about, if any (a flat or a shop). */
  unit?: string;
  engineer: DemoUser | undefined;
  deskAgents: readonly DemoUser[];
  /** Forces {bld} for a collective cluster. */
  building?: number;
}

const GOODS: readonly BrandTag[] = ['fashion', 'shoes', 'kids', 'jewel', 'beauty', 'home', 'digital', 'appliance'];
const MARKET = BRANDS.find((b) => b.tag === 'market');
const APPLIANCES = BRANDS.find((b) => b.tag === 'appliance');
const DIGITAL = BRANDS.find((b) => b.tag === 'digital');
const PLATE_LETTERS = 'ABCDEFGHJKLMNPQ';
const PLATE_CHARS = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ';

export function makeSlots(rng: DemoRandom, topic: Topic, src: SlotSources): SlotResolver {
  const flat = src.unit ? parseResidentialUnit(src.unit) : undefined;
  const building = src.building ?? flat?.building ?? rng.int(1, 18);
  const floors = buildingShape(building).floors;
  const tags = topic.brandTags ?? GOODS;
  let brand: Brand | undefined;
  const theBrand = (): Brand => (brand ??= rng.pick(BRANDS.filter((b) => tags.includes(b.tag))));
  let item: readonly [string, number] | undefined;
  const theItem = (): readonly [string, number] => (item ??= rng.pick(theBrand().items));
  const ownShop = BRANDS.find((b) => src.unit?.startsWith(b.unit));
  const itemOf = (b: Brand | undefined): string => (b ? rng.pick(b.items)[0] : '东西');
  return {
    bld: () => (rng.chance(0.5) ? `${building}栋` : `${building}号楼`),
    unit: () => src.unit ?? `${building}栋`,
    floor: () => `${flat?.floor ?? rng.int(2, floors)}楼`,
    fnum: () => String(rng.int(2, floors)),
    when: () => rng.pick(WHEN),
    since: () => rng.pick(SINCE),
    hour: () => rng.pick(NIGHT_HOURS),
    days: () => rng.pick(PURCHASE_DAYS),
    plate: () => `京${rng.pick([...PLATE_LETTERS])}${Array.from({ length: 5 }, () => rng.pick([...PLATE_CHARS])).join('')}`,
    engineer: () => `${src.engineer ? surnameOf(src.engineer.displayName) : randomSurname(rng)}师傅`,
    guard: () => {
      const s = randomSurname(rng);
      return rng.pick([`保安小${s}`, `门岗的${s}师傅`, `保安队的${s}师傅`]);
    },
    cleaner: () => `保洁${randomSurname(rng)}阿姨`,
    agent: () => `${rng.pick(src.deskAgents).employeeNo}号客服`,
    brand: () => theBrand().name,
    bfloor: () => theBrand().floor,
    item: () => theItem()[0],
    price: () => String(theItem()[1]),
    market: () => MARKET?.name ?? '超市',
    food: () => itemOf(MARKET),
    appliance: () => itemOf(APPLIANCES),
    gadget: () => itemOf(DIGITAL),
    shop: () => ownShop?.name ?? '我们店',
    sunit: () => ownShop?.unit ?? '',
    mfloor: () => rng.pick(MALL_FLOORS),
  };
}

const OPENINGS: Record<Audience, readonly string[]> = {
  resident: ['你好，', '您好，我是{unit}的业主，', '我住{unit}，', '物业你好，', '我是{bld}的业主，', '你好，我是{unit}的，'],
  tenant: ['我是{shop}的，', '{sunit}{shop}这边，', '你好，我们是{shop}，'],
  shopper: ['你好，', '我是你们商场的会员，', '您好，'],
};

/** The customer's own words: [opening] core [detail] [ask]. `core` is one of the topic's texts (or a cluster's). */
export function describe(
  rng: DemoRandom, topic: Topic, kind: WorkOrderKind, audience: Audience, channel: Channel, slots: SlotResolver,
  customer: DemoCustomer, core: string,
): string {
  const memo = new Map<string, string>();
  const fill = (t: string): string => fillTemplate(t, slots, memo);
  let opening = '';
  if (channel === 'letter') opening = audience === 'resident' ? '尊敬的物业领导：' : '尊敬的商场领导：';
  else if (channel === 'email') opening = '您好：';
  else if (rng.chance(audience === 'tenant' ? 0.5 : audience === 'resident' ? 0.35 : 0.25)) {
    // "我们是蜀香园火锅，蜀香园火锅店里…": never name in the opening what the sentence names again.
    const openings = OPENINGS[audience].filter((o) => !slotsOf(o).some((slot) => core.includes(slot)));
    if (openings.length > 0) opening = rng.pick(openings);
  }
  const parts = [fill(opening), fill(core)];
  if (topic.details && rng.chance(0.35)) parts.push(fill(rng.pick(topic.details)));
  const asks = (kind === topic.kind ? topic.asks : undefined) ?? (audience === 'resident' ? undefined : MALL_DEFAULT_ASKS[kind]) ?? DEFAULT_ASKS[kind];
  if (rng.chance(0.7)) parts.push(fill(rng.pick(asks)));
  if (channel === 'letter' && rng.chance(0.6)) parts.push('盼复。');
  const text = parts.join('');
  return customer.writesTraditional ? toTraditional(text) : text;
}

function slotsOf(template: string): string[] {
  return template.match(/\{\w+\}/g) ?? [];
}

/** What the customer and the desk agreed about the answer (S1 4.6.3.1(3)); none for matters closed at once. */
export function agreeReply(
  rng: DemoRandom, kind: WorkOrderKind, channel: Channel, receivedAt: Date,
): { method: ReplyMethod; at: Date } | undefined {
  if (kind === 'praise' || rng.chance(0.1)) return undefined;
  const method: ReplyMethod =
    channel === 'email' ? 'email'
      : channel === 'letter' ? rng.weighted<ReplyMethod>([['letter', 6], ['phone', 4]])
        : channel === 'online' ? rng.weighted<ReplyMethod>([['wechat', 5], ['online', 3], ['phone', 2]])
          : rng.weighted<ReplyMethod>([['phone', 70], ['sms', 14], ['wechat', 10], ['visit', kind === 'complaint' ? 8 : 2]]);
  const hours =
    kind === 'complaint' ? rng.pick([2, 2, 4, 24, 72])
      : kind === 'repair' ? rng.pick([2, 4, 24])
        : kind === 'help' ? 1
          : kind === 'inquiry' ? rng.pick([4, 24, 72])
            : rng.pick([72, 120]);
  // People agree on round times: the next half hour after the limit.
  const halfHour = 30 * MINUTE;
  return { method, at: new Date(Math.ceil((receivedAt.getTime() + hours * 60 * MINUTE) / halfHour) * halfHour) };
}
