import SQLite from 'better-sqlite3';
import pg from 'pg';
import type { BenchDatabase } from './bench-database.js';
import type { Row } from './synth.js';

/** A table as the loader writes it: columns with their PostgreSQL types (SQLite ignores them). */
export interface TableSpec {
  name: string;
  columns: readonly (readonly [string, 'int4' | 'int8' | 'text'])[];
}

const ORDER_COLUMNS = [
  ['id', 'int4'], ['org_id', 'int4'], ['site_id', 'int4'], ['number', 'text'], ['kind', 'text'], ['channel', 'text'], ['status', 'text'],
  ['customer_id', 'int4'], ['contact_phone', 'text'], ['unit', 'text'], ['description', 'text'], ['category_id', 'int4'],
  ['agreed_reply_method', 'text'], ['agreed_reply_at', 'int8'], ['received_at', 'int8'], ['received_by', 'int4'], ['owner_id', 'int4'],
  ['department_id', 'int4'], ['handler_id', 'int4'], ['result', 'text'], ['cancel_reason', 'text'], ['due_at', 'int8'],
  ['created_at', 'int8'], ['updated_at', 'int8'], ['closed_at', 'int8'], ['version', 'int4'],
] as const;

export const TABLES = {
  customers: {
    name: 'customers',
    columns: [['id', 'int4'], ['org_id', 'int4'], ['name', 'text'], ['title', 'text'], ['customer_type', 'text'], ['notes', 'text'], ['created_at', 'int8'], ['updated_at', 'int8'], ['version', 'int4']],
  },
  customerPhones: { name: 'customer_phones', columns: [['org_id', 'int4'], ['customer_id', 'int4'], ['phone', 'text'], ['is_primary', 'int4']] },
  customerUnits: { name: 'customer_units', columns: [['org_id', 'int4'], ['customer_id', 'int4'], ['site_id', 'int4'], ['label', 'text']] },
  workOrders: { name: 'work_orders', columns: ORDER_COLUMNS },
  events: {
    name: 'work_order_events',
    columns: [['org_id', 'int4'], ['work_order_id', 'int4'], ['type', 'text'], ['actor_id', 'int4'], ['at', 'int8'], ['data_json', 'text'], ['customer_visible', 'int4']],
  },
  // SQLite: the FTS5 table keyed by rowid; PostgreSQL: a plain table (GIN index over the word array).
  searchSqlite: { name: 'work_order_search', columns: [['rowid', 'int4'], ['tokens', 'text'], ['org_id', 'int4']] },
  searchPostgres: { name: 'work_order_search', columns: [['work_order_id', 'int4'], ['org_id', 'int4'], ['tokens', 'text']] },
  numberSequences: { name: 'number_sequences', columns: [['org_id', 'int4'], ['day', 'text'], ['last_value', 'int4']] },
} satisfies Record<string, TableSpec>;

/** Multi-row inserts in big transactions, straight to the driver. */
export interface BulkWriter {
  transaction(work: () => Promise<void>): Promise<void>;
  /**
   * Drop the secondary indexes of these tables and return a function that
   * recreates them from their stored definitions: building an index once, sorted,
   * is much faster than growing it row by row.
   */
  deferIndexes(tables: readonly string[]): Promise<() => Promise<void>>;
  insert(table: TableSpec, rows: readonly Row[]): Promise<void>;
  /** Milliseconds spent in insert() per table. */
  readonly insertMs: Map<string, number>;
  /** Leave the database as a running server would find it (sequences, statistics, checkpoint). */
  finish(): Promise<void>;
  close(): Promise<void>;
}

export async function openBulkWriter(target: BenchDatabase): Promise<BulkWriter> {
  const writer = target.dialect === 'sqlite' ? sqliteWriter(target.file!) : await postgresWriter(target.url);
  const insert = writer.insert.bind(writer);
  writer.insert = async (table, rows) => {
    const started = performance.now();
    await insert(table, rows);
    writer.insertMs.set(table.name, (writer.insertMs.get(table.name) ?? 0) + performance.now() - started);
  };
  return writer;
}

