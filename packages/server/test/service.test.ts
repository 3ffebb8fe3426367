import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './helpers/test-app.js';
import { databaseAvailable, testDialect } from './helpers/test-database.js';

describe.skipIf(!databaseAvailable)(`service endpoints (${testDialect})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  it('reports health and readiness', async () => {
    expect((await t.request({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await t.request({ method: 'GET', url: '/readyz' })).json()).toEqual({ status: 'ready', database: testDialect });
  });

  it('publishes the OpenAPI document generated from the route schemas', async () => {
    const doc = (await t.request({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toBe('3.0.3');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/auth/login', '/api/v1/work-orders', '/api/v1/work-orders/{id}', '/api/v1/sites']));
    expect(doc.paths['/api/v1/work-orders'].post.requestBody.content['application/json'].schema.properties.kind.enum).toContain('complaint');
    const docs = await t.request({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
  });

  it('lists sites with their time zones', async () => {
    const sites = (await t.request({ method: 'GET', url: '/api/v1/sites', token: t.org.tokens.admin })).json();
    expect(sites.items[0]).toMatchObject({ id: t.org.siteId, name: '回音花园', timeZone: 'Asia/Shanghai', twentyFourHour: true });
    expect(sites.items[1]).toMatchObject({ name: '回音广场', twentyFourHour: false });
  });

  it('seeds both category trees', async () => {
    const paths = (await t.request({ method: 'GET', url: '/api/v1/categories', token: t.org.tokens.agent })).json().items.map((c: { path: string }) => c.path);
    expect(paths).toEqual(expect.arrayContaining(['物业服务/维修/电梯', '物业服务/市政配套/供水', '商场服务/售后服务/退货', '商场服务/服务质量/待客态度']));
  });

  it('echoes a request id and gives one when none is sent', async () => {
    const given = await t.request({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'call-42' } });
    expect(given.headers['x-request-id']).toBe('call-42');
    const generated = await t.request({ method: 'GET', url: '/healthz' });
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('keeps the customer archive: lookup by phone shows units and open orders, edits are audited', async () => {
    const created = (await t.request({
      method: 'POST', url: '/api/v1/work-orders', token: t.org.tokens.agent,
      payload: { kind: 'repair', channel: 'phone', siteId: t.org.siteId, description: '阳台推拉门关不上', unit: '8栋1单元702', customer: { name: '吴女士', phone: '13322223333', title: '女士' } },
    })).json();
    const lookup = (await t.request({ method: 'GET', url: '/api/v1/customers?phone=133-2222-3333', token: t.org.tokens.agent })).json();
    expect(lookup.items).toHaveLength(1);
    expect(lookup.items[0]).toMatchObject({ name: '吴女士', units: [{ siteId: t.org.siteId, label: '8栋1单元702' }], phones: ['13322223333'] });
    expect(lookup.items[0].openOrders.map((o: { id: number }) => o.id)).toEqual([created.id]);
    const edited = await t.request({
      method: 'PATCH', url: `/api/v1/customers/${created.customer.id}`, token: t.org.tokens.agent,
      payload: { version: 1, customerType: 'analytical', notes: '喜欢详细解释' },
    });
    expect(edited.json()).toMatchObject({ customerType: 'analytical', version: 2 });
    const audit = (await t.request({ method: 'GET', url: `/api/v1/audit?entityType=customer&entityId=${created.customer.id}`, token: t.org.tokens.admin })).json();
    expect(audit.items.map((e: { action: string }) => e.action)).toEqual(['customer.update', 'customer.create']);
  });
});
