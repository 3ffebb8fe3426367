import pg from 'pg';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/database.js';
import { createTestDatabase, databaseAvailable, testDialect, type TestDatabase } from './helpers/test-database.js';

// A DBA ending sessions or PostgreSQL restarting must not take the server down with it.
describe.skipIf(!databaseAvailable || testDialect !== 'postgres')('pooled PostgreSQL connections', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database?.drop());

  it('survives the server ending idle connections: reports the loss, then answers the next query on a new connection', async () => {
    const lost: Error[] = [];
    const handle = openDatabase(database.url, { poolSize: 2, onConnectionLost: (error) => lost.push(error) });
    try {
      const before = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(handle.db);
      const pid = before.rows[0]!.pid;

      const admin = new pg.Client({ connectionString: database.url });
      await admin.connect();
      await admin.query('select pg_terminate_backend($1)', [pid]);
      await admin.end();
      await expect.poll(() => lost.length, { timeout: 5_000 }).toBe(1);
      expect(lost[0]).toMatchObject({ code: '57P01' }); // admin_shutdown

      const after = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(handle.db);
      expect(after.rows[0]!.pid).not.toBe(pid);
    } finally {
      await handle.close();
    }
  });
});
