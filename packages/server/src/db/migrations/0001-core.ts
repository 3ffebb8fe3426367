import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * Frozen: this migration imports nothing from the application and must never
 * change once released; later changes go in new files. It runs unchanged on SQLite
 * and PostgreSQL; the only dialect branches are the auto-increment key type and
 * the full-text index (SQLite FTS5 vs a PostgreSQL GIN index over the token array).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

const isPostgres = (db: AnyDb) => db.getExecutor().adapter instanceof PostgresAdapter;

function table(db: AnyDb, name: string) {
  const builder = db.schema.createTable(name);
  return isPostgres(db)
    ? builder.addColumn('id', 'serial', (c) => c.primaryKey())
    : builder.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

export async function up(db: AnyDb): Promise<void> {
  await table(db, 'organisations')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('number_prefix', 'text', (c) => c.notNull())
    .addColumn('settings_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await table(db, 'sites')
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('twenty_four_hour', 'integer', (c) => c.notNull())
    .addColumn('service_hours_json', 'text', (c) => c.notNull())
    .addColumn('address', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sites_org').on('sites').column('org_id').execute();

  await table(db, 'departments')
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id'))
    .addColumn('site_id', 'integer', (c) => c.references('sites.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('departments_org').on('departments').column('org_id').execute();

  await table(db, 'customers')
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('customer_type', 'text')
    .addColumn('notes', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('customers_org_name').on('customers').columns(['org_id', 'name']).execute();

  await table(db, 'customer_phones')
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('is_primary', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('customer_phones_lookup').on('customer_phones').columns(['org_id', 'phone']).execute();
  await db.schema.createIndex('customer_phones_customer').on('customer_phones').column('customer_id').execute();

  await table(db, 'customer_units')
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    .addColumn('site_id', 'integer', (c) => c.notNull().references('sites.id'))
    .addColumn('label', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('customer_units_customer').on('customer_units').column('customer_id').execute();

  await table(db, 'users')
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id'))
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('employee_no', 'text')
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('site_ids_json', 'text', (c) => c.notNull())
    .addColumn('department_id', 'integer', (c) => c.references('departments.id'))
    .addColumn('customer_id', 'integer', (c) => c.references('customers.id'))
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('failed_logins', 'integer', (c) => c.notNull())
    .addColumn('locked_until', 'bigint')
    .addColumn('disabled', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('users_org').on('users').column('org_id').execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

  await table(db, 'categories')
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id'))
    .addColumn('parent_id', 'integer', (c) => c.references('categories.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('categories_org_path').on('categories').columns(['org_id', 'path']).unique().execute();

  await table(db, 'work_orders')
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id'))
    .addColumn('site_id', 'integer', (c) => c.notNull().references('sites.id'))
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    .addColumn('contact_phone', 'text')
    .addColumn('unit', 'text')
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('category_id', 'integer', (c) => c.references('categories.id'))
    .addColumn('agreed_reply_method', 'text')
    .addColumn('agreed_reply_at', 'bigint')
    .addColumn('received_at', 'bigint', (c) => c.notNull())
    .addColumn('received_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('owner_id', 'integer', (c) => c.references('users.id')) // null: a portal order nobody has taken yet
    .addColumn('department_id', 'integer', (c) => c.references('departments.id'))
    .addColumn('handler_id', 'integer', (c) => c.references('users.id'))
    .addColumn('result', 'text')
    .addColumn('cancel_reason', 'text')
    .addColumn('due_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('closed_at', 'bigint')
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('work_orders_number').on('work_orders').columns(['org_id', 'number']).unique().execute();
  // The desk's main list: newest first within an organisation, optionally by status.
  await db.schema.createIndex('work_orders_org_received').on('work_orders').columns(['org_id', 'received_at', 'id']).execute();
  await db.schema
    .createIndex('work_orders_org_status_site_due')
    .on('work_orders')
    .columns(['org_id', 'status', 'site_id', 'due_at', 'id'])
    .execute();
  await db.schema.createIndex('work_orders_customer').on('work_orders').columns(['customer_id', 'status']).execute();
  await db.schema.createIndex('work_orders_department').on('work_orders').columns(['department_id', 'status']).execute();
  await db.schema.createIndex('work_orders_owner').on('work_orders').columns(['owner_id', 'status']).execute();

  await table(db, 'work_order_events')
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('work_order_id', 'integer', (c) => c.notNull().references('work_orders.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'integer')
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('data_json', 'text', (c) => c.notNull())
    .addColumn('customer_visible', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('work_order_events_order').on('work_order_events').columns(['work_order_id', 'id']).execute();

  await table(db, 'audit_log')
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('actor_id', 'integer')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('request_id', 'text')
    .execute();
  await db.schema.createIndex('audit_log_entity').on('audit_log').columns(['org_id', 'entity_type', 'entity_id']).execute();
  await db.schema.createIndex('audit_log_org_at').on('audit_log').columns(['org_id', 'at']).execute();

  await db.schema
    .createTable('number_sequences')
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('last_value', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('number_sequences_pk', ['org_id', 'day'])
    .execute();

  await db.schema
    .createTable('idempotency_keys')
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('work_order_id', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['org_id', 'user_id', 'key'])
    .execute();

  await createSearchIndex(db);
  await protectAppendOnlyTables(db);
}

/** Full-text search over jieba-segmented, space-joined words (see search-text.ts). */
async function createSearchIndex(db: AnyDb): Promise<void> {
  if (isPostgres(db)) {
    await db.schema
      .createTable('work_order_search')
      .addColumn('work_order_id', 'integer', (c) => c.primaryKey().references('work_orders.id'))
      .addColumn('org_id', 'integer', (c) => c.notNull())
      .addColumn('tokens', 'text', (c) => c.notNull())
      .execute();
    // An array of exact words: independent of the database's text-search locale.
    await sql`create index work_order_search_tokens on work_order_search using gin (string_to_array(tokens, ' '))`.execute(db);
  } else {
    // rowid = work_orders.id; unicode61 keeps each space-separated CJK word whole,
    // so two-character words (电梯) match, unlike the trigram tokenizer.
    await sql`create virtual table work_order_search using fts5(tokens, org_id unindexed, tokenize = 'unicode61')`.execute(db);
  }
}

/** The timeline and the audit log are append-only: the database refuses edits. */
async function protectAppendOnlyTables(db: AnyDb): Promise<void> {
  if (isPostgres(db)) {
    await sql`create function huiyin_append_only() returns trigger language plpgsql as $$
      begin raise exception 'append-only table %', tg_table_name; end $$`.execute(db);
    for (const name of ['audit_log', 'work_order_events']) {
      await sql`create trigger ${sql.raw(name + '_append_only')} before update or delete on ${sql.table(name)}
        for each row execute function huiyin_append_only()`.execute(db);
    }
  } else {
    for (const name of ['audit_log', 'work_order_events']) {
      for (const op of ['update', 'delete']) {
        await sql`create trigger ${sql.raw(`${name}_no_${op}`)} before ${sql.raw(op)} on ${sql.table(name)}
          begin select raise(abort, 'append-only table'); end`.execute(db);
      }
    }
  }
}

export async function down(): Promise<void> {
  throw new Error('0001-core cannot be reverted; restore a backup instead');
}
