import { type Kysely, PostgresAdapter } from 'kysely';

/**
 * Frozen. Callbacks 回访 on the server (issue #3 item 7): what each callback was
 * decided from (rule, reason, limit, due time, the result it asks about), every
 * contact attempt as written on the form, the month's stored sampling seed, rate
 * and mode (so a month re-audits after the settings change), and the customer's
 * wish recorded on the order: refused callbacks or stayed anonymous (S1 4.6.3.1(14)).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

const isPostgres = (db: AnyDb) => db.getExecutor().adapter instanceof PostgresAdapter;

export async function up(db: AnyDb): Promise<void> {
  for (const [name, type] of [
    ['rule', 'text'],
    ['reason', 'text'],
    ['limit_json', 'text'],
    ['default_method', 'text'],
    ['result_at', 'bigint'],
    ['result_month', 'text'], // the result's local month (YYYY-MM): the month the callback is reported in
    ['due_at', 'bigint'],
    ['contact', 'text'], // the final contact: answered | not_reached | refused
    ['updated_at', 'bigint'],
  ] as const) {
    await db.schema.alterTable('callbacks').addColumn(name, type).execute();
  }
  // The desk's queue walks pending callbacks by due time; the monthly report reads one month.
  await db.schema.createIndex('callbacks_queue').on('callbacks').columns(['org_id', 'status', 'due_at', 'id']).execute();
  await db.schema.createIndex('callbacks_month').on('callbacks').columns(['org_id', 'result_month']).execute();

  const attempts = db.schema.createTable('callback_attempts');
  await (isPostgres(db)
    ? attempts.addColumn('id', 'serial', (c) => c.primaryKey())
    : attempts.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement()))
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('callback_id', 'integer', (c) => c.notNull().references('callbacks.id'))
    .addColumn('work_order_id', 'integer', (c) => c.notNull().references('work_orders.id'))
    .addColumn('attempt', 'integer', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('contact', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('rating', 'text')
    .addColumn('made_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('recorded_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('callback_attempts_callback').on('callback_attempts').columns(['callback_id', 'attempt']).unique().execute();

  // Fixed by the month's first sampled order; later orders of the month read them back.
  for (const [name, type] of [['seed', 'text'], ['rate_ppm', 'integer'], ['mode', 'text']] as const) {
    await db.schema.alterTable('sample_counters').addColumn(name, type).execute();
  }

  await db.schema.alterTable('work_orders').addColumn('callback_refused', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('work_orders').addColumn('customer_anonymous', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}

export async function down(): Promise<void> {
  throw new Error('0005-callbacks cannot be reverted; restore a backup instead');
}
