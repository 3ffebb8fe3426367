import type { Kysely } from 'kysely';

/**
 * Frozen. What collective detection remembers of each complaint, so that an
 * intake compares the new complaint with the site's recent ones once instead of
 * segmenting and clustering the whole window again (tens of milliseconds per
 * complaint on a busy site, growing with the square of the window):
 * - matter_json: the "matter" features of its text (buildings, objects, problems, words);
 * - matter_cluster_id: the cluster of same-matter complaints it was placed in,
 *   named by the id of the cluster's first complaint.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('work_orders').addColumn('matter_json', 'text').execute();
  await db.schema.alterTable('work_orders').addColumn('matter_cluster_id', 'integer').execute();
}

export async function down(): Promise<void> {
  throw new Error('0009-complaint-matter cannot be reverted; restore a backup instead');
}