function sqliteWriter(file: string): BulkWriter {
  const db = new SQLite(file);
  // Loading only: the data is regenerated if the machine dies mid-load. The server
  // opens its own connection with WAL + synchronous=FULL + foreign keys.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.pragma('foreign_keys = OFF');
  db.pragma('cache_size = -1048576');
  const statements = new Map<string, SQLite.Statement>();
  const MAX_PARAMS = 30_000;

  function statement(table: TableSpec, rows: number): SQLite.Statement {
    const key = `${table.name}/${rows}`;
    let stmt = statements.get(key);
    if (!stmt) {
      const tuple = `(${table.columns.map(() => '?').join(',')})`;
      stmt = db.prepare(`insert into ${table.name} (${table.columns.map(([c]) => c).join(',')}) values ${Array(rows).fill(tuple).join(',')}`);
      statements.set(key, stmt);
    }
    return stmt;
  }

  return {
    insertMs: new Map(),
    async deferIndexes(tables) {
      const indexes = db
        .prepare(`select name, sql from sqlite_master where type = 'index' and sql is not null and tbl_name in (${tables.map(() => '?').join(',')})`)
        .all(...tables) as { name: string; sql: string }[];
      for (const index of indexes) db.exec(`drop index ${index.name}`);
      return async () => {
        for (const index of indexes) db.exec(index.sql);
      };
    },
    async transaction(work) {
      db.exec('begin');
      try {
        await work();
        db.exec('commit');
      } catch (error) {
        db.exec('rollback');
        throw error;
      }
    },
    async insert(table, rows) {
      const perStatement = Math.min(500, Math.floor(MAX_PARAMS / table.columns.length));
      for (let start = 0; start < rows.length; start += perStatement) {
        const chunk = rows.slice(start, start + perStatement);
        const params: unknown[] = [];
        for (const row of chunk) for (const [column] of table.columns) params.push(row[column] ?? null);
        statement(table, chunk.length).run(params);
      }
    },
    async finish() {
      db.pragma('wal_checkpoint(TRUNCATE)');
    },
    async close() {
      db.close();
    },
  };
}

async function postgresWriter(url: string): Promise<BulkWriter> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // Loading only; the server's connections keep synchronous_commit on. The rows are
  // consistent by construction, so foreign-key triggers are skipped (superuser).
  await client.query('set synchronous_commit = off');
  await client.query('set session_replication_role = replica');
  await client.query(`set maintenance_work_mem = '512MB'`);

  return {
    insertMs: new Map(),
    async deferIndexes(tables) {
      const { rows: indexes } = await client.query<{ indexname: string; indexdef: string }>(
        `select i.indexname, i.indexdef from pg_indexes i
          where i.schemaname = 'public' and i.tablename = any($1)
            and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
        [tables],
      );
      for (const index of indexes) await client.query(`drop index ${index.indexname}`);
      return async () => {
        for (const index of indexes) await client.query(index.indexdef);
      };
    },
    async transaction(work) {
      await client.query('begin');
      try {
        await work();
        await client.query('commit');
      } catch (error) {
        await client.query('rollback');
        throw error;
      }
    },
    async insert(table, rows) {
      for (let start = 0; start < rows.length; start += 50_000) {
        await copyFrom(client, table, rows.slice(start, start + 50_000));
      }
    },
    async finish() {
      for (const table of ['customers', 'customer_phones', 'customer_units', 'work_orders', 'work_order_events']) {
        await client.query(`select setval(pg_get_serial_sequence('${table}', 'id'), (select max(id) from ${table}))`);
      }
      // What autovacuum does soon after a big load: visibility map and planner statistics.
      await client.query('vacuum (analyze)');
    },
    async close() {
      await client.end();
    },
  };
}

/**
 * COPY … FROM STDIN in text format, the fastest way into PostgreSQL. pg has no
 * COPY helper of its own (pg-copy-streams is not a dependency); a Query whose
 * copy-in handler sends the rows is all it takes.
 */
class CopyFromQuery extends pg.Query {
  constructor(text: string, private readonly payload: string, callback: (error: Error | undefined) => void) {
    super(text, [], callback);
  }

  handleCopyInResponse(connection: { sendCopyFromChunk(chunk: Buffer): void; endCopyFrom(): void }): void {
    const data = Buffer.from(this.payload);
    for (let offset = 0; offset < data.length; offset += 1 << 20) connection.sendCopyFromChunk(data.subarray(offset, offset + (1 << 20)));
    connection.endCopyFrom();
  }
}

const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function copyText(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  return typeof value === 'string' ? value.replace(/[\\\n\r\t]/g, (c) => COPY_ESCAPES[c]!) : String(value);
}

function copyFrom(client: pg.Client, table: TableSpec, rows: readonly Row[]): Promise<void> {
  let payload = '';
  for (const row of rows) payload += table.columns.map(([column]) => copyText(row[column])).join('\t') + '\n';
  const text = `copy ${table.name} (${table.columns.map(([c]) => c).join(',')}) from stdin`;
  return new Promise((resolve, reject) => {
    client.query(new CopyFromQuery(text, payload, (error) => (error ? reject(error) : resolve())));
  });
}
