import type { Insertable, Updateable } from 'kysely';
import type { AgencyTable } from '../db/schema.js';
import type { Db } from '../db/types.js';

/** The external agency directory (S1 4.6.3.3(1) 市政配套) and the category → department routing table. */

/** Agencies of the organisation; with `siteId`, those of that site plus the organisation-wide ones. */
export async function listAgencies(db: Db, orgId: number, siteId?: number) {
  let q = db.selectFrom('agencies').selectAll().where('org_id', '=', orgId);
  if (siteId !== undefined) q = q.where((eb) => eb.or([eb('site_id', '=', siteId), eb('site_id', 'is', null)]));
  return q.orderBy('service').orderBy('id').execute();
}

export async function findAgency(db: Db, orgId: number, id: number) {
  return db.selectFrom('agencies').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
}

export async function insertAgency(db: Db, row: Insertable<AgencyTable>) {
  return db.insertInto('agencies').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateAgencyRow(db: Db, orgId: number, id: number, changes: Pick<Updateable<AgencyTable>, 'site_id' | 'service' | 'name' | 'phone' | 'notes'>) {
  return db.updateTable('agencies').set(changes).where('org_id', '=', orgId).where('id', '=', id).returningAll().executeTakeFirst();
}

export async function deleteAgency(db: Db, orgId: number, id: number): Promise<void> {
  await db.deleteFrom('agencies').where('org_id', '=', orgId).where('id', '=', id).execute();
}

export async function listRoutes(db: Db, orgId: number) {
  return db
    .selectFrom('category_routes as r')
    .innerJoin('categories as c', 'c.id', 'r.category_id')
    .innerJoin('departments as d', 'd.id', 'r.department_id')
    .select(['r.category_id', 'r.department_id', 'c.path as category_path', 'd.name as department_name', 'r.updated_at', 'r.updated_by'])
    .where('r.org_id', '=', orgId)
    .orderBy('c.path')
    .execute();
}

export async function replaceRoutes(db: Db, orgId: number, routes: readonly { categoryId: number; departmentId: number }[], userId: number, now: number) {
  await db.deleteFrom('category_routes').where('org_id', '=', orgId).execute();
  if (routes.length === 0) return;
  await db
    .insertInto('category_routes')
    .values(routes.map((r) => ({ org_id: orgId, category_id: r.categoryId, department_id: r.departmentId, updated_by: userId, updated_at: now })))
    .execute();
}

export async function countRoutesToDepartment(db: Db, orgId: number, departmentId: number): Promise<number> {
  const row = await db
    .selectFrom('category_routes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_id', '=', orgId)
    .where('department_id', '=', departmentId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** category id → department id, for walking the tree. */
export async function routeMap(db: Db, orgId: number): Promise<Map<number, number>> {
  const rows = await db.selectFrom('category_routes').select(['category_id', 'department_id']).where('org_id', '=', orgId).execute();
  return new Map(rows.map((r) => [r.category_id, r.department_id]));
}
