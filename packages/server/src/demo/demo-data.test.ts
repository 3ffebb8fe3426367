import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORBIDDEN_LEXICON, hasPermission, recordOutcome, type DecidedNature, type Permission, type WorkOrderAction } from '@huiyin/domain';
import { CATEGORY_SEED, type CategorySeedNode } from '@huiyin/domain';
import { ACTIONS_REQUIRING_TEXT, planTransition } from '@huiyin/domain';
import { CHANNELS, CUSTOMER_TYPES, REPLY_METHODS, WORK_ORDER_KINDS } from '@huiyin/domain';
import type { WorkOrderStatus } from '@huiyin/domain';
import { callbackFollowUp, generateDemoData, isComplaintStep, statusAfter, stepsWhen, type DemoStepAction, type DemoWorkOrder } from './demo-data.js';
import { parseResidentialUnit } from './demo-people.js';
import { DemoRandom } from './demo-random.js';
import { toTraditional } from './demo-traditional.js';
import { loadDemo } from './demo-loader.js';
import { MALL_TOPICS } from './demo-texts-mall.js';
import { PROPERTY_TOPICS } from './demo-texts-property.js';
import type { AppContext } from '../app-context.js';
import type { RequestContext } from '../auth/actor.js';
import { DEFAULT_AUTH_POLICY } from '../auth/auth.service.js';
import { callbackQueue } from '../callbacks/callback-queries.js';
import { callbackStats } from '../callbacks/callback-stats.js';
import { openDatabase, type DatabaseHandle } from '../db/database.js';
import { migrateToLatest } from '../db/migrator.js';
import { buildChecker } from '../language/checker-cache.js';
import { getWorkOrder } from '../work-orders/work-order-queries.js';

const NOW = new Date('2025-11-20T06:30:00Z'); // 14:30 in Shanghai, a Thursday
const DAY = 86_400_000;
const data = generateDemoData({ seed: 20251120, now: NOW });

function categoryPaths(nodes: readonly CategorySeedNode[], prefix: string[] = []): string[] {
  return nodes.flatMap((n) => [[...prefix, n.name].join('/'), ...categoryPaths(n.children ?? [], [...prefix, n.name])]);
}
const localHour = (d: Date): number => new Date(d.getTime() + 8 * 3_600_000).getUTCHours();
const share = (orders: readonly DemoWorkOrder[], pred: (o: DemoWorkOrder) => boolean): number =>
  orders.filter(pred).length / orders.length;

const PERMISSION_FOR: Record<Exclude<DemoStepAction, 'note'>, Permission> = {
  dispatch: 'work_order.dispatch',
  request_callback: 'work_order.dispatch',
  callback: 'work_order.dispatch',
  close: 'work_order.dispatch',
  reopen: 'work_order.dispatch',
  start: 'work_order.handle',
  give_result: 'work_order.handle',
  transfer: 'work_order.transfer',
  cancel: 'work_order.cancel',
  // The desk classifies and handles complaints by nature; whoever gave the result may record the customer's confirmation.
  classify: 'work_order.dispatch',
  book_determination: 'work_order.dispatch',
  explain: 'work_order.dispatch',
  give_agencies: 'work_order.dispatch',
  confirm: 'work_order.handle',
};
/** Each sampling outcome an order's life depends on (an assistance complaint's callback is sampled by the server). */
const samplings = (o: DemoWorkOrder): boolean[] => (o.steps.some((s) => s.whenSampled !== undefined) ? [true, false] : [true]);
const statusWhen = (o: DemoWorkOrder, sampledIn: boolean): WorkOrderStatus => (sampledIn ? o.status : o.statusIfNotSampled ?? o.status);
const complaints = data.workOrders.filter((o) => o.kind === 'complaint');
const handledAs = (nature: DecidedNature): DemoWorkOrder[] => complaints.filter((o) => o.nature === nature);
/** Words naming a way of calling back: the record's method says that, and the callback decides it. */
const NAMES_A_METHOD = /(电话|短信|微信|邮件|信函|上门)(回访|答复|回复|告知|联系)|短信|微信|无人接听|关机|占线|回电/;

