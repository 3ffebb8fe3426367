import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepClocks } from '../src/sla/sla-sweeper.js';
import { complaintBody, createTestApp, type TestApp } from './helpers/test-app.js';
import { databaseAvailable, testDialect } from './helpers/test-database.js';

describe.skipIf(!databaseAvailable)(`pausing and resuming SLA clocks (${testDialect})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  const clockOf = (order: { clocks: { kind: string }[] }, kind: string) => order.clocks.find((c) => c.kind === kind) as Record<string, unknown>;

  it('stands still while waiting for the customer, and the due time moves by the pause', async () => {
    const start = t.clock.now.getTime();
    const order = (await t.request({ method: 'POST', url: '/api/v1/work-orders', token: t.org.tokens.agent, payload: complaintBody(t.org) })).json();
    expect(clockOf(order, 'result').dueAt).toBe(new Date(start + 120 * 60_000).toISOString());

    t.clock.now = new Date(start + 30 * 60_000);
    const paused = await t.request({ method: 'POST', url: `/api/v1/work-orders/${order.id}/clocks/pause`, token: t.org.tokens.agent, payload: { version: 1, clock: 'result', reason: '等待业主预约上门时间' } });
    expect(paused.statusCode).toBe(200);
    expect(clockOf(paused.json(), 'result')).toMatchObject({ state: 'paused', pauseReason: '等待业主预约上门时间' });

    // Past the original due time while paused: the sweep leaves it alone.
    await sweepClocks(t.context.db, new Date(start + 150 * 60_000));
    const during = (await t.request({ method: 'GET', url: `/api/v1/work-orders/${order.id}`, token: t.org.tokens.agent })).json();
    expect(clockOf(during, 'result')).toMatchObject({ state: 'paused', breachedAt: null });

    t.clock.now = new Date(start + 75 * 60_000);
    const resumed = await t.request({ method: 'POST', url: `/api/v1/work-orders/${order.id}/clocks/resume`, token: t.org.tokens.agent, payload: { version: 2, clock: 'result' } });
    expect(resumed.statusCode).toBe(200);
    expect(clockOf(resumed.json(), 'result')).toMatchObject({ state: 'running', dueAt: new Date(start + 165 * 60_000).toISOString() });
    const types = resumed.json().timeline.map((e: { type: string }) => e.type);
    expect(types).toEqual(expect.arrayContaining(['clocks_paused', 'clock_paused', 'clocks_resumed', 'clock_resumed']));
  });

  it('needs a reason, a running clock and a role that works on orders', async () => {
    const order = (await t.request({ method: 'POST', url: '/api/v1/work-orders', token: t.org.tokens.agent, payload: complaintBody(t.org) })).json();
    const noReason = await t.request({ method: 'POST', url: `/api/v1/work-orders/${order.id}/clocks/pause`, token: t.org.tokens.agent, payload: { version: 1 } });
    expect(noReason.statusCode).toBe(400);
    const nothingPaused = await t.request({ method: 'POST', url: `/api/v1/work-orders/${order.id}/clocks/resume`, token: t.org.tokens.agent, payload: { version: 1 } });
    expect(nothingPaused.statusCode).toBe(400);
    const customer = await t.request({ method: 'POST', url: `/api/v1/work-orders/${order.id}/clocks/pause`, token: t.org.tokens.customer, payload: { version: 1, reason: 'x' } });
    expect(customer.statusCode).toBe(403);
    const stranger = await t.request({ method: 'POST', url: `/api/v1/work-orders/${order.id}/clocks/pause`, token: t.otherOrg.tokens.agent, payload: { version: 1, reason: 'x' } });
    expect(stranger.statusCode).toBe(404);
  });
});
