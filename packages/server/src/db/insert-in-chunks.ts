import { type Insertable, PostgresAdapter, sql } from 'kysely';
import type { Database } from './schema.js';
import type { Db } from './types.js';

/** Bound parameters per statement: SQLite allows 32,766 and PostgreSQL 65,535; stay under both. */
const MAX_PARAMETERS = 30_000;
/** Rows per statement on PostgreSQL, where the rows travel as one JSON parameter. */
const POSTGRES_ROWS = 5_000;

/**
 * Many rows into one table in as few statements as each database takes well.
 * Bulk writers (the SLA sweep writes thousands of events at once) spend their
 * time in statements, not rows: on SQLite a multi-row VALUES list as long as the
 * parameter limit allows; on PostgreSQL, where parsing and binding tens of
 * thousands of parameters costs more than the insert itself, the rows go as one
 * JSON array expanded by json_populate_recordset into the table's own types.
 */
export async function insertInChunks<T extends keyof Database & string>(db: Db, table: T, rows: readonly Insertable<Database[T]>[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    const list = sql.join(columns.map((c) => sql.ref(c)));
    for (let i = 0; i < rows.length; i += POSTGRES_ROWS) {
      const json = JSON.stringify(rows.slice(i, i + POSTGRES_ROWS));
      await sql`insert into ${sql.table(table)} (${list}) select ${list} from json_populate_recordset(null::${sql.table(table)}, ${json}::json)`.execute(db);
    }
    return;
  }
  const size = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
  for (let i = 0; i < rows.length; i += size) {
    // Kysely cannot follow a table name that is a type parameter; the rows are typed by the signature.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    await db.insertInto(table).values(rows.slice(i, i + size) as any).execute();
  }
}
