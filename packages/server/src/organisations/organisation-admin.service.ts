import { hasPermission } from '@huiyin/domain';
import type { Static } from 'typebox';
import type { AppContext } from '../app-context.js';
import { insertAudit } from '../audit/audit.repository.js';
import type { RequestContext } from '../auth/actor.js';
import { countRoutesToDepartment } from '../complaints/directory.repository.js';
import type { Db } from '../db/types.js';
import { AppError, notFound } from '../errors/app-error.js';
import {
  findDepartment, findOrganisation, findSite, insertDepartment, listDepartments, updateDepartmentRow, updateOrganisationRow,
  type DepartmentRow, type OrganisationRow,
} from './organisation.repository.js';
import type { DepartmentCreateBody, DepartmentPatchBody, OrganisationPatchBody } from './organisation.schemas.js';

/** The organisation's profile and its departments, as an administrator edits them. */

export const organisationView = (row: OrganisationRow) => ({
  id: row.id, name: row.name, code: row.code, numberPrefix: row.number_prefix, createdAt: new Date(row.created_at).toISOString(),
});

export const departmentView = (row: DepartmentRow) => ({ id: row.id, name: row.name, siteId: row.site_id, active: row.active === 1 });

export function requireConfigure(ctx: RequestContext): void {
  if (!hasPermission(ctx.actor.role, 'org.configure')) throw new AppError('forbidden', 'only an administrator configures the organisation');
}

function audit(db: Db, ctx: RequestContext, action: string, entityType: string, entityId: number, before: unknown, after: unknown) {
  return insertAudit(db, { orgId: ctx.actor.orgId, actorId: ctx.actor.userId, action, entityType, entityId, before, after, at: ctx.now, requestId: ctx.requestId });
}

export async function getOrganisation(app: AppContext, ctx: RequestContext) {
  if (!hasPermission(ctx.actor.role, 'org.read')) throw new AppError('forbidden', 'staff only');
  const row = await findOrganisation(app.db, ctx.actor.orgId);
  if (!row) throw notFound('organisation');
  return organisationView(row);
}

export async function updateOrganisation(app: AppContext, ctx: RequestContext, body: Static<typeof OrganisationPatchBody>) {
  requireConfigure(ctx);
  const row = await app.db.transaction().execute(async (trx) => {
    const before = await findOrganisation(trx, ctx.actor.orgId);
    if (!before) throw notFound('organisation');
    const after = await updateOrganisationRow(trx, ctx.actor.orgId, {
      ...(body.name !== undefined ? { name: body.name.trim() } : {}),
      ...(body.numberPrefix !== undefined ? { number_prefix: body.numberPrefix } : {}),
    });
    if (!after) throw notFound('organisation');
    await audit(trx, ctx, 'organisation.update', 'organisation', after.id, organisationView(before), organisationView(after));
    return after;
  });
  return organisationView(row);
}

/** Two departments of one organisation with the same name would be indistinguishable in every dispatch list. */
async function assertDepartmentNameFree(db: Db, orgId: number, name: string, exceptId?: number): Promise<void> {
  const wanted = name.trim().toLowerCase();
  const clash = (await listDepartments(db, orgId)).find((d) => d.id !== exceptId && d.name.trim().toLowerCase() === wanted);
  if (clash) throw new AppError('name_taken', `department "${clash.name}" exists`, { field: 'name', existingId: clash.id });
}

async function assertSite(db: Db, orgId: number, siteId: number | null): Promise<void> {
  if (siteId !== null && !(await findSite(db, orgId, siteId))) throw new AppError('unknown_reference', `site ${siteId}`, { field: 'siteId' });
}

export async function createDepartment(app: AppContext, ctx: RequestContext, body: Static<typeof DepartmentCreateBody>) {
  requireConfigure(ctx);
  const siteId = body.siteId ?? null;
  const row = await app.db.transaction().execute(async (trx) => {
    await assertSite(trx, ctx.actor.orgId, siteId);
    await assertDepartmentNameFree(trx, ctx.actor.orgId, body.name);
    const inserted = await insertDepartment(trx, { org_id: ctx.actor.orgId, site_id: siteId, name: body.name.trim(), created_at: ctx.now.getTime() });
    await audit(trx, ctx, 'department.create', 'department', inserted.id, undefined, departmentView(inserted));
    return inserted;
  });
  return departmentView(row);
}

/**
 * Rename, move to a site, deactivate or reactivate. A department that
 * categories are still routed to cannot be deactivated: new orders would be
 * suggested to a department nobody can dispatch to.
 */
export async function updateDepartment(app: AppContext, ctx: RequestContext, id: number, body: Static<typeof DepartmentPatchBody>) {
  requireConfigure(ctx);
  const row = await app.db.transaction().execute(async (trx) => {
    const before = await findDepartment(trx, ctx.actor.orgId, id);
    if (!before) throw notFound('department');
    if (body.name !== undefined) await assertDepartmentNameFree(trx, ctx.actor.orgId, body.name, id);
    if (body.siteId !== undefined) await assertSite(trx, ctx.actor.orgId, body.siteId);
    if (body.active === false && before.active === 1) {
      const routes = await countRoutesToDepartment(trx, ctx.actor.orgId, id);
      if (routes > 0) throw new AppError('department_in_use', `${routes} categories are routed to department ${id}`, { routes });
    }
    const after = await updateDepartmentRow(trx, ctx.actor.orgId, id, {
      ...(body.name !== undefined ? { name: body.name.trim() } : {}),
      ...(body.siteId !== undefined ? { site_id: body.siteId } : {}),
      ...(body.active !== undefined ? { active: body.active ? 1 : 0 } : {}),
    });
    if (!after) throw notFound('department');
    await audit(trx, ctx, 'department.update', 'department', id, departmentView(before), departmentView(after));
    return after;
  });
  return departmentView(row);
}

/** For services that take a department for something new (a user, a route): it must exist here and be active. */
export async function assertActiveDepartment(db: Db, orgId: number, departmentId: number, field = 'departmentId'): Promise<void> {
  const department = await findDepartment(db, orgId, departmentId);
  if (!department) throw new AppError('unknown_reference', `department ${departmentId}`, { field });
  if (department.active !== 1) throw new AppError('inactive_reference', `department ${departmentId} is deactivated`, { field });
}
