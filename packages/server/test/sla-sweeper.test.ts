import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/database.js';
import { sweepClocks } from '../src/sla/sla-sweeper.js';
import { dueHandlers } from '../src/sla/sweeper-loop.js';
import { complaintBody, createTestApp, type TestApp } from './helpers/test-app.js';
import { databaseAvailable, testDialect } from './helpers/test-database.js';

describe.skipIf(!databaseAvailable)(`SLA sweep: warnings and breaches, each exactly once (${testDialect})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  const minutes = (n: number) => n * 60_000;
  const create = async (overrides: Record<string, unknown> = {}) => {
    const r = await t.request({ method: 'POST', url: '/api/v1/work-orders', token: t.org.tokens.agent, payload: complaintBody(t.org, overrides) });
    expect(r.statusCode).toBe(201);
    return r.json();
  };
  const detail = async (id: number) => (await t.request({ method: 'GET', url: `/api/v1/work-orders/${id}`, token: t.org.tokens.agent })).json();
  const eventsOf = (order: { timeline: { type: string; data: Record<string, unknown> }[] }, type: string) => order.timeline.filter((e) => e.type === type);
  const notifications = async (role: string) =>
    (await t.request({ method: 'GET', url: '/api/v1/notifications', token: t.org.tokens[role] })).json().items as { type: string; workOrderId: number; data: Record<string, unknown> }[];

  it('warns at 80% and breaches at the due time, once, telling the people the policy names', async () => {
    const start = t.clock.now.getTime();
    const order = await create();
    expect(await sweepClocks(t.context.db, new Date(start + minutes(7)))).toEqual({ warned: 0, breached: 0 });
    expect(await sweepClocks(t.context.db, new Date(start + minutes(8)))).toEqual({ warned: 1, breached: 0 });
    expect(await sweepClocks(t.context.db, new Date(start + minutes(9)))).toEqual({ warned: 0, breached: 0 });
    let view = await detail(order.id);
    expect(view.clocks.find((c: { kind: string }) => c.kind === 'dispatch').state).toBe('warned');
    expect((await notifications('agent')).filter((n) => n.workOrderId === order.id).map((n) => n.type)).toEqual(['clock_warning']);
    expect((await notifications('supervisor')).filter((n) => n.workOrderId === order.id)).toEqual([]);

    const breach = await sweepClocks(t.context.db, new Date(start + minutes(11)));
    expect(breach.breached).toBe(1);
    view = await detail(order.id);
    const dispatch = view.clocks.find((c: { kind: string }) => c.kind === 'dispatch');
    expect(dispatch).toMatchObject({ state: 'breached', breachedAt: new Date(start + minutes(10)).toISOString() });
    expect(eventsOf(view, 'clock_breached')).toHaveLength(1);
    expect((await notifications('supervisor')).filter((n) => n.workOrderId === order.id).map((n) => n.type)).toEqual(['clock_breached']);

    // Dispatching late stops the clock and keeps the breach on record.
    const r = await t.request({ method: 'POST', url: `/api/v1/work-orders/${order.id}/transitions`, token: t.org.tokens.agent, payload: { action: 'dispatch', version: order.version, departmentId: t.org.departmentIds[1] } });
    expect(r.statusCode).toBe(200);
    expect(r.json().clocks.find((c: { kind: string }) => c.kind === 'dispatch')).toMatchObject({ state: 'met', breachedAt: new Date(start + minutes(10)).toISOString() });
    expect(eventsOf(r.json(), 'clock_met').find((e) => e.data.clock === 'dispatch')?.data.late).toBe(true);
  });

  it('catches up after downtime with the breach time each clock really had, and no stale warnings', async () => {
    const start = t.clock.now.getTime();
    const order = await create({ description: '停机期间的投诉' });
    await sweepClocks(t.context.db, new Date(start + minutes(60 * 30)));
    const view = await detail(order.id);
    const byKind = Object.fromEntries(view.clocks.map((c: { kind: string; breachedAt: string | null; warnedAt: string | null }) => [c.kind, c]));
    expect(byKind.dispatch.breachedAt).toBe(new Date(start + minutes(10)).toISOString());
    expect(byKind.result.breachedAt).toBe(new Date(start + minutes(120)).toISOString());
    expect(byKind.result.warnedAt).toBeNull();
    expect(byKind.auto_upgrade.state).toBe('running');
    expect(eventsOf(view, 'clock_warning')).toEqual([]);
    t.clock.now = new Date(start + minutes(60 * 30));
    const overdue = await t.request({ method: 'GET', url: '/api/v1/work-orders?overdue=true', token: t.org.tokens.agent });
    expect(overdue.json().items.map((o: { id: number }) => o.id)).toContain(order.id);
  });

  it('upgrades a complaint still unresolved after a month to major, with the reason recorded', async () => {
    const start = t.clock.now.getTime();
    const order = await create({ description: '小区东门道闸长期损坏，车辆随意进出' });
    await sweepClocks(t.context.db, new Date(start + 31 * 24 * 60 * minutes(1)), { dueHandlers });
    const view = await detail(order.id);
    expect(view.severity).toBe('major');
    expect(JSON.stringify(view.complaint)).toContain('unresolved_one_month');
    expect(view.clocks.find((c: { kind: string }) => c.kind === 'result').limit).toEqual({ unit: 'working_days', amount: 2 });
  });

  it('lets a user read and mark notifications', async () => {
    const before = await notifications('agent');
    expect(before.length).toBeGreaterThan(0);
    const r = await t.request({ method: 'POST', url: '/api/v1/notifications/read', token: t.org.tokens.agent, payload: { all: true } });
    expect(r.json().marked).toBe(before.length);
    const unread = await t.request({ method: 'GET', url: '/api/v1/notifications?unread=true', token: t.org.tokens.agent });
    expect(unread.json().items).toEqual([]);
    // Nobody reads another user's notifications: the list is always one's own.
    expect((await notifications('customer')).length).toBe(0);
  });

  it.skipIf(testDialect !== 'postgres')('three sweepers racing on one PostgreSQL fire every event exactly once', async () => {
    const start = t.clock.now.getTime();
    const ids: number[] = [];
    // Repairs: one dispatch clock each (complaints this alike would also form a collective group).
    for (let i = 0; i < 60; i++) ids.push((await create({ kind: 'repair', description: `并发测试 ${i}`, customer: { name: `客户${i}`, phone: `1370000${String(i).padStart(4, '0')}` } })).id);
    const handles = [0, 1, 2].map(() => openDatabase(t.database.url, { poolSize: 4 }));
    try {
      const at = new Date(start + minutes(60 * 3));
      const results = await Promise.all(handles.map((h) => sweepClocks(h.db, at, { batchSize: 25 })));
      const total = results.reduce((sum, r) => sum + r.breached, 0);
      // the dispatch clock of each of the 60 repairs comes due; nothing else does.
      expect(total).toBe(60);
      const counts = await sql<{ work_order_id: number; n: number }>`
        select work_order_id, count(*)::int as n from work_order_events
        where type = 'clock_breached' and work_order_id in (${sql.join(ids)}) group by work_order_id`.execute(t.context.db);
      expect(counts.rows).toHaveLength(60);
      expect(counts.rows.every((row) => row.n === 1)).toBe(true);
      expect(results.filter((r) => r.breached > 0).length).toBeGreaterThan(0);
    } finally {
      await Promise.all(handles.map((h) => h.close()));
    }
  });
});
