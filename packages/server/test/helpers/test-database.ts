import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type DatabaseHandle, type Dialect } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrator.js';

/** Which database this vitest project runs on (set per project in vitest.config.ts). */
export const testDialect: Dialect = process.env.HUIYIN_TEST_DB === 'postgres' ? 'postgres' : 'sqlite';

const ADMIN_URL = process.env.HUIYIN_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether the suites of this project can run. On CI an unreachable PostgreSQL is a
 * failure, never a silent skip; on a laptop without it we skip, loudly.
 */
export const databaseAvailable: boolean = await (async () => {
  if (testDialect === 'sqlite') return true;
  if (await postgresReachable()) return true;
  const message = `PostgreSQL is not reachable at ${ADMIN_URL}`;
  if (process.env.CI === 'true') throw new Error(`${message}: CI requires it`);
  console.warn(`\n\n  !!! WARNING: ${message}; the PostgreSQL integration tests are SKIPPED !!!\n\n`);
  return false;
})();

export interface TestDatabase {
  handle: DatabaseHandle;
  /** For opening more connections to the same database (PostgreSQL only). */
  url?: string;
  drop(): Promise<void>;
}

/** A fresh, migrated database for one test file; dropped afterwards. */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (testDialect === 'sqlite') {
    const handle = openDatabase('sqlite::memory:');
    await migrateToLatest(handle.db);
    return { handle, drop: () => handle.close() };
  }
  const name = `huiyin_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const handle = openDatabase(url.toString(), { poolSize: 8 });
  await migrateToLatest(handle.db);
  return {
    handle,
    url: url.toString(),
    drop: async () => {
      await handle.close();
      const client = new pg.Client({ connectionString: ADMIN_URL });
      await client.connect();
      await waitForSessionsToEnd(client, name);
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

/**
 * close() settles before PostgreSQL has seen every pooled connection go; dropping
 * WITH (FORCE) at once would end the stragglers from the server side. Give them up
 * to 5 s; FORCE then ends whatever a test left open.
 */
async function waitForSessionsToEnd(client: pg.Client, name: string): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const { rows } = await client.query<{ sessions: number }>('select count(*)::int as sessions from pg_stat_activity where datname = $1', [name]);
    if (rows[0]!.sessions === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
