import type { Db } from '../db/types.js';

export async function calendarVersionOf(db: Db, orgId: number): Promise<number> {
  const row = await db.selectFrom('organisations').select('calendar_version').where('id', '=', orgId).executeTakeFirst();
  return row?.calendar_version ?? 1;
}

export async function bumpCalendarVersion(db: Db, orgId: number): Promise<number> {
  const row = await db
    .updateTable('organisations')
    .set((eb) => ({ calendar_version: eb('calendar_version', '+', 1) }))
    .where('id', '=', orgId)
    .returning('calendar_version')
    .executeTakeFirstOrThrow();
  return row.calendar_version;
}

export async function listOverrides(db: Db, orgId: number) {
  return db.selectFrom('calendar_overrides').selectAll().where('org_id', '=', orgId).orderBy('date').execute();
}

export async function upsertOverride(
  db: Db,
  row: { orgId: number; siteId: number | null; date: string; type: string; name: string | null; createdBy: number; createdAt: number },
) {
  let existing = db.selectFrom('calendar_overrides').select('id').where('org_id', '=', row.orgId).where('date', '=', row.date);
  existing = row.siteId === null ? existing.where('site_id', 'is', null) : existing.where('site_id', '=', row.siteId);
  const found = await existing.executeTakeFirst();
  if (found) {
    await db.updateTable('calendar_overrides').set({ type: row.type, name: row.name, created_by: row.createdBy, created_at: row.createdAt }).where('id', '=', found.id).execute();
    return found.id;
  }
  const inserted = await db
    .insertInto('calendar_overrides')
    .values({ org_id: row.orgId, site_id: row.siteId, date: row.date, type: row.type, name: row.name, created_by: row.createdBy, created_at: row.createdAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

export async function deleteOverride(db: Db, orgId: number, id: number) {
  const result = await db.deleteFrom('calendar_overrides').where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
