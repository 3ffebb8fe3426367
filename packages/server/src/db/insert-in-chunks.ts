import type { Insertable } from 'kysely';
import type { Database } from './schema.js';
import type { Db } from './types.js';

/** Bound parameters per statement: SQLite allows 32,766 and PostgreSQL 65,535; stay under both. */
const MAX_PARAMETERS = 30_000;

/**
 * Many rows into one table in as few statements as both databases accept. Bulk
 * writers (the SLA sweep writes thousands of events at once) spend their time in
 * statement round trips, not in the rows.
 */
export async function insertInChunks<T extends keyof Database & string>(db: Db, table: T, rows: readonly Insertable<Database[T]>[]): Promise<void> {
  if (rows.length === 0) return;
  const size = Math.max(1, Math.floor(MAX_PARAMETERS / Object.keys(rows[0]!).length));
  for (let i = 0; i < rows.length; i += size) {
    // Kysely cannot follow a table name that is a type parameter; the rows are typed by the signature.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    await db.insertInto(table).values(rows.slice(i, i + size) as any).execute();
  }
}
