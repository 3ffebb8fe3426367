import type {
  Channel, DecidedNature, ReplyMethod, WorkOrderKind, WorkOrderStatus,
} from '@huiyin/domain';
import { planLife, type DemoStep, type WorkWindow } from './demo-lifecycle.js';
import { GARDEN, PLAZA, STAFF, customerPools, makeCustomers, pickWeighted, type DemoCustomer, type DemoUser } from './demo-people.js';
import { DemoRandom } from './demo-random.js';
import {
  CONSUMER_ASSOCIATION_NOTES, DEFAULT_CALLBACKS, GOVERNMENT_NOTES, MEDIA_NOTES, SECOND_RESULTS, seasonOf,
  type Audience, type DepartmentRole, type SiteKind, type Topic,
} from './demo-texts.js';
import { clusterDrafts } from './demo-clusters.js';
import { MALL_TOPICS } from './demo-texts-mall.js';
import { PROPERTY_TOPICS } from './demo-texts-property.js';
import { toTraditional } from './demo-traditional.js';
import { agreeReply, describe, makeSlots, sampleChannel, sampleReceivedAt, type OrderDraft } from './demo-orders.js';
import { chooseComplaintHandling, type ComplaintChoice } from './demo-natures.js';

/**
 * A realistic demo organisation as pure data: no database, no I/O, no clock.
 * The same `seed` and `now` always give the same organisation. A loader inserts
 * it through the services, replaying each order's `steps` in order.
 */

export type { DemoCustomer, DemoUser } from './demo-people.js';
export type { DemoStep, DemoStepAction } from './demo-lifecycle.js';
export { callbackFollowUp, isComplaintStep, leavesStatus, statusAfter, stepsWhen } from './demo-lifecycle.js';

export interface DemoSite {
  key: string;
  name: string;
  kind: SiteKind;
  timeZone: 'Asia/Shanghai';
  twentyFourHour: boolean;
  address: string;
  /** Local desk hours when not 24-hour. */
  serviceHours?: { opens: string; closes: string };
}

export interface DemoDepartment {
  key: string;
  siteKey: string;
  name: string;
}

export interface DemoWorkOrder {
  kind: WorkOrderKind;
  channel: Channel;
  siteKey: string;
  customerKey: string;
  unit?: string;
  /** In the customer's own words (S3: 投诉内容需按顾客的叙述为准). */
  description: string;
  /** Names from the root of CATEGORY_SEED, e.g. ['物业服务','维修','电梯']. */
  categoryPath: string[];
  receivedAt: Date;
  receivedByUsername: string;
  /** Owner at intake (首问负责制); a 'transfer' step hands ownership to its toUsername. */
  ownerUsername: string;
  /** Responsible department: where it is dispatched, or the desk's own department when answered there. */
  departmentKey?: string;
  handlerUsername?: string;
  agreedReplyMethod?: ReplyMethod;
  agreedReplyAt?: Date;
  /**
   * Strictly increasing times, after receivedAt and before now. An assistance
   * complaint's callback is sampled by the server, so its steps may hold both
   * continuations (DemoStep.whenSampled); the loader replays the sampled one.
   */
  steps: DemoStep[];
  /** Where the steps leave it (replay check for the loader), its callback sampled in. */
  status: WorkOrderStatus;
  /** Where they leave it when its callback is not sampled; set only on lives that depend on the sample. */
  statusIfNotSampled?: WorkOrderStatus;
  /** Complaints: the nature it is (or will be) handled as once the desk decides (S1 4.6.1). */
  nature?: DecidedNature;
  /** Set on orders of one collective-looking cluster (same building, same matter, within 48 h). */
  clusterKey?: string;
  /** Which phrase-bank topic it came from (for debugging and tests). */
  topicKey: string;
}

export interface DemoData {
  organisation: { name: string; code: string };
  sites: DemoSite[];
  departments: DemoDepartment[];
  users: DemoUser[];
  customers: DemoCustomer[];
  workOrders: DemoWorkOrder[];
}

export interface DemoOptions {
  seed: number;
  now: Date;
  orderCount?: number;
  days?: number;
}

export const DEMO_SITES: readonly DemoSite[] = [
  { key: GARDEN, name: '回音花园', kind: 'residential', timeZone: 'Asia/Shanghai', twentyFourHour: true, address: '北京市朝阳区回音路188号' },
  {
    key: PLAZA, name: '回音广场购物中心', kind: 'mall', timeZone: 'Asia/Shanghai', twentyFourHour: false,
    address: '北京市朝阳区回音大街66号', serviceHours: { opens: '10:00', closes: '22:00' },
  },
];

