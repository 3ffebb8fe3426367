import { type Kysely, PostgresAdapter } from 'kysely';

/**
 * Frozen. The customer portal (issue #4): one-time SMS codes for sign-up and
 * login (only a hash is kept, with an expiry and an attempt counter) and the
 * photos a customer attaches to an order (bytes in the database, so a backup of
 * the database is a backup of everything and every instance serves them).
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
  await table(db, 'portal_sms_codes')
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id'))
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull()) // signup | login
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('used_at', 'bigint')
    .execute();
  await db.schema.createIndex('portal_sms_codes_phone').on('portal_sms_codes').columns(['org_id', 'phone', 'purpose', 'id']).execute();

  await table(db, 'work_order_photos')
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id'))
    .addColumn('work_order_id', 'integer', (c) => c.notNull().references('work_orders.id'))
    .addColumn('uploaded_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('data', isPostgres(db) ? 'bytea' : 'blob', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('work_order_photos_order').on('work_order_photos').columns(['work_order_id', 'id']).execute();
}

export async function down(): Promise<void> {
  throw new Error('0006-portal cannot be reverted; restore a backup instead');
}
