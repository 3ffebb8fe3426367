import { updateAtVersion } from '../db/update-at-version.js';
import { type Insertable, type Selectable, type Updateable, sql } from 'kysely';
import type { Db } from '../db/types.js';
import type { WorkOrderEventTable, WorkOrderTable } from '../db/schema.js';

export type WorkOrderRow = Selectable<WorkOrderTable>;
export type WorkOrderEventRow = Selectable<WorkOrderEventTable>;

/** Next daily sequence for an organisation; atomic on both databases (upsert … returning). */
export async function nextDailySequence(db: Db, orgId: number, day: string): Promise<number> {
  const row = await db
    .insertInto('number_sequences')
    .values({ org_id: orgId, day, last_value: 1 })
    .onConflict((oc) => oc.columns(['org_id', 'day']).doUpdateSet({ last_value: sql`number_sequences.last_value + 1` }))
    .returning('last_value')
    .executeTakeFirstOrThrow();
  return row.last_value;
}

export async function insertWorkOrder(db: Db, row: Insertable<WorkOrderTable>): Promise<WorkOrderRow> {
  return db.insertInto('work_orders').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findWorkOrder(db: Db, orgId: number, id: number): Promise<WorkOrderRow | undefined> {
  return db.selectFrom('work_orders').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
}

/**
 * Optimistic update: applies only if the stored version is still `expectedVersion`.
 * Returns the new row, or undefined when someone else changed it first.
 */
export async function updateWorkOrder(
  db: Db,
  orgId: number,
  id: number,
  expectedVersion: number,
  changes: Updateable<WorkOrderTable>,
): Promise<WorkOrderRow | undefined> {
  return updateAtVersion(db, 'work_orders', orgId, id, expectedVersion, changes);
}

export async function insertEvent(db: Db, event: Insertable<WorkOrderEventTable>): Promise<void> {
  await db.insertInto('work_order_events').values(event).execute();
}

export async function listEvents(db: Db, orgId: number, workOrderId: number, customerVisibleOnly: boolean) {
  let q = db
    .selectFrom('work_order_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_id')
    .select(['e.id', 'e.type', 'e.at', 'e.data_json', 'e.customer_visible', 'e.actor_id', 'u.display_name', 'u.employee_no', 'u.role'])
    .where('e.org_id', '=', orgId)
    .where('e.work_order_id', '=', workOrderId);
  if (customerVisibleOnly) q = q.where('e.customer_visible', '=', 1);
  return q.orderBy('e.id').execute();
}

/** Open orders reachable by any of the given phone numbers (first-contact: add to them). */
export async function findOpenOrdersByPhone(db: Db, orgId: number, phone: string, openStatuses: readonly string[]) {
  return db
    .selectFrom('work_orders as w')
    .innerJoin('customer_phones as p', (join) => join.onRef('p.customer_id', '=', 'w.customer_id'))
    .select(['w.id', 'w.number', 'w.kind', 'w.status', 'w.description', 'w.received_at', 'w.site_id'])
    .where('p.org_id', '=', orgId)
    .where('p.phone', '=', phone)
    .where('w.status', 'in', openStatuses)
    .orderBy('w.received_at', 'desc')
    .limit(20)
    .execute();
}

export async function findIdempotencyKey(db: Db, orgId: number, userId: number, key: string) {
  return db
    .selectFrom('idempotency_keys')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .where('key', '=', key)
    .executeTakeFirst();
}

export async function insertIdempotencyKey(
  db: Db,
  row: { orgId: number; userId: number; key: string; requestHash: string; workOrderId: number; createdAt: number },
): Promise<void> {
  await db
    .insertInto('idempotency_keys')
    .values({
      org_id: row.orgId,
      user_id: row.userId,
      key: row.key,
      request_hash: row.requestHash,
      work_order_id: row.workOrderId,
      created_at: row.createdAt,
    })
    .execute();
}
