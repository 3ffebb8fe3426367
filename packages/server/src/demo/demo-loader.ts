import { sql } from 'kysely';
import type { ReplyMethod, Role } from '@huiyin/domain';
import type { AppContext } from '../app-context.js';
import type { Actor, RequestContext } from '../auth/actor.js';
import { DEFAULT_AUTH_POLICY } from '../auth/auth.service.js';
import { recordCallbackAttempt } from '../callbacks/callback-record.service.js';
import { compareAndSetOrganisationSettings, findPendingCallback, listCallbacksOfOrder, organisationSettingsText } from '../callbacks/callback.repository.js';
import { classifyWorkOrder } from '../complaints/classification.service.js';
import { recordHandling } from '../complaints/complaint-handling.service.js';
import { confirmCompletion } from '../complaints/confirmation.service.js';
import { createAgency, type AgencyService } from '../complaints/directory.service.js';
import type { DatabaseHandle } from '../db/database.js';
import { insertCustomer, insertPhone, insertUnit } from '../customers/customer.repository.js';
import { findUserByUsername } from '../users/user.repository.js';
import { createUser } from '../users/user.service.js';
import { insertDepartment, listCategories } from '../organisations/organisation.repository.js';
import { createOrganisation } from '../organisations/organisation.service.js';
import { addNote, transferWorkOrder, transitionWorkOrder } from '../work-orders/change-work-order.js';
import { createWorkOrder } from '../work-orders/create-work-order.js';
import { findWorkOrder, type WorkOrderRow } from '../work-orders/work-order.repository.js';
import { DEMO_AGENCIES } from './demo-agencies.js';
import { generateDemoData, isComplaintStep, type DemoData, type DemoStep, type DemoUser, type DemoWorkOrder } from './demo-data.js';
import type { ComplaintStepAction } from './demo-lifecycle.js';

export const DEMO_PASSWORD = 'huiyin-demo-2026';

interface Loaded {
  orgId: number;
  actors: Map<string, Actor>;
  siteIds: Map<string, number>;
  departmentIds: Map<string, number>;
  customerIds: Map<string, number>;
  categoryIds: Map<string, number>;
  /** site key → service → the directory entries the site's desk sees (its own and the organisation-wide ones). */
  agencyIds: Map<string, Map<AgencyService, number[]>>;
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
  await fixSamplingSeed(app, loaded.orgId, `huiyin-demo-${options.seed}`);
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
  const agencyIds = await loadAgencies(app, { actor: actors.get(adminUser.username)!, requestId: 'demo', now }, data, siteIds);
  return { orgId: org.id, actors, siteIds, departmentIds, customerIds, categoryIds, agencyIds };
}

/** The external agency directory, entered by the administrator as the settings page does. */
async function loadAgencies(app: AppContext, ctx: RequestContext, data: DemoData, siteIds: Map<string, number>): Promise<Loaded['agencyIds']> {
  const bySite = new Map(data.sites.map((s) => [s.key, new Map<AgencyService, number[]>()]));
  for (const agency of DEMO_AGENCIES) {
    const siteId = agency.siteKey ? siteIds.get(agency.siteKey)! : null;
    const row = await createAgency(app, ctx, { siteId, service: agency.service, name: agency.name, phone: agency.phone, notes: agency.notes ?? null });
    for (const [siteKey, services] of bySite) {
      if (agency.siteKey === null || agency.siteKey === siteKey) services.set(agency.service, [...(services.get(agency.service) ?? []), row.id]);
    }
  }
  return bySite;
}

/**
 * The organisation's callback sampling seed is drawn at random on first use; the
 * demo sets it from its own seed first, so that one seed samples the same
 * assistance complaints on every load.
 */
async function fixSamplingSeed(app: AppContext, orgId: number, seed: string): Promise<void> {
  const before = await organisationSettingsText(app.db, orgId);
  if (before === undefined) throw new Error(`demo: organisation ${orgId} vanished`);
  const settings = JSON.parse(before) as { callbacks?: Record<string, unknown> };
  const after = JSON.stringify({ ...settings, callbacks: { ...settings.callbacks, seed } });
  if (!(await compareAndSetOrganisationSettings(app.db, orgId, before, after))) throw new Error('demo: organisation settings changed while loading');
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
  const dependsOnSample = order.steps.some((s) => s.whenSampled !== undefined);
  let sampledIn: boolean | undefined; // unknown until a result is given
  for (const step of order.steps) {
    if (step.whenSampled !== undefined && step.whenSampled !== sampledIn) continue;
    const ctx = at(step.at, step.byUsername);
    if (step.action === 'note') {
      await addNote(app, ctx, created.order.id, { text: step.text ?? '' });
      continue;
    }
    if (step.action === 'callback') {
      version = await recordCallback(app, ctx, created.order.id, step);
      continue;
    }
    if (isComplaintStep(step.action)) {
      version = (await replayComplaintStep(app, ctx, created.order.id, step.action, step, version, loaded.agencyIds.get(order.siteKey)!)).version;
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
    if (step.action === 'give_result' && dependsOnSample) sampledIn = await callbackSampledIn(app, ctx, created.order.id);
  }
}

/** A complaint's classification and handling by nature, through the services the desk's complaint routes call. */
async function replayComplaintStep(
  app: AppContext, ctx: RequestContext, orderId: number, action: ComplaintStepAction, step: DemoStep, version: number,
  agencies: Map<AgencyService, number[]>,
): Promise<WorkOrderRow> {
  const text = step.text ?? null;
  switch (action) {
    case 'classify':
      return classifyWorkOrder(app, ctx, orderId, { action: 'decide_nature', nature: given(step.nature, step), basis: text, version });
    case 'book_determination':
      return classifyWorkOrder(app, ctx, orderId, {
        action: 'book_determination', appointmentAt: given(step.appointmentAt, step).toISOString(), attendees: step.attendees ?? [], version,
      });
    case 'explain':
      return recordHandling(app, ctx, orderId, { action: 'explain', text: given(text ?? undefined, step), version });
    case 'give_agencies': {
      const agencyIds = given(step.services, step).flatMap((service) => agencies.get(service) ?? []);
      return recordHandling(app, ctx, orderId, { action: 'give_agencies', agencyIds, text, version });
    }
    case 'confirm':
      return confirmCompletion(app, ctx, orderId, { version, text, signerName: step.signerName ?? null, rating: step.rating ?? null });
  }
}

function given<T>(value: T | undefined, step: DemoStep): T {
  if (value === undefined) throw new Error(`demo: ${step.action} at ${step.at.toISOString()} is missing its details`);
  return value;
}

/** Whether the callback the server decided at the result just given was sampled in (S1 4.6.3.3(3): ≥ 30 % are). */
async function callbackSampledIn(app: AppContext, ctx: RequestContext, orderId: number): Promise<boolean> {
  const callbacks = await listCallbacksOfOrder(app.db, ctx.actor.orgId, orderId);
  return callbacks.at(-1)?.outcome === 'sampled_in';
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