describe('DemoRandom', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    const a = new DemoRandom(7);
    const b = new DemoRandom(7);
    const c = new DemoRandom(8);
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(seqA);
    expect(seqA.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

describe('generateDemoData', () => {
  it('is deterministic: same seed and now give the same organisation', () => {
    const again = generateDemoData({ seed: 20251120, now: NOW });
    expect(JSON.stringify(again)).toBe(JSON.stringify(data));
    const other = generateDemoData({ seed: 20251121, now: NOW });
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(data));
  });

  it('generates 2,000 orders well under a second', () => {
    const start = performance.now();
    generateDemoData({ seed: 1, now: NOW });
    expect(performance.now() - start).toBeLessThan(1000);
  });

  it('honours orderCount and days', () => {
    const small = generateDemoData({ seed: 3, now: NOW, orderCount: 120, days: 30 });
    expect(small.workOrders).toHaveLength(120);
    for (const o of small.workOrders) expect(o.receivedAt.getTime()).toBeGreaterThan(NOW.getTime() - 30 * DAY);
  });

  it('has a residential 24-hour site and a mall that is not, with their departments', () => {
    expect(data.organisation.name).toBe('回音示范物业集团');
    expect(data.sites.map((s) => [s.kind, s.twentyFourHour])).toEqual([['residential', true], ['mall', false]]);
    for (const s of data.sites) expect(s.timeZone).toBe('Asia/Shanghai');
    const names = (siteKey: string): string[] => data.departments.filter((d) => d.siteKey === siteKey).map((d) => d.name);
    expect(names('garden')).toEqual(expect.arrayContaining(['客服部', '工程部', '安保部', '保洁部']));
    expect(names('plaza')).toEqual(expect.arrayContaining(['客服部', '营运部', '工程部', '安保部', '财务部', '市场部']));
  });

  it('has a small staff with unique 工号 and usernames', () => {
    expect(data.users.length).toBeGreaterThanOrEqual(8);
    expect(data.users.length).toBeLessThanOrEqual(16);
    expect(new Set(data.users.map((u) => u.employeeNo)).size).toBe(data.users.length);
    expect(new Set(data.users.map((u) => u.username)).size).toBe(data.users.length);
    for (const u of data.users) {
      expect(u.employeeNo).toMatch(/^1\d{3}$/);
      for (const s of u.siteKeys) expect(data.sites.map((x) => x.key)).toContain(s);
      if (u.departmentKey) expect(data.departments.map((d) => d.key)).toContain(u.departmentKey);
    }
    // Every department has someone to dispatch to.
    for (const d of data.departments) expect(data.users.some((u) => u.departmentKey === d.key)).toBe(true);
  });

  it('has about 300 customers with unique valid mobiles, titles and units', () => {
    expect(data.customers.length).toBeGreaterThanOrEqual(280);
    expect(data.customers.length).toBeLessThanOrEqual(320);
    const phones = data.customers.flatMap((c) => [c.phone, ...c.extraPhones]);
    expect(new Set(phones).size).toBe(phones.length);
    for (const p of phones) expect(p).toMatch(/^1[358]\d{9}$/);
    expect(new Set(data.customers.map((c) => c.key)).size).toBe(data.customers.length);
    for (const c of data.customers) {
      expect(['先生', '女士']).toContain(c.title);
      expect(c.name).toMatch(/^\p{Script=Han}{2,4}$/u);
      if (c.customerType) expect(CUSTOMER_TYPES).toContain(c.customerType);
      for (const u of c.units) {
        if (u.siteKey === 'garden') expect(u.label).toMatch(/^\d{1,2}栋\d单元\d{3,4}$/);
        else expect(u.label).toMatch(/^(B1|L\d)-\d{3} /);
      }
    }
    const residents = data.customers.filter((c) => c.units.some((u) => u.siteKey === 'garden'));
    const tenants = data.customers.filter((c) => c.units.some((u) => u.siteKey === 'plaza'));
    const shoppers = data.customers.filter((c) => c.units.length === 0);
    expect(residents.length).toBeGreaterThan(150);
    expect(tenants.length).toBeGreaterThan(20);
    expect(shoppers.length).toBeGreaterThan(50);
    expect(data.customers.some((c) => c.writesTraditional)).toBe(true);
  });

  it('has about 2,000 orders with the expected kind mix', () => {
    const orders = data.workOrders;
    expect(orders).toHaveLength(2000);
    const expected = { repair: 0.35, inquiry: 0.25, complaint: 0.2, help: 0.1, suggestion: 0.06, praise: 0.04 };
    for (const kind of WORK_ORDER_KINDS) {
      expect(Math.abs(share(orders, (o) => o.kind === kind) - expected[kind])).toBeLessThan(0.04);
    }
  });

  it('takes orders mostly by phone, walk-in and online, with a few of every other channel', () => {
    const orders = data.workOrders;
    expect(share(orders, (o) => ['phone', 'walk_in', 'online'].includes(o.channel))).toBeGreaterThan(0.8);
    for (const channel of ['letter', 'email', 'media', 'government', 'consumer_association'] as const) {
      const n = orders.filter((o) => o.channel === channel).length;
      expect(n, channel).toBeGreaterThan(0);
      expect(n / orders.length, channel).toBeLessThan(0.03);
    }
    for (const o of orders) expect(CHANNELS).toContain(o.channel);
    // Letters are for complaints, suggestions, praise and the odd inquiry, not repairs.
    expect(orders.some((o) => o.channel === 'letter' && o.kind === 'repair')).toBe(false);
  });

  it('spreads orders over the period, mostly in the daytime', () => {
    const orders = data.workOrders;
    for (const o of orders) {
      expect(o.receivedAt.getTime()).toBeLessThan(NOW.getTime());
      expect(o.receivedAt.getTime()).toBeGreaterThan(NOW.getTime() - 90 * DAY);
    }
    expect(share(orders, (o) => localHour(o.receivedAt) >= 8 && localHour(o.receivedAt) < 21)).toBeGreaterThan(0.85);
    expect(orders.some((o) => o.siteKey === 'garden' && localHour(o.receivedAt) < 6)).toBe(true); // 24-hour duty
    const mall = orders.filter((o) => o.siteKey === 'plaza');
    expect(share(mall, (o) => localHour(o.receivedAt) >= 9 && localHour(o.receivedAt) < 23)).toBe(1);
    // Every fortnight of the window has plenty of orders.
    for (let from = 0; from < 84; from += 14) {
      const n = orders.filter((o) => {
        const age = (NOW.getTime() - o.receivedAt.getTime()) / DAY;
        return age >= from && age < from + 14;
      }).length;
      expect(n, `days ${from}–${from + 14}`).toBeGreaterThan(200);
    }
    const sorted = [...orders].sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());
    expect(sorted).toEqual(orders);
  });

  it('resolves every reference', () => {
    const sites = new Set(data.sites.map((s) => s.key));
    const customers = new Map(data.customers.map((c) => [c.key, c]));
    const users = new Map(data.users.map((u) => [u.username, u]));
    const departments = new Map(data.departments.map((d) => [d.key, d]));
    for (const o of data.workOrders) {
      expect(sites.has(o.siteKey)).toBe(true);
      const customer = customers.get(o.customerKey);
      expect(customer).toBeDefined();
      if (o.unit) expect(customer?.units).toContainEqual({ siteKey: o.siteKey, label: o.unit });
      for (const name of [o.receivedByUsername, o.ownerUsername, o.handlerUsername]) {
        if (name === undefined) continue;
        const user = users.get(name);
        expect(user, name).toBeDefined();
        expect(user?.siteKeys).toContain(o.siteKey);
      }
      expect(hasPermission(users.get(o.receivedByUsername)?.role ?? 'customer', 'work_order.create')).toBe(true);
      if (o.departmentKey) expect(departments.get(o.departmentKey)?.siteKey).toBe(o.siteKey);
      if (o.handlerUsername) expect(users.get(o.handlerUsername)?.departmentKey).toBe(o.departmentKey);
      for (const s of o.steps) {
        expect(users.has(s.byUsername), s.byUsername).toBe(true);
        if (s.toUsername) expect(users.has(s.toUsername), s.toUsername).toBe(true);
      }
      if (o.agreedReplyMethod) expect(REPLY_METHODS).toContain(o.agreedReplyMethod);
      if (o.agreedReplyAt) expect(o.agreedReplyAt.getTime()).toBeGreaterThan(o.receivedAt.getTime());
    }
  });

  it('uses only category paths of the seed tree', () => {
    const paths = new Set(categoryPaths(CATEGORY_SEED));
    for (const o of data.workOrders) expect(paths.has(o.categoryPath.join('/')), o.categoryPath.join('/')).toBe(true);
    for (const o of data.workOrders) expect(o.categoryPath[0]).toBe(o.siteKey === 'garden' ? '物业服务' : '商场服务');
  });

  it('dates every step after receipt and before now, strictly in order', () => {
    for (const o of data.workOrders) {
      let previous = o.receivedAt.getTime();
      for (const s of o.steps) {
        expect(s.at.getTime()).toBeGreaterThan(previous);
        expect(s.at.getTime()).toBeLessThan(NOW.getTime());
        previous = s.at.getTime();
      }
    }
  });

  it('calls customers back at civil hours, even from the 24-hour desk', () => {
    const calls = data.workOrders.flatMap((o) => o.steps.filter((s) => s.action === 'callback'));
    expect(calls.length).toBeGreaterThan(500);
    for (const s of calls) {
      expect(localHour(s.at)).toBeGreaterThanOrEqual(8);
      expect(localHour(s.at)).toBeLessThan(22);
    }
  });

  it('replays every life through the domain state machine, by people allowed to act', () => {
    const users = new Map(data.users.map((u) => [u.username, u]));
    for (const o of data.workOrders) {
      for (const sampledIn of samplings(o)) {
        let status: WorkOrderStatus = 'received';
        let owner = o.ownerUsername;
        let attempts = 0;
        let decided: DecidedNature | undefined;
        let appointment: number | undefined;
        for (const s of stepsWhen(o.steps, sampledIn)) {
          const role = users.get(s.byUsername)?.role ?? 'customer';
          if (s.action !== 'note') expect(hasPermission(role, PERMISSION_FOR[s.action]), `${s.action} by ${role}`).toBe(true);
          if (s.action === 'transfer') {
            expect(s.byUsername).toBe(owner);
            expect(s.toUsername).not.toBe(owner);
            owner = s.toUsername ?? owner;
            continue;
          }
          if (s.action === 'note') continue;
          if (isComplaintStep(s.action)) {
            expect(o.kind).toBe('complaint');
            if (s.action !== 'confirm') expect(s.byUsername).toBe(owner);
            if (s.action === 'book_determination') {
              appointment = s.appointmentAt?.getTime();
              expect(appointment, o.topicKey).toBeGreaterThan(s.at.getTime());
            }
            if (s.action === 'classify') {
              // After a determination the domain wants the on-site opinion, and the decision after the appointment.
              if (appointment !== undefined) expect(s.at.getTime()).toBeGreaterThanOrEqual(appointment);
              if (appointment !== undefined) expect(s.text?.trim()).toBeTruthy();
              decided = s.nature;
            }
            if (s.action === 'explain') expect(decided, o.topicKey).toBe('non_responsible');
            if (s.action === 'give_agencies') expect(decided, o.topicKey).toBe('assistance');
            if (s.action === 'explain' || s.action === 'give_agencies' || s.action === 'confirm') expect(s.text?.trim()).toBeTruthy();
            if (s.action === 'confirm') expect(['result_given', 'awaiting_callback']).toContain(status);
            continue;
          }
          if (['dispatch', 'request_callback', 'callback', 'close', 'reopen'].includes(s.action)) expect(s.byUsername).toBe(owner);
          if (s.action === 'dispatch') expect(s.toUsername).toBe(o.handlerUsername);
          // A result after a determination waits for the decision.
          if (s.action === 'give_result' && appointment !== undefined) expect(decided, o.topicKey).toBeDefined();
          if (s.action === 'give_result') attempts = 0;
          let action = s.action === 'callback' ? null : (s.action as WorkOrderAction);
          if (s.action === 'callback') {
            // A call is recorded on the callback booked after the result; an answer carries the customer's words and rating.
            expect(status, `${o.topicKey}: callback while ${status}`).toBe('awaiting_callback');
            expect(s.rating !== undefined).toBe(s.contact === 'answered');
            action = callbackFollowUp(s, attempts++);
          }
          if (action === null) continue;
          const outcome = planTransition(status, action, s.text);
          expect(outcome, `${o.topicKey}: ${s.action} from ${status}`).toMatchObject({ ok: true });
          if (outcome.ok) status = outcome.to;
          if (ACTIONS_REQUIRING_TEXT.has(action)) expect(s.text?.trim()).toBeTruthy();
        }
        expect(status).toBe(statusWhen(o, sampledIn));
        expect(statusAfter(o.steps, sampledIn)).toBe(statusWhen(o, sampledIn));
      }
    }
  });

  it('closes most older orders, with a few reopened and a few cancelled', () => {
    const older = data.workOrders.filter((o) => NOW.getTime() - o.receivedAt.getTime() > 14 * DAY);
    expect(share(older, (o) => o.status === 'closed')).toBeGreaterThan(0.9);
    const closedWithCallback = older.filter((o) => o.status === 'closed' && o.steps.some((s) => s.action === 'request_callback'));
    expect(closedWithCallback.length / older.length).toBeGreaterThan(0.4);
    const reopened = older.filter((o) => o.steps.some((s) => s.action === 'reopen' || (s.rating && recordOutcome(s.rating).reopen)));
    expect(reopened.length).toBeGreaterThan(5);
    expect(reopened.filter((o) => o.status === 'closed').length).toBeGreaterThan(reopened.length / 2);
    const cancelled = older.filter((o) => o.status === 'cancelled');
    expect(cancelled.length).toBeGreaterThan(10);
    expect(cancelled.length / older.length).toBeLessThan(0.06);
    for (const o of cancelled) expect(o.steps.at(-1)?.text).toBeTruthy();
    expect(data.workOrders.some((o) => o.steps.some((s) => s.action === 'transfer'))).toBe(true);
  });

  it('calls back every responsible complaint and every repair, and most customers are satisfied', () => {
    const owed = data.workOrders.filter((o) => (o.kind === 'repair' || o.nature === 'responsible') && o.status === 'closed');
    expect(owed.length).toBeGreaterThan(500);
    for (const o of owed) {
      // Closed by the recorded callback (a rating, a refusal, or the last failed try), never by hand over it.
      const last = o.steps.filter((s) => s.action !== 'note' && s.action !== 'transfer').at(-1);
      expect(last?.action, o.topicKey).toBe('callback');
    }
    const calls = data.workOrders.flatMap((o) => o.steps.filter((s) => s.action === 'callback'));
    const answered = calls.filter((s) => s.contact === 'answered');
    const outcomes = answered.map((s) => recordOutcome(s.rating!));
    const satisfied = outcomes.filter((x) => x.satisfied).length / answered.length;
    expect(satisfied).toBeGreaterThan(0.8);
    expect(satisfied).toBeLessThan(0.95);
    const reopening = outcomes.filter((x) => x.reopen).length / answered.length;
    expect(reopening).toBeGreaterThan(0.01);
    expect(reopening).toBeLessThan(0.08);
    expect(answered.filter((s) => s.rating === 'neutral').length).toBeGreaterThan(20);
    for (const s of answered) expect(s.text?.trim(), 'the customer’s words').toBeTruthy();
    // Some customers are only reached on a later try; a few decline the callback.
    const reachedLater = data.workOrders.filter((o) => {
      const contacts = o.steps.filter((s) => s.action === 'callback').map((s) => s.contact);
      return contacts.includes('not_reached') && contacts.at(-1) === 'answered';
    });
    expect(reachedLater.length).toBeGreaterThan(20);
    const refused = calls.filter((s) => s.contact === 'refused').length / calls.length;
    expect(refused).toBeGreaterThan(0);
    expect(refused).toBeLessThan(0.05);
  });

  it('classifies a realistic share of complaints by nature, each handled as its nature asks', () => {
    const shareOf = (nature: DecidedNature): number => handledAs(nature).length / complaints.length;
    expect(shareOf('responsible')).toBeGreaterThan(0.6);
    expect(shareOf('responsible')).toBeLessThan(0.8);
    expect(shareOf('non_responsible')).toBeGreaterThan(0.1);
    expect(shareOf('non_responsible')).toBeLessThan(0.22);
    expect(shareOf('assistance')).toBeGreaterThan(0.06);
    expect(shareOf('assistance')).toBeLessThan(0.15);
    const determined = complaints.filter((o) => o.steps.some((s) => s.action === 'book_determination'));
    expect(determined.length / complaints.length).toBeGreaterThan(0.025);
    expect(determined.length / complaints.length).toBeLessThan(0.09);
    // Most responsible complaints are confirmed as such; a few still stand as intake left them.
    const confirmed = handledAs('responsible').filter((o) => o.steps.some((s) => s.action === 'classify' && s.nature === 'responsible'));
    expect(confirmed.length / handledAs('responsible').length).toBeGreaterThan(0.75);

    const settled = (o: DemoWorkOrder): boolean => o.status === 'closed' && (o.statusIfNotSampled ?? 'closed') === 'closed';
    // Non-responsible: explained to the customer, closed without a callback.
    for (const o of handledAs('non_responsible').filter(settled)) {
      expect(o.steps.some((s) => s.action === 'explain'), o.topicKey).toBe(true);
      expect(o.steps.some((s) => s.action === 'request_callback'), o.topicKey).toBe(false);
    }
    // Assistance: numbers of the right utility given, most customers confirm; sampled or closed without a call.
    const utility = /水|電|电|燃气|燃氣|灶|电视|電視|宽带|寬帶|电话|電話/;
    for (const o of handledAs('assistance')) {
      expect(o.description, o.topicKey).toMatch(utility);
      if (o.steps.some((s) => s.action === 'classify')) expect(o.steps.some((s) => s.action === 'give_agencies'), o.topicKey).toBe(true);
    }
    const assisted = handledAs('assistance').filter(settled);
    expect(assisted.filter((o) => o.steps.some((s) => s.action === 'confirm')).length / assisted.length).toBeGreaterThan(0.7);
    for (const o of assisted) {
      expect(o.steps.some((s) => s.whenSampled === false && s.action === 'close'), o.topicKey).toBe(true);
      expect(o.steps.some((s) => s.whenSampled === true && s.action === 'request_callback'), o.topicKey).toBe(true);
    }
    // Undetermined: decided after the appointment, either way.
    const decidedAfterVisit = new Set(determined.flatMap((o) => o.steps.filter((s) => s.action === 'classify').map((s) => s.nature)));
    expect(decidedAfterVisit).toEqual(new Set(['responsible', 'non_responsible']));
  });

  it('tells customers only what the desk may say: no forbidden phrase in explanations or agency notes', () => {
    const checker = buildChecker(FORBIDDEN_LEXICON);
    const told = [...PROPERTY_TOPICS.topics, ...MALL_TOPICS.topics].flatMap((t) => {
      const n = t.nature;
      if (!n) return [];
      if (n.kind === 'non_responsible') return n.explanations;
      if (n.kind === 'assistance') return n.notes;
      return n.outcomes.flatMap((o) => (o.explanation ? [o.explanation] : []));
    });
    expect(told.length).toBeGreaterThan(20);
    for (const text of told) expect(checker.check(text), text).toEqual([]);
  });

  it('records callback words that leave the method to the record', () => {
    const calls = data.workOrders.flatMap((o) => o.steps.filter((s) => s.action === 'callback'));
    for (const s of calls) expect(s.text ?? '', s.text).not.toMatch(NAMES_A_METHOD);
  });

  it('leaves recent orders spread across the open statuses', () => {
    const recent = data.workOrders.filter((o) => NOW.getTime() - o.receivedAt.getTime() < 14 * DAY);
    const statuses = new Set(recent.map((o) => o.status));
    for (const s of ['received', 'dispatched', 'in_progress', 'result_given', 'awaiting_callback'] as const) {
      expect(statuses.has(s), s).toBe(true);
    }
    const lastDay = data.workOrders.filter((o) => NOW.getTime() - o.receivedAt.getTime() < DAY);
    expect(share(lastDay, (o) => o.status !== 'closed' && o.status !== 'cancelled')).toBeGreaterThan(0.3);
  });

  it('writes varied descriptions that fit their category', () => {
    const descriptions = data.workOrders.map((o) => o.description);
    expect(new Set(descriptions).size).toBeGreaterThanOrEqual(300);
    for (const d of descriptions) {
      expect(d).not.toMatch(/[{}]|undefined/);
      expect(d.length).toBeGreaterThan(5);
    }
    const about = (path: string, words: RegExp): void => {
      const matching = data.workOrders.filter((o) => o.categoryPath.join('/') === path);
      expect(matching.length, path).toBeGreaterThan(0);
      for (const o of matching) expect(o.description, path).toMatch(words);
    };
    about('物业服务/维修/电梯', /电梯|電梯/);
    about('物业服务/停车/车位', /车位|車位/);
    about('商场服务/售后服务/退货', /退/);
    about('物业服务/收费/物业费', /物业|物業|账|帳|客服|收支|线上|線上|垃圾/);
    // A few customers write in traditional script.
    const traditional = new Set(data.customers.filter((c) => c.writesTraditional).map((c) => c.key));
    const theirs = data.workOrders.filter((o) => traditional.has(o.customerKey));
    expect(theirs.length).toBeGreaterThan(5);
    expect(theirs.some((o) => /[電樓門維請處們個]/.test(o.description))).toBe(true);
  });

  it('contains collective-looking clusters: 5+ customers, one building, one matter, within 48 hours', () => {
    const clusters = new Map<string, DemoWorkOrder[]>();
    for (const o of data.workOrders) if (o.clusterKey) clusters.set(o.clusterKey, [...(clusters.get(o.clusterKey) ?? []), o]);
    expect(clusters.size).toBeGreaterThanOrEqual(3);
    let recentOpen = false;
    for (const [key, orders] of clusters) {
      expect(new Set(orders.map((o) => o.customerKey)).size, key).toBeGreaterThanOrEqual(5);
      expect(new Set(orders.map((o) => o.topicKey)).size, key).toBe(1);
      const times = orders.map((o) => o.receivedAt.getTime());
      expect(Math.max(...times) - Math.min(...times), key).toBeLessThanOrEqual(48 * 3_600_000);
      if (orders[0]?.siteKey === 'garden') {
        const buildings = new Set(orders.map((o) => parseResidentialUnit(o.unit ?? '')?.building));
        expect(buildings.size, key).toBe(1);
        const [building] = [...buildings];
        for (const o of orders) expect(o.description).toMatch(new RegExp(`${building}(栋|號樓|号楼|棟)`));
      }
      if (orders.some((o) => o.status !== 'closed' && o.status !== 'cancelled')) recentOpen = true;
    }
    expect(recentOpen).toBe(true);
  });

  it('gives dispatched orders an agreed reply and desk answers none', () => {
    const dispatched = data.workOrders.filter((o) => o.handlerUsername);
    expect(share(dispatched, (o) => o.agreedReplyMethod !== undefined)).toBeGreaterThan(0.6);
    for (const o of data.workOrders) expect(o.agreedReplyAt === undefined).toBe(o.agreedReplyMethod === undefined);
  });
});

