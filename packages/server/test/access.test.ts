import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintBody, createTestApp, type TestApp } from './helpers/test-app.js';
import { databaseAvailable, testDialect } from './helpers/test-database.js';

describe.skipIf(!databaseAvailable)(`who may see and do what (${testDialect})`, () => {
  let t: TestApp;
  let orderId: number; // at site 1, dispatched to engineering
  let otherSiteOrderId: number;
  let customerOrderId: number;

  beforeAll(async () => {
    t = await createTestApp();
    const create = async (body: Record<string, unknown>, token = t.org.tokens.admin) => {
      const r = await t.request({ method: 'POST', url: '/api/v1/work-orders', token, payload: body });
      if (r.statusCode !== 201) throw new Error(r.body);
      return r.json();
    };
    const order = await create(complaintBody(t.org));
    orderId = order.id;
    await t.request({ method: 'POST', url: `/api/v1/work-orders/${orderId}/transitions`, token: t.org.tokens.admin, payload: { action: 'dispatch', version: 1, departmentId: t.org.departmentIds[1] } });
    otherSiteOrderId = (await create(complaintBody(t.org, { siteId: t.org.otherSiteId, description: '商场停车场收费不合理' }))).id;
    customerOrderId = (await create({ kind: 'repair', channel: 'online', siteId: t.org.siteId, description: '卫生间下水道堵塞' }, t.org.tokens.customer)).id;
  });
  afterAll(async () => t?.close());

  const get = (url: string, token: string | undefined) => t.request({ method: 'GET', url, token });

  // role × endpoint: the status each role gets. 404 where a role must not learn that a record exists.
  const matrix: [string, string, Record<string, number>][] = [
    ['GET', '/api/v1/work-orders/{order}', { admin: 200, supervisor: 200, agent: 200, handler: 200, department_head: 200, general_manager: 200, customer: 404, customer2: 404 }],
    ['GET', '/api/v1/work-orders/{otherSite}', { admin: 200, supervisor: 404, agent: 404, handler: 404, department_head: 404, general_manager: 200, customer: 404 }],
    ['GET', '/api/v1/work-orders/{customerOrder}', { admin: 200, agent: 200, handler: 404, customer: 200, customer2: 404 }],
    ['GET', '/api/v1/users', { admin: 200, supervisor: 403, agent: 403, handler: 403, department_head: 403, general_manager: 403, customer: 403 }],
    ['GET', '/api/v1/audit', { admin: 200, supervisor: 200, agent: 403, handler: 403, general_manager: 200, customer: 403 }],
    ['GET', '/api/v1/customers?q=王', { admin: 200, agent: 200, handler: 200, customer: 403 }],
    ['GET', '/api/v1/customers?phone=13812341234', { admin: 200, agent: 200, supervisor: 200, handler: 403, department_head: 403, customer: 403 }],
    ['GET', '/api/v1/departments', { admin: 200, agent: 200, handler: 200, customer: 403 }],
    ['GET', '/api/v1/sites', { admin: 200, agent: 200, customer: 200 }],
  ];
  for (const [method, template, expected] of matrix) {
    for (const [role, status] of Object.entries(expected)) {
      it(`${method} ${template} as ${role} → ${status}`, async () => {
        const url = template.replace('{order}', String(orderId)).replace('{otherSite}', String(otherSiteOrderId)).replace('{customerOrder}', String(customerOrderId));
        const response = await t.request({ method: method as 'GET', url, token: t.org.tokens[role] });
        expect(response.statusCode).toBe(status);
      });
    }
  }

  it('unauthenticated callers get 401 on every API route', async () => {
    for (const url of ['/api/v1/work-orders', `/api/v1/work-orders/${orderId}`, '/api/v1/users', '/api/v1/audit', '/api/v1/sites', '/api/v1/customers?q=王']) {
      expect((await get(url, undefined)).statusCode, url).toBe(401);
    }
  });

  it('another organisation sees none of it: 404 by id, nothing in lists or search', async () => {
    const stranger = t.otherOrg.tokens.admin;
    expect((await get(`/api/v1/work-orders/${orderId}`, stranger)).statusCode).toBe(404);
    const transition = await t.request({ method: 'POST', url: `/api/v1/work-orders/${orderId}/transitions`, token: stranger, payload: { action: 'start', version: 2 } });
    expect(transition.statusCode).toBe(404);
    expect((await get('/api/v1/work-orders', stranger)).json().items).toEqual([]);
    expect((await get('/api/v1/work-orders?q=电梯', stranger)).json().items).toEqual([]);
    const sites = (await get('/api/v1/sites', stranger)).json().items.map((s: { id: number }) => s.id);
    expect(sites).not.toContain(t.org.siteId);
    const crossSite = await t.request({ method: 'POST', url: '/api/v1/work-orders', token: stranger, payload: complaintBody(t.org) });
    expect(crossSite.statusCode).toBe(422);
    expect(crossSite.json().code).toBe('unknown_reference');
  });

  it('a customer lists only their own orders and sees staff by employee number only', async () => {
    const mine = (await get('/api/v1/work-orders', t.org.tokens.customer)).json().items;
    expect(mine.map((o: { id: number }) => o.id)).toEqual([customerOrderId]);
    expect((await get('/api/v1/work-orders', t.org.tokens.customer2)).json().items).toEqual([]);
    const detail = (await get(`/api/v1/work-orders/${customerOrderId}`, t.org.tokens.customer)).json();
    expect(detail.availableActions).toEqual([]);
    expect(detail.owner).toBeNull(); // portal orders wait for an agent to take them
  });

  it('customers never see internal notes', async () => {
    await t.request({ method: 'POST', url: `/api/v1/work-orders/${customerOrderId}/notes`, token: t.org.tokens.agent, payload: { text: '内部：该户曾多次投诉' } });
    await t.request({ method: 'POST', url: `/api/v1/work-orders/${customerOrderId}/notes`, token: t.org.tokens.agent, payload: { text: '师傅明天上午到', customerVisible: true } });
    const staffView = (await get(`/api/v1/work-orders/${customerOrderId}`, t.org.tokens.agent)).json();
    const customerView = (await get(`/api/v1/work-orders/${customerOrderId}`, t.org.tokens.customer)).json();
    const texts = (view: { timeline: { data: { text?: string } }[] }) => view.timeline.map((e) => e.data.text).filter(Boolean);
    expect(texts(staffView)).toEqual(['内部：该户曾多次投诉', '师傅明天上午到']);
    expect(texts(customerView)).toEqual(['师傅明天上午到']);
    expect(customerView.timeline.every((e: { actor: { id: number | null } | null }) => e.actor === null || e.actor.id === null)).toBe(true);
  });

  it('masks phone numbers for department staff and shows them to the desk', async () => {
    const handlerView = (await get(`/api/v1/work-orders/${orderId}`, t.org.tokens.handler)).json();
    expect(handlerView.customer.phone).toBe('138****1234');
    const agentView = (await get(`/api/v1/work-orders/${orderId}`, t.org.tokens.agent)).json();
    expect(agentView.customer.phone).toBe('13812341234');
    const handlerList = (await get('/api/v1/work-orders', t.org.tokens.handler)).json().items;
    expect(handlerList.map((o: { customer: { phone: string } }) => o.customer.phone)).toEqual(['138****1234']);
    expect((await get('/api/v1/work-orders?phone=13812341234', t.org.tokens.handler)).statusCode).toBe(403);
  });

  it('department staff handle but do not dispatch; agents cannot cancel', async () => {
    const start = await t.request({ method: 'POST', url: `/api/v1/work-orders/${orderId}/transitions`, token: t.org.tokens.handler, payload: { action: 'start', version: 2 } });
    expect(start.statusCode).toBe(200);
    const dispatch = await t.request({ method: 'POST', url: `/api/v1/work-orders/${orderId}/transitions`, token: t.org.tokens.handler, payload: { action: 'dispatch', version: 3, departmentId: t.org.departmentIds[0] } });
    expect(dispatch.statusCode).toBe(403);
    const customerCancel = await t.request({ method: 'POST', url: `/api/v1/work-orders/${customerOrderId}/transitions`, token: t.org.tokens.customer, payload: { action: 'cancel', version: 1, text: 'x' } });
    expect(customerCancel.statusCode).toBe(403);
  });
});
