import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './database.js';

describe('the embedded SQLite file', () => {
  let folder: string | undefined;
  afterEach(() => {
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('opens in WAL mode with full synchronous writes, so an order answered 201 survives a power cut', async () => {
    folder = mkdtempSync(join(tmpdir(), 'huiyin-db-'));
    const handle = openDatabase(`sqlite:${join(folder, 'data', 'huiyin.db')}`); // creates the missing folder
    try {
      const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(handle.db);
      const sync = await sql<{ synchronous: number }>`pragma synchronous`.execute(handle.db);
      expect([mode.rows[0]!.journal_mode, sync.rows[0]!.synchronous]).toEqual(['wal', 2]);
    } finally {
      await handle.close();
    }
  });
});
