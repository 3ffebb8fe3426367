import { type Kysely, PostgresAdapter } from 'kysely';

/**
 * Frozen. Complaint handling on the server (issue #3 items 4–6): the full
 * classification state of a complaint (reasons with who and when, the booked
 * determination, withdrawn reasons, suggestions, the explanation given), the
 * category → department routing table and the customer's confirmation of
 * completion (typed text or a signature image).
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
  // The columns of 0002 (nature, severity, …) stay the queryable summary; this is the whole story.
  await db.schema.alterTable('work_orders').addColumn('classification_json', 'text').execute();
  // Intake compares a new complaint with the site's recent ones; members are listed by group.
  await db.schema.createIndex('work_orders_site_kind_received').on('work_orders').columns(['site_id', 'kind', 'received_at']).execute();
  await db.schema.createIndex('work_orders_collective_group').on('work_orders').column('collective_group_id').execute();

  await table(db, 'category_routes')
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('category_id', 'integer', (c) => c.notNull().references('categories.id'))
    .addColumn('department_id', 'integer', (c) => c.notNull().references('departments.id'))
    .addColumn('updated_by', 'integer')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('category_routes_category').on('category_routes').columns(['org_id', 'category_id']).unique().execute();

  await table(db, 'confirmations')
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('work_order_id', 'integer', (c) => c.notNull().references('work_orders.id'))
    .addColumn('method', 'text', (c) => c.notNull()) // text | signature
    .addColumn('text', 'text')
    .addColumn('signature_png', 'text') // base64 of the PNG bytes
    .addColumn('signer_name', 'text')
    .addColumn('recorded_by', 'integer', (c) => c.notNull())
    .addColumn('by_customer', 'integer', (c) => c.notNull()) // 1 = the customer on the portal, 0 = staff recorded it
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('confirmations_order').on('confirmations').columns(['work_order_id', 'id']).execute();
}

export async function down(): Promise<void> {
  throw new Error('0003-complaints cannot be reverted; restore a backup instead');
}
