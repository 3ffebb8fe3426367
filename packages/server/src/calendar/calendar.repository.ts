import type { Selectable } from 'kysely';
import type { CalendarOverrideTable } from '../db/schema.js';
import type { Db } from '../db/types.js';

export type CalendarOverrideRow = Selectable<CalendarOverrideTable>;

export async function calendarVersionOf(db: Db, orgId: number): Promise<number> {
  const row = await db.selectFrom('organisations').select('calendar_version').where('id', '=', orgId).executeTakeFirst();
  return row?.calendar_version ?? 1;
}

/**
 * Every calendar change starts here: the update also takes the organisation
 * row's lock, so two admins' changes are applied one after the other.
 */
export async function bumpCalendarVersion(db: Db, orgId: number): Promise<number> {
  const row = await db
    .updateTable('organisations')
    .set((eb) => ({ calendar_version: eb('calendar_version', '+', 1) }))
    .where('id', '=', orgId)
    .returning('calendar_version')
    .executeTakeFirstOrThrow();
  return row.calendar_version;
}

export interface OverrideFilter {
  /** Only this calendar year. */
  year?: number;
  /** Only this site's own overrides. */
  siteId?: number;
}

export async function listOverrides(db: Db, orgId: number, filter: OverrideFilter = {}): Promise<CalendarOverrideRow[]> {
  let q = db.selectFrom('calendar_overrides').selectAll().where('org_id', '=', orgId);
  // Dates are YYYY-MM-DD text, so a year is a string range.
  if (filter.year !== undefined) q = q.where('date', '>=', `${filter.year}-01-01`).where('date', '<=', `${filter.year}-12-31`);
  if (filter.siteId !== undefined) q = q.where('site_id', '=', filter.siteId);
  return q.orderBy('date').orderBy('id').execute();
}

export async function findOverride(db: Db, orgId: number, id: number): Promise<CalendarOverrideRow | undefined> {
  return db.selectFrom('calendar_overrides').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
}

export interface OverrideInput {
  orgId: number;
  siteId: number | null;
  date: string;
  type: string;
  name: string | null;
  createdBy: number;
  createdAt: number;
}

export async function upsertOverride(db: Db, row: OverrideInput): Promise<number> {
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

const CHUNK = 200;

/**
 * An import: the given dates of one scope (organisation-wide or one site) take
 * the new entries, replacing what was there. Set-based, in chunks, because a
 * multi-year file has hundreds of days. Returns how many dates already had an override.
 */
export async function replaceOverrides(
  db: Db,
  scope: { orgId: number; siteId: number | null; createdBy: number; createdAt: number },
  entries: readonly { date: string; type: string; name: string | null }[],
): Promise<number> {
  let replaced = 0;
  for (let i = 0; i < entries.length; i += CHUNK) {
    const chunk = entries.slice(i, i + CHUNK);
    let del = db.deleteFrom('calendar_overrides').where('org_id', '=', scope.orgId).where('date', 'in', chunk.map((e) => e.date));
    del = scope.siteId === null ? del.where('site_id', 'is', null) : del.where('site_id', '=', scope.siteId);
    replaced += Number((await del.executeTakeFirst()).numDeletedRows);
    await db
      .insertInto('calendar_overrides')
      .values(chunk.map((e) => ({
        org_id: scope.orgId, site_id: scope.siteId, date: e.date, type: e.type, name: e.name, created_by: scope.createdBy, created_at: scope.createdAt,
      })))
      .execute();
  }
  return replaced;
}

export async function deleteOverride(db: Db, orgId: number, id: number): Promise<boolean> {
  const result = await db.deleteFrom('calendar_overrides').where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
