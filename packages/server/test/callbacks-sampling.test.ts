import { isSampled, monthlySeed, requiredSampleCount } from '@huiyin/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintBody, createTestApp, type TestApp, type TestOrg } from './helpers/test-app.js';
import { databaseAvailable, testDialect } from './helpers/test-database.js';

interface Callback { id: number; version: number; status: string; outcome: string; sampleIndex: number | null; dueAt: string | null }
interface Detail { id: number; version: number; status: string; callbacks: Callback[]; clocks: { kind: string; state: string }[] }

describe.skipIf(!databaseAvailable)(`callback sampling and monthly figures (${testDialect})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(); // its sessions last until December 2026: the tests move the clock back into 2025
  });
  afterAll(async () => t?.close());

  const at = (iso: string) => { t.clock.now = new Date(iso); };
  const request = (method: 'GET' | 'POST', url: string, token: string, payload?: Record<string, unknown>) => t.request({ method, url, token, ...(payload ? { payload } : {}) });
  const create = async (org: TestOrg, overrides: Record<string, unknown> = {}): Promise<Detail> => {
    const r = await request('POST', '/api/v1/work-orders', org.tokens.agent!, complaintBody(org, overrides));
    expect(r.statusCode).toBe(201);
    return r.json();
  };
  const act = async (org: TestOrg, id: number, body: Record<string, unknown>): Promise<Detail> => {
    const current = (await request('GET', `/api/v1/work-orders/${id}`, org.tokens.agent!)).json() as Detail;
    const r = await request('POST', `/api/v1/work-orders/${id}/transitions`, org.tokens.agent!, { version: current.version, ...body });
    expect(r.statusCode).toBe(200);
    return r.json();
  };
  const result = (org: TestOrg, id: number) => act(org, id, { action: 'give_result', text: '已协调供水公司恢复供水' });
  /** An assistance complaint (a utility outage we help with) through to its result. */
  const assistance = async (org: TestOrg, overrides: Record<string, unknown> = {}) => {
    const order = await create(org, { description: '小区停水，请帮忙联系自来水公司', ...overrides });
    await t.context.db.updateTable('work_orders').set({ nature: 'assistance' }).where('id', '=', order.id).execute();
    return result(org, order.id);
  };
  const record = (order: Detail, body: Record<string, unknown>) => {
    const cb = order.callbacks.find((c) => c.status === 'pending')!;
    return request('POST', `/api/v1/work-orders/${order.id}/callbacks/${cb.id}/attempts`, t.org.tokens.agent!, { version: cb.version, ...body });
  };
  const orgSeed = async (orgId: number) => {
    const row = await t.context.db.selectFrom('organisations').select('settings_json').where('id', '=', orgId).executeTakeFirstOrThrow();
    return (JSON.parse(row.settings_json) as { callbacks?: { seed?: string } }).callbacks?.seed;
  };

  const N = 20;
  let outcomes: string[] = [];

  it('samples assistance complaints reproducibly from the stored seed: at least 30% at every point of the month', async () => {
    at('2025-11-03T02:00:00Z'); // Monday, 10:00 in Shanghai
    const seen: Callback[] = [];
    for (let i = 0; i < N; i++) {
      // A customer who refuses callbacks mid-month takes no place in the frame.
      if (i === 5) {
        const order = await create(t.org, { description: '停水了，但不要回访' });
        await request('POST', `/api/v1/work-orders/${order.id}/callback-preference`, t.org.tokens.agent!, { refused: true, version: 1 });
        await t.context.db.updateTable('work_orders').set({ nature: 'assistance' }).where('id', '=', order.id).execute();
        expect((await result(t.org, order.id)).callbacks[0]).toMatchObject({ outcome: 'waived', sampleIndex: null });
      }
      seen.push((await assistance(t.org)).callbacks[0]!);
    }
    const seed = await orgSeed(t.org.orgId);
    expect(seed).toMatch(/^[0-9a-f]{32}$/);
    const counter = await t.context.db.selectFrom('sample_counters').selectAll().where('org_id', '=', t.org.orgId).where('month', '=', '2025-11').executeTakeFirstOrThrow();
    // The month's seed, rate and mode are stored, and the seed derives from the organisation's.
    expect(counter).toMatchObject({ seed: monthlySeed(seed!, '2025-11'), rate_ppm: 300_000, mode: 'jittered', last_index: N });

    expect(seen.map((c) => c.sampleIndex)).toEqual(Array.from({ length: N }, (_, i) => i + 1));
    outcomes = seen.map((c) => c.outcome);
    expect(outcomes).toEqual(seen.map((_, i) => (isSampled(counter.seed!, i + 1, 0.3) ? 'sampled_in' : 'sampled_out')));
    for (let k = 1; k <= N; k++) {
      expect(outcomes.slice(0, k).filter((o) => o === 'sampled_in').length).toBeGreaterThanOrEqual(requiredSampleCount(k, 0.3));
    }
    // Picked: a callback within 3 calendar days (Monday 10:00 → end of Thursday); not picked: no task, no clock.
    expect(seen[0]).toMatchObject({ outcome: 'sampled_in', status: 'pending', dueAt: '2025-11-06T16:00:00.000Z' });
    const out = seen.find((c) => c.outcome === 'sampled_out')!;
    expect(out).toMatchObject({ status: 'not_sampled', dueAt: null });
  });

  it('gives the same picks to the same seed', async () => {
    const seed = await orgSeed(t.org.orgId);
    const settings = JSON.stringify({ callbacks: { seed } });
    await t.context.db.updateTable('organisations').set({ settings_json: settings }).where('id', '=', t.otherOrg.orgId).execute();
    const again: string[] = [];
    for (let i = 0; i < N; i++) again.push((await assistance(t.otherOrg)).callbacks[0]!.outcome);
    expect(again).toEqual(outcomes);
  });

  it('reports the month’s sample against its floor, and shows the seed only to auditors', async () => {
    const stats = async (token: string) => (await request('GET', '/api/v1/callbacks/stats?month=2025-11', token)).json();
    const sampled = outcomes.filter((o) => o === 'sampled_in').length;
    const agent = await stats(t.org.tokens.agent!);
    expect(agent.sampling).toMatchObject({
      rate: 0.3, mode: 'jittered', seed: null, frameSize: N, total: N, sampled, requiredAtLeast: 6, achievedRate: sampled / N,
    });
    expect(agent.waivedAtResult).toEqual({ customerRefused: 1, anonymous: 0 });
    expect((await stats(t.org.tokens.admin!)).sampling.seed).toMatch(/^[0-9a-f]{16}$/);
  });

  it('counts the month: callback rate within the limit, unreachable and waived kept out of the misses, satisfaction', async () => {
    at('2025-12-01T02:00:00Z'); // Monday; due by the end of Wednesday 3 December
    const orders: Detail[] = [];
    for (const n of [1, 2, 3, 4, 5, 6]) orders.push(await result(t.org, (await create(t.org, { customer: { name: `客户${n}`, phone: `1370000100${n}` } })).id));
    const [a, b, c, d, e, f] = orders;
    const refused = await create(t.org);
    await request('POST', `/api/v1/work-orders/${refused.id}/callback-preference`, t.org.tokens.agent!, { refused: true, version: 1 });
    await result(t.org, refused.id);
    const inquiry = await create(t.org, { kind: 'inquiry', description: '停车月卡怎么办理' });
    await result(t.org, inquiry.id);
    await act(t.org, inquiry.id, { action: 'request_callback' }); // the desk books a callback the policy does not require

    at('2025-12-02T02:00:00Z');
    expect((await record(a!, { contact: 'answered', rating: 'satisfied', text: '满意' })).statusCode).toBe(200);
    expect((await record(b!, { contact: 'answered', rating: 'very_dissatisfied', text: '根本没修好' })).json().status).toBe('in_progress');
    let cOrder = c!;
    for (let i = 0; i < 3; i++) cOrder = (await record(cOrder, { contact: 'not_reached', text: '无人接听' })).json();
    await act(t.org, f!.id, { action: 'close', text: '客户当面确认' }); // closed with its callback never recorded
    at('2025-12-04T02:00:00Z');
    expect((await record(d!, { contact: 'answered', rating: 'neutral', text: '一般吧' })).statusCode).toBe(200); // a day late
    at('2025-12-05T02:00:00Z');
    expect(e!.callbacks[0]!.status).toBe('pending');

    const stats = (await request('GET', '/api/v1/callbacks/stats?month=2025-12', t.org.tokens.supervisor!)).json();
    expect(stats.required).toEqual({
      total: 6, done: 3, doneWithinLimit: 2, unreachable: 1, waived: 0, pending: 0, overdue: 1, closedUnrecorded: 1, rate: 2 / 5,
    });
    expect(stats.waivedAtResult).toEqual({ customerRefused: 1, anonymous: 0 });
    expect(stats.requested).toEqual({ total: 1, done: 0 });
    expect(stats.sampling).toMatchObject({ frameSize: 0, total: 0, sampled: 0, achievedRate: null });
    expect(stats.satisfaction).toEqual({
      distribution: { very_satisfied: 0, satisfied: 1, neutral: 1, dissatisfied: 0, very_dissatisfied: 1 },
      rated: 3, satisfied: 1, satisfiedRate: 1 / 3, reopened: 1,
    });
    expect((await request('GET', '/api/v1/callbacks/stats?month=2025-12', t.org.tokens.handler!)).statusCode).toBe(403);
    expect((await request('GET', '/api/v1/callbacks/stats?month=2025-13', t.org.tokens.agent!)).statusCode).toBe(400);
    expect((await request('GET', '/api/v1/callbacks/stats?month=2025-12', t.otherOrg.tokens.agent!)).json().required.total).toBe(0);
  });
});
