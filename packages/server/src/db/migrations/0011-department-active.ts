import type { Kysely } from 'kysely';

/**
 * Frozen. A department can be deactivated (renamed teams, merged departments)
 * without deleting it: its past orders, users and audit records still name it.
 * Every existing department stays active.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('departments').addColumn('active', 'integer', (c) => c.notNull().defaultTo(1)).execute();
}

export async function down(): Promise<void> {
  throw new Error('0011-department-active cannot be reverted; restore a backup instead');
}
