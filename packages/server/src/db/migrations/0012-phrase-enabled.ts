import type { Kysely } from 'kysely';

/**
 * Frozen. A standard phrase can be switched off (a wording the centre no longer
 * wants said, a seasonal notice) without deleting it: the library keeps it for
 * administrators to switch back on, the reply boxes stop offering it. Every
 * existing phrase stays on.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('language_phrases').addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1)).execute();
}

export async function down(): Promise<void> {
  throw new Error('0012-phrase-enabled cannot be reverted; restore a backup instead');
}