describe('toTraditional', () => {
  it('converts the demo vocabulary, including one-to-many characters', () => {
    expect(toTraditional('3栋电梯坏了，请尽快处理')).toBe('3棟電梯壞了，請儘快處理');
    expect(toTraditional('楼道打扫得干干净净')).toBe('樓道打掃得乾乾淨淨');
    expect(toTraditional('请在这里签字')).toBe('請在這裡簽字');
    expect(toTraditional('范建华')).toBe('范建華');
  });
});

describe('loadDemo', () => {
  // A smaller organisation than `npm run demo`, replayed through the services into an in-memory database.
  let database: DatabaseHandle;
  let app: AppContext;
  let manager: RequestContext;
  const MONTHS = ['2025-08', '2025-09', '2025-10', '2025-11'];

  beforeAll(async () => {
    database = openDatabase('sqlite::memory:');
    await migrateToLatest(database.db);
    await loadDemo(database, { orders: 400, seed: 20251120, now: NOW });
    app = { db: database.db, dialect: database.dialect, now: () => NOW, authPolicy: DEFAULT_AUTH_POLICY, loginRateLimitPerMinute: 20 };
    const gm = await database.db.selectFrom('users').selectAll().where('role', '=', 'general_manager').executeTakeFirstOrThrow();
    manager = {
      actor: {
        userId: gm.id, orgId: gm.org_id, role: 'general_manager', username: gm.username, displayName: gm.display_name, employeeNo: gm.employee_no,
        siteIds: JSON.parse(gm.site_ids_json) as number[], departmentId: gm.department_id, customerId: null,
      },
      requestId: 'test',
      now: NOW,
    };
  });
  afterAll(async () => database.close());

  it('shows the callback figures of a well-run desk: owed callbacks recorded, satisfaction rated, work in the queue', async () => {
    const stats = await Promise.all(MONTHS.map((month) => callbackStats(app, manager, { month })));
    const sum = (part: (s: (typeof stats)[number]) => number): number => stats.reduce((n, s) => n + part(s), 0);

    // Callbacks owed on orders that are settled: recorded (answered, unreachable or refused), not closed without a record.
    const settled = sum((s) => s.required.total - s.required.pending - s.required.overdue);
    const recorded = sum((s) => s.required.done + s.required.unreachable + s.required.waived);
    expect(settled).toBeGreaterThan(100);
    expect(recorded / settled).toBeGreaterThanOrEqual(0.95);
    expect(sum((s) => s.required.closedUnrecorded)).toBeLessThanOrEqual(settled * 0.02);
    for (const s of stats.slice(1, 3)) expect(s.required.rate, s.month).toBeGreaterThanOrEqual(0.9);

    // Satisfaction figures exist, mostly 满意 or better, with a few 一般.
    const rated = sum((s) => s.satisfaction.rated);
    expect(rated).toBeGreaterThan(100);
    expect(sum((s) => s.satisfaction.satisfied) / rated).toBeGreaterThan(0.75);
    expect(sum((s) => s.satisfaction.distribution.neutral)).toBeGreaterThan(0);

    // The desk still has callbacks to make at "now".
    const current = stats.at(-1)!;
    expect(current.required.pending + current.required.overdue).toBeGreaterThan(0);
    const queue = await callbackQueue(app, manager, {});
    expect(queue.items.length).toBeGreaterThan(0);
  });

  it('reopens an order on a dissatisfied callback, then calls the customer back again after the new result', async () => {
    const stats = await Promise.all(MONTHS.map((month) => callbackStats(app, manager, { month })));
    expect(stats.reduce((n, s) => n + s.satisfaction.reopened, 0)).toBeGreaterThan(0);
    // The callback record reopened the order itself, the customer's opinion as the reason (回访不满意：…).
    const reopens = await database.db.selectFrom('work_order_events').select(['work_order_id', 'data_json']).where('type', '=', 'reopen').execute();
    const reopenedByCallback = reopens.filter((e) => /^回访(非常)?不满意：/.test((JSON.parse(e.data_json) as { text?: string }).text ?? '')).map((e) => e.work_order_id);
    expect(reopenedByCallback.length).toBeGreaterThan(0);
    const callbacks = await database.db.selectFrom('callbacks as cb').innerJoin('work_orders as w', 'w.id', 'cb.work_order_id')
      .select(['cb.work_order_id', 'cb.status', 'cb.rating', 'w.status as order_status'])
      .where('cb.work_order_id', 'in', reopenedByCallback).orderBy('cb.id').execute();
    const wentRoundAgain = reopenedByCallback.filter((id) => {
      const [first, ...later] = callbacks.filter((c) => c.work_order_id === id);
      const last = later.at(-1);
      return first?.status === 'done' && last?.status === 'done' && last.order_status === 'closed';
    });
    expect(wentRoundAgain.length).toBeGreaterThan(0);
  });

  /** The complaints as the desk's detail view shows them. */
  const complaintDetails = async () => {
    const rows = await database.db.selectFrom('work_orders').select('id').where('kind', '=', 'complaint').orderBy('id').execute();
    return Promise.all(rows.map((r) => getWorkOrder(app, manager, r.id)));
  };

  it('classifies complaints of every nature: explanations for non-responsible ones, agency numbers and confirmations for assistance ones', async () => {
    const details = await complaintDetails();
    const handledAs = (nature: string) => details.filter((d) => d.complaint?.handledAs === nature && d.complaint.natureConfirmed);
    expect(handledAs('responsible').length).toBeGreaterThan(handledAs('non_responsible').length + handledAs('assistance').length);

    // Non-responsible: what the customer was told is on record and on their timeline; no callback is owed.
    const explained = handledAs('non_responsible').filter((d) => d.complaint?.explanation?.status === 'done');
    expect(explained.length).toBeGreaterThan(0);
    for (const d of explained) {
      expect(d.complaint?.explanation?.text).toMatch(/您好/);
      expect(d.timeline.some((e) => e.type === 'explanation_given')).toBe(true);
      if (d.status === 'closed') expect(d.callbacks).toEqual([]);
    }
    for (const d of handledAs('non_responsible').filter((x) => x.status === 'closed')) expect(d.complaint?.explanation?.status, d.number).toBe('done');

    // Assistance: the site's directory is offered, numbers of the matching utility given, and most customers confirm.
    const assisted = handledAs('assistance');
    expect(assisted.length).toBeGreaterThan(0);
    for (const d of assisted) {
      expect(d.complaint?.agencies.length).toBeGreaterThan(0);
      const given = d.timeline.filter((e) => e.type === 'agencies_given').flatMap((e) => e.data.agencies as { service: string; phone: string }[]);
      expect(given.length, d.number).toBeGreaterThan(0);
      for (const agency of given) expect(agency.phone).toMatch(/^[0-9-]+$/);
    }
    expect(assisted.filter((d) => d.confirmation !== null).length).toBeGreaterThan(0);

    // Undetermined: an on-site determination booked, then the nature decided from the staff's opinion.
    const determined = details.filter((d) => d.complaint?.determination);
    expect(determined.length).toBeGreaterThan(0);
    expect(determined.some((d) => d.complaint?.natureConfirmed && d.complaint.basis)).toBe(true);
  });

  it('samples assistance callbacks: some called back, the others not sampled, at least 30 % of the month', async () => {
    const assistance = await database.db.selectFrom('callbacks').select(['outcome', 'status', 'result_month']).where('rule', '=', 'complaint_assistance').execute();
    expect(assistance.filter((c) => c.outcome === 'sampled_in').length).toBeGreaterThan(0);
    expect(assistance.filter((c) => c.status === 'not_sampled').length).toBeGreaterThan(0);
    expect(assistance.some((c) => c.outcome === 'sampled_in' && c.status === 'done')).toBe(true);

    const stats = await Promise.all(MONTHS.map((month) => callbackStats(app, manager, { month })));
    const sampledMonths = stats.filter((s) => s.sampling.total > 0);
    expect(sampledMonths.length).toBeGreaterThanOrEqual(2);
    for (const s of sampledMonths) {
      expect(s.sampling.achievedRate, s.month).toBeGreaterThanOrEqual(0.3);
      expect(s.sampling.sampled, s.month).toBeGreaterThanOrEqual(s.sampling.requiredAtLeast);
    }
    // Not sampled is not missed: those orders were closed without leaving a callback unrecorded.
    for (const s of stats) expect(s.required.closedUnrecorded, s.month).toBeLessThanOrEqual(s.required.total * 0.02);
  });

  it('records callback words that agree with the method they were recorded under', async () => {
    const attempts = await database.db.selectFrom('callback_attempts').select(['method', 'text']).execute();
    expect(new Set(attempts.map((a) => a.method)).size).toBeGreaterThan(1);
    const WORDS_OF: Record<string, RegExp> = {
      phone: /电话(回访|答复|回复|告知|联系)|无人接听|关机|占线/, sms: /短信(回访|答复)/, wechat: /微信/, visit: /上门回访/, email: /邮件/, letter: /信函/,
    };
    for (const a of attempts) {
      for (const [method, words] of Object.entries(WORDS_OF)) if (method !== a.method) expect(a.text, a.method).not.toMatch(words);
    }
  });
});