const DEPARTMENT_NAMES: Record<DepartmentRole, string> = {
  service: '客服部', engineering: '工程部', security: '安保部', cleaning: '保洁部',
  operations: '营运部', finance: '财务部', marketing: '市场部',
};
const SITE_DEPARTMENTS: Record<string, DepartmentRole[]> = {
  [GARDEN]: ['service', 'engineering', 'security', 'cleaning'],
  [PLAZA]: ['service', 'operations', 'engineering', 'security', 'finance', 'marketing'],
};

export const DEMO_DEPARTMENTS: readonly DemoDepartment[] = DEMO_SITES.flatMap((site) =>
  (SITE_DEPARTMENTS[site.key] ?? []).map((role) => ({ key: `${site.key}-${role}`, siteKey: site.key, name: DEPARTMENT_NAMES[role] })),
);

// Kind mix (brief §: repair 35, inquiry 25, complaint 20, help 10, suggestion 6, praise 4) and how
// much of each kind lands at the residential site rather than the mall.
const KIND_MIX: readonly (readonly [WorkOrderKind, number, number])[] = [
  ['repair', 35, 0.78], ['inquiry', 25, 0.55], ['complaint', 20, 0.5], ['help', 10, 0.55], ['suggestion', 6, 0.5], ['praise', 4, 0.5],
];

const MALL_DESK: WorkWindow = [9 * 60 + 30, 22 * 60];
const MALL_TEAMS: WorkWindow = [9 * 60, 22 * 60 + 30];
const DAY_TEAMS: WorkWindow = [8 * 60, 20 * 60];

