import { hasPermission } from '@huiyin/domain';
import type { AppContext } from '../app-context.js';
import type { RequestContext } from '../auth/actor.js';
import { insertAudit } from '../audit/audit.repository.js';
import type { Db } from '../db/types.js';
import { AppError } from '../errors/app-error.js';
import { assertActiveDepartment } from '../organisations/organisation-admin.service.js';
import { findCategory, findSite } from '../organisations/organisation.repository.js';
import { canUseSite } from '../work-orders/work-order.policy.js';
import { deleteAgency, findAgency, insertAgency, listAgencies, listRoutes, replaceRoutes, routeMap, updateAgencyRow } from './directory.repository.js';

/** The services S1 4.6.3.3(1) names (供水/供电/供热/供气/有线电视/电话) and a catch-all. */
export const AGENCY_SERVICES = ['water', 'power', 'heating', 'gas', 'cable_tv', 'telephone', 'other'] as const;
export type AgencyService = (typeof AGENCY_SERVICES)[number];

type AgencyRow = Awaited<ReturnType<typeof listAgencies>>[number];

export const toAgencyView = (row: AgencyRow) => ({
  id: row.id, siteId: row.site_id, service: row.service, name: row.name, phone: row.phone, notes: row.notes,
});

function staffOnly(ctx: RequestContext): void {
  if (ctx.actor.role === 'customer') throw new AppError('forbidden', 'staff only');
}

export async function listAgenciesFor(app: AppContext, ctx: RequestContext, siteId?: number) {
  staffOnly(ctx);
  return (await listAgencies(app.db, ctx.actor.orgId, siteId)).map(toAgencyView);
}

/** An organisation-wide entry (no site) concerns every site, so only someone working at every site adds or removes one. */
async function assertAgencyScope(app: AppContext, ctx: RequestContext, siteId: number | null): Promise<void> {
  if (!hasPermission(ctx.actor.role, 'agency.write')) throw new AppError('forbidden', 'cannot edit the agency directory');
  if (siteId === null) {
    if (ctx.actor.siteIds.length > 0) throw new AppError('forbidden', 'organisation-wide entries need access to every site');
    return;
  }
  if (!(await findSite(app.db, ctx.actor.orgId, siteId))) throw new AppError('unknown_reference', `site ${siteId}`, { field: 'siteId' });
  if (!canUseSite(ctx.actor, siteId)) throw new AppError('forbidden', `not working at site ${siteId}`);
}

export async function createAgency(
  app: AppContext,
  ctx: RequestContext,
  input: { siteId?: number | null; service: AgencyService; name: string; phone: string; notes?: string | null },
) {
  const siteId = input.siteId ?? null;
  await assertAgencyScope(app, ctx, siteId);
  const row = await app.db.transaction().execute(async (trx) => {
    const inserted = await insertAgency(trx, {
      org_id: ctx.actor.orgId, site_id: siteId, service: input.service, name: input.name.trim(), phone: input.phone.trim(),
      notes: input.notes?.trim() || null, created_at: ctx.now.getTime(),
    });
    await insertAudit(trx, { orgId: ctx.actor.orgId, actorId: ctx.actor.userId, action: 'agency.create', entityType: 'agency', entityId: inserted.id, after: inserted, at: ctx.now, requestId: ctx.requestId });
    return inserted;
  });
  return toAgencyView(row);
}

export interface AgencyChanges {
  siteId?: number | null;
  service?: AgencyService;
  name?: string;
  phone?: string;
  notes?: string | null;
}

