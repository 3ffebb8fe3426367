import { CHANNELS, formatWorkOrderNumber, localDayOf, OPEN_STATUSES, type Channel, type WorkOrderKind, type WorkOrderStatus } from '@huiyin/domain';
import { indexTokens, workOrderTokens } from '../packages/server/src/search/search-text.js';
import {
  ASKS, CANCEL_REASONS, DETAILS, DURATIONS, GIVEN_NAMES, RESULTS, SHOPS, SURNAMES, TOPICS, type Topic,
} from './phrases.js';
import { Random, WeightedTable } from './random.js';

/**
 * Synthetic work orders: one call to `OrderSynth.next` gives a work_orders row,
 * its timeline events and its search-index row, consistent with each other
 * (status, events, owner, department, handler, due time). Everything is drawn from
 * a seeded PRNG, so both databases get the same data set.
 */

export interface FixtureSite {
  id: number;
  kind: 'residential' | 'mall' | 'office';
  weight: number;
}

/** What the organisation set-up created, by id. */
export interface OrgFixture {
  orgId: number;
  numberPrefix: string;
  timeZone: string;
  sites: FixtureSite[];
  departments: { id: number; name: string }[];
  agentIds: number[];
  /** Handler user ids per department index. */
  handlerIds: number[][];
  categoryIds: Map<string, number>;
  /** Customers the bulk load created: ids firstCustomerId … firstCustomerId + customerCount - 1. */
  firstCustomerId: number;
  customerCount: number;
  password: string;
  benchUsername: string;
}

export type Row = Record<string, unknown>;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
export const HISTORY_DAYS = 730;

// ---------------------------------------------------------------- customers

export interface CustomerSpec {
  name: string;
  title: string | null;
  phone: string;
  siteIndex: number;
  unit: string | null;
}

const SURNAME_TABLE = new WeightedTable(SURNAMES);
const PHONE_PREFIXES = ['139', '138', '137', '136', '135', '158', '159', '186', '188', '177', '199', '131'];

/** Customer number k, derived from k alone so that create bodies can name existing customers. */
export function customerAt(k: number, fixture: OrgFixture): CustomerSpec {
  const rng = new Random(0x9e3779b1 ^ Math.imul(k + 1, 0x85ebca6b));
  const surname = SURNAME_TABLE.pick(rng);
  const female = rng.chance(0.5);
  const fullName = rng.chance(0.45);
  const siteIndex = pickSiteIndex(rng, fixture.sites);
  const kind = fixture.sites[siteIndex]!.kind;
  // 8 digits unique per k (7919 is coprime with 10^8).
  const digits = String((k * 7919 + 10_234_567) % 100_000_000).padStart(8, '0');
  return {
    name: fullName ? surname + rng.pick(GIVEN_NAMES) : surname + (female ? '女士' : '先生'),
    title: fullName ? (female ? '女士' : '先生') : null,
    phone: PHONE_PREFIXES[k % PHONE_PREFIXES.length]! + digits,
    siteIndex,
    unit: unitFor(rng, kind),
  };
}

function unitFor(rng: Random, kind: FixtureSite['kind']): string | null {
  if (kind === 'mall') return rng.chance(0.3) ? `L${rng.int(1, 6)}-${String(rng.int(1, 80)).padStart(3, '0')}` : null;
  if (kind === 'office') return `${rng.pick(['A', 'B', 'C'])}座${rng.int(2, 28)}${String(rng.int(1, 12)).padStart(2, '0')}`;
  return `${rng.int(1, 30)}栋${rng.int(1, 4)}单元${rng.int(2, 33)}${String(rng.int(1, 4)).padStart(2, '0')}`;
}

function pickSiteIndex(rng: Random, sites: FixtureSite[]): number {
  return rng.weighted(sites.map((s, i) => [i, s.weight] as const));
}

export function customerRows(fixture: OrgFixture, from: number, to: number, createdAt: number) {
  const customers: Row[] = [];
  const phones: Row[] = [];
  const units: Row[] = [];
  for (let k = from; k < to; k++) {
    const c = customerAt(k, fixture);
    const id = fixture.firstCustomerId + k;
    customers.push({ id, org_id: fixture.orgId, name: c.name, title: c.title, customer_type: null, notes: null, created_at: createdAt, updated_at: createdAt, version: 1 });
    phones.push({ org_id: fixture.orgId, customer_id: id, phone: c.phone, is_primary: 1 });
    if (c.unit) units.push({ org_id: fixture.orgId, customer_id: id, site_id: fixture.sites[c.siteIndex]!.id, label: c.unit });
  }
  return { customers, phones, units };
}