export function generateDemoData({ seed, now, orderCount = 2000, days = 90 }: DemoOptions): DemoData {
  const rng = new DemoRandom(seed);
  const customers = makeCustomers(rng, { residents: 190, tenants: 30, shoppers: 80 });
  for (const c of customers) if (c.writesTraditional) c.name = toTraditional(c.name);

  const pools = customerPools(rng, customers);
  const users = STAFF.map((u) => ({ ...u, siteKeys: [...u.siteKeys] }));
  const byDept = (key: string): DemoUser | undefined => users.find((u) => u.departmentKey === key && u.role !== 'agent');
  const desk = (siteKey: string): DemoUser[] => users.filter((u) => u.departmentKey === `${siteKey}-service`);
  const supervisor = (siteKey: string): DemoUser => desk(siteKey).find((u) => u.role === 'supervisor') ?? must(desk(siteKey)[0]);
  const gm = must(users.find((u) => u.role === 'general_manager'));

  const build = (d: OrderDraft): DemoWorkOrder => {
    const siteKey = d.site.key;
    const deskUsers = desk(siteKey);
    const sup = supervisor(siteKey);
    const sensitive = d.channel === 'government' || d.channel === 'media' || d.channel === 'consumer_association';
    const receiver = sensitive && rng.chance(0.7) ? sup : rng.weighted(deskUsers.map((u) => [u, u.role === 'supervisor' ? 1 : 2] as const));
    const atDesk = rng.chance(d.topic.atDesk ?? 0);
    const deptKey = atDesk ? `${siteKey}-service` : `${siteKey}-${d.topic.department}`;
    const handler = atDesk ? undefined : byDept(deptKey);
    const mall = d.site.kind === 'mall';
    const slots = makeSlots(rng, d.topic, {
      customer: d.customer, engineer: byDept(`${siteKey}-engineering`), deskAgents: deskUsers,
      ...(d.unit ? { unit: d.unit } : {}), ...(d.building ? { building: d.building } : {}),
    });
    const textIndex = rng.int(0, d.topic.texts.length - 1);
    const description = describe(rng, d.topic, d.kind, d.audience, d.channel, slots, d.customer, d.core ?? must(d.topic.texts[textIndex]));
    // A cluster speaks its own sentences: it keeps the responsible handling its matter has.
    const handling: ComplaintChoice | undefined = d.kind !== 'complaint' ? undefined
      : chooseComplaintHandling(rng, d.core ? { ...d.topic, nature: undefined } : d.topic, textIndex, {
          customerName: d.customer.name,
          staff: handler ? [`${DEPARTMENT_NAMES[d.topic.department]}${handler.displayName}`] : [],
        });
    const aligned = d.topic.results.length === d.topic.texts.length ? d.topic.results[textIndex] : undefined;
    const decided = handling?.result;
    const results = d.result ? [d.result] : decided ? [decided] : aligned ? [aligned] : d.topic.results;
    const intakeNote =
      d.channel === 'government' ? rng.pick(GOVERNMENT_NOTES)
        : d.channel === 'consumer_association' ? rng.pick(CONSUMER_ASSOCIATION_NOTES)
          : d.channel === 'media' ? rng.pick(MEDIA_NOTES)
            : d.channel === 'transfer' ? `由${transferredFrom(rng, siteKey, d.topic.department)}转交客服中心，按规定三天内办结。`
              : d.channel === 'proxy' ? '由客户家人代为反映，答复请联系客户本人。'
                : undefined;
    const life = planLife({
      rng, now, receivedAt: d.receivedAt, kind: d.kind, owner: receiver.username,
      deskPeers: deskUsers.map((u) => u.username), canceller: sup.username, generalManager: gm.username,
      ...(handler ? { handler: handler.username } : {}),
      deskWindow: mall ? MALL_DESK : undefined,
      handlerWindow: mall ? MALL_TEAMS : d.kind === 'help' || ['security', 'service'].includes(d.topic.department) ? undefined : DAY_TEAMS,
      resultMinutes: d.topic.resultMinutes ?? [30, 1440],
      ...(intakeNote ? { intakeNote } : {}),
      gmInvolved: d.kind === 'complaint' && (d.channel === 'media' || d.channel === 'government'),
      result: () => rng.pick(results),
      secondResult: () => rng.pick(SECOND_RESULTS),
      callback: () => rng.pick(d.topic.callbacks ?? DEFAULT_CALLBACKS[d.kind]),
      ...(handling ? { complaint: handling.plan } : {}),
    });
    const order: DemoWorkOrder = {
      kind: d.kind, channel: d.channel, siteKey, customerKey: d.customer.key, description,
      categoryPath: [...d.topic.category], receivedAt: d.receivedAt, receivedByUsername: receiver.username,
      ownerUsername: receiver.username, departmentKey: deptKey, steps: life.steps, status: life.status, topicKey: d.topic.key,
    };
    if (d.unit) order.unit = d.unit;
    if (handler) order.handlerUsername = handler.username;
    const reply = atDesk ? undefined : agreeReply(rng, d.kind, d.channel, d.receivedAt);
    if (reply) {
      order.agreedReplyMethod = reply.method;
      order.agreedReplyAt = reply.at;
    }
    if (d.clusterKey) order.clusterKey = d.clusterKey;
    if (life.statusIfNotSampled) order.statusIfNotSampled = life.statusIfNotSampled;
    if (handling) order.nature = handling.nature;
    return order;
  };

  const orders: DemoWorkOrder[] = [];
  const sites = { residential: must(DEMO_SITES[0]), mall: must(DEMO_SITES[1]) };
  for (const draft of clusterDrafts(rng, now, days, orderCount, pools, sites)) orders.push(build(draft));

  const kindEntries = KIND_MIX.map(([k, w]) => [k, w] as const);
  const topicChoices = new Map<string, (readonly [Topic, number])[]>();
  while (orders.length < orderCount) {
    const kind = rng.weighted(kindEntries);
    const residentialShare = KIND_MIX.find(([k]) => k === kind)?.[2] ?? 0.6;
    const site = must(DEMO_SITES[rng.chance(residentialShare) ? 0 : 1]);
    const channel = sampleChannel(rng, kind, site.kind);
    const receivedAt = sampleReceivedAt(rng, now, days, site.kind, channel);
    const seasons = seasonOf(new Date(receivedAt.getTime() + 8 * 3600_000).getUTCMonth() + 1);
    const choiceKey = `${site.kind}|${kind}|${seasons.join(',')}`;
    let choices = topicChoices.get(choiceKey);
    if (!choices) {
      const bank = site.kind === 'mall' ? MALL_TOPICS : PROPERTY_TOPICS;
      choices = bank.topics.filter((t) => t.kind === kind && (!t.season || seasons.includes(t.season))).map((t) => [t, t.weight] as const);
      topicChoices.set(choiceKey, choices);
    }
    const topic = rng.weighted(choices);
    const audience: Audience = rng.pick(topic.audience ?? (['resident'] as const));
    const customer = pickWeighted(rng, pools[audience]);
    const unit = audience === 'shopper' ? undefined : customer.units.find((u) => u.siteKey === site.key)?.label;
    orders.push(build({ kind, site, topic, channel, receivedAt, customer, audience, ...(unit ? { unit } : {}) }));
  }
  orders.sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());

  return {
    organisation: { name: '回音示范物业集团', code: 'HUIYIN-DEMO' },
    sites: DEMO_SITES.map((s) => ({ ...s })),
    departments: DEMO_DEPARTMENTS.map((d) => ({ ...d })),
    users,
    customers,
    workOrders: orders,
  };
}

/** The department that passed a matter on to the desk (转办): any other front-line team of the site. */
function transferredFrom(rng: DemoRandom, siteKey: string, responsible: DepartmentRole): string {
  const roles = (SITE_DEPARTMENTS[siteKey] ?? []).filter((r) => r !== 'service' && r !== responsible && r !== 'finance');
  return DEPARTMENT_NAMES[rng.pick(roles)];
}

function must<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('demo data: missing value');
  return value;
}
