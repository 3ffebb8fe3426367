import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
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

/** What the sweep fires: a breach at the due time, a warning at the warning time. */
export type SweepSignal = 'warning' | 'breach';

/**
 * The live-clock conditions exactly as the partial indexes of migration 0013
 * state them: written as literals (not bound parameters), so that SQLite and
 * PostgreSQL can both see that the index covers the query.
 */
const LIVE = sql<boolean>`state in ('running', 'warned')`;
const TO_WARN = sql<boolean>`state = 'running' and warned_at is null`;

/** Ids of clocks with `signal` to fire, oldest first. Only a claim decides who fires them. */
export async function sweepCandidates(db: Db, signal: SweepSignal, now: number, limit: number): Promise<number[]> {
  const q = signal === 'breach'
    ? db.selectFrom('sla_clocks').select('id').where(LIVE).where('due_at', '<=', now).orderBy('due_at')
    : db.selectFrom('sla_clocks').select('id').where(TO_WARN).where('warn_at', '<=', now).where('due_at', '>', now).orderBy('warn_at');
  return (await q.limit(limit).execute()).map((r) => r.id);
}

/**
 * The conditional update that makes a sweep safe with several server instances:
 * a clock is returned to exactly one claimer, which then fires its event. A
 * breach is recorded at the due time, however late the sweep comes.
 */
export async function claimClocks(db: Db, signal: SweepSignal, ids: readonly number[], now: number): Promise<SlaClockRow[]> {
  if (signal === 'breach') {
    return db
      .updateTable('sla_clocks')
      .set((eb) => ({ state: 'breached', breached_at: eb.ref('due_at'), updated_at: now }))
      .where('id', 'in', [...ids])
      .where('state', 'in', ['running', 'warned'])
      .where('due_at', '<=', now)
      .returningAll()
      .execute();
  }
  return db
    .updateTable('sla_clocks')
    .set({ state: 'warned', warned_at: now, updated_at: now })
    .where('id', 'in', [...ids])
    .where('state', '=', 'running')
    .where('warned_at', 'is', null)
    .returningAll()
    .execute();
}
