import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Role } from '@huiyin/domain';
import { buildApp } from '../../src/app.js';
import type { AppContext } from '../../src/app-context.js';
import { insertCustomer, insertPhone } from '../../src/customers/customer.repository.js';
import { createOrganisation } from '../../src/organisations/organisation.service.js';
import { createUser } from '../../src/users/user.service.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export const PASSWORD = 'correct-horse-9';

export interface TestOrg {
  orgId: number;
  siteId: number;
  otherSiteId: number;
  departmentIds: number[];
  /** Bearer tokens by role name (plus 'customer2' for a second portal customer). */
  tokens: Record<string, string>;
  userIds: Record<string, number>;
  customerIds: Record<string, number>;
}

export interface TestApp {
  app: FastifyInstance;
  context: AppContext;
  database: TestDatabase;
  clock: { now: Date };
  org: TestOrg;
  /** A second organisation, to prove nothing crosses between tenants. */
  otherOrg: TestOrg;
  request(options: InjectOptions & { token?: string }): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

const STAFF_ROLES: Role[] = ['admin', 'supervisor', 'agent', 'handler', 'department_head', 'general_manager'];

/** A fresh database and app with two organisations, a user for every role and two portal customers. */
export async function createTestApp(options: { now?: Date } = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const clock = { now: options.now ?? new Date('2026-11-25T02:00:00Z') };
  const { app, context } = await buildApp({ database: database.handle, now: () => clock.now, loginRateLimitPerMinute: 10_000 });

  const request = (opts: InjectOptions & { token?: string }) => {
    const { token, ...rest } = opts;
    return app.inject({ ...rest, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...rest.headers } });
  };

  async function setUpOrg(code: string, roles: Role[] = STAFF_ROLES): Promise<TestOrg> {
    const { org, sites, departments } = await createOrganisation(context.db, {
      name: `测试物业 ${code}`,
      code,
      sites: [{ name: '回音花园' }, { name: '回音广场', kind: 'mall', twentyFourHour: false }],
      admin: { username: `${code}-admin`, password: PASSWORD, employeeNo: '1000' },
    }, clock.now);
    const [site, otherSite] = sites;
    const engineering = departments[1]!;
    const tokens: Record<string, string> = {};
    const userIds: Record<string, number> = {};
    const customerIds: Record<string, number> = {};
    for (const [index, role] of STAFF_ROLES.entries()) {
      if (role === 'admin' || !roles.includes(role)) continue;
      const user = await createUser(context.db, {
        orgId: org.id,
        username: `${code}-${role}`,
        password: PASSWORD,
        displayName: `${role} 测试`,
        employeeNo: String(1001 + index),
        role,
        // Desk staff work at the first site only; department staff belong to engineering.
        siteIds: role === 'agent' || role === 'supervisor' ? [site!.id] : [],
        departmentId: role === 'handler' || role === 'department_head' ? engineering.id : null,
      }, null, clock.now);
      userIds[role] = user.id;
    }
    for (const name of ['customer', 'customer2']) {
      const at = clock.now.getTime();
      const customer = await insertCustomer(context.db, { org_id: org.id, name: `${name}-张先生`, title: '先生', customer_type: null, notes: null, created_at: at, updated_at: at, version: 1 });
      await insertPhone(context.db, org.id, customer.id, name === 'customer' ? '13900000001' : '13900000002', true);
      const user = await createUser(context.db, {
        orgId: org.id, username: `${code}-${name}`, password: PASSWORD, displayName: customer.name, role: 'customer', customerId: customer.id,
      }, null, clock.now);
      userIds[name] = user.id;
      customerIds[name] = customer.id;
    }
    const users = { admin: `${code}-admin`, ...Object.fromEntries(Object.keys(userIds).map((role) => [role, `${code}-${role}`])) };
    for (const [role, username] of Object.entries(users)) {
      const response = await request({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: PASSWORD } });
      if (response.statusCode !== 200) throw new Error(`login ${username}: ${response.body}`);
      tokens[role] = response.json().token;
    }
    return { orgId: org.id, siteId: site!.id, otherSiteId: otherSite!.id, departmentIds: departments.map((d) => d.id), tokens, userIds, customerIds };
  }

  const org = await setUpOrg('t1');
  const otherOrg = await setUpOrg('t2', ['admin', 'agent']);
  return {
    app, context, database, clock, org, otherOrg, request,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

/** A valid phone complaint at the first site; override any field. */
export function complaintBody(org: TestOrg, overrides: Record<string, unknown> = {}) {
  return {
    kind: 'complaint',
    channel: 'phone',
    siteId: org.siteId,
    description: '3号楼电梯又坏了，困人半小时',
    customer: { name: '王建国', phone: '13812341234', title: '先生' },
    unit: '3栋2单元1502',
    ...overrides,
  };
}
