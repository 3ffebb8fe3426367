import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { createOrganisation } from '../src/organisations/organisation.service.js';
import { tinyJpeg, tinyPng } from '../src/portal/image-fixtures.js';
import { createUser } from '../src/users/user.service.js';
import { createTestDatabase, databaseAvailable, testDialect, type TestDatabase } from './helpers/test-database.js';

const PASSWORD = 'correct-horse-9';

interface Browser { cookie: string; csrf: string }

/** The cookies a browser would keep from a login response. */
function browserOf(response: LightMyRequestResponse): Browser {
  const cookies = response.cookies as { name: string; value: string }[];
  const session = cookies.find((c) => c.name === 'hy_session')!.value;
  const csrf = cookies.find((c) => c.name === 'hy_csrf')!.value;
  return { cookie: `hy_session=${session}; hy_csrf=${csrf}`, csrf };
}

describe.skipIf(!databaseAvailable)(`customer portal: SMS sign-up and login, photos, the web app (${testDialect})`, () => {
  let app: FastifyInstance;
  let database: TestDatabase;
  const clock = { now: new Date('2026-11-25T02:00:00Z') };
  const sms: { phone: string; code: string; purpose: string }[] = [];
  let siteId = 0;
  let agentToken = '';
  let adminToken = '';
  let webRoot = '';

  const request = (opts: InjectOptions & { token?: string; browser?: Browser }) => {
    const { token, browser, ...rest } = opts;
    return app.inject({
      ...rest,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(browser ? { cookie: browser.cookie, 'x-csrf-token': browser.csrf } : {}),
        ...rest.headers,
      },
    });
  };
  const lastCode = (phone: string) => [...sms].reverse().find((m) => m.phone === phone)!.code;
  const later = (seconds: number) => { clock.now = new Date(clock.now.getTime() + seconds * 1000); };

  async function signUp(phone: string, name: string): Promise<Browser> {
    expect((await request({ method: 'POST', url: '/api/v1/portal/sms-codes', payload: { phone } })).statusCode).toBe(202);
    const response = await request({ method: 'POST', url: '/api/v1/portal/signup', payload: { phone, password: PASSWORD, name, code: lastCode(phone) } });
    expect(response.statusCode).toBe(201);
    return browserOf(response);
  }

  beforeAll(async () => {
    webRoot = mkdtempSync(join(tmpdir(), 'huiyin-web-'));
    mkdirSync(join(webRoot, 'assets'));
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>desk</title><div id="desk"></div>');
    writeFileSync(join(webRoot, 'portal.html'), '<!doctype html><title>portal</title><div id="portal"></div>');
    writeFileSync(join(webRoot, 'assets', 'desk-abc.js'), 'console.log(1)');
    writeFileSync(join(webRoot, 'assets', 'desk-abc.js.br'), brotliCompressSync('console.log(1)'));
    database = await createTestDatabase();
    ({ app } = await buildApp({
      database: database.handle, now: () => clock.now, loginRateLimitPerMinute: 10_000, webRoot,
      smsTransport: { send: async (m) => { sms.push(m); } },
    }));
    const { org, sites } = await createOrganisation(database.handle.db, {
      name: '测试物业', code: 'p1', sites: [{ name: '回音花园' }], admin: { username: 'p1-admin', password: PASSWORD, employeeNo: '1000' },
    }, clock.now);
    siteId = sites[0]!.id;
    await createUser(database.handle.db, { orgId: org.id, username: 'p1-agent', password: PASSWORD, displayName: '客服 小李', employeeNo: '1001', role: 'agent' }, null, clock.now);
    const login = async (username: string) => (await request({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: PASSWORD } })).json().token as string;
    agentToken = await login('p1-agent');
    adminToken = await login('p1-admin');
  });
  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  it('signs a customer up with the SMS code; the code is single-use, limited in tries and not resent too soon', async () => {
    const phone = '13700000001';
    expect((await request({ method: 'POST', url: '/api/v1/portal/sms-codes', payload: { phone: '12345' } })).statusCode).toBe(400);
    expect((await request({ method: 'POST', url: '/api/v1/portal/sms-codes', payload: { phone } })).statusCode).toBe(202);
    const again = await request({ method: 'POST', url: '/api/v1/portal/sms-codes', payload: { phone } });
    expect(again.statusCode).toBe(429);
    const code = lastCode(phone);
    const wrong = await request({ method: 'POST', url: '/api/v1/portal/signup', payload: { phone, password: PASSWORD, name: '赵女士', code: code === '000000' ? '111111' : '000000' } });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json()).toMatchObject({ code: 'sms_code_invalid', attemptsLeft: 4 });
    const ok = await request({ method: 'POST', url: '/api/v1/portal/signup', payload: { phone, password: PASSWORD, name: '赵女士', code } });
    expect(ok.statusCode).toBe(201);
    const me = await request({ method: 'GET', url: '/api/v1/auth/me', browser: browserOf(ok) });
    expect(me.json()).toMatchObject({ role: 'customer', displayName: '赵女士' });
    expect(me.json().customerId).toBeGreaterThan(0);
    later(120);
    const twice = await request({ method: 'POST', url: '/api/v1/portal/sms-codes', payload: { phone } });
    expect(twice.json().code).toBe('phone_taken');
  });

  it('spends a code after five wrong tries, even for the right one afterwards', async () => {
    const phone = '13700000002';
    await request({ method: 'POST', url: '/api/v1/portal/sms-codes', payload: { phone } });
    const code = lastCode(phone);
    const wrongCode = code === '999999' ? '888888' : '999999';
    for (let i = 0; i < 5; i++) {
      await request({ method: 'POST', url: '/api/v1/portal/signup', payload: { phone, password: PASSWORD, name: '钱先生', code: wrongCode } });
    }
    const right = await request({ method: 'POST', url: '/api/v1/portal/signup', payload: { phone, password: PASSWORD, name: '钱先生', code } });
    expect(right.json().code).toBe('sms_code_invalid');
    later(6 * 60);
    expect((await request({ method: 'POST', url: '/api/v1/portal/sms-codes', payload: { phone } })).statusCode).toBe(202);
    expect((await request({ method: 'POST', url: '/api/v1/portal/signup', payload: { phone, password: PASSWORD, name: '钱先生', code: lastCode(phone) } })).statusCode).toBe(201);
  });

  it('logs in with phone, password and a fresh code; an expired code is refused', async () => {
    const phone = '13700000003';
    await signUp(phone, '孙先生');
    later(120);
    const bad = await request({ method: 'POST', url: '/api/v1/portal/login', payload: { phone, password: 'wrong-password' } });
    expect(bad.statusCode).toBe(401);
    const step1 = await request({ method: 'POST', url: '/api/v1/portal/login', payload: { phone, password: PASSWORD } });
    expect(step1.statusCode).toBe(202);
    expect(sms.at(-1)).toMatchObject({ phone, purpose: 'login' });
    later(6 * 60);
    const expired = await request({ method: 'POST', url: '/api/v1/portal/login', payload: { phone, password: PASSWORD, code: lastCode(phone) } });
    expect(expired.json().code).toBe('sms_code_invalid');
    await request({ method: 'POST', url: '/api/v1/portal/login', payload: { phone, password: PASSWORD } });
    const step2 = await request({ method: 'POST', url: '/api/v1/portal/login', payload: { phone, password: PASSWORD, code: lastCode(phone) } });
    expect(step2.statusCode).toBe(200);
    const me = await request({ method: 'GET', url: '/api/v1/auth/me', browser: browserOf(step2) });
    expect(me.json().role).toBe('customer');
    const reuse = await request({ method: 'POST', url: '/api/v1/portal/login', payload: { phone, password: PASSWORD, code: lastCode(phone) } });
    expect(reuse.json().code).toBe('sms_code_invalid');
  });

  it('links the account to the customer the desk already knows by that phone, so earlier orders show', async () => {
    const phone = '13700000004';
    const taken = await request({
      method: 'POST', url: '/api/v1/work-orders', token: agentToken,
      payload: { kind: 'repair', channel: 'phone', siteId, description: '厨房水管漏水', customer: { name: '周先生', phone } },
    });
    expect(taken.statusCode).toBe(201);
    later(120);
    const browser = await signUp(phone, '周先生');
    const mine = await request({ method: 'GET', url: '/api/v1/work-orders', browser });
    expect(mine.json().items.map((o: { id: number }) => o.id)).toEqual([taken.json().id]);
  });

  it('takes up to six checked photos per order and shows them only to people who may read the order', async () => {
    later(120);
    const owner = await signUp('13700000005', '吴女士');
    later(120);
    const stranger = await signUp('13700000006', '郑先生');
    const order = await request({ method: 'POST', url: '/api/v1/work-orders', browser: owner, payload: { kind: 'repair', channel: 'online', siteId, description: '楼道灯不亮' } });
    expect(order.statusCode).toBe(201);
    const id = order.json().id as number;
    const upload = (body: Buffer, type = 'image/png', who: Browser = owner) =>
      request({ method: 'POST', url: `/api/v1/work-orders/${id}/photos`, browser: who, headers: { 'content-type': type }, payload: body });

    const first = await upload(tinyPng(640, 480));
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ mime: 'image/png', width: 640, height: 480 });
    // The bytes decide the type, not the header the browser sent.
    expect((await upload(tinyJpeg(800, 600), 'image/png')).json()).toMatchObject({ mime: 'image/jpeg', width: 800 });
    expect((await upload(Buffer.from('GIF89a-not-allowed-here-at-all'), 'image/png')).json().code).toBe('photo_invalid');
    expect((await upload(tinyPng(50_000, 50_000))).json()).toMatchObject({ code: 'photo_invalid', reason: 'bad_dimensions' });
    expect((await upload(Buffer.concat([tinyPng(10, 10), Buffer.alloc(5 * 1024 * 1024)]))).json()).toMatchObject({ code: 'photo_invalid', reason: 'too_large' });
    expect((await request({ method: 'POST', url: `/api/v1/work-orders/${id}/photos`, browser: owner, payload: { not: 'an image' } })).statusCode).toBe(415);
    expect((await upload(tinyPng(10, 10), 'image/png', stranger)).statusCode).toBe(404);
    for (let i = 0; i < 4; i++) expect((await upload(tinyPng(100 + i, 100))).statusCode).toBe(201);
    expect((await upload(tinyPng(300, 300))).json().code).toBe('photo_limit_reached');

    const list = await request({ method: 'GET', url: `/api/v1/work-orders/${id}/photos`, browser: owner });
    expect(list.json().items).toHaveLength(6);
    const url = list.json().items[0].url as string;
    const image = await request({ method: 'GET', url, token: agentToken });
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');
    expect(image.rawPayload.equals(tinyPng(640, 480))).toBe(true);
    expect((await request({ method: 'GET', url, browser: stranger })).statusCode).toBe(404);
    expect((await request({ method: 'GET', url: `/api/v1/work-orders/${id}/photos`, browser: stranger })).statusCode).toBe(404);
    const detail = await request({ method: 'GET', url: `/api/v1/work-orders/${id}`, browser: owner });
    expect(detail.json().timeline.filter((e: { type: string }) => e.type === 'photo_added')).toHaveLength(6);
  });

  it('serves the desk at /, the portal at /portal, client routes by fallback, and keeps API 404s as problems', async () => {
    const desk = await request({ method: 'GET', url: '/' });
    expect(desk.body).toContain('id="desk"');
    expect(desk.headers['content-security-policy']).toContain("script-src 'self'");
    expect((await request({ method: 'GET', url: '/work-orders/42' })).body).toContain('id="desk"');
    expect((await request({ method: 'GET', url: '/portal' })).body).toContain('id="portal"');
    expect((await request({ method: 'GET', url: '/portal/orders/7' })).body).toContain('id="portal"');
    const asset = await request({ method: 'GET', url: '/assets/desk-abc.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    // The build writes .br files; browsers that accept brotli get them.
    const compressed = await request({ method: 'GET', url: '/assets/desk-abc.js', headers: { 'accept-encoding': 'gzip, br' } });
    expect(compressed.headers['content-encoding']).toBe('br');
    const missingApi = await request({ method: 'GET', url: '/api/v1/no-such-thing' });
    expect(missingApi.statusCode).toBe(404);
    expect(missingApi.headers['content-type']).toContain('application/problem+json');
    expect((await request({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    expect((await request({ method: 'GET', url: '/healthz/x' })).headers['content-type']).toContain('application/problem+json');
    expect((await request({ method: 'GET', url: '/assets/missing.js' })).statusCode).toBe(404);
  });

  it('counts the desk queues and today’s intake in the caller’s scope; staff list has no customers', async () => {
    const queues = await request({ method: 'GET', url: '/api/v1/dashboard/queues', token: agentToken });
    expect(queues.statusCode).toBe(200);
    // The agent took one phone order (owner: the agent); the portal order has no owner yet.
    expect(queues.json()).toMatchObject({ mine: 1, open: 2, unassigned: 2, overdue: 0 });
    const summary = await request({ method: 'GET', url: '/api/v1/dashboard/summary', token: agentToken });
    expect(summary.json()).toMatchObject({ timeZone: 'Asia/Shanghai', day: '2026-11-25' });
    const intake = summary.json().intakeToday as { channel: string; kind: string; count: number }[];
    expect(intake.reduce((sum, r) => sum + r.count, 0)).toBe(2);
    const staff = await request({ method: 'GET', url: '/api/v1/dashboard/staff', token: adminToken });
    expect(staff.json().items.map((s: { role: string }) => s.role).sort()).toEqual(['admin', 'agent']);
    const customer = await signUp('13700000007', '王女士');
    expect((await request({ method: 'GET', url: '/api/v1/dashboard/queues', browser: customer })).statusCode).toBe(403);
  });
});
