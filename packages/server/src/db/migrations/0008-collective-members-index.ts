import type { Kysely } from 'kysely';

/**
 * Frozen. Collective detection looks up the members of a site's recent groups at
 * every complaint intake; without this index both databases scan work_orders.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('work_orders_org_collective').on('work_orders').columns(['org_id', 'collective_group_id']).execute();
}

export async function down(): Promise<void> {
  throw new Error('0008-collective-members-index cannot be reverted; restore a backup instead');
}
