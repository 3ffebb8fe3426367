import { type Kysely, PostgresAdapter } from 'kysely';

/**
 * Frozen. Complaint handling by the standard (issue #3): classification on the
 * order, SLA clocks as stored rows swept by a job, notifications, callbacks,
 * collective groups, calendar overrides and the external agency directory.
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
  for (const [name, type] of [
    ['nature', 'text'],
    ['severity', 'text'],
    ['classified_at', 'bigint'],
    ['classified_by', 'integer'],
    ['collective_group_id', 'integer'],
    ['dispatched_at', 'bigint'],
    ['result_at', 'bigint'],
    ['determination_at', 'bigint'],
    ['customer_confirmed_at', 'bigint'],
    ['upgrade_suggested', 'integer'],
  ] as const) {
    await db.schema.alterTable('work_orders').addColumn(name, type).execute();
  }

  await table(db, 'sla_clocks')
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('work_order_id', 'integer', (c) => c.notNull().references('work_orders.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('limit_json', 'text', (c) => c.notNull())
    .addColumn('started_at', 'bigint', (c) => c.notNull())
    .addColumn('paused_ms', 'bigint', (c) => c.notNull())
    .addColumn('paused_at', 'bigint')
    .addColumn('pause_reason', 'text')
    .addColumn('due_at', 'bigint', (c) => c.notNull())
    .addColumn('warn_at', 'bigint', (c) => c.notNull())
    .addColumn('provisional', 'integer', (c) => c.notNull())
    .addColumn('calendar_version', 'integer', (c) => c.notNull())
    .addColumn('warned_at', 'bigint')
    .addColumn('breached_at', 'bigint')
    .addColumn('met_at', 'bigint')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sla_clocks_order').on('sla_clocks').columns(['work_order_id', 'kind']).unique().execute();
  // The sweeper's two questions: whose warning time and whose due time has come.
  await db.schema.createIndex('sla_clocks_due').on('sla_clocks').columns(['state', 'due_at']).execute();
  await db.schema.createIndex('sla_clocks_warn').on('sla_clocks').columns(['state', 'warn_at']).execute();

  await table(db, 'notifications')
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('work_order_id', 'integer')
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('data_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('read_at', 'bigint')
    .execute();
  await db.schema.createIndex('notifications_user').on('notifications').columns(['user_id', 'id']).execute();

  await table(db, 'callbacks')
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('work_order_id', 'integer', (c) => c.notNull().references('work_orders.id'))
    .addColumn('outcome', 'text', (c) => c.notNull()) // required | sampled_in | sampled_out | waived
    .addColumn('status', 'text', (c) => c.notNull()) // pending | done | unreachable | waived | not_sampled
    .addColumn('methods_json', 'text', (c) => c.notNull())
    .addColumn('sample_month', 'text')
    .addColumn('sample_index', 'integer')
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('method', 'text')
    .addColumn('rating', 'text')
    .addColumn('customer_words', 'text')
    .addColumn('done_at', 'bigint')
    .addColumn('done_by', 'integer')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('callbacks_order').on('callbacks').column('work_order_id').execute();
  await db.schema.createIndex('callbacks_org_status').on('callbacks').columns(['org_id', 'status']).execute();

  // Sampling counters: the k-th assistance complaint of a month gets index k, exactly once.
  await db.schema
    .createTable('sample_counters')
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('last_index', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('sample_counters_pk', ['org_id', 'month'])
    .execute();

  await table(db, 'collective_groups')
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('site_id', 'integer', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await table(db, 'calendar_overrides')
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('site_id', 'integer')
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('calendar_overrides_org').on('calendar_overrides').columns(['org_id', 'site_id', 'date']).unique().execute();

  await db.schema.alterTable('organisations').addColumn('calendar_version', 'integer', (c) => c.notNull().defaultTo(1)).execute();

  await table(db, 'agencies')
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('site_id', 'integer')
    .addColumn('service', 'text', (c) => c.notNull()) // water | power | heating | gas | cable_tv | telephone | other
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('agencies_org').on('agencies').columns(['org_id', 'site_id']).execute();
}

export async function down(): Promise<void> {
  throw new Error('0002-complaint-handling cannot be reverted; restore a backup instead');
}
