import type { Kysely } from 'kysely';

/**
 * Frozen. The "matter" features of a complaint's text (buildings, objects,
 * problems, words), extracted once at intake. Collective detection compares a new
 * complaint with the site's recent ones; segmenting all of them again at every
 * intake cost tens of milliseconds per complaint on a busy site.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('work_orders').addColumn('matter_json', 'text').execute();
}

export async function down(): Promise<void> {
  throw new Error('0009-complaint-matter cannot be reverted; restore a backup instead');
}
