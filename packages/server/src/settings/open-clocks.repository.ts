import type { Db } from '../db/types.js';
import { ACTIVE_CLOCK_STATES } from '../sla/sla-clock.repository.js';
import type { WorkOrderRow } from '../work-orders/work-order.repository.js';

/**
 * The next page of an organisation's orders with an active clock, by id (keyset
 * paging: a recompute never loops on an order it has already done). With
 * `currentVersion` only orders with a clock computed on another calendar version.
 */
export async function ordersWithActiveClocks(
  db: Db,
  orgId: number,
  page: { afterId: number; limit: number; currentVersion?: number },
): Promise<number[]> {
  let q = db
    .selectFrom('sla_clocks')
    .select('work_order_id')
    .where('org_id', '=', orgId)
    .where('state', 'in', ACTIVE_CLOCK_STATES)
    .where('work_order_id', '>', page.afterId);
  if (page.currentVersion !== undefined) q = q.where('calendar_version', '<>', page.currentVersion);
  const rows = await q.groupBy('work_order_id').orderBy('work_order_id').limit(page.limit).execute();
  return rows.map((r) => r.work_order_id);
}

/**
 * Lock the orders for the rest of the transaction (a no-op update: PostgreSQL
 * row locks, SQLite runs one transaction at a time) and read them fresh, so a
 * step taken on an order at the same moment is either before or after the
 * recompute, never interleaved with it. Ids in order keep two lockers from deadlocking.
 */
export async function lockWorkOrders(db: Db, orgId: number, ids: readonly number[]): Promise<WorkOrderRow[]> {
  if (ids.length === 0) return [];
  const sorted = [...ids].sort((a, b) => a - b);
  for (const id of sorted) {
    await db.updateTable('work_orders').set((eb) => ({ due_at: eb.ref('due_at') })).where('org_id', '=', orgId).where('id', '=', id).execute();
  }
  return db.selectFrom('work_orders').selectAll().where('org_id', '=', orgId).where('id', 'in', sorted).orderBy('id').execute();
}

export interface ClockSnapshot {
  id: number;
  work_order_id: number;
  kind: string;
  state: string;
  due_at: number;
  provisional: number;
}

export async function clockSnapshot(db: Db, ids: readonly number[]): Promise<ClockSnapshot[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('sla_clocks')
    .select(['id', 'work_order_id', 'kind', 'state', 'due_at', 'provisional'])
    .where('work_order_id', 'in', ids)
    .execute();
}

/** When the oldest order still open was taken in (null: none is open). */
export async function oldestOpenOrderCreatedAt(db: Db, orgId: number, openStatuses: readonly string[]): Promise<number | null> {
  const row = await db
    .selectFrom('work_orders')
    .select((eb) => eb.fn.min<number>('created_at').as('oldest'))
    .where('org_id', '=', orgId)
    .where('status', 'in', openStatuses)
    .executeTakeFirst();
  return row?.oldest == null ? null : Number(row.oldest);
}
