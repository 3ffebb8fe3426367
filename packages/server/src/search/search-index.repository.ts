import { type Expression, type SqlBool, sql } from 'kysely';
import type { Dialect } from '../db/database.js';
import type { Db } from '../db/types.js';

/**
 * The only dialect-specific SQL in the application: SQLite keeps the words in an
 * FTS5 table (rowid = work order id), PostgreSQL in a table with a GIN index over
 * the word array. Both match whole words, so results are the same on both.
 */
export async function writeSearchTokens(db: Db, dialect: Dialect, orgId: number, workOrderId: number, tokens: string[]): Promise<void> {
  const text = tokens.join(' ');
  if (dialect === 'sqlite') {
    await sql`delete from work_order_search where rowid = ${workOrderId}`.execute(db);
    await sql`insert into work_order_search (rowid, tokens, org_id) values (${workOrderId}, ${text}, ${orgId})`.execute(db);
  } else {
    await sql`insert into work_order_search (work_order_id, org_id, tokens) values (${workOrderId}, ${orgId}, ${text})
      on conflict (work_order_id) do update set tokens = excluded.tokens`.execute(db);
  }
}

/** `id IN (orders containing every word)`, to be combined with the other list filters. */
export function matchesAllWords(dialect: Dialect, idColumn: string, tokens: string[]): Expression<SqlBool> {
  if (dialect === 'sqlite') {
    // FTS5 query syntax: each word quoted (quotes doubled), juxtaposition means AND.
    const match = tokens.map((token) => `"${token.replace(/"/g, '""')}"`).join(' ');
    return sql<SqlBool>`${sql.ref(idColumn)} in (select rowid from work_order_search where work_order_search match ${match})`;
  }
  return sql<SqlBool>`${sql.ref(idColumn)} in (select work_order_id from work_order_search
    where string_to_array(tokens, ' ') @> ${sql.val(tokens)}::text[])`;
}