/** Correct an entry (a new hotline number, another site): the caller must be allowed to edit it where it is and where it goes. */
export async function updateAgency(app: AppContext, ctx: RequestContext, id: number, changes: AgencyChanges) {
  staffOnly(ctx);
  const before = await findAgency(app.db, ctx.actor.orgId, id);
  if (!before) throw new AppError('not_found', `agency ${id}`);
  await assertAgencyScope(app, ctx, before.site_id);
  if (changes.siteId !== undefined && changes.siteId !== before.site_id) await assertAgencyScope(app, ctx, changes.siteId);
  const row = await app.db.transaction().execute(async (trx) => {
    const after = await updateAgencyRow(trx, ctx.actor.orgId, id, {
      ...(changes.siteId !== undefined ? { site_id: changes.siteId } : {}),
      ...(changes.service !== undefined ? { service: changes.service } : {}),
      ...(changes.name !== undefined ? { name: changes.name.trim() } : {}),
      ...(changes.phone !== undefined ? { phone: changes.phone.trim() } : {}),
      ...(changes.notes !== undefined ? { notes: changes.notes?.trim() || null } : {}),
    });
    if (!after) throw new AppError('not_found', `agency ${id}`);
    await insertAudit(trx, { orgId: ctx.actor.orgId, actorId: ctx.actor.userId, action: 'agency.update', entityType: 'agency', entityId: id, before, after, at: ctx.now, requestId: ctx.requestId });
    return after;
  });
  return toAgencyView(row);
}

export async function removeAgency(app: AppContext, ctx: RequestContext, id: number): Promise<void> {
  staffOnly(ctx);
  const row = await findAgency(app.db, ctx.actor.orgId, id);
  if (!row) throw new AppError('not_found', `agency ${id}`);
  await assertAgencyScope(app, ctx, row.site_id);
  await app.db.transaction().execute(async (trx) => {
    await deleteAgency(trx, ctx.actor.orgId, id);
    await insertAudit(trx, { orgId: ctx.actor.orgId, actorId: ctx.actor.userId, action: 'agency.delete', entityType: 'agency', entityId: id, before: row, at: ctx.now, requestId: ctx.requestId });
  });
}

// ---------------------------------------------------------------------------
// Routing: category → responsible department (DOMAIN.md §3, "configurable")

export async function getRouting(app: AppContext, ctx: RequestContext) {
  staffOnly(ctx);
  const rows = await listRoutes(app.db, ctx.actor.orgId);
  return {
    items: rows.map((r) => ({ categoryId: r.category_id, categoryPath: r.category_path, departmentId: r.department_id, departmentName: r.department_name })),
  };
}

/** Replaces the whole table: what the admin's form shows is what is stored. */
export async function putRouting(app: AppContext, ctx: RequestContext, items: readonly { categoryId: number; departmentId: number }[]) {
  if (!hasPermission(ctx.actor.role, 'org.configure')) throw new AppError('forbidden', 'cannot configure routing');
  const seen = new Set<number>();
  for (const item of items) {
    if (seen.has(item.categoryId)) throw new AppError('validation_failed', `category ${item.categoryId} is mapped twice`, { field: 'items' });
    seen.add(item.categoryId);
  }
  await app.db.transaction().execute(async (trx) => {
    for (const item of items) {
      if (!(await findCategory(trx, ctx.actor.orgId, item.categoryId))) throw new AppError('unknown_reference', `category ${item.categoryId}`, { field: 'categoryId' });
      await assertActiveDepartment(trx, ctx.actor.orgId, item.departmentId);
    }
    const before = await listRoutes(trx, ctx.actor.orgId);
    await replaceRoutes(trx, ctx.actor.orgId, items, ctx.actor.userId, ctx.now.getTime());
    await insertAudit(trx, {
      orgId: ctx.actor.orgId, actorId: ctx.actor.userId, action: 'routing.update', entityType: 'organisation', entityId: ctx.actor.orgId,
      before: before.map((r) => ({ categoryId: r.category_id, departmentId: r.department_id })), after: items, at: ctx.now, requestId: ctx.requestId,
    });
  });
  return getRouting(app, ctx);
}

/** The department of the nearest mapped category, walking up from the order's own. */
export async function suggestedDepartmentFor(db: Db, orgId: number, categoryId: number | null): Promise<number | null> {
  if (categoryId === null) return null;
  const routes = await routeMap(db, orgId);
  if (routes.size === 0) return null;
  let id: number | null = categoryId;
  // Bounded: a damaged tree with a cycle must not hang a request.
  for (let depth = 0; id !== null && depth < 32; depth++) {
    const department = routes.get(id);
    if (department !== undefined) return department;
    id = (await findCategory(db, orgId, id))?.parent_id ?? null;
  }
  return null;
}