// ---------------------------------------------------------------- descriptions

const TOPIC_TABLES: Record<'home' | 'mall', WeightedTable<Topic>> = {
  home: new WeightedTable(TOPICS.filter((t) => t.place !== 'mall').map((t) => [t, t.weight] as const)),
  mall: new WeightedTable(TOPICS.filter((t) => t.place !== 'home').map((t) => [t, t.weight] as const)),
};
const DETAIL_TABLE = new WeightedTable(DETAILS);
const ASK_TABLE = new WeightedTable(ASKS);

function fill(rng: Random, template: string): string {
  return template.replace(/\{(\w)\}/g, (_, key: string) => {
    switch (key) {
      case 'b': return String(rng.int(1, 30));
      case 'u': return String(rng.int(1, 4));
      case 'f': return String(rng.int(2, 33));
      case 'g': return rng.pick(['B1', 'B2']);
      case 'm': return String(rng.int(1, 6));
      case 's': return rng.pick(SHOPS);
      case 'd': return rng.pick(DURATIONS);
      default: return key;
    }
  });
}

export interface Description {
  topic: Topic;
  clauses: string[];
  text: string;
}

export function describe(rng: Random, siteKind: FixtureSite['kind']): Description {
  const topic = TOPIC_TABLES[siteKind === 'mall' ? 'mall' : 'home'].pick(rng);
  const clauses = [fill(rng, rng.pick(topic.clauses))];
  if (rng.chance(0.7)) clauses.push(fill(rng, DETAIL_TABLE.pick(rng)));
  if (rng.chance(0.6)) clauses.push(ASK_TABLE.pick(rng));
  return { topic, clauses, text: clauses.join('，') + '。' };
}

// ---------------------------------------------------------------- search tokens

/**
 * The server's workOrderTokens (indexTokens over description, unit and customer
 * name, plus number, name and unit whole), computed from cached per-clause
 * results: jieba splits text at punctuation, so the words of "A，B。" are the
 * words of A and of B. `verify` checks this against workOrderTokens itself for
 * the first rows of every load, so a change in search-text.ts cannot go unnoticed.
 */
export class TokenCache {
  private readonly texts = new Map<string, string[]>();
  private readonly wholes = new Map<string, string[]>();

  private text(value: string): string[] {
    let tokens = this.texts.get(value);
    if (!tokens) this.texts.set(value, (tokens = indexTokens([value])));
    return tokens;
  }

  private whole(value: string): string[] {
    let tokens = this.wholes.get(value);
    if (!tokens) this.wholes.set(value, (tokens = indexTokens([], [value])));
    return tokens;
  }

  tokens(clauses: readonly string[], unit: string | null, number: string, customerName: string): string[] {
    const set = new Set<string>();
    const add = (tokens: string[]) => {
      for (const t of tokens) set.add(t);
    };
    for (const clause of clauses) add(this.text(clause));
    if (unit) add(this.text(unit));
    add(this.text(customerName));
    add(indexTokens([], [number]));
    add(this.whole(customerName));
    if (unit) add(this.whole(unit));
    return [...set];
  }

  verify(description: string, clauses: readonly string[], unit: string | null, number: string, customerName: string): void {
    const direct = workOrderTokens({ description, unit, number }, customerName);
    const cached = this.tokens(clauses, unit, number, customerName);
    if (direct.length !== cached.length || direct.some((t) => !cached.includes(t))) {
      throw new Error(`token cache disagrees with workOrderTokens for "${description}": ${direct.join(' ')} ≠ ${cached.join(' ')}`);
    }
  }
}

// ---------------------------------------------------------------- orders

type Action = 'dispatch' | 'start' | 'give_result' | 'request_callback' | 'close' | 'cancel';

const STATUS_AFTER: Record<Action, WorkOrderStatus> = {
  dispatch: 'dispatched', start: 'in_progress', give_result: 'result_given', request_callback: 'awaiting_callback', close: 'closed', cancel: 'cancelled',
};
const CUSTOMER_VISIBLE: Record<Action, number> = { dispatch: 1, start: 1, give_result: 1, request_callback: 0, close: 1, cancel: 1 };
const GAP_MINUTES: Record<Action, [number, number]> = {
  dispatch: [5, 90], start: [30, 1440], give_result: [60, 2880], request_callback: [0, 240], close: [60, 4320], cancel: [10, 2880],
};

