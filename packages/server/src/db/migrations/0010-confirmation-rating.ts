import type { Kysely } from 'kysely';

/**
 * Frozen. The customer's rating of the result (非常满意 … 非常不满意, the callback
 * scale) given with the confirmation on the portal or at the desk. Null for
 * confirmations recorded before, and for a desk confirmation without a rating.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('confirmations').addColumn('rating', 'text').execute();
}

export async function down(): Promise<void> {
  throw new Error('0010-confirmation-rating cannot be reverted; restore a backup instead');
}
