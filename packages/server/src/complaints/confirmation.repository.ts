import type { Insertable } from 'kysely';
import type { ConfirmationTable } from '../db/schema.js';
import type { Db } from '../db/types.js';

export async function insertConfirmation(db: Db, row: Insertable<ConfirmationTable>) {
  return db.insertInto('confirmations').values(row).returningAll().executeTakeFirstOrThrow();
}

/** The customer's latest confirmation (a reopened order is confirmed again after its new result). */
export async function latestConfirmation(db: Db, orgId: number, workOrderId: number) {
  return db
    .selectFrom('confirmations')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('work_order_id', '=', workOrderId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}
