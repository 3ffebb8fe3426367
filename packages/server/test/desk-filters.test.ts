import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepClocks } from '../src/sla/sla-sweeper.js';
import { complaintBody, createTestApp, type TestApp } from './helpers/test-app.js';
import { databaseAvailable, testDialect } from './helpers/test-database.js';

interface Summary { id: number; number: string; version: number }

/** The filters the dashboard's charts open the order list and the callback queue with. */
describe.skipIf(!databaseAvailable)(`order list and callback queue filters behind the dashboard charts (${testDialect})`, () => {
  let t: TestApp;
  let phones = 0;
  beforeAll(async () => {
    t = await createTestApp({ now: new Date('2025-11-03T02:00:00Z') });
  });
  afterAll(async () => t?.close());

  const later = (minutes: number) => { t.clock.now = new Date(t.clock.now.getTime() + minutes * 60_000); };
  const create = async (overrides: Record<string, unknown> = {}): Promise<Summary> => {
    phones++;
    const r = await t.request({
      method: 'POST', url: '/api/v1/work-orders', token: t.org.tokens.agent,
      payload: complaintBody(t.org, { description: `投诉${phones}：花园喷泉不出水`, customer: { name: `客户${phones}`, phone: `1371111${String(phones).padStart(4, '0')}` }, ...overrides }),
    });
    expect(r.statusCode).toBe(201);
    return r.json();
  };
  const list = async (query: string): Promise<number[]> => {
    const r = await t.request({ method: 'GET', url: `/api/v1/work-orders?${query}&limit=200`, token: t.org.tokens.supervisor });
    expect(r.statusCode).toBe(200);
    return (r.json().items as Summary[]).map((o) => o.id);
  };
  const act = async (order: Summary, body: Record<string, unknown>) => {
    const r = await t.request({ method: 'POST', url: `/api/v1/work-orders/${order.id}/transitions`, token: t.org.tokens.agent, payload: { version: order.version, ...body } });
    expect(r.statusCode).toBe(200);
    return r.json() as Summary;
  };

  it('filters by channel, by exact category or uncategorised, and by no department', async () => {
    const categories = (await t.request({ method: 'GET', url: '/api/v1/categories', token: t.org.tokens.agent })).json().items as { id: number }[];
    const category = categories[0]!.id;
    const phone = await create({ categoryId: category });
    const walkIn = await create({ channel: 'walk_in' });
    await act(walkIn, { action: 'dispatch', departmentId: t.org.departmentIds[1] });

    expect(await list('channel=walk_in')).toEqual([walkIn.id]);
    expect(await list('channel=phone,walk_in')).toEqual([walkIn.id, phone.id]);
    expect(await list(`categoryId=${category}`)).toEqual([phone.id]);
    expect(await list('categoryId=none')).toEqual([walkIn.id]);
    expect(await list('departmentId=none')).toEqual([phone.id]);
    expect(await list(`departmentId=${t.org.departmentIds[1]}`)).toEqual([walkIn.id]);
    const bad = await t.request({ method: 'GET', url: '/api/v1/work-orders?categoryId=some', token: t.org.tokens.agent });
    expect(bad.statusCode).toBe(400);
  });

  it('finds the orders behind the clock chart: a clock met, or breached, in the period', async () => {
    t.clock.now = new Date('2025-11-10T02:00:00Z');
    const from = t.clock.now.toISOString();
    const inTime = await create();
    const late = await create();
    later(5);
    await act(inTime, { action: 'dispatch', departmentId: t.org.departmentIds[1] }); // dispatch clock met after 5 minutes
    later(6);
    // At 11 minutes the other order's 10-minute dispatch clock has run out; the first one's reaction clock has not.
    await sweepClocks(t.context.db, t.clock.now);
    const to = new Date(t.clock.now.getTime() + 1).toISOString();

    const period = `clockFrom=${from}&clockTo=${to}`;
    expect(await list(`clockOutcome=breached&${period}`)).toEqual([late.id]);
    expect(await list(`clockOutcome=met&${period}`)).toEqual([inTime.id]);
    expect(await list(`clockOutcome=met&${period}&departmentId=${t.org.departmentIds[1]}`)).toEqual([inTime.id]);
    expect(await list(`clockOutcome=breached&clockFrom=${to}`)).toEqual([]);
    const bad = await t.request({ method: 'GET', url: '/api/v1/work-orders?clockOutcome=late', token: t.org.tokens.agent });
    expect(bad.statusCode).toBe(400);
  });

  it('narrows the callback queue to a month, an outcome and a rating, as the satisfaction chart opens it', async () => {
    t.clock.now = new Date('2025-11-12T02:00:00Z');
    const rated: Record<string, number> = {};
    for (const rating of ['satisfied', 'dissatisfied']) {
      const order = await create();
      const result = await act(order, { action: 'give_result', text: '已修复' });
      const detail = (await t.request({ method: 'GET', url: `/api/v1/work-orders/${result.id}`, token: t.org.tokens.agent })).json();
      const cb = detail.callbacks[0];
      later(30);
      const r = await t.request({
        method: 'POST', url: `/api/v1/work-orders/${order.id}/callbacks/${cb.id}/attempts`, token: t.org.tokens.agent,
        payload: { version: cb.version, contact: 'answered', rating, text: rating === 'satisfied' ? '好了' : '还是不行' },
      });
      expect(r.statusCode).toBe(200);
      rated[rating] = order.id;
    }
    const pending = await act(await create(), { action: 'give_result', text: '已处理' });

    const queue = async (query: string) => {
      const r = await t.request({ method: 'GET', url: `/api/v1/callbacks?${query}`, token: t.org.tokens.supervisor });
      expect(r.statusCode).toBe(200);
      return (r.json().items as { workOrder: { id: number } }[]).map((c) => c.workOrder.id);
    };
    expect(await queue('status=done&month=2025-11&rating=dissatisfied')).toEqual([rated.dissatisfied]);
    expect((await queue('status=done&month=2025-11&outcome=required')).sort()).toEqual([rated.satisfied, rated.dissatisfied].sort());
    expect(await queue('month=2025-11')).toEqual([pending.id]);
    expect(await queue('status=done&month=2025-10')).toEqual([]);
    const bad = await t.request({ method: 'GET', url: '/api/v1/callbacks?rating=ok', token: t.org.tokens.supervisor });
    expect(bad.statusCode).toBe(400);
  });
});
