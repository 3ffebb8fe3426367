import { type Kysely, sql } from 'kysely';

/**
 * Frozen. The sweep looks only for live clocks (running or warned) whose time has
 * come, but the 0002 indexes led by state held every clock ever started: the met
 * and breached clocks of closed orders, which outnumber the live ones many times
 * over, and a breach moved the clock from one entry to another in both. Partial
 * indexes hold the live clocks alone; a clock that is met or breached simply
 * leaves them. The predicates are literals, and the sweep's queries repeat them
 * as literals, so both databases can prove the index applies.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('sla_clocks_due').execute();
  await db.schema.dropIndex('sla_clocks_warn').execute();
  await db.schema.createIndex('sla_clocks_live_due').on('sla_clocks').column('due_at')
    .where(sql<boolean>`state in ('running', 'warned')`).execute();
  await db.schema.createIndex('sla_clocks_to_warn').on('sla_clocks').column('warn_at')
    .where(sql<boolean>`state = 'running' and warned_at is null`).execute();
}

export async function down(): Promise<void> {
  throw new Error('0013-live-clock-indexes cannot be reverted; restore a backup instead');
}
