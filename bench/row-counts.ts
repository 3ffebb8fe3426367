import SQLite from 'better-sqlite3';
import pg from 'pg';
import type { BenchDatabase } from './bench-database.js';

/**
 * Row count of every application table, to show what one create writes (the
 * difference before/after, divided by the number of creates) for the API and for
 * the floor side by side. FTS5 shadow tables are left out; the FTS table itself is counted.
 */
export async function rowCounts(target: BenchDatabase): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (target.dialect === 'sqlite') {
    const db = new SQLite(target.file!, { readonly: true });
    try {
      const tables = db
        .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'work_order_search_%' and name not like 'huiyin_migration%'")
        .pluck()
        .all() as string[];
      for (const table of tables) counts.set(table, Number(db.prepare(`select count(*) from ${table}`).pluck().get()));
    } finally {
      db.close();
    }
    return counts;
  }
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ table_name: string }>(
      "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not like 'huiyin_migration%'",
    );
    for (const { table_name } of rows) {
      counts.set(table_name, Number((await client.query(`select count(*) as n from ${table_name}`)).rows[0].n));
    }
  } finally {
    await client.end();
  }
  return counts;
}

/** "work_orders 1.00, work_order_events 1.00, …": rows added per operation, tables that grew only. */
export function rowsPer(before: Map<string, number>, after: Map<string, number>, operations: number): string {
  return [...after]
    .map(([table, n]) => [table, (n - (before.get(table) ?? 0)) / operations] as const)
    .filter(([, perOp]) => perOp > 0)
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([table, perOp]) => `${table} ${perOp.toFixed(2)}`)
    .join(', ');
}
