import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { createTestApp, PASSWORD, type TestApp } from './helpers/test-app.js';
import { databaseAvailable, testDialect } from './helpers/test-database.js';

describe.skipIf(!databaseAvailable)(`accounts and sessions (${testDialect})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  const login = (username: string, password: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
    t.request({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password, ...extra }, headers });

  it('logs in and the token works as a bearer token', async () => {
    const response = await login('t1-agent', PASSWORD);
    expect(response.statusCode).toBe(200);
    const me = await t.request({ method: 'GET', url: '/api/v1/auth/me', token: response.json().token });
    expect(me.json()).toMatchObject({ username: 't1-agent', role: 'agent', employeeNo: '1003' });
    expect(me.json().permissions).toContain('work_order.create');
  });

  it('answers a wrong password in Chinese by default and in English on request', async () => {
    const zh = await login('t1-agent', 'wrong-password');
    expect(zh.statusCode).toBe(401);
    expect(zh.headers['content-type']).toContain('application/problem+json');
    expect(zh.json()).toMatchObject({ code: 'invalid_credentials', title: '用户名或密码错误' });
    const en = await login('nobody', 'wrong-password', {}, { 'accept-language': 'en-US,en;q=0.9' });
    expect(en.json()).toMatchObject({ code: 'invalid_credentials', title: 'Wrong username or password' });
  });

  it('locks an account for a while after five failures, even for the right password', async () => {
    for (let i = 0; i < 5; i++) expect((await login('t1-department_head', 'guess-' + i)).statusCode).toBe(401);
    const locked = await login('t1-department_head', PASSWORD);
    expect(locked.statusCode).toBe(423);
    expect(locked.json().code).toBe('account_locked');
    t.clock.now = new Date(t.clock.now.getTime() + 16 * 60_000);
    expect((await login('t1-department_head', PASSWORD)).statusCode).toBe(200);
    const audit = await t.request({ method: 'GET', url: '/api/v1/audit?entityType=user', token: t.org.tokens.admin });
    expect(audit.json().items.map((e: { action: string }) => e.action)).toContain('user.locked');
  });

  it('rate-limits logins per client address', async () => {
    const { app } = await buildApp({ database: t.database.handle, loginRateLimitPerMinute: 3 });
    const attempt = (remoteAddress: string) =>
      app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress, payload: { username: 'nobody', password: 'x' } });
    for (let i = 0; i < 3; i++) expect((await attempt('10.1.1.1')).statusCode).toBe(401);
    const limited = await attempt('10.1.1.1');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('rate_limited');
    expect((await attempt('10.2.2.2')).statusCode).toBe(401);
    await app.close();
  });

  it('refuses requests without a session and with an unknown token', async () => {
    expect((await t.request({ method: 'GET', url: '/api/v1/work-orders' })).json().code).toBe('unauthenticated');
    const bad = await t.request({ method: 'GET', url: '/api/v1/work-orders', token: 'not-a-real-token' });
    expect(bad.statusCode).toBe(401);
  });

  it('sets an HttpOnly session cookie and demands the CSRF token on unsafe browser requests', async () => {
    const response = await login('t1-agent', PASSWORD, { session: true });
    const cookies = response.cookies as { name: string; value: string; httpOnly?: boolean; sameSite?: string }[];
    const session = cookies.find((c) => c.name === 'hy_session')!;
    expect(session.httpOnly).toBe(true);
    const cookie = `hy_session=${session.value}`;
    const body = { kind: 'inquiry', channel: 'walk_in', siteId: t.org.siteId, description: '咨询物业费缴纳方式', customer: { name: '钱女士', phone: '13500000001' } };

    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(200);
    const withoutCsrf = await t.app.inject({ method: 'POST', url: '/api/v1/work-orders', headers: { cookie }, payload: body });
    expect(withoutCsrf.statusCode).toBe(403);
    expect(withoutCsrf.json().code).toBe('csrf_failed');
    const withCsrf = await t.app.inject({ method: 'POST', url: '/api/v1/work-orders', headers: { cookie, 'x-csrf-token': response.json().csrfToken }, payload: body });
    expect(withCsrf.statusCode).toBe(201);
  });

  it('ends the session on logout', async () => {
    const token = (await login('t1-general_manager', PASSWORD)).json().token;
    expect((await t.request({ method: 'POST', url: '/api/v1/auth/logout', token })).statusCode).toBe(204);
    expect((await t.request({ method: 'GET', url: '/api/v1/auth/me', token })).statusCode).toBe(401);
  });

  it('lets an admin create staff with 工号 and reset a password, which ends old sessions', async () => {
    const created = await t.request({
      method: 'POST', url: '/api/v1/users', token: t.org.tokens.admin,
      payload: { username: 'new-agent', password: 'first-pass-1', displayName: '新客服', employeeNo: '2001', role: 'agent', siteIds: [t.org.siteId] },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).not.toHaveProperty('passwordHash');
    const token = (await login('new-agent', 'first-pass-1')).json().token;
    const reset = await t.request({ method: 'PATCH', url: `/api/v1/users/${created.json().id}`, token: t.org.tokens.admin, payload: { version: 1, password: 'second-pass-2' } });
    expect(reset.statusCode).toBe(200);
    expect((await t.request({ method: 'GET', url: '/api/v1/auth/me', token })).statusCode).toBe(401);
    expect((await login('new-agent', 'second-pass-2')).statusCode).toBe(200);
    const duplicate = await t.request({
      method: 'POST', url: '/api/v1/users', token: t.org.tokens.admin,
      payload: { username: 'new-agent', password: 'first-pass-1', displayName: '重名', role: 'agent' },
    });
    expect(duplicate.json().code).toBe('username_taken');
  });
});
