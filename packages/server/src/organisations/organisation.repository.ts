import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../db/types.js';
import type { CategoryTable, DepartmentTable, OrganisationTable, SiteTable } from '../db/schema.js';

export type SiteRow = Selectable<SiteTable>;
export type DepartmentRow = Selectable<DepartmentTable>;
export type CategoryRow = Selectable<CategoryTable>;
export type OrganisationRow = Selectable<OrganisationTable>;

export async function countOrganisations(db: Db): Promise<number> {
  const row = await db.selectFrom('organisations').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertOrganisation(db: Db, row: Insertable<OrganisationTable>): Promise<OrganisationRow> {
  return db.insertInto('organisations').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findOrganisation(db: Db, id: number): Promise<OrganisationRow | undefined> {
  return db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateOrganisationRow(
  db: Db,
  id: number,
  changes: Pick<Updateable<OrganisationTable>, 'name' | 'number_prefix'>,
): Promise<OrganisationRow | undefined> {
  return db.updateTable('organisations').set(changes).where('id', '=', id).returningAll().executeTakeFirst();
}

export async function insertSite(db: Db, row: Insertable<SiteTable>): Promise<SiteRow> {
  return db.insertInto('sites').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function listSites(db: Db, orgId: number): Promise<SiteRow[]> {
  return db.selectFrom('sites').selectAll().where('org_id', '=', orgId).orderBy('id').execute();
}

export async function findSite(db: Db, orgId: number, id: number): Promise<SiteRow | undefined> {
  return db.selectFrom('sites').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
}

export async function insertDepartment(db: Db, row: Insertable<DepartmentTable>): Promise<DepartmentRow> {
  return db.insertInto('departments').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function listDepartments(db: Db, orgId: number): Promise<DepartmentRow[]> {
  return db.selectFrom('departments').selectAll().where('org_id', '=', orgId).orderBy('id').execute();
}

export async function findDepartment(db: Db, orgId: number, id: number): Promise<DepartmentRow | undefined> {
  return db.selectFrom('departments').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
}

export async function updateDepartmentRow(
  db: Db,
  orgId: number,
  id: number,
  changes: Pick<Updateable<DepartmentTable>, 'name' | 'site_id' | 'active'>,
): Promise<DepartmentRow | undefined> {
  return db.updateTable('departments').set(changes).where('org_id', '=', orgId).where('id', '=', id).returningAll().executeTakeFirst();
}

export async function insertCategory(db: Db, row: Insertable<CategoryTable>): Promise<CategoryRow> {
  return db.insertInto('categories').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function listCategories(db: Db, orgId: number): Promise<CategoryRow[]> {
  return db.selectFrom('categories').selectAll().where('org_id', '=', orgId).orderBy('parent_id').orderBy('sort_order').execute();
}

export async function findCategory(db: Db, orgId: number, id: number): Promise<CategoryRow | undefined> {
  return db.selectFrom('categories').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
}

export async function updateCategoryRow(
  db: Db,
  orgId: number,
  id: number,
  changes: Pick<Updateable<CategoryTable>, 'name' | 'path' | 'parent_id' | 'sort_order' | 'active'>,
): Promise<void> {
  await db.updateTable('categories').set(changes).where('org_id', '=', orgId).where('id', '=', id).execute();
}
