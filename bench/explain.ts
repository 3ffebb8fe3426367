import SQLite from 'better-sqlite3';
import { type CompiledQuery, Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { OPEN_STATUSES } from '@huiyin/domain';
import type { Database } from '../packages/server/src/db/schema.js';
import { queryTokens } from '../packages/server/src/search/search-text.js';
import { listWorkOrders, type ListFilter } from '../packages/server/src/work-orders/work-order-list.repository.js';
import type { BenchDatabase } from './bench-database.js';
import type { OrgFixture } from './synth.js';

/**
 * `--explain`: the plans of the list and search queries exactly as the server
 * builds them (listWorkOrders, captured through Kysely's log), with the time of
 * each query run directly on the driver (median of 7, after one warm-up).
 */
export async function explainQueries(target: BenchDatabase, fixture: OrgFixture, log: (line: string) => void): Promise<void> {
  const captured: CompiledQuery[] = [];
  const sqlite = target.dialect === 'sqlite' ? new SQLite(target.file!) : null;
  const pool = target.dialect === 'postgres' ? new pg.Pool({ connectionString: target.url, max: 1 }) : null;
  const db = new Kysely<Database>({
    dialect: sqlite ? new SqliteDialect({ database: sqlite }) : new PostgresDialect({ pool: pool! }),
    log: (event) => {
      if (event.level === 'query') captured.push(event.query);
    },
  });
  const site = fixture.sites[0]!.id;
  const base: ListFilter = { scope: { orgId: fixture.orgId, userId: fixture.agentIds[0]!, kind: 'site' }, openStatuses: OPEN_STATUSES, sort: 'received_desc', limit: 51 };
  const cases: [string, ListFilter][] = [
    ['list, one status (received), site 1, due_asc', { ...base, statuses: ['received'], siteId: site, sort: 'due_asc' }],
    ['list, all open statuses, site 1, due_asc', { ...base, statuses: [...OPEN_STATUSES], siteId: site, sort: 'due_asc' }],
    ['search 电梯 (common word)', { ...base, words: queryTokens('电梯') }],
    ['search 消防 (rare word)', { ...base, words: queryTokens('消防') }],
  ];
  try {
    for (const [title, filter] of cases) {
      captured.length = 0;
      await listWorkOrders(db, target.dialect, filter);
      const query = captured[0]!;
      const params = [...query.parameters];
      log(`  -- ${title}`);
      if (sqlite) {
        const plan = sqlite.prepare(`explain query plan ${query.sql}`).all(...params) as { detail: string }[];
        for (const row of plan) log(`     ${row.detail}`);
        const statement = sqlite.prepare(query.sql);
        log(`     time: ${median(7, () => statement.all(...params)).toFixed(1)} ms`);
      } else {
        const client = await pool!.connect();
        try {
          const { rows } = await client.query(`explain (analyze, buffers) ${query.sql}`, params);
          for (const row of rows) log(`     ${row['QUERY PLAN'] as string}`);
        } finally {
          client.release();
        }
      }
    }
  } finally {
    await db.destroy();
  }
}

function median(runs: number, work: () => unknown): number {
  work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    work();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}
