import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './helpers/test-app.js';
import { databaseAvailable, testDialect } from './helpers/test-database.js';

interface Detail { id: number; version: number; status: string; reopenAtOrWorse: string; callbacks: { id: number; version: number; status: string }[]; confirmation: unknown }
interface PortalCallback { id: number; workOrderId: number; version: number; answerable: boolean; reopenAtOrWorse: string }

/**
 * An organisation may send orders back at 一般 already (callbacks.record.reopenAtOrWorse).
 * Whoever is about to rate must be told that rule, not the default, and the rule must be what happens.
 */
describe.skipIf(!databaseAvailable)(`the organisation’s reopen threshold reaches the desk and the portal (${testDialect})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ now: new Date('2025-10-20T02:00:00Z') });
    const patched = await t.request({ method: 'PATCH', url: '/api/v1/settings', token: t.org.tokens.admin, payload: { callbacks: { record: { reopenAtOrWorse: 'neutral' } } } });
    expect(patched.statusCode).toBe(200);
  });
  afterAll(async () => t?.close());

  const later = (minutes: number) => { t.clock.now = new Date(t.clock.now.getTime() + minutes * 60_000); };
  const get = async (id: number, token = t.org.tokens.agent): Promise<Detail> =>
    (await t.request({ method: 'GET', url: `/api/v1/work-orders/${id}`, token })).json();
  /** A customer's own complaint with the department's result: the policy owes it a callback. */
  const resolvedComplaint = async (description: string, token = t.org.tokens.customer): Promise<Detail> => {
    const created = await t.request({ method: 'POST', url: '/api/v1/work-orders', token, payload: { kind: 'complaint', channel: 'online', siteId: t.org.siteId, description } });
    expect(created.statusCode).toBe(201);
    later(30);
    const result = await t.request({ method: 'POST', url: `/api/v1/work-orders/${created.json().id}/transitions`, token: t.org.tokens.agent, payload: { action: 'give_result', version: 1, text: '已安排维修' } });
    expect(result.statusCode).toBe(200);
    later(60);
    return result.json();
  };
  const portalCallbackOf = async (orderId: number): Promise<PortalCallback> => {
    const r = await t.request({ method: 'GET', url: '/api/v1/portal/callbacks', token: t.org.tokens.customer });
    expect(r.statusCode).toBe(200);
    return (r.json().items as PortalCallback[]).find((c) => c.workOrderId === orderId)!;
  };

  it('tells the customer, on the callback and on the order, that 一般 already sends the order back; another organisation keeps the default', async () => {
    const order = await resolvedComplaint('门禁卡刷不开');
    expect(await portalCallbackOf(order.id)).toMatchObject({ answerable: true, reopenAtOrWorse: 'neutral' });
    expect((await get(order.id, t.org.tokens.customer)).reopenAtOrWorse).toBe('neutral');
    expect((await get(order.id, t.org.tokens.agent)).reopenAtOrWorse).toBe('neutral');

    const theirs = await t.request({
      method: 'POST', url: '/api/v1/work-orders', token: t.otherOrg.tokens.agent,
      payload: { kind: 'inquiry', channel: 'phone', siteId: t.otherOrg.siteId, description: '停车费怎么交', customer: { name: '李女士', phone: '13900000001' } },
    });
    expect(theirs.statusCode).toBe(201);
    expect(theirs.json().reopenAtOrWorse).toBe('dissatisfied');
  });

  it('a 一般 answered online reopens the order, as the portal said it would', async () => {
    const order = await resolvedComplaint('楼道有异味');
    const cb = await portalCallbackOf(order.id);
    const r = await t.request({ method: 'POST', url: `/api/v1/work-orders/${order.id}/callbacks/${cb.id}/answer`, token: t.org.tokens.customer, payload: { version: cb.version, text: '味道还在，只是小了点', rating: 'neutral' } });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ status: 'in_progress', reopenAtOrWorse: 'neutral' });
  });

  it('a 一般 at confirmation, or recorded by the desk on the callback, reopens the order too', async () => {
    const confirmed = await resolvedComplaint('健身房空调不凉');
    const c = await t.request({ method: 'POST', url: `/api/v1/work-orders/${confirmed.id}/confirmation`, token: t.org.tokens.customer, payload: { version: confirmed.version, text: '还是有点热', rating: 'neutral' } });
    expect(c.statusCode).toBe(200);
    expect(c.json()).toMatchObject({ status: 'in_progress', confirmation: null });

    const called = await resolvedComplaint('垃圾房门坏了');
    const cb = (await get(called.id)).callbacks.find((x) => x.status === 'pending')!;
    const a = await t.request({ method: 'POST', url: `/api/v1/work-orders/${called.id}/callbacks/${cb.id}/attempts`, token: t.org.tokens.agent, payload: { version: cb.version, contact: 'answered', text: '门能关上了，但是还有缝', rating: 'neutral' } });
    expect(a.statusCode).toBe(200);
    expect(a.json().status).toBe('in_progress');
  });
});
