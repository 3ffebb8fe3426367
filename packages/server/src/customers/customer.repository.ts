import { updateAtVersion } from '../db/update-at-version.js';
import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../db/types.js';
import type { CustomerTable } from '../db/schema.js';

export type CustomerRow = Selectable<CustomerTable>;

export async function findCustomer(db: Db, orgId: number, id: number): Promise<CustomerRow | undefined> {
  return db.selectFrom('customers').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
}

/** Customers reachable on a phone number (a family may share one), most recent first. */
export async function findCustomersByPhone(db: Db, orgId: number, phone: string): Promise<CustomerRow[]> {
  return db
    .selectFrom('customers as c')
    .innerJoin('customer_phones as p', 'p.customer_id', 'c.id')
    .selectAll('c')
    .where('p.org_id', '=', orgId)
    .where('p.phone', '=', phone)
    .orderBy('c.updated_at', 'desc')
    .execute();
}

export async function insertCustomer(db: Db, row: Insertable<CustomerTable>): Promise<CustomerRow> {
  return db.insertInto('customers').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function insertPhone(db: Db, orgId: number, customerId: number, phone: string, isPrimary: boolean): Promise<void> {
  await db.insertInto('customer_phones').values({ org_id: orgId, customer_id: customerId, phone, is_primary: isPrimary ? 1 : 0 }).execute();
}

export async function insertUnit(db: Db, orgId: number, customerId: number, siteId: number, label: string): Promise<void> {
  await db.insertInto('customer_units').values({ org_id: orgId, customer_id: customerId, site_id: siteId, label }).execute();
}

export async function phonesOf(db: Db, customerIds: number[]) {
  if (customerIds.length === 0) return [];
  return db
    .selectFrom('customer_phones')
    .select(['customer_id', 'phone', 'is_primary'])
    .where('customer_id', 'in', customerIds)
    .orderBy('is_primary', 'desc')
    .orderBy('id')
    .execute();
}

export async function unitsOf(db: Db, customerIds: number[]) {
  if (customerIds.length === 0) return [];
  return db.selectFrom('customer_units').select(['customer_id', 'site_id', 'label']).where('customer_id', 'in', customerIds).orderBy('id').execute();
}

export async function updateCustomer(
  db: Db,
  orgId: number,
  id: number,
  expectedVersion: number,
  changes: Partial<Pick<CustomerTable, 'name' | 'title' | 'customer_type' | 'notes'>>,
  now: number,
): Promise<CustomerRow | undefined> {
  return updateAtVersion(db, 'customers', orgId, id, expectedVersion, { ...changes, updated_at: now });
}

export async function searchCustomers(db: Db, orgId: number, text: string, limit: number): Promise<CustomerRow[]> {
  return db
    .selectFrom('customers')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('name', 'like', `${text.replace(/[%_\\]/g, (m) => `\\${m}`)}%`)
    .orderBy('name')
    .limit(limit)
    .execute();
}
