import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintBody, createTestApp, type TestApp } from './helpers/test-app.js';
import { databaseAvailable, testDialect } from './helpers/test-database.js';

describe.skipIf(!databaseAvailable)(`work orders over HTTP (${testDialect})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  const create = (body: Record<string, unknown>, token = t.org.tokens.agent, headers: Record<string, string> = {}) =>
    t.request({ method: 'POST', url: '/api/v1/work-orders', token, payload: body, headers });
  const steps = (order: { timeline: { type: string }[] }) => order.timeline.map((e) => e.type).filter((type) => !type.startsWith('clock_'));
  const clocks = (order: { clocks: { kind: string; state: string; dueAt: string }[] }) =>
    Object.fromEntries(order.clocks.map((c) => [c.kind, [c.state, c.dueAt]]));
  const act = (id: number, body: Record<string, unknown>, token = t.org.tokens.agent) =>
    t.request({ method: 'POST', url: `/api/v1/work-orders/${id}/transitions`, token, payload: body });

  it('takes a phone complaint and gives it a number read on the phone', async () => {
    const response = await create(complaintBody(t.org));
    expect(response.statusCode).toBe(201);
    const order = response.json();
    // 2026-11-25 02:00 UTC is 10:00 in Shanghai: the number carries the local day.
    expect(order.number).toMatch(/^HY261125\d{4}$/);
    expect(order.status).toBe('received');
    expect(order.customer).toMatchObject({ name: '王建国', phone: '13812341234' });
    expect(order.ownerId).toBe(t.org.userIds.agent); // first-contact responsibility
    expect(steps(order)).toEqual(['created']);
    // A complaint is handled as responsible and general until classified: 10 min dispatch, 2 h result, 1 month upgrade.
    expect(clocks(order)).toEqual({
      dispatch: ['running', '2026-11-25T02:10:00.000Z'],
      result: ['running', '2026-11-25T04:00:00.000Z'],
      auto_upgrade: ['running', '2026-12-25T02:00:00.000Z'],
    });
    expect(order.dueAt).toBe('2026-11-25T02:10:00.000Z');
    expect(response.headers.location).toBe(`/api/v1/work-orders/${order.id}`);
  });

  it('numbers orders of one day in sequence', async () => {
    const a = (await create(complaintBody(t.org, { customer: { name: '李女士', phone: '13700000011' } }))).json();
    const b = (await create(complaintBody(t.org, { customer: { name: '赵先生', phone: '13700000012' } }))).json();
    expect(Number(b.number.slice(-4))).toBe(Number(a.number.slice(-4)) + 1);
  });

  it('runs a complaint through its whole life and tells the story on the timeline', async () => {
    const order = (await create(complaintBody(t.org, { customer: { name: '周女士', phone: '13700000021' } }))).json();
    const engineering = t.org.departmentIds[1];
    let r = await act(order.id, { action: 'dispatch', version: 1, departmentId: engineering, handlerId: t.org.userIds.handler });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ status: 'dispatched', departmentId: engineering, handlerId: t.org.userIds.handler, version: 2 });

    r = await act(order.id, { action: 'start', version: 2 }, t.org.tokens.handler);
    expect(r.json().status).toBe('in_progress');
    r = await act(order.id, { action: 'give_result', version: 3, text: '已更换电梯门机，恢复运行' }, t.org.tokens.handler);
    expect(r.json()).toMatchObject({ status: 'result_given', result: '已更换电梯门机，恢复运行' });
    r = await act(order.id, { action: 'request_callback', version: 4 });
    expect(r.json().status).toBe('awaiting_callback');
    r = await act(order.id, { action: 'reopen', version: 5, text: '客户反映仍有异响' });
    expect(r.json().status).toBe('in_progress');
    r = await act(order.id, { action: 'give_result', version: 6, text: '已调整导轨，异响消除' }, t.org.tokens.handler);
    r = await act(order.id, { action: 'close', version: 7 });
    expect(r.json()).toMatchObject({ status: 'closed', version: 8 });
    expect(r.json().closedAt).not.toBeNull();

    const detail = (await t.request({ method: 'GET', url: `/api/v1/work-orders/${order.id}`, token: t.org.tokens.agent })).json();
    expect(steps(detail)).toEqual([
      'created', 'dispatch', 'start', 'give_result', 'request_callback', 'reopen', 'give_result', 'close',
    ]);
    expect(detail.timeline.find((e: { type: string }) => e.type === 'dispatch').actor).toMatchObject({ id: t.org.userIds.agent, employeeNo: '1003' });
    // Every clock the order ran was stopped by the step that answers it.
    expect(Object.fromEntries(detail.clocks.map((c: { kind: string; state: string }) => [c.kind, c.state]))).toEqual({
      dispatch: 'met', result: 'met', auto_upgrade: 'met', department_reaction: 'met',
      callback: 'met', // the reopen withdrew the first callback; the second result owed one again, and the close stopped its clock
    });
    expect(detail.dueAt).toBeNull();
    expect(detail.availableActions).toEqual(['reopen']);
  });

  it('refuses an illegal transition with 409 and a stable code', async () => {
    const order = (await create(complaintBody(t.org))).json();
    const r = await act(order.id, { action: 'close', version: 1 });
    expect(r.statusCode).toBe(409);
    expect(r.headers['content-type']).toContain('application/problem+json');
    expect(r.json()).toMatchObject({ code: 'illegal_transition', status: 409, title: '工单当前状态不允许此操作' });
  });

  it('refuses a stale version instead of overwriting, and demands one', async () => {
    const order = (await create(complaintBody(t.org))).json();
    expect((await act(order.id, { action: 'start', version: 1 })).statusCode).toBe(200);
    const stale = await act(order.id, { action: 'give_result', version: 1, text: '已处理' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'version_conflict', currentVersion: 2 });
    const missing = await act(order.id, { action: 'give_result', text: '已处理' });
    expect(missing.statusCode).toBe(428);
    const viaIfMatch = await t.request({
      method: 'POST', url: `/api/v1/work-orders/${order.id}/transitions`, token: t.org.tokens.agent,
      headers: { 'if-match': '"2"' }, payload: { action: 'give_result', text: '已处理' },
    });
    expect(viaIfMatch.statusCode).toBe(200);
  });

  it('cancels only with a reason, and only a supervisor may', async () => {
    const order = (await create(complaintBody(t.org))).json();
    expect((await act(order.id, { action: 'cancel', version: 1, text: '重复登记' })).statusCode).toBe(403);
    const noReason = await act(order.id, { action: 'cancel', version: 1 }, t.org.tokens.supervisor);
    expect(noReason.json().code).toBe('text_required');
    const ok = await act(order.id, { action: 'cancel', version: 1, text: '客户重复来电，已合并' }, t.org.tokens.supervisor);
    expect(ok.json()).toMatchObject({ status: 'cancelled', cancelReason: '客户重复来电，已合并' });
  });

  it('transfers ownership with the new owner and a reason on the timeline', async () => {
    const order = (await create(complaintBody(t.org))).json();
    const r = await t.request({
      method: 'POST', url: `/api/v1/work-orders/${order.id}/transfer`, token: t.org.tokens.agent,
      payload: { toUserId: t.org.userIds.supervisor, reason: '交班，由主管跟进', version: 1 },
    });
    expect(r.statusCode).toBe(200);
    expect(r.json().ownerId).toBe(t.org.userIds.supervisor);
    const transfer = r.json().timeline.find((e: { type: string }) => e.type === 'transfer');
    expect(transfer.data).toMatchObject({ to: { id: t.org.userIds.supervisor }, from: { id: t.org.userIds.agent }, reason: '交班，由主管跟进' });
  });

  it('shows the open orders of a phone number so the customer need not start again', async () => {
    const first = (await create(complaintBody(t.org, { customer: { name: '孙女士', phone: '13600000031' } }))).json();
    const second = await create(complaintBody(t.org, { kind: 'repair', description: '厨房漏水', customer: { name: '孙女士', phone: '136 0000 0031' } }));
    expect(second.statusCode).toBe(201);
    expect(second.json().customer.id).toBe(first.customer.id);
    expect(second.json().openOrdersForPhone.map((o: { id: number }) => o.id)).toContain(first.id);

    const note = await t.request({
      method: 'POST', url: `/api/v1/work-orders/${first.id}/notes`, token: t.org.tokens.agent,
      payload: { text: '客户再次来电催促', contact: true },
    });
    expect(note.statusCode).toBe(201);
    expect(note.json().timeline.at(-1)).toMatchObject({ type: 'customer_contact', data: { text: '客户再次来电催促' } });
  });

  it('accepts a receivedAt in the past (a letter logged later) but never in the future', async () => {
    const past = await create(complaintBody(t.org, { channel: 'letter', receivedAt: '2026-11-20T01:00:00Z' }));
    expect(past.statusCode).toBe(201);
    expect(past.json().receivedAt).toBe('2026-11-20T01:00:00.000Z');
    expect(past.json().number).toMatch(/^HY261120/);
    const audit = await t.request({ method: 'GET', url: `/api/v1/audit?entityType=work_order&entityId=${past.json().id}`, token: t.org.tokens.admin });
    const creation = audit.json().items.find((e: { action: string }) => e.action.startsWith('work_order.create'));
    expect(creation).toMatchObject({ action: 'work_order.create_backdated', actorId: t.org.userIds.agent });

    const future = await create(complaintBody(t.org, { receivedAt: '2026-11-26T01:00:00Z' }));
    expect(future.statusCode).toBe(422);
    expect(future.json().code).toBe('received_at_in_future');
  });

  it('replays an Idempotency-Key with the same body and refuses it with another', async () => {
    const body = complaintBody(t.org, { description: '幂等测试：楼道灯不亮' });
    const a = await create(body, t.org.tokens.agent, { 'idempotency-key': 'intake-001' });
    const b = await create(body, t.org.tokens.agent, { 'idempotency-key': 'intake-001' });
    expect(b.statusCode).toBe(201);
    expect(b.json().id).toBe(a.json().id);
    expect(b.headers['idempotent-replayed']).toBe('true');
    const c = await create({ ...body, description: '另一件事' }, t.org.tokens.agent, { 'idempotency-key': 'intake-001' });
    expect(c.statusCode).toBe(422);
    expect(c.json().code).toBe('idempotency_key_reused');
  });

  it('edits intake fields with an audit record of before and after', async () => {
    const order = (await create(complaintBody(t.org))).json();
    const r = await t.request({
      method: 'PATCH', url: `/api/v1/work-orders/${order.id}`, token: t.org.tokens.agent,
      payload: { version: 1, unit: '3栋2单元1503', agreedReplyMethod: 'phone', agreedReplyAt: '2026-11-25T08:00:00Z' },
    });
    expect(r.statusCode).toBe(200);
    // The list's due time is the earliest open deadline: here the 10-minute dispatch clock, not the agreed reply.
    expect(r.json()).toMatchObject({ unit: '3栋2单元1503', agreedReplyMethod: 'phone', agreedReplyAt: '2026-11-25T08:00:00.000Z', dueAt: '2026-11-25T02:10:00.000Z', version: 2 });
    const audit = (await t.request({ method: 'GET', url: `/api/v1/audit?entityType=work_order&entityId=${order.id}`, token: t.org.tokens.admin })).json();
    expect(audit.items[0]).toMatchObject({ action: 'work_order.update', before: { unit: '3栋2单元1502' }, after: { unit: '3栋2单元1503' } });
  });
});