/** Status mix by age: recent orders are mostly open, old ones mostly closed, with a stale backlog. */
const STATUS_BY_AGE: readonly [number, WeightedTable<WorkOrderStatus>][] = [
  [1, new WeightedTable<WorkOrderStatus>([['received', 35], ['dispatched', 25], ['in_progress', 20], ['result_given', 10], ['awaiting_callback', 5], ['closed', 4], ['cancelled', 1]])],
  [7, new WeightedTable<WorkOrderStatus>([['received', 8], ['dispatched', 15], ['in_progress', 22], ['result_given', 15], ['awaiting_callback', 15], ['closed', 22], ['cancelled', 3]])],
  [30, new WeightedTable<WorkOrderStatus>([['received', 3], ['dispatched', 6], ['in_progress', 10], ['result_given', 10], ['awaiting_callback', 12], ['closed', 55], ['cancelled', 4]])],
  [Infinity, new WeightedTable<WorkOrderStatus>([['received', 1], ['dispatched', 2], ['in_progress', 3], ['result_given', 3], ['awaiting_callback', 4], ['closed', 83], ['cancelled', 4]])],
];

export const CHANNEL_TABLE = new WeightedTable<Channel>([
  ['phone', 45], ['walk_in', 18], ['online', 20], ['on_site', 5], ['proxy', 3], ['email', 2], ['letter', 1], ['government', 2], ['transfer', 2], ['media', 0.5], ['consumer_association', 0.5],
]);
if (CHANNELS.length !== 11) throw new Error('channel list changed: update CHANNEL_TABLE');
const REPLY_METHODS = ['phone', 'sms', 'visit', 'wechat'] as const;

function actionsFor(rng: Random, status: WorkOrderStatus, kind: WorkOrderKind): Action[] {
  const direct = kind === 'inquiry' || kind === 'praise' || rng.chance(0.25);
  const toResult: Action[] = direct ? ['give_result'] : ['dispatch', 'start', 'give_result'];
  switch (status) {
    case 'received': return [];
    case 'dispatched': return ['dispatch'];
    case 'in_progress': return rng.chance(0.8) ? ['dispatch', 'start'] : ['start'];
    case 'result_given': return toResult;
    case 'awaiting_callback': return [...toResult, 'request_callback'];
    case 'closed': return [...toResult, ...(rng.chance(0.5) ? ['request_callback' as const] : []), 'close'];
    case 'cancelled': return rng.chance(0.5) ? ['cancel'] : ['dispatch', 'cancel'];
  }
}

export interface SynthOrder {
  order: Row;
  events: Row[];
  search: Row;
  /** The words of the search row. */
  words: string[];
  /** Local day and sequence of the order number, for number_sequences. */
  day: string;
  sequence: number;
}

export class OrderSynth {
  private readonly rng: Random;
  private readonly tokens = new TokenCache();
  private readonly dayNames = new Map<number, string>();
  private readonly sequences = new Map<string, number>();
  private verified = 0;

  constructor(private readonly fixture: OrgFixture, private readonly now: number, seed: number) {
    this.rng = new Random(seed);
  }

