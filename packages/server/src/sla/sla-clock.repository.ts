import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../db/types.js';
import type { SlaClockTable } from '../db/schema.js';

export type SlaClockRow = Selectable<SlaClockTable>;

/** States in which a clock still counts towards its deadline (paused ones wait). */
export const ACTIVE_CLOCK_STATES = ['running', 'warned', 'breached', 'paused'] as const;

export async function listClocks(db: Db, workOrderId: number): Promise<SlaClockRow[]> {
  return db.selectFrom('sla_clocks').selectAll().where('work_order_id', '=', workOrderId).orderBy('id').execute();
}

export async function insertClock(db: Db, row: Insertable<SlaClockTable>): Promise<void> {
  await db.insertInto('sla_clocks').values(row).execute();
}

export async function updateClock(db: Db, id: number, changes: Updateable<SlaClockTable>): Promise<void> {
  await db.updateTable('sla_clocks').set(changes).where('id', '=', id).execute();
}

/** Clocks whose warning time has come and that have not warned yet. */
export async function clocksToWarn(db: Db, now: number, limit: number) {
  return db
    .selectFrom('sla_clocks')
    .selectAll()
    .where('state', '=', 'running')
    .where('warn_at', '<=', now)
    .where('due_at', '>', now)
    .where('warned_at', 'is', null)
    .orderBy('warn_at')
    .limit(limit)
    .execute();
}

/** Clocks past due that have not been recorded as breached. */
export async function clocksToBreach(db: Db, now: number, limit: number) {
  return db
    .selectFrom('sla_clocks')
    .selectAll()
    .where('state', 'in', ['running', 'warned'])
    .where('due_at', '<=', now)
    .orderBy('due_at')
    .limit(limit)
    .execute();
}

/**
 * The atomic claim that makes a sweep safe with several server instances: only
 * the instance whose conditional update changes the row fires the event.
 */
export async function claimWarning(db: Db, id: number, now: number): Promise<boolean> {
  const result = await db
    .updateTable('sla_clocks')
    .set({ state: 'warned', warned_at: now, updated_at: now })
    .where('id', '=', id)
    .where('state', '=', 'running')
    .where('warned_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function claimBreach(db: Db, id: number, breachedAt: number, now: number): Promise<boolean> {
  const result = await db
    .updateTable('sla_clocks')
    .set({ state: 'breached', breached_at: breachedAt, updated_at: now })
    .where('id', '=', id)
    .where('state', 'in', ['running', 'warned'])
    .where('breached_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
