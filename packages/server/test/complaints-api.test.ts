import { crc32, deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintBody, createTestApp, type TestApp } from './helpers/test-app.js';
import { databaseAvailable, testDialect } from './helpers/test-database.js';

/** A real, tiny RGBA PNG as a signature pad would send it. */
function pngDataUrl(width = 8, height = 4): string {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  const rows = Buffer.concat(Array.from({ length: height }, (_, y) => Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 4, y * 40)])));
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
  return `data:image/png;base64,${png.toString('base64')}`;
}

describe.skipIf(!databaseAvailable)(`complaint classification, handling and confirmation over HTTP (${testDialect})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  let phones = 0;
  const create = async (overrides: Record<string, unknown> = {}, token = t.org.tokens.agent) => {
    const response = await t.request({
      method: 'POST', url: '/api/v1/work-orders', token,
      payload: token === t.org.tokens.customer
        ? { kind: 'complaint', channel: 'online', siteId: t.org.siteId, description: '楼下餐馆油烟太大', ...overrides }
        : complaintBody(t.org, { description: `投诉第${++phones}件：花园喷泉不出水`, customer: { name: `客户${phones}`, phone: `1360000${String(phones).padStart(4, '0')}` }, ...overrides }),
    });
    expect(response.statusCode).toBe(201);
    return response.json();
  };
  const classify = (id: number, body: Record<string, unknown>, token = t.org.tokens.agent) =>
    t.request({ method: 'POST', url: `/api/v1/work-orders/${id}/classification`, token, payload: body });
  const act = (id: number, body: Record<string, unknown>, token = t.org.tokens.agent) =>
    t.request({ method: 'POST', url: `/api/v1/work-orders/${id}/transitions`, token, payload: body });
  const clockOf = (order: { clocks: { kind: string; state: string; limit: unknown }[] }, kind: string) => order.clocks.find((c) => c.kind === kind);

  it('decides the nature with its basis; clocks follow; a repeat changes nothing', async () => {
    const order = await create();
    const r = await classify(order.id, { action: 'decide_nature', version: 1, nature: 'non_responsible', basis: '喷泉按合同冬季停用，属合同约定' });
    expect(r.statusCode).toBe(200);
    const detail = r.json();
    expect(detail).toMatchObject({ version: 2, nature: 'non_responsible' });
    expect(detail.complaint).toMatchObject({
      nature: 'non_responsible', handledAs: 'non_responsible', natureConfirmed: true, severity: 'general',
      classifiedBy: { id: t.org.userIds.agent }, authority: { lead: 'customer_service' },
      explanation: { status: 'pending', text: null },
    });
    expect(detail.complaint.basis).toBe('喷泉按合同冬季停用，属合同约定'); // the person's words, without the audit prefix
    // Only responsible complaints are upgraded after a month.
    expect(clockOf(detail, 'auto_upgrade')!.state).toBe('cancelled');
    expect(detail.timeline).toContainEqual(expect.objectContaining({ type: 'nature_decided', customerVisible: false }));
    const again = await classify(order.id, { action: 'decide_nature', version: 2, nature: 'non_responsible' });
    expect(again.json().version).toBe(2);
  });

  it('books an on-site determination for an undetermined complaint and decides only after it, on the staff opinion', async () => {
    const order = await create();
    const past = await classify(order.id, { action: 'book_determination', version: 1, appointmentAt: '2026-11-24T02:00:00Z' });
    expect(past.statusCode).toBe(422);
    expect(past.json()).toMatchObject({ code: 'classification_refused', problem: 'appointment_in_past' });

    const booked = await classify(order.id, { action: 'book_determination', version: 1, appointmentAt: '2026-11-26T06:00:00Z', attendees: ['工程部 李工'] });
    expect(booked.statusCode).toBe(200);
    expect(booked.json().complaint).toMatchObject({
      nature: 'undetermined', handledAs: 'responsible', natureConfirmed: false,
      determination: { appointmentAt: '2026-11-26T06:00:00.000Z', attendees: ['工程部 李工'], bookedBy: { id: t.org.userIds.agent }, pending: true },
    });
    const early = await classify(order.id, { action: 'decide_nature', version: 2, nature: 'assistance', basis: '自来水公司管网问题' });
    expect(early.json()).toMatchObject({ status: 422, problem: 'awaiting_on_site_determination' });

    t.clock.now = new Date('2026-11-26T08:00:00Z');
    try {
      const noOpinion = await classify(order.id, { action: 'decide_nature', version: 2, nature: 'assistance' });
      expect(noOpinion.json()).toMatchObject({ status: 422, problem: 'determination_opinion_required' });
      const decided = await classify(order.id, { action: 'decide_nature', version: 2, nature: 'assistance', basis: '现场确认为市政供水管网压力不足' });
      expect(decided.json().complaint).toMatchObject({ nature: 'assistance', natureConfirmed: true, determination: { pending: false } });
    } finally {
      t.clock.now = new Date('2026-11-25T02:00:00Z');
    }
  });

  it('adds and withdraws a major reason with who and why; the result clock is re-planned with the reason recorded', async () => {
    const order = await create();
    const added = await classify(order.id, { action: 'add_reason', version: 1, reason: 'major_loss_or_injury', detail: '喷泉池边滑倒受伤，已送医' });
    expect(added.statusCode).toBe(200);
    let detail = added.json();
    expect(detail.complaint).toMatchObject({
      severity: 'major', authority: { lead: 'general_manager' },
      majorReasons: [{ reason: 'major_loss_or_injury', detail: '喷泉池边滑倒受伤，已送医', automatic: false, by: { id: t.org.userIds.agent, employeeNo: '1003' } }],
    });
    expect(clockOf(detail, 'result')).toMatchObject({ limit: { unit: 'working_days', amount: 2 } });
    expect(detail.timeline).toContainEqual(expect.objectContaining({ type: 'clock_recomputed', data: expect.objectContaining({ clock: 'result', reason: 'classification:add_reason' }) }));
    const gm = await t.context.db.selectFrom('notifications').select(['type']).where('work_order_id', '=', order.id).where('user_id', '=', t.org.userIds.general_manager!).execute();
    expect(gm).toEqual([{ type: 'major_complaint' }]);

    const withdrawn = await classify(order.id, { action: 'withdraw_reason', version: 2, reason: 'major_loss_or_injury', detail: '核实为轻微擦伤，客户已自行处理' });
    detail = withdrawn.json();
    expect(detail.complaint).toMatchObject({ severity: 'general', majorReasons: [] });
    expect(clockOf(detail, 'result')).toMatchObject({ limit: { unit: 'hours', amount: 2 } });
    const missing = await classify(order.id, { action: 'withdraw_reason', version: 3, reason: 'collective', detail: '不是集体投诉' });
    expect(missing.json()).toMatchObject({ status: 422, problem: 'reason_not_present' });
    const noSuggestion = await classify(order.id, { action: 'confirm_upgrade', version: 3 });
    expect(noSuggestion.json()).toMatchObject({ status: 422, problem: 'no_suggestion' });
  });

  it('carries the order version: a stale one is a conflict, none at all is refused', async () => {
    const order = await create();
    expect((await classify(order.id, { action: 'add_reason', version: 1, reason: 'manual', detail: '主管判断影响重大' })).statusCode).toBe(200);
    const stale = await classify(order.id, { action: 'decide_nature', version: 1, nature: 'responsible' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'version_conflict', currentVersion: 2 });
    expect((await classify(order.id, { action: 'decide_nature', nature: 'responsible' })).statusCode).toBe(428);
    const ifMatch = await t.request({
      method: 'POST', url: `/api/v1/work-orders/${order.id}/classification`, token: t.org.tokens.agent,
      headers: { 'if-match': '"2"' }, payload: { action: 'decide_nature', nature: 'responsible' },
    });
    expect(ifMatch.json()).toMatchObject({ version: 3, complaint: { natureConfirmed: true, severity: 'major' } });
    expect((await classify(order.id, { action: 'decide_nature', version: 3, nature: 'sort_of' })).statusCode).toBe(400);
    expect((await classify(order.id, { action: 'decide_nature', version: 3, nature: 'responsible', extra: 1 })).statusCode).toBe(400);
  });

  it('lets the desk classify; department staff may not; customers and other organisations find nothing; other kinds are refused', async () => {
    const order = await create();
    await act(order.id, { action: 'dispatch', version: 1, departmentId: t.org.departmentIds[1], handlerId: t.org.userIds.handler });
    const body = { action: 'decide_nature', version: 2, nature: 'responsible' };
    expect((await t.request({ method: 'GET', url: `/api/v1/work-orders/${order.id}`, token: t.org.tokens.handler })).statusCode).toBe(200);
    expect((await classify(order.id, body, t.org.tokens.handler)).statusCode).toBe(403);
    expect((await classify(order.id, body, t.org.tokens.department_head)).statusCode).toBe(403);
    expect((await classify(order.id, body, t.otherOrg.tokens.agent)).statusCode).toBe(404);

    const own = await create({}, t.org.tokens.customer);
    expect(own.complaint).toBeNull(); // customers see their complaint's progress, not its grading
    expect((await classify(own.id, { ...body, version: 1 }, t.org.tokens.customer)).statusCode).toBe(404);
    expect((await classify(own.id, { ...body, version: 1 }, t.org.tokens.customer2)).statusCode).toBe(404);
    expect((await classify(own.id, { ...body, version: 1 }, t.org.tokens.supervisor)).statusCode).toBe(200);

    const inquiry = await create({ kind: 'inquiry', description: '物业费怎么交' });
    const refused = await classify(inquiry.id, { ...body, version: 1 });
    expect(refused.json()).toMatchObject({ status: 422, code: 'not_a_complaint' });
  });

  it('routes categories to departments: the nearest mapped ancestor is suggested on the detail', async () => {
    const categories = (await t.request({ method: 'GET', url: '/api/v1/categories', token: t.org.tokens.agent })).json().items as { id: number; parentId: number | null }[];
    const child = categories.find((c) => c.parentId !== null)!;
    const sibling = categories.find((c) => c.parentId === child.parentId && c.id !== child.id)!;
    const engineering = t.org.departmentIds[1]!;
    const security = t.org.departmentIds[2]!;
    const items = [{ categoryId: child.parentId, departmentId: engineering }, { categoryId: sibling.id, departmentId: security }];

    expect((await t.request({ method: 'PUT', url: '/api/v1/routing', token: t.org.tokens.agent, payload: { items } })).statusCode).toBe(403);
    const saved = await t.request({ method: 'PUT', url: '/api/v1/routing', token: t.org.tokens.admin, payload: { items } });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().items).toHaveLength(2);
    expect((await t.request({ method: 'GET', url: '/api/v1/routing', token: t.org.tokens.agent })).json().items).toContainEqual(expect.objectContaining({ categoryId: sibling.id, departmentId: security }));

    expect((await create({ categoryId: child.id })).suggestedDepartmentId).toBe(engineering);
    expect((await create({ categoryId: sibling.id })).suggestedDepartmentId).toBe(security);
    expect((await create({ categoryId: null })).suggestedDepartmentId).toBeNull();

    const foreign = await t.request({ method: 'PUT', url: '/api/v1/routing', token: t.org.tokens.admin, payload: { items: [{ categoryId: child.id, departmentId: 999_999 }] } });
    expect(foreign.json()).toMatchObject({ status: 422, code: 'unknown_reference' });
    const twice = await t.request({ method: 'PUT', url: '/api/v1/routing', token: t.org.tokens.admin, payload: { items: [items[1], items[1]] } });
    expect(twice.statusCode).toBe(400);
    expect((await t.request({ method: 'GET', url: '/api/v1/routing', token: t.org.tokens.agent })).json().items).toHaveLength(2); // refused changes stored nothing
  });

  it('keeps an agency directory per site and gives its numbers to an assistance complaint’s customer', async () => {
    const entry = { siteId: t.org.siteId, service: 'water', name: '市自来水公司热线', phone: '96116' };
    expect((await t.request({ method: 'POST', url: '/api/v1/agencies', token: t.org.tokens.agent, payload: entry })).statusCode).toBe(403);
    const water = await t.request({ method: 'POST', url: '/api/v1/agencies', token: t.org.tokens.supervisor, payload: entry });
    expect(water.statusCode).toBe(201);
    const power = (await t.request({ method: 'POST', url: '/api/v1/agencies', token: t.org.tokens.admin, payload: { siteId: null, service: 'power', name: '供电服务热线', phone: '95598' } })).json();
    const elsewhere = (await t.request({ method: 'POST', url: '/api/v1/agencies', token: t.org.tokens.admin, payload: { siteId: t.org.otherSiteId, service: 'gas', name: '燃气公司', phone: '96777' } })).json();
    expect((await t.request({ method: 'POST', url: '/api/v1/agencies', token: t.org.tokens.supervisor, payload: { ...entry, siteId: t.org.otherSiteId } })).statusCode).toBe(403);
    expect((await t.request({ method: 'POST', url: '/api/v1/agencies', token: t.org.tokens.admin, payload: { ...entry, service: 'oracle' } })).statusCode).toBe(400);

    const listed = await t.request({ method: 'GET', url: `/api/v1/agencies?siteId=${t.org.siteId}`, token: t.org.tokens.handler });
    expect(listed.json().items.map((a: { name: string }) => a.name).sort()).toEqual(['供电服务热线', '市自来水公司热线']);
    expect((await t.request({ method: 'GET', url: '/api/v1/agencies', token: t.org.tokens.customer })).statusCode).toBe(403);
    expect((await t.request({ method: 'GET', url: '/api/v1/agencies', token: t.otherOrg.tokens.agent })).json().items).toEqual([]);

    const own = await create({ description: '家里停水一整天了' }, t.org.tokens.customer);
    const decided = (await classify(own.id, { action: 'decide_nature', version: 1, nature: 'assistance', basis: '市政管网检修' })).json();
    expect(decided.complaint.agencies.map((a: { phone: string }) => a.phone).sort()).toEqual(['95598', '96116']);
    const wrongSite = await t.request({ method: 'POST', url: `/api/v1/work-orders/${own.id}/handling`, token: t.org.tokens.agent, payload: { action: 'give_agencies', version: 2, agencyIds: [elsewhere.id] } });
    expect(wrongSite.json()).toMatchObject({ status: 422, code: 'unknown_reference' });
    const explain = await t.request({ method: 'POST', url: `/api/v1/work-orders/${own.id}/handling`, token: t.org.tokens.agent, payload: { action: 'explain', version: 2, text: '不适用' } });
    expect(explain.json()).toMatchObject({ status: 409, code: 'nature_mismatch' });
    const given = await t.request({
      method: 'POST', url: `/api/v1/work-orders/${own.id}/handling`, token: t.org.tokens.agent,
      payload: { action: 'give_agencies', version: 2, agencyIds: [water.json().id, power.id], text: '已告知供水热线，我们会跟进' },
    });
    expect(given.statusCode).toBe(200);
    const seen = (await t.request({ method: 'GET', url: `/api/v1/work-orders/${own.id}`, token: t.org.tokens.customer })).json();
    const event = seen.timeline.find((e: { type: string }) => e.type === 'agencies_given');
    expect(event.data.agencies.map((a: { phone: string }) => a.phone)).toEqual(['96116', '95598']);

    expect((await t.request({ method: 'DELETE', url: `/api/v1/agencies/${power.id}`, token: t.org.tokens.supervisor })).statusCode).toBe(403); // organisation-wide
    expect((await t.request({ method: 'DELETE', url: `/api/v1/agencies/${water.json().id}`, token: t.org.tokens.supervisor })).statusCode).toBe(204);
    expect((await t.request({ method: 'DELETE', url: `/api/v1/agencies/${water.json().id}`, token: t.org.tokens.supervisor })).statusCode).toBe(404);
  });

  it('tracks the explanation of a non-responsible complaint to done', async () => {
    const order = await create();
    await classify(order.id, { action: 'decide_nature', version: 1, nature: 'non_responsible', basis: '超出服务范围' });
    // The customer reads the explanation: a forbidden phrase in it is caught before it is stored.
    const rude = '这事不归我管，你去找市政';
    const refused = await t.request({ method: 'POST', url: `/api/v1/work-orders/${order.id}/handling`, token: t.org.tokens.agent, payload: { action: 'explain', version: 2, text: rude } });
    expect(refused.json()).toMatchObject({ status: 422, code: 'forbidden_phrase' });
    expect(refused.json().hits[0]).toMatchObject({ phrase: expect.stringContaining('不归我管') });
    expect((await t.request({ method: 'GET', url: `/api/v1/work-orders/${order.id}`, token: t.org.tokens.agent })).json()).toMatchObject({ version: 2, complaint: { explanation: { status: 'pending' } } });

    const r = await t.request({ method: 'POST', url: `/api/v1/work-orders/${order.id}/handling`, token: t.org.tokens.agent, payload: { action: 'explain', version: 2, text: '已向客户说明喷泉属市政园林管理，并提供了联系方式' } });
    expect(r.json().complaint.explanation).toMatchObject({ status: 'done', by: { id: t.org.userIds.agent } });

    // Sent anyway after the agent confirmed: stored, and the hits are in the audit log.
    const anyway = await t.request({ method: 'POST', url: `/api/v1/work-orders/${order.id}/handling`, token: t.org.tokens.agent, payload: { action: 'explain', version: 3, text: rude, confirmForbidden: true } });
    expect(anyway.json().complaint.explanation).toMatchObject({ text: rude });
    const audit = (await t.request({ method: 'GET', url: `/api/v1/audit?entityType=work_order&entityId=${order.id}`, token: t.org.tokens.admin })).json().items;
    expect(audit).toContainEqual(expect.objectContaining({ action: 'language.sent_with_hits' }));
    expect(r.json().timeline).toContainEqual(expect.objectContaining({ type: 'explanation_given', customerVisible: true }));
  });

  it('records the customer’s confirmation of completion: typed by the customer or a real PNG signature; garbage is refused', async () => {
    const own = await create({ description: '楼道里堆放杂物' }, t.org.tokens.customer);
    const early = await t.request({ method: 'POST', url: `/api/v1/work-orders/${own.id}/confirmation`, token: t.org.tokens.customer, payload: { version: 1, text: '已处理好' } });
    expect(early.json()).toMatchObject({ status: 409, code: 'not_completed' });
    const result = await act(own.id, { action: 'give_result', version: 1, text: '杂物已清理' });
    const version = result.json().version;

    expect((await t.request({ method: 'POST', url: `/api/v1/work-orders/${own.id}/confirmation`, token: t.org.tokens.customer2, payload: { version, text: '好' } })).statusCode).toBe(404);
    expect((await t.request({ method: 'POST', url: `/api/v1/work-orders/${own.id}/confirmation`, token: t.org.tokens.customer, payload: { version } })).statusCode).toBe(400);
    const confirmed = await t.request({ method: 'POST', url: `/api/v1/work-orders/${own.id}/confirmation`, token: t.org.tokens.customer, payload: { version, text: '已经清理干净，确认完成' } });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toMatchObject({ version: version + 1, confirmation: { method: 'text', text: '已经清理干净，确认完成', byCustomer: true } });
    expect(confirmed.json().timeline).toContainEqual(expect.objectContaining({ type: 'customer_confirmed', customerVisible: true }));
    const twice = await t.request({ method: 'POST', url: `/api/v1/work-orders/${own.id}/confirmation`, token: t.org.tokens.customer, payload: { version: version + 1, text: '再确认' } });
    expect(twice.json()).toMatchObject({ status: 409, code: 'already_confirmed' });

    const desk = await create();
    const v = (await act(desk.id, { action: 'give_result', version: 1, text: '喷泉已修复' })).json().version;
    const post = (payload: Record<string, unknown>, token = t.org.tokens.agent) => t.request({ method: 'POST', url: `/api/v1/work-orders/${desk.id}/confirmation`, token, payload });
    for (const signature of ['data:image/png;base64,aGVsbG8gd29ybGQ=', 'data:image/jpeg;base64,/9j/4AAQSkZJRg==', `${pngDataUrl().slice(0, -12)}AAAAAAAAAAAA`]) {
      const bad = await post({ version: v, signature });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().code).toBe('invalid_signature');
    }
    const huge = `data:image/png;base64,${Buffer.alloc(210 * 1024, 1).toString('base64')}`;
    expect((await post({ version: v, signature: huge })).json()).toMatchObject({ status: 400, problem: 'too_large' });
    expect((await post({ version: v, signature: pngDataUrl() }, t.org.tokens.handler)).statusCode).toBe(404); // not dispatched to the handler

    const signature = pngDataUrl();
    const signed = await post({ version: v, signature, signerName: '客户本人' });
    expect(signed.statusCode).toBe(200);
    expect(signed.json().confirmation).toMatchObject({ method: 'signature', signerName: '客户本人', byCustomer: false });
    const stored = await t.request({ method: 'GET', url: `/api/v1/work-orders/${desk.id}/confirmation`, token: t.org.tokens.agent });
    expect(stored.json().signature).toBe(signature);
    const audit = await t.request({ method: 'GET', url: `/api/v1/audit?entityType=work_order&entityId=${desk.id}`, token: t.org.tokens.admin });
    expect(audit.json().items.map((a: { action: string }) => a.action)).toContain('work_order.customer_confirmation');
  });
});