  /** Order `id`, received at `receivedAt` (callers pass increasing instants). */
  next(id: number, receivedAt: number): SynthOrder {
    const { rng, fixture } = this;
    const customerIndex = rng.int(0, fixture.customerCount - 1);
    const customer = customerAt(customerIndex, fixture);
    const siteIndex = rng.chance(0.92) ? customer.siteIndex : pickSiteIndex(rng, fixture.sites);
    const site = fixture.sites[siteIndex]!;
    const description = describe(rng, site.kind);
    const kind = rng.weighted(description.topic.kinds);
    const channel = CHANNEL_TABLE.pick(rng);
    const age = (this.now - receivedAt) / DAY;
    const status = STATUS_BY_AGE.find(([maxAge]) => age < maxAge)![1].pick(rng);
    const open = (OPEN_STATUSES as readonly string[]).includes(status);
    // The agreed reply time stays on record; the due time (earliest running SLA clock or
    // agreed reply) is cleared when an order is closed or cancelled (refreshOrderDue).
    const agreedReplyAt = rng.chance(0.5) ? receivedAt + rng.int(4, 144) * 30 * MINUTE : null;
    const dueAt = open && rng.chance(0.85) ? (agreedReplyAt ?? receivedAt + rng.int(1, 72) * HOUR) : null;

    const day = this.localDay(receivedAt);
    const sequence = (this.sequences.get(day) ?? 0) + 1;
    this.sequences.set(day, sequence);
    const number = formatWorkOrderNumber(fixture.numberPrefix, day, sequence);

    const agent = rng.pick(fixture.agentIds);
    const departmentIndex = description.topic.department;
    const handler = rng.pick(fixture.handlerIds[departmentIndex]!);
    const actions = actionsFor(rng, status, kind);
    const times = this.actionTimes(receivedAt, actions);

    const order: Row = {
      id, org_id: fixture.orgId, site_id: site.id, number, kind, channel, status, customer_id: fixture.firstCustomerId + customerIndex,
      contact_phone: customer.phone, unit: customer.unit, description: description.text,
      category_id: description.topic.category && rng.chance(0.85) ? (fixture.categoryIds.get(description.topic.category) ?? null) : null,
      agreed_reply_method: agreedReplyAt === null ? null : rng.pick(REPLY_METHODS), agreed_reply_at: agreedReplyAt,
      received_at: receivedAt, received_by: agent, owner_id: agent,
      department_id: actions.includes('dispatch') ? fixture.departments[departmentIndex]!.id : null,
      handler_id: actions.includes('start') ? (actions.includes('dispatch') ? handler : agent) : null,
      result: actions.includes('give_result') ? rng.pick(RESULTS) : null,
      cancel_reason: actions.includes('cancel') ? rng.pick(CANCEL_REASONS) : null,
      due_at: dueAt, created_at: receivedAt, updated_at: times.length ? times[times.length - 1]! : receivedAt,
      closed_at: status === 'closed' || status === 'cancelled' ? times[times.length - 1]! : null,
      version: 1 + actions.length,
    };

    const events: Row[] = [{
      org_id: fixture.orgId, work_order_id: id, type: 'created', actor_id: agent, at: receivedAt,
      data_json: JSON.stringify({ number, channel, kind }), customer_visible: 1,
    }];
    let from: WorkOrderStatus = 'received';
    actions.forEach((action, i) => {
      const to = STATUS_AFTER[action];
      const data: Record<string, unknown> = { action, from, to };
      if (action === 'dispatch') data.department = fixture.departments[departmentIndex];
      if (action === 'give_result') data.text = order.result;
      if (action === 'cancel') data.text = order.cancel_reason;
      events.push({
        org_id: fixture.orgId, work_order_id: id, type: action, actor_id: action === 'start' || action === 'give_result' ? (order.handler_id ?? agent) : agent,
        at: times[i], data_json: JSON.stringify(data), customer_visible: CUSTOMER_VISIBLE[action],
      });
      from = to;
    });

    if (this.verified < 2000) {
      this.verified++;
      this.tokens.verify(description.text, description.clauses, customer.unit, number, customer.name);
    }
    const words = this.tokens.tokens(description.clauses, customer.unit, number, customer.name);
    return { order, events, search: { rowid: id, work_order_id: id, org_id: fixture.orgId, tokens: words.join(' ') }, words, day, sequence };
  }

  /** Last sequence number used per local day (for number_sequences). */
  daySequences(): Map<string, number> {
    return this.sequences;
  }

  private localDay(at: number): string {
    // Day buckets in UTC+8; Asia/Shanghai has had no DST since 1991. localDayOf names them.
    const bucket = Math.floor((at + 8 * HOUR) / DAY);
    let name = this.dayNames.get(bucket);
    if (!name) this.dayNames.set(bucket, (name = localDayOf(new Date(at), this.fixture.timeZone)));
    return name;
  }

  /** Event instants after `receivedAt`, squeezed so the last one is in the past. */
  private actionTimes(receivedAt: number, actions: Action[]): number[] {
    const gaps = actions.map((a) => this.rng.int(GAP_MINUTES[a][0], GAP_MINUTES[a][1]) * MINUTE + this.rng.int(0, 59_999));
    const total = gaps.reduce((a, b) => a + b, 0);
    const room = this.now - MINUTE - receivedAt;
    const scale = total > room ? room / total : 1;
    let at = receivedAt;
    return gaps.map((gap) => (at += Math.max(1, Math.floor(gap * scale))));
  }
}

/** Instant of order i of n, spread evenly over the history window, increasing with i. */
export function receivedAtFor(i: number, n: number, now: number, rng: Random): number {
  const start = now - HISTORY_DAYS * DAY;
  const span = HISTORY_DAYS * DAY - 10 * MINUTE;
  return start + Math.floor(((i + 0.1 + rng.next() * 0.8) * span) / n);
}
