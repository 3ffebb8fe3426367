import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintBody, createTestApp, type TestApp } from './helpers/test-app.js';
import { databaseAvailable, testDialect } from './helpers/test-database.js';

interface AuditEntry { action: string; entityType: string; entityId: string; before: Record<string, unknown> | null; after: Record<string, unknown> | null }
interface Department { id: number; name: string; siteId: number | null; active: boolean }

/** The settings screens' server side: organisation profile, departments, agencies and accounts (issue #4, admin settings). */
describe.skipIf(!databaseAvailable)(`admin: organisation, departments, agencies, accounts (${testDialect})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown, token = t.org.tokens.admin) =>
    t.request({ method, url: `/api/v1${url}`, token, ...(payload !== undefined ? { payload: payload as object } : {}) });
  const lastAudit = async (entityType: string, entityId: number): Promise<AuditEntry | undefined> =>
    (await call('GET', `/audit?entityType=${entityType}&entityId=${entityId}&limit=1`)).json().items[0];
  const expectProblem = (response: Awaited<ReturnType<typeof call>>, status: number, code: string) => {
    expect(response.statusCode, response.body).toBe(status);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ status, code });
  };

  describe('organisation profile', () => {
    it('every staff member reads it; only an administrator renames it and changes the prefix of new order numbers', async () => {
      const read = await call('GET', '/organisation', undefined, t.org.tokens.agent);
      expect(read.json()).toMatchObject({ id: t.org.orgId, name: '测试物业 t1', code: 't1', numberPrefix: 'HY' });
      expectProblem(await call('PATCH', '/organisation', { name: '改名' }, t.org.tokens.supervisor), 403, 'forbidden');
      expectProblem(await call('GET', '/organisation', undefined, t.org.tokens.customer), 403, 'forbidden');

      const changed = await call('PATCH', '/organisation', { name: '回音物业服务中心', numberPrefix: 'HYW' });
      expect(changed.statusCode).toBe(200);
      expect(changed.json()).toMatchObject({ name: '回音物业服务中心', numberPrefix: 'HYW', code: 't1' });
      const order = await call('POST', '/work-orders', complaintBody(t.org), t.org.tokens.agent);
      expect(order.json().number).toMatch(/^HYW\d{10}$/);
      // The other organisation is untouched.
      expect((await call('GET', '/organisation', undefined, t.otherOrg.tokens.admin)).json()).toMatchObject({ name: '测试物业 t2', numberPrefix: 'HY' });
      expect(await lastAudit('organisation', t.org.orgId)).toMatchObject({
        action: 'organisation.update', before: { name: '测试物业 t1', numberPrefix: 'HY' }, after: { name: '回音物业服务中心', numberPrefix: 'HYW' },
      });
    });

    it('refuses bad input with problem+json and changes nothing', async () => {
      for (const body of [{}, { name: '  ' }, { numberPrefix: 'hy' }, { numberPrefix: 'HY-1' }, { numberPrefix: 'ABCDEFG' }, { code: 'x' }, { name: 12 }]) {
        expectProblem(await call('PATCH', '/organisation', body), 400, 'validation_failed');
      }
      expect((await call('GET', '/organisation')).json()).toMatchObject({ name: '回音物业服务中心', numberPrefix: 'HYW' });
    });
  });

  describe('departments', () => {
    let departmentId: number;

    it('adds one, refuses a second of the same name, renames it and moves it to a site', async () => {
      const created = await call('POST', '/departments', { name: '绿化部' });
      expect(created.statusCode).toBe(201);
      expect(created.json()).toMatchObject({ name: '绿化部', siteId: null, active: true });
      departmentId = created.json().id;
      expectProblem(await call('POST', '/departments', { name: ' 绿化部 ' }), 409, 'name_taken');
      expectProblem(await call('PATCH', `/departments/${departmentId}`, { name: '工程部' }), 409, 'name_taken');

      const renamed = await call('PATCH', `/departments/${departmentId}`, { name: '园林绿化部', siteId: t.org.siteId });
      expect(renamed.json()).toEqual({ id: departmentId, name: '园林绿化部', siteId: t.org.siteId, active: true });
      expect(await lastAudit('department', departmentId)).toMatchObject({
        action: 'department.update', before: { name: '绿化部', siteId: null }, after: { name: '园林绿化部', siteId: t.org.siteId },
      });
    });

    it('will not deactivate a department categories are routed to; once rerouted it deactivates and takes no new members', async () => {
      const categoryId = (await call('GET', '/categories')).json().items.find((c: { parentId: number | null }) => c.parentId !== null).id as number;
      expect((await call('PUT', '/routing', { items: [{ categoryId, departmentId }] })).statusCode).toBe(200);
      const refused = await call('PATCH', `/departments/${departmentId}`, { active: false });
      expectProblem(refused, 409, 'department_in_use');
      expect(refused.json().title).toMatch(/改派/);

      expect((await call('PUT', '/routing', { items: [] })).statusCode).toBe(200);
      const deactivated = await call('PATCH', `/departments/${departmentId}`, { active: false });
      expect(deactivated.json()).toMatchObject({ active: false });
      // Still listed (past orders name it), marked inactive.
      const listed = (await call('GET', '/departments', undefined, t.org.tokens.agent)).json().items as Department[];
      expect(listed.find((d) => d.id === departmentId)).toMatchObject({ name: '园林绿化部', active: false });

      expectProblem(await call('PUT', '/routing', { items: [{ categoryId, departmentId }] }), 422, 'inactive_reference');
      expectProblem(await call('POST', '/users', {
        username: 'gardener', password: 'long-enough-1', displayName: '园丁', role: 'handler', departmentId,
      }), 422, 'inactive_reference');
      // Nor can an open order be dispatched to it.
      const order = await call('POST', '/work-orders', complaintBody(t.org), t.org.tokens.agent);
      expectProblem(await call('POST', `/work-orders/${order.json().id}/transitions`, { action: 'dispatch', version: 1, departmentId }, t.org.tokens.agent), 422, 'inactive_reference');
      expect((await call('GET', `/work-orders/${order.json().id}`, undefined, t.org.tokens.agent)).json()).toMatchObject({ status: 'received', departmentId: null });

      expect((await call('PATCH', `/departments/${departmentId}`, { active: true })).json()).toMatchObject({ active: true });
      expect((await call('POST', '/users', {
        username: 'gardener', password: 'long-enough-1', displayName: '园丁', employeeNo: '2001', role: 'handler', departmentId,
      })).statusCode).toBe(201);
    });

    it('is for administrators of the organisation only', async () => {
      expectProblem(await call('PATCH', `/departments/${departmentId}`, { name: '偷改' }, t.org.tokens.supervisor), 403, 'forbidden');
      expectProblem(await call('POST', '/departments', { name: '新部门' }, t.org.tokens.agent), 403, 'forbidden');
      expectProblem(await call('PATCH', `/departments/${departmentId}`, { name: '偷改' }, t.otherOrg.tokens.admin), 404, 'not_found');
      expectProblem(await call('PATCH', `/departments/${t.org.departmentIds[0]}`, { siteId: t.otherOrg.siteId }), 422, 'unknown_reference');
      for (const body of [{}, { name: '' }, { active: 'no' }, { siteId: 0 }, { colour: 'red' }]) {
        expectProblem(await call('PATCH', `/departments/${departmentId}`, body), 400, 'validation_failed');
      }
      expect((await call('GET', '/departments')).json().items.find((d: Department) => d.id === departmentId).name).toBe('园林绿化部');
    });
  });

  describe('agency directory', () => {
    let agencyId: number;
    const entry = () => ({ siteId: t.org.siteId, service: 'water', name: '自来水公司', phone: '0571-96390' });

    it('corrects an entry: the new number and notes, recorded in the audit log', async () => {
      const created = await call('POST', '/agencies', entry(), t.org.tokens.supervisor);
      expect(created.statusCode).toBe(201);
      agencyId = created.json().id;
      const changed = await call('PATCH', `/agencies/${agencyId}`, { phone: '0571-87654321', notes: '夜间拨打值班电话' }, t.org.tokens.supervisor);
      expect(changed.statusCode).toBe(200);
      expect(changed.json()).toMatchObject({ id: agencyId, service: 'water', name: '自来水公司', phone: '0571-87654321', notes: '夜间拨打值班电话' });
      const listed = (await call('GET', `/agencies?siteId=${t.org.siteId}`, undefined, t.org.tokens.agent)).json().items;
      expect(listed).toContainEqual(expect.objectContaining({ id: agencyId, phone: '0571-87654321' }));
      expect(await lastAudit('agency', agencyId)).toMatchObject({ action: 'agency.update', before: { phone: '0571-96390' }, after: { phone: '0571-87654321' } });
      // Clearing the notes.
      expect((await call('PATCH', `/agencies/${agencyId}`, { notes: null })).json().notes).toBeNull();
    });

    it('keeps each editor to the sites they work at; another organisation’s entry is not found', async () => {
      // The supervisor works at the first site only: making the entry organisation-wide or moving it elsewhere is not theirs to do.
      expectProblem(await call('PATCH', `/agencies/${agencyId}`, { siteId: null }, t.org.tokens.supervisor), 403, 'forbidden');
      expectProblem(await call('PATCH', `/agencies/${agencyId}`, { siteId: t.org.otherSiteId }, t.org.tokens.supervisor), 403, 'forbidden');
      expectProblem(await call('PATCH', `/agencies/${agencyId}`, { name: '改' }, t.org.tokens.agent), 403, 'forbidden');
      expectProblem(await call('PATCH', `/agencies/${agencyId}`, { name: '改' }, t.otherOrg.tokens.admin), 404, 'not_found');
      // The administrator works everywhere.
      expect((await call('PATCH', `/agencies/${agencyId}`, { siteId: null, service: 'gas' })).json()).toMatchObject({ siteId: null, service: 'gas' });
    });

    it('refuses bad input', async () => {
      for (const body of [{}, { phone: 'call us' }, { service: 'internet' }, { name: '' }, { siteId: 'one' }]) {
        expectProblem(await call('PATCH', `/agencies/${agencyId}`, body), 400, 'validation_failed');
      }
      expectProblem(await call('PATCH', `/agencies/${agencyId}`, { siteId: t.otherOrg.siteId }), 422, 'unknown_reference');
      expectProblem(await call('PATCH', '/agencies/999999', { name: '无' }), 404, 'not_found');
    });
  });

  describe('accounts', () => {
    it('an administrator cannot disable or demote their own account', async () => {
      const me = (await call('GET', '/auth/me')).json();
      expectProblem(await call('PATCH', `/users/${me.id}`, { version: me.version ?? 1, disabled: true }), 403, 'forbidden');
      expectProblem(await call('PATCH', `/users/${me.id}`, { version: me.version ?? 1, role: 'agent' }), 403, 'forbidden');
      expect((await call('GET', '/auth/me')).json().role).toBe('admin');
    });

    it('refuses a site scope with another organisation’s site', async () => {
      const agent = (await call('GET', '/users')).json().items.find((u: { id: number }) => u.id === t.org.userIds.agent);
      expectProblem(await call('PATCH', `/users/${agent.id}`, { version: agent.version, siteIds: [t.otherOrg.siteId] }), 422, 'unknown_reference');
      expect((await call('PATCH', `/users/${agent.id}`, { version: agent.version, siteIds: [t.org.siteId, t.org.otherSiteId] })).json().siteIds)
        .toEqual([t.org.siteId, t.org.otherSiteId]);
    });

    it('a password reset lets a locked-out user in again', async () => {
      const username = 't1-handler';
      for (let i = 0; i < 12; i++) await t.request({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: 'wrong-password' } });
      const locked = await t.request({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: 'correct-horse-9' } });
      expect(locked.statusCode).toBe(423);
      const handler = (await call('GET', '/users')).json().items.find((u: { id: number }) => u.id === t.org.userIds.handler);
      expect(handler.lockedUntil).not.toBeNull();
      const reset = await call('PATCH', `/users/${handler.id}`, { version: handler.version, password: 'brand-new-pass-1' });
      expect(reset.json().lockedUntil).toBeNull();
      const login = await t.request({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: 'brand-new-pass-1' } });
      expect(login.statusCode).toBe(200);
      expect(await lastAudit('user', handler.id)).toMatchObject({ action: 'user.password_reset' });
    });
  });
});
