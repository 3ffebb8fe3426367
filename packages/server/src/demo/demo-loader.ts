import { sql } from 'kysely';
import type { ReplyMethod, Role } from '@huiyin/domain';
import type { AppContext } from '../app-context.js';
import type { Actor, RequestContext } from '../auth/actor.js';
import { DEFAULT_AUTH_POLICY } from '../auth/auth.service.js';
import { recordCallbackAttempt } from '../callbacks/callback-record.service.js';
import { findPendingCallback } from '../callbacks/callback.repository.js';
import type { DatabaseHandle } from '../db/database.js';
import { insertCustomer, insertPhone, insertUnit } from '../customers/customer.repository.js';
import { findUserByUsername } from '../users/user.repository.js';
import { createUser } from '../users/user.service.js';
import { insertDepartment, listCategories } from '../organisations/organisation.repository.js';
import { createOrganisation } from '../organisations/organisation.service.js';
import { addNote, transferWorkOrder, transitionWorkOrder } from '../work-orders/change-work-order.js';
import { createWorkOrder } from '../work-orders/create-work-order.js';
import { findWorkOrder } from '../work-orders/work-order.repository.js';
import { generateDemoData, type DemoData, type DemoStep, type DemoUser, type DemoWorkOrder } from './demo-data.js';

export const DEMO_PASSWORD = 'huiyin-demo-2026';

interface Loaded {
  actors: Map<string, Actor>;
  siteIds: Map<string, number>;
  departmentIds: Map<string, number>;
  customerIds: Map<string, number>;
  categoryIds: Map<string, number>;
}

/**
 * Load the demo organisation through the same services the API uses, replaying
 * each order's life step by step at its recorded time, so the timeline, audit
 * log and search index are exactly what real use would have produced.
 */
export async function loadDemo(database: DatabaseHandle, options: { orders: number; seed: number; now?: Date }): Promise<string> {
  const now = options.now ?? new Date();
  const data = generateDemoData({ seed: options.seed, now, orderCount: options.orders });
  const existing = await database.db.selectFrom('organisations').select('id').where('code', '=', data.organisation.code).executeTakeFirst();
  if (existing) return `演示机构已存在 / the demo organisation is already loaded (organisation ${existing.id})`;

  const app: AppContext = { db: database.db, dialect: database.dialect, now: () => now, authPolicy: DEFAULT_AUTH_POLICY, loginRateLimitPerMinute: 20 };
  const loaded = await loadOrganisation(app, data, now);
  let replayed = 0;
  // Demo data can simply be loaded again, so the load need not wait for the disk on every commit.
  if (database.dialect === 'sqlite') await sql`pragma synchronous = OFF`.execute(database.db);
  try {
    for (const order of data.workOrders) {
      await replayOrder(app, loaded, order);
      replayed++;
    }
  } finally {
    if (database.dialect === 'sqlite') await sql`pragma synchronous = FULL`.execute(database.db);
  }
  const logins = [...loaded.actors.values()].map((a) => `${a.username} (${a.role}, 工号 ${a.employeeNo})`).join('\n    ');
  return [
    `演示机构已载入 / demo organisation loaded: ${data.organisation.name}`,
    `  ${data.sites.length} sites, ${loaded.departmentIds.size} departments, ${data.customers.length} customers, ${replayed} work orders`,
    `  password for every demo account / 所有演示账号的密码: ${DEMO_PASSWORD}`,
    `    ${logins}`,
  ].join('\n');
}

async function loadOrganisation(app: AppContext, data: DemoData, now: Date): Promise<Loaded> {
  const adminUser = data.users.find((u) => u.role === 'admin')!;
  const adminName = await freeUsername(app, adminUser.username);
  const { org, sites } = await createOrganisation(app.db, {
    name: data.organisation.name,
    code: data.organisation.code,
    sites: data.sites.map((s) => ({ name: s.name, kind: s.kind, timeZone: s.timeZone, twentyFourHour: s.twentyFourHour, address: s.address, serviceHours: s.serviceHours ? dailyHours(s.serviceHours) : undefined })),
    departments: [],
    admin: { username: adminName, password: DEMO_PASSWORD, displayName: adminUser.displayName, employeeNo: adminUser.employeeNo },
  }, now);
  const siteIds = new Map(data.sites.map((s, i) => [s.key, sites[i]!.id]));
  const departmentIds = new Map<string, number>();
  for (const department of data.departments) {
    const row = await insertDepartment(app.db, { org_id: org.id, site_id: siteIds.get(department.siteKey)!, name: department.name, created_at: now.getTime() });
    departmentIds.set(department.key, row.id);
  }
  const actors = new Map<string, Actor>();
  for (const user of data.users) {
    const username = user.role === 'admin' ? adminName : await freeUsername(app, user.username);
    const row = user.role === 'admin'
      ? (await findUserByUsername(app.db, username))!
      : await createUser(app.db, {
          orgId: org.id, username, password: DEMO_PASSWORD, displayName: user.displayName, employeeNo: user.employeeNo, role: user.role as Role,
          siteIds: siteScope(user, siteIds, data), departmentId: user.departmentKey ? departmentIds.get(user.departmentKey) ?? null : null,
        }, null, now);
    actors.set(user.username, {
      userId: row.id, orgId: org.id, role: row.role as Role, username: row.username, displayName: row.display_name, employeeNo: row.employee_no,
      siteIds: JSON.parse(row.site_ids_json) as number[], departmentId: row.department_id, customerId: null,
    });
  }
  const customerIds = new Map<string, number>();
  for (const customer of data.customers) {
    const at = now.getTime();
    const row = await insertCustomer(app.db, { org_id: org.id, name: customer.name, title: customer.title, customer_type: customer.customerType ?? null, notes: customer.notes ?? null, created_at: at, updated_at: at, version: 1 });
    await insertPhone(app.db, org.id, row.id, customer.phone, true);
    for (const phone of customer.extraPhones) await insertPhone(app.db, org.id, row.id, phone, false);
    for (const unit of customer.units) await insertUnit(app.db, org.id, row.id, siteIds.get(unit.siteKey)!, unit.label);
    customerIds.set(customer.key, row.id);
  }
  const categoryIds = new Map((await listCategories(app.db, org.id)).map((c) => [c.path, c.id]));
  return { actors, siteIds, departmentIds, customerIds, categoryIds };
}

