import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintBody, createTestApp, type TestApp } from './helpers/test-app.js';
import { databaseAvailable, testDialect } from './helpers/test-database.js';

interface Callback { id: number; version: number; status: string; outcome: string; reason: string; methods: string[]; defaultMethod: string; dueAt: string | null; attempts: number }
interface Detail {
  id: number; version: number; status: string; callbacks: Callback[]; callbackPreference: { refused: boolean; anonymous: boolean };
  clocks: { kind: string; state: string; dueAt: string; startedAt: string }[]; timeline: { type: string; data: Record<string, unknown>; customerVisible: boolean }[];
}

describe.skipIf(!databaseAvailable)(`callbacks 回访 (${testDialect})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  const at = (iso: string) => { t.clock.now = new Date(iso); };
  const create = async (overrides: Record<string, unknown> = {}): Promise<Detail> => {
    const r = await t.request({ method: 'POST', url: '/api/v1/work-orders', token: t.org.tokens.agent, payload: complaintBody(t.org, overrides) });
    expect(r.statusCode).toBe(201);
    return r.json();
  };
  const classify = (id: number, nature: string | null, severity: string | null) =>
    t.context.db.updateTable('work_orders').set({ nature, severity }).where('id', '=', id).execute();
  const act = (id: number, body: Record<string, unknown>, token = t.org.tokens.agent) =>
    t.request({ method: 'POST', url: `/api/v1/work-orders/${id}/transitions`, token, payload: body });
  const get = async (id: number, token = t.org.tokens.agent): Promise<Detail> =>
    (await t.request({ method: 'GET', url: `/api/v1/work-orders/${id}`, token })).json();
  const giveResult = async (order: Pick<Detail, 'id'>): Promise<Detail> => {
    const current = await get(order.id);
    const r = await act(order.id, { action: 'give_result', version: current.version, text: '已派维修工更换门禁电源，恢复正常' });
    expect(r.statusCode).toBe(200);
    return r.json();
  };
  const attempt = (orderId: number, cb: Pick<Callback, 'id' | 'version'>, body: Record<string, unknown>, token = t.org.tokens.agent) =>
    t.request({ method: 'POST', url: `/api/v1/work-orders/${orderId}/callbacks/${cb.id}/attempts`, token, payload: { version: cb.version, ...body } });
  const clock = (order: Detail, kind: string) => order.clocks.find((c) => c.kind === kind);

  it('a responsible general complaint owes a callback within 2 working days: across National Day 2025, by phone', async () => {
    at('2025-09-30T02:00:00Z'); // Tuesday 10:00 in Shanghai; 1–8 October are the holiday
    const order = await create();
    const detail = await giveResult(order);
    expect(detail.status).toBe('result_given'); // the desk moves it on; the callback waits in the queue
    expect(detail.callbacks).toHaveLength(1);
    const [cb] = detail.callbacks;
    // Working days 1 and 2 are Thursday 9 and Friday 10 October; a 24-hour desk's day ends at midnight.
    expect(cb).toMatchObject({ outcome: 'required', status: 'pending', reason: 'required_by_policy', rule: 'complaint_responsible_general',
      methods: ['phone'], defaultMethod: 'phone', limit: { unit: 'working_days', amount: 2 }, dueAt: '2025-10-10T16:00:00.000Z' });
    expect(clock(detail, 'callback')).toMatchObject({ state: 'running', dueAt: '2025-10-10T16:00:00.000Z', startedAt: '2025-09-30T02:00:00.000Z' });
  });

  it('counts the make-up working Saturday after National Day, and prefers the reply method agreed at intake', async () => {
    at('2025-10-10T03:00:00Z'); // Friday; Saturday 11 October is a make-up working day
    const order = await create({ agreedReplyMethod: 'wechat' });
    const [cb] = (await giveResult(order)).callbacks;
    expect(cb).toMatchObject({ methods: ['phone', 'wechat'], defaultMethod: 'wechat', dueAt: '2025-10-13T16:00:00.000Z' });
  });

  it('a major complaint is called back by a visit, or in the way the customer asked for', async () => {
    at('2026-02-13T02:00:00Z'); // Friday before the Spring Festival: Saturday 14th works, 15–23 are off
    const visit = await create();
    await classify(visit.id, 'responsible', 'major');
    const [cb] = (await giveResult(visit)).callbacks;
    expect(cb).toMatchObject({ rule: 'complaint_responsible_major', methods: ['visit'], defaultMethod: 'visit', dueAt: '2026-02-24T16:00:00.000Z' });

    const byPhone = await create({ agreedReplyMethod: 'phone' });
    await classify(byPhone.id, 'responsible', 'major');
    expect((await giveResult(byPhone)).callbacks[0]).toMatchObject({ methods: ['visit', 'phone'], defaultMethod: 'phone' });
  });

  it('repairs get a callback by phone or visit; inquiries none, by policy', async () => {
    at('2025-10-20T02:00:00Z');
    const repair = await create({ kind: 'repair', description: '厨房水管漏水' });
    expect((await giveResult(repair)).callbacks[0]).toMatchObject({ outcome: 'required', rule: 'repair', methods: ['phone', 'visit'] });
    const inquiry = await create({ kind: 'inquiry', description: '物业费怎么交' });
    const answered = await giveResult(inquiry);
    expect(answered.callbacks).toEqual([]);
    expect(clock(answered, 'callback')).toBeUndefined();
  });

  it('a customer who refuses callbacks is recorded as waived, not missed — at intake or after the result', async () => {
    at('2025-10-21T02:00:00Z');
    const order = await create();
    const refused = await t.request({ method: 'POST', url: `/api/v1/work-orders/${order.id}/callback-preference`, token: t.org.tokens.agent, payload: { refused: true, note: '客户表示不需要回访', version: 1 } });
    expect(refused.statusCode).toBe(200);
    expect(refused.json()).toMatchObject({ version: 2, callbackPreference: { refused: true, anonymous: false } });
    const detail = await giveResult(order);
    expect(detail.callbacks[0]).toMatchObject({ outcome: 'waived', status: 'waived', reason: 'customer_refused', dueAt: null });
    expect(clock(detail, 'callback')).toBeUndefined();

    const later = await giveResult(await create());
    expect(later.callbacks[0]?.status).toBe('pending');
    const anonymous = await t.request({ method: 'POST', url: `/api/v1/work-orders/${later.id}/callback-preference`, token: t.org.tokens.agent, payload: { anonymous: true, version: later.version } });
    const after = anonymous.json() as Detail;
    expect(after.callbacks[0]).toMatchObject({ status: 'waived', reason: 'anonymous' });
    expect(clock(after, 'callback')?.state).toBe('cancelled');
    expect(after.timeline.some((e) => e.type === 'callback_preference' && !e.customerVisible)).toBe(true);
  });

  it('不满意 reopens the order to the department on a restarted result clock, with the customer’s words', async () => {
    at('2025-10-22T02:00:00Z');
    const order = await giveResult(await create());
    const cb = order.callbacks[0]!;
    at('2025-10-22T06:00:00Z');
    const r = await attempt(order.id, cb, { contact: 'answered', method: 'phone', rating: 'dissatisfied', text: '门禁还是时好时坏，不满意' });
    expect(r.statusCode).toBe(200);
    const detail = r.json() as Detail;
    expect(detail.status).toBe('in_progress');
    expect(detail.callbacks[0]).toMatchObject({ status: 'done', rating: 'dissatisfied', customerWords: '门禁还是时好时坏，不满意', withinLimit: true, attempts: 1 });
    expect(clock(detail, 'result')).toMatchObject({ state: 'running', startedAt: '2025-10-22T06:00:00.000Z' });
    expect(clock(detail, 'callback')?.state).toBe('met');
    const reopen = detail.timeline.find((e) => e.type === 'reopen');
    expect(reopen).toMatchObject({ customerVisible: true, data: { from: 'result_given', to: 'in_progress', text: '回访不满意：门禁还是时好时坏，不满意' } });

    // The department's next result owes the customer a new callback, on the callback clock run again.
    at('2025-10-23T02:00:00Z');
    const again = await giveResult(order);
    expect(again.callbacks.map((c) => c.status)).toEqual(['done', 'pending']);
    expect(clock(again, 'callback')).toMatchObject({ state: 'running', startedAt: '2025-10-23T02:00:00.000Z' });
  });

  it('a satisfied callback closes the order and stops the callback clock in time', async () => {
    at('2025-10-27T02:00:00Z');
    const order = await giveResult(await create());
    at('2025-10-28T01:00:00Z');
    const r = await attempt(order.id, order.callbacks[0]!, { contact: 'answered', rating: 'very_satisfied', text: '处理很及时，非常满意' });
    const detail = r.json() as Detail;
    expect(detail.status).toBe('closed');
    expect(detail.callbacks[0]).toMatchObject({ status: 'done', method: 'phone', rating: 'very_satisfied', withinLimit: true });
    expect(clock(detail, 'callback')?.state).toBe('met');
    expect(detail.timeline.map((e) => e.type).filter((type) => !type.startsWith('clock_')).slice(-3)).toEqual(['give_result', 'callback_recorded', 'close']);
  });

  it('three unanswered attempts close the callback as unreachable, not missed; a late answer is still taken', async () => {
    at('2025-10-29T02:00:00Z');
    const order = await giveResult(await create());
    let cb = order.callbacks[0]!;
    for (const [i, note] of ['无人接听', '关机', '无人接听'].entries()) {
      at(`2025-10-29T0${3 + i}:00:00Z`);
      const r = await attempt(order.id, cb, { contact: 'not_reached', text: note });
      expect(r.statusCode).toBe(200);
      cb = (r.json() as Detail).callbacks[0]!;
      expect(cb.attempts).toBe(i + 1);
    }
    const detail = await get(order.id);
    expect(detail.callbacks[0]).toMatchObject({ status: 'unreachable', attempts: 3 });
    expect(detail.status).toBe('closed');
    const fourth = await attempt(order.id, cb, { contact: 'not_reached', text: '无人接听' });
    expect(fourth.statusCode).toBe(422);
    expect(fourth.json().problems).toEqual([expect.objectContaining({ code: 'attempts_exhausted' })]);
    const late = await attempt(order.id, cb, { contact: 'answered', rating: 'satisfied', text: '看到未接来电，问题已解决' });
    expect(late.json().callbacks[0]).toMatchObject({ status: 'done', attempts: 4 });
  });

  it('refuses incomplete records, stale versions and methods outside the rule', async () => {
    at('2025-10-30T02:00:00Z');
    const order = await giveResult(await create());
    const cb = order.callbacks[0]!;
    const noRating = await attempt(order.id, cb, { contact: 'answered', text: '还行' });
    expect(noRating.statusCode).toBe(422);
    expect(noRating.json()).toMatchObject({ code: 'callback_record_invalid', problems: [{ code: 'rating_required', field: 'rating' }] });
    expect((await attempt(order.id, cb, { contact: 'answered', rating: 'satisfied', text: '好', method: 'letter' })).json().problems[0].code).toBe('method_not_allowed');
    expect((await attempt(order.id, cb, { contact: 'answered', rating: 'satisfied', text: '好', at: '2025-09-01T00:00:00Z' })).json().problems[0].code).toBe('before_result');
    expect((await attempt(order.id, { ...cb, version: 7 }, { contact: 'refused' })).json()).toMatchObject({ code: 'version_conflict', currentVersion: 1 });
    expect((await attempt(order.id, cb, { contact: 'answered', rating: 'great', text: '好' })).statusCode).toBe(400);
    const refused = await attempt(order.id, cb, { contact: 'refused', text: '不用回访了' });
    expect(refused.json().callbacks[0]).toMatchObject({ status: 'waived', reason: 'customer_refused' });
    expect((await attempt(order.id, { ...cb, version: 2 }, { contact: 'refused' })).json().code).toBe('callback_closed');
  });

  it('the desk records callbacks; department staff may not, customers and other organisations see nothing', async () => {
    at('2025-10-31T02:00:00Z');
    const engineering = t.org.departmentIds[1];
    const order = await create({ customerId: t.org.customerIds.customer, customer: undefined });
    await act(order.id, { action: 'dispatch', version: 1, departmentId: engineering, handlerId: t.org.userIds.handler });
    const done = await giveResult(order);
    const cb = done.callbacks[0]!;
    const body = { contact: 'answered', rating: 'satisfied', text: '满意' };
    expect((await attempt(order.id, cb, body, t.org.tokens.handler)).statusCode).toBe(403);
    expect((await attempt(order.id, cb, body, t.org.tokens.customer)).statusCode).toBe(403); // their own order
    expect((await attempt(order.id, cb, body, t.org.tokens.customer2)).statusCode).toBe(404);
    expect((await attempt(order.id, cb, body, t.otherOrg.tokens.agent)).statusCode).toBe(404);
    expect((await get(order.id, t.org.tokens.customer)).callbacks).toEqual([]); // the rating is internal
    expect((await t.request({ method: 'GET', url: '/api/v1/callbacks', token: t.org.tokens.customer })).statusCode).toBe(403);
    const handlerQueue = (await t.request({ method: 'GET', url: '/api/v1/callbacks', token: t.org.tokens.handler })).json();
    expect(handlerQueue.items.map((i: { workOrderId: number }) => i.workOrderId)).toEqual([order.id]); // their department's only
    expect((await attempt(order.id, cb, body, t.org.tokens.supervisor)).statusCode).toBe(200);
  });

  it('lists the callbacks to do, earliest due first, with the order to call about', async () => {
    at('2025-11-03T02:00:00Z');
    const r = await t.request({ method: 'GET', url: '/api/v1/callbacks?status=pending&due=2025-10-25T00:00:00Z', token: t.org.tokens.agent });
    expect(r.statusCode).toBe(200);
    const items = r.json().items as { dueAt: string; overdue: boolean; status: string; workOrder: { number: string; customer: { phone: string } } }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.status === 'pending' && i.dueAt <= '2025-10-25T00:00:00.000Z' && i.overdue)).toBe(true);
    expect([...items].sort((a, b) => a.dueAt.localeCompare(b.dueAt))).toEqual(items);
    expect(items[0]!.dueAt).toBe('2025-10-10T16:00:00.000Z');
    expect(items[0]!.workOrder).toMatchObject({ number: expect.stringMatching(/^HY250930/), customer: { phone: '13812341234' } });
    expect((await t.request({ method: 'GET', url: '/api/v1/callbacks?status=nonsense', token: t.org.tokens.agent })).statusCode).toBe(400);
    expect((await t.request({ method: 'GET', url: '/api/v1/callbacks', token: t.otherOrg.tokens.agent })).json().items).toEqual([]);
  });
});
