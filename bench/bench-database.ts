import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Dialect } from '../packages/server/src/db/database.js';

export const POSTGRES_ADMIN_URL = process.env.HUIYIN_BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A database of its own for one benchmark run; `drop` removes it. */
export interface BenchDatabase {
  dialect: Dialect;
  /** DATABASE_URL for openDatabase and the server. */
  url: string;
  /** SQLite only: the database file. */
  file?: string;
  sizeMb(): Promise<number>;
  drop(): Promise<void>;
}

export async function createBenchDatabase(dialect: Dialect): Promise<BenchDatabase> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'huiyin-bench-'));
    const file = join(dir, 'huiyin.db');
    return {
      dialect,
      url: `sqlite:${file}`,
      file,
      sizeMb: async () => {
        let bytes = 0;
        for (const suffix of ['', '-wal']) {
          try {
            bytes += statSync(file + suffix).size;
          } catch {
            // no WAL file right now
          }
        }
        return bytes / 1048576;
      },
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `huiyin_bench_${randomBytes(5).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    dialect,
    url: url.toString(),
    sizeMb: async () => Number((await adminQuery(`select pg_database_size('${name}') as bytes`)).rows[0].bytes) / 1048576,
    drop: async () => {
      await adminQuery(`drop database if exists ${name} with (force)`);
    },
  };
}

async function adminQuery(text: string) {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
}
