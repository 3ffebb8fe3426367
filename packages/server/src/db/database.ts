import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';

export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: Dialect;
  /** Human-readable location without credentials, for logs. */
  location: string;
  close(): Promise<void>;
}

// int8 (bigint columns, count(*)) arrives as a string by default. Every bigint we
// store is an epoch-millisecond instant or a count, well inside 2^53.
pg.types.setTypeParser(20, (value) => Number(value));

export const DEFAULT_SQLITE_FILE = './data/huiyin.db';

/**
 * Open the store named by a DATABASE_URL: `postgres://…` / `postgresql://…`,
 * `sqlite:/path/file.db`, or nothing for the embedded default under ./data/.
 */
export interface OpenOptions {
  poolSize?: number;
  /**
   * Told when PostgreSQL drops a pooled connection that was not in use (a server
   * restart, an administrator ending sessions). The pool has already let it go and
   * opens a new one when needed; the default writes one line to stderr.
   */
  onConnectionLost?: (error: Error) => void;
}

export function openDatabase(url: string | undefined, options: OpenOptions = {}): DatabaseHandle {
  if (url && /^postgres(ql)?:\/\//.test(url)) return openPostgres(url, options);
  const file = url ? url.replace(/^sqlite:(\/\/)?/, '') : DEFAULT_SQLITE_FILE;
  return openSqlite(file);
}

function openSqlite(file: string): DatabaseHandle {
  const inMemory = file === ':memory:';
  const path = inMemory ? file : resolve(file);
  if (!inMemory) mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(path);
  // WAL with synchronous=FULL: an order answered 201 survives a power cut.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Checkpoint the WAL every 40 MB instead of SQLite's 4 MB: the checkpoint runs inside
  // the commit that crosses the mark, and a write touching scattered pages (an SLA
  // sweep's claims) crossed it at nearly every commit. See docs/benchmarks.md.
  sqlite.pragma('wal_autocheckpoint = 10000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return {
    db,
    dialect: 'sqlite',
    location: path,
    close: () => db.destroy(),
  };
}

function openPostgres(url: string, options: OpenOptions): DatabaseHandle {
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 16 });
  // Without a listener the pool rethrows such an error and it ends the process. It
  // also fires after close(): pool.end() settles before the server has seen every
  // connection go, so a connection being closed can still be told it was ended.
  pool.on('error', options.onConnectionLost ?? reportLostConnection);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const parsed = new URL(url);
  return {
    db,
    dialect: 'postgres',
    location: `postgres://${parsed.host}${parsed.pathname}`,
    close: () => db.destroy(),
  };
}

function reportLostConnection(error: Error): void {
  process.stderr.write(`huiyin: a pooled PostgreSQL connection was lost and will be replaced: ${error.message}\n`);
}