/** Staff who work at every site keep an unrestricted scope ([] = all sites). */
function siteScope(user: DemoUser, siteIds: Map<string, number>, data: DemoData): number[] {
  return user.siteKeys.length >= data.sites.length ? [] : user.siteKeys.map((key) => siteIds.get(key)!);
}

function dailyHours(hours: { opens: string; closes: string }) {
  const range = [`${hours.opens}-${hours.closes}`];
  return { weekly: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, range])), openOnRestDays: true };
}

async function freeUsername(app: AppContext, wanted: string): Promise<string> {
  return (await findUserByUsername(app.db, wanted)) ? `demo-${wanted}` : wanted;
}

async function replayOrder(app: AppContext, loaded: Loaded, order: DemoWorkOrder): Promise<void> {
  const at = (when: Date, username: string): RequestContext => ({ actor: loaded.actors.get(username)!, requestId: 'demo', now: when });
  const receiver = at(order.receivedAt, order.receivedByUsername);
  const created = await createWorkOrder(app, receiver, {
    kind: order.kind,
    channel: order.channel,
    siteId: loaded.siteIds.get(order.siteKey)!,
    description: order.description,
    customerId: loaded.customerIds.get(order.customerKey)!,
    unit: order.unit ?? null,
    categoryId: loaded.categoryIds.get(order.categoryPath.join('/')) ?? null,
    agreedReplyMethod: order.agreedReplyMethod ?? null,
    agreedReplyAt: order.agreedReplyAt?.toISOString() ?? null,
  });
  let version = created.order.version;
  for (const step of order.steps) {
    const ctx = at(step.at, step.byUsername);
    if (step.action === 'note') {
      await addNote(app, ctx, created.order.id, { text: step.text ?? '' });
      continue;
    }
    if (step.action === 'callback') {
      version = await recordCallback(app, ctx, created.order.id, step);
      continue;
    }
    const updated = step.action === 'transfer'
      ? await transferWorkOrder(app, ctx, created.order.id, { toUserId: loaded.actors.get(step.toUsername!)!.userId, reason: step.text ?? '交接', version })
      : await transitionWorkOrder(app, ctx, created.order.id, {
          action: step.action,
          version,
          text: step.text ?? null,
          departmentId: step.action === 'dispatch' && order.departmentKey ? loaded.departmentIds.get(order.departmentKey) ?? null : null,
          handlerId: step.action === 'dispatch' && order.handlerUsername ? loaded.actors.get(order.handlerUsername)!.userId : null,
        });
    version = updated.version;
  }
}

/**
 * The desk records one call on the order's pending callback, through the desk's
 * own service: the record closes or reopens the order itself. Returns the
 * order's version after it.
 */
async function recordCallback(app: AppContext, ctx: RequestContext, orderId: number, step: DemoStep): Promise<number> {
  const callback = await findPendingCallback(app.db, orderId);
  if (!callback || !step.contact) throw new Error(`demo: work order ${orderId} has no pending callback to record at ${step.at.toISOString()}`);
  const methods = JSON.parse(callback.methods_json) as ReplyMethod[];
  // The desk tries the phone first when the callback allows it; otherwise its default method.
  const method = step.method && methods.includes(step.method) ? { method: step.method } : {};
  await recordCallbackAttempt(app, ctx, orderId, callback.id, {
    version: callback.version, contact: step.contact, text: step.text ?? null, rating: step.rating ?? null, ...method,
  });
  const order = await findWorkOrder(app.db, ctx.actor.orgId, orderId);
  if (!order) throw new Error(`demo: work order ${orderId} vanished`);
  return order.version;
}
