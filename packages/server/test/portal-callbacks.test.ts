import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './helpers/test-app.js';
import { databaseAvailable, testDialect } from './helpers/test-database.js';

interface Callback { id: number; version: number; status: string; method: string | null; rating: string | null; customerWords: string | null; attemptLog: { by: { id: number } }[] }
interface Detail {
  id: number; version: number; status: string; callbacks: Callback[];
  confirmation: { method: string; text: string | null; rating: string | null; byCustomer: boolean } | null;
  clocks: { kind: string; state: string }[];
  timeline: { type: string; data: Record<string, unknown>; customerVisible: boolean; actor: { employeeNo: string | null } | null }[];
}
interface PortalCallback { id: number; workOrderId: number; number: string; result: string | null; answerable: boolean; version: number; rating: string | null; words: string | null; answeredAt: string | null }

describe.skipIf(!databaseAvailable)(`the customer answers the callback and rates the result on the portal (${testDialect})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ now: new Date('2025-10-20T02:00:00Z') });
  });
  afterAll(async () => t?.close());

  const later = (minutes: number) => { t.clock.now = new Date(t.clock.now.getTime() + minutes * 60_000); };
  const get = async (id: number, token = t.org.tokens.agent): Promise<Detail> =>
    (await t.request({ method: 'GET', url: `/api/v1/work-orders/${id}`, token })).json();
  /** A customer's own complaint on the portal, with the department's result: the policy owes it a callback. */
  const resolvedComplaint = async (description: string): Promise<Detail> => {
    const created = await t.request({
      method: 'POST', url: '/api/v1/work-orders', token: t.org.tokens.customer,
      payload: { kind: 'complaint', channel: 'online', siteId: t.org.siteId, description },
    });
    expect(created.statusCode).toBe(201);
    later(30);
    const result = await t.request({ method: 'POST', url: `/api/v1/work-orders/${created.json().id}/transitions`, token: t.org.tokens.agent, payload: { action: 'give_result', version: 1, text: '已安排保洁清理并加装围挡' } });
    expect(result.statusCode).toBe(200);
    later(60);
    return result.json();
  };
  const portalCallbacks = async (token = t.org.tokens.customer): Promise<PortalCallback[]> => {
    const r = await t.request({ method: 'GET', url: '/api/v1/portal/callbacks', token });
    expect(r.statusCode).toBe(200);
    return r.json().items;
  };
  const answer = (order: Pick<Detail, 'id'>, cb: Pick<PortalCallback, 'id' | 'version'>, body: Record<string, unknown>, token = t.org.tokens.customer) =>
    t.request({ method: 'POST', url: `/api/v1/work-orders/${order.id}/callbacks/${cb.id}/answer`, token, payload: { version: cb.version, ...body } });

  it('shows the customer their pending callback, nothing of the policy behind it, and nobody else’s', async () => {
    const order = await resolvedComplaint('小区门口垃圾桶满了三天没人清');
    const items = await portalCallbacks();
    const mine = items.find((c) => c.workOrderId === order.id);
    expect(mine).toMatchObject({ answerable: true, result: '已安排保洁清理并加装围挡', rating: null, words: null, answeredAt: null });
    expect(Object.keys(mine!)).not.toContain('sampleMonth');
    expect((await portalCallbacks(t.org.tokens.customer2)).some((c) => c.workOrderId === order.id)).toBe(false);
    expect((await t.request({ method: 'GET', url: '/api/v1/portal/callbacks', token: t.org.tokens.agent })).statusCode).toBe(403);
  });

  it('only the order’s own customer may answer: another customer, or one of another organisation, gets 404; staff use the desk', async () => {
    const order = await resolvedComplaint('楼道灯坏了一周');
    const cb = (await portalCallbacks()).find((c) => c.workOrderId === order.id)!;
    const words = { text: '修好了', rating: 'satisfied' };
    expect((await answer(order, cb, words, t.org.tokens.customer2)).statusCode).toBe(404);
    expect((await answer(order, cb, words, t.otherOrg.tokens.customer)).statusCode).toBe(404);
    expect((await answer(order, { ...cb, id: cb.id + 1000 }, words)).statusCode).toBe(404);
    expect((await answer(order, cb, words, t.org.tokens.agent)).statusCode).toBe(403);
    expect((await answer(order, cb, { rating: 'satisfied' })).statusCode).toBe(400);
    expect((await answer(order, cb, { text: '好', rating: 'ok' })).statusCode).toBe(400);
    expect((await answer(order, { ...cb, version: cb.version + 1 }, words)).json()).toMatchObject({ status: 409, code: 'version_conflict' });
    expect((await get(order.id)).callbacks[0]).toMatchObject({ status: 'pending' });
  });

  it('a satisfied answer online closes the order, like a callback the desk records; the desk sees it was the customer, online', async () => {
    const order = await resolvedComplaint('地下车库积水');
    const cb = (await portalCallbacks()).find((c) => c.workOrderId === order.id)!;
    const r = await answer(order, cb, { text: '积水已经抽干了，谢谢', rating: 'very_satisfied' });
    expect(r.statusCode).toBe(200);
    const seen = r.json() as Detail;
    expect(seen).toMatchObject({ status: 'closed', callbacks: [] }); // the customer's detail keeps callbacks internal
    expect(seen.timeline).toContainEqual(expect.objectContaining({ type: 'callback_recorded', customerVisible: true, data: expect.objectContaining({ rating: 'very_satisfied', method: 'online', byCustomer: true }) }));

    const desk = await get(order.id);
    expect(desk.callbacks[0]).toMatchObject({ status: 'done', method: 'online', rating: 'very_satisfied', customerWords: '积水已经抽干了，谢谢' });
    expect(desk.callbacks[0]!.attemptLog[0]!.by.id).toBe(t.org.userIds.customer);
    expect(desk.clocks.find((c) => c.kind === 'callback')?.state).toBe('met');

    const answered = (await portalCallbacks()).find((c) => c.workOrderId === order.id);
    expect(answered).toMatchObject({ answerable: false, rating: 'very_satisfied', words: '积水已经抽干了，谢谢' });
    expect(answered!.answeredAt).toBe(t.clock.now.toISOString());
    expect((await answer(order, { id: cb.id, version: cb.version + 1 }, { text: '再说一次', rating: 'satisfied' })).json()).toMatchObject({ status: 409, code: 'callback_closed' });
  });

  it('不满意 online reopens the order to the department with the customer’s words, and counts in the month’s satisfaction', async () => {
    const order = await resolvedComplaint('电梯按钮失灵');
    const cb = (await portalCallbacks()).find((c) => c.workOrderId === order.id)!;
    const r = await answer(order, cb, { text: '按钮还是时好时坏', rating: 'dissatisfied' });
    expect(r.statusCode).toBe(200);
    const desk = await get(order.id);
    expect(desk.status).toBe('in_progress');
    expect(desk.callbacks[0]).toMatchObject({ status: 'done', rating: 'dissatisfied' });
    expect(desk.clocks.find((c) => c.kind === 'result')?.state).toBe('running');
    expect(desk.timeline.find((e) => e.type === 'reopen')).toMatchObject({ customerVisible: true, data: { text: '回访不满意：按钮还是时好时坏' } });
    expect((await portalCallbacks()).find((c) => c.workOrderId === order.id)).toMatchObject({ answerable: false, rating: 'dissatisfied' });

    const stats = await t.request({ method: 'GET', url: '/api/v1/callbacks/stats?month=2025-10', token: t.org.tokens.supervisor });
    expect(stats.json().satisfaction).toMatchObject({ reopened: 1, distribution: { dissatisfied: 1, very_satisfied: 1 } });
  });

  it('rates the result with the confirmation: stored, shown on the desk; 不满意 reopens the order instead of confirming it', async () => {
    const good = await resolvedComplaint('绿化带杂草太多');
    const confirm = (order: Detail, body: Record<string, unknown>, token = t.org.tokens.customer) =>
      t.request({ method: 'POST', url: `/api/v1/work-orders/${order.id}/confirmation`, token, payload: { version: order.version, ...body } });
    expect((await confirm(good, { text: '好', rating: 'great' })).statusCode).toBe(400);
    const confirmed = await confirm(good, { text: '已经清理干净', rating: 'satisfied' });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json().confirmation).toMatchObject({ method: 'text', text: '已经清理干净', rating: 'satisfied', byCustomer: true });
    expect((await get(good.id)).confirmation).toMatchObject({ rating: 'satisfied' });
    expect((await get(good.id)).timeline).toContainEqual(expect.objectContaining({ type: 'customer_confirmed', data: expect.objectContaining({ rating: 'satisfied' }) }));

    const bad = await resolvedComplaint('健身器材损坏');
    const refused = await confirm(bad, { text: '器材还是坏的', rating: 'very_dissatisfied' });
    expect(refused.statusCode).toBe(200);
    const after = refused.json() as Detail;
    expect(after).toMatchObject({ status: 'in_progress', confirmation: null });
    const types = after.timeline.map((e) => e.type);
    expect(types.slice(-2)).toEqual(['customer_not_satisfied', 'reopen']);
    expect(after.timeline.at(-1)).toMatchObject({ customerVisible: true, data: { text: '客户评价非常不满意：器材还是坏的' } });
    // The reopen withdrew the callback the first result owed: nothing is left for the customer to answer.
    expect((await portalCallbacks()).some((c) => c.workOrderId === bad.id)).toBe(false);

    // The department's next result can be confirmed again; the stored confirmation is the new one.
    const again = await t.request({ method: 'POST', url: `/api/v1/work-orders/${bad.id}/transitions`, token: t.org.tokens.agent, payload: { action: 'give_result', version: after.version, text: '已更换新器材' } });
    later(5);
    const ok = await confirm(again.json(), { text: '新器材很好', rating: 'very_satisfied' });
    expect(ok.json().confirmation).toMatchObject({ text: '新器材很好', rating: 'very_satisfied' });
    const stored = await t.request({ method: 'GET', url: `/api/v1/work-orders/${bad.id}/confirmation`, token: t.org.tokens.agent });
    expect(stored.json()).toMatchObject({ rating: 'very_satisfied', signature: null });
  });
});
