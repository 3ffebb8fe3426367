import type { Kysely } from 'kysely';

/**
 * Frozen. The desk's due-time queue ("all open orders of a site, earliest due
 * first") filters by several statuses at once; with only the status-led index
 * both databases read every match and sort. Closed and cancelled orders carry no
 * due time, so an index led by site and due time serves any mix of open statuses
 * in order, without a sort.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('work_orders_org_site_due').on('work_orders').columns(['org_id', 'site_id', 'due_at', 'id']).execute();
}

export async function down(): Promise<void> {
  throw new Error('0007-due-queue-index cannot be reverted; restore a backup instead');
}
