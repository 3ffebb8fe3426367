import type { Insertable, Updateable } from 'kysely';
import type { CollectiveGroupTable, WorkOrderTable } from '../db/schema.js';
import { sameOrganisation } from '../db/query-hints.js';
import type { Db } from '../db/types.js';
import type { WorkOrderRow } from '../work-orders/work-order.repository.js';

/** Any organisation's order, for system jobs (the sweeper knows only the id). */
export async function findOrderById(db: Db, id: number): Promise<WorkOrderRow | undefined> {
  return db.selectFrom('work_orders').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Writes classification columns. `bumpVersion`: a change to an existing order
 * (someone holding the old version must reload); not for the order being created.
 */
export async function writeComplaintColumns(
  db: Db,
  orgId: number,
  id: number,
  changes: Updateable<WorkOrderTable>,
  options: { bumpVersion: boolean; now: number },
): Promise<WorkOrderRow> {
  return db
    .updateTable('work_orders')
    .set((eb) => ({ ...changes, ...(options.bumpVersion ? { version: eb('version', '+', 1), updated_at: options.now } : {}) }))
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * Serialises complaint intake per site until the transaction ends. Five callers
 * about one broken lift arrive at the same moment: without this, two concurrent
 * intakes on PostgreSQL would each miss the other and no group would form.
 * (Today the daily number sequence row already serialises intakes of one day;
 * this does not rely on it, and covers a backdated order numbered on another
 * day.) A no-op update takes the row lock on PostgreSQL and is harmless on
 * SQLite, whose writers are serialised anyway.
 */
export async function lockSiteForIntake(db: Db, orgId: number, siteId: number): Promise<void> {
  await db.updateTable('sites').set((eb) => ({ kind: eb.ref('kind') })).where('org_id', '=', orgId).where('id', '=', siteId).execute();
}

/** What collective detection reads of a recent complaint: the matter, who, when, and whether a person took it out of a group. */
export type ComplaintForMatching = Pick<
  WorkOrderRow,
  'id' | 'customer_id' | 'site_id' | 'category_id' | 'description' | 'matter_json' | 'matter_cluster_id' | 'received_at' | 'collective_group_id'
  | 'classification_json'
>;

/** Complaints of one site received in [from, to], cancelled ones left out (they were entry mistakes). */
export async function siteComplaintsBetween(db: Db, orgId: number, siteId: number, from: number, to: number): Promise<ComplaintForMatching[]> {
  return db
    .selectFrom('work_orders')
    .select([
      'id', 'customer_id', 'site_id', 'category_id', 'description', 'matter_json', 'matter_cluster_id', 'received_at', 'collective_group_id', 'classification_json',
    ])
    .where('org_id', '=', orgId)
    .where('site_id', '=', siteId)
    .where('kind', '=', 'complaint')
    .where('received_at', '>=', from)
    .where('received_at', '<=', to)
    .where('status', '!=', 'cancelled')
    .orderBy('received_at')
    .orderBy('id')
    .execute();
}

export async function ordersByIds(db: Db, orgId: number, ids: readonly number[]): Promise<WorkOrderRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('work_orders').selectAll().where(sameOrganisation(orgId)).where('id', 'in', [...ids]).orderBy('received_at').orderBy('id').execute();
}

/** The customer's other complaints since `since`, for the repeat rule. */
export async function customerComplaintsSince(db: Db, orgId: number, customerId: number, since: number, excludeId: number) {
  return db
    .selectFrom('work_orders')
    .select(['id', 'number', 'description', 'matter_json', 'category_id', 'received_at', 'result_at', 'closed_at', 'status'])
    .where(sameOrganisation(orgId))
    .where('customer_id', '=', customerId)
    .where('kind', '=', 'complaint')
    .where('received_at', '>=', since)
    .where('id', '!=', excludeId)
    .where('status', '!=', 'cancelled')
    .orderBy('received_at')
    .execute();
}

export async function insertCollectiveGroup(db: Db, row: Insertable<CollectiveGroupTable>) {
  return db.insertInto('collective_groups').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findCollectiveGroup(db: Db, orgId: number, id: number) {
  return db.selectFrom('collective_groups').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
}

export async function listCollectiveGroups(db: Db, orgId: number, options: { siteIds?: number[]; limit: number; beforeId?: number }) {
  let q = db.selectFrom('collective_groups').selectAll().where('org_id', '=', orgId);
  if (options.siteIds) q = q.where('site_id', 'in', options.siteIds.length > 0 ? options.siteIds : [-1]);
  if (options.beforeId) q = q.where('id', '<', options.beforeId);
  return q.orderBy('id', 'desc').limit(options.limit).execute();
}

export async function collectiveMembers(db: Db, orgId: number, groupIds: readonly number[]) {
  if (groupIds.length === 0) return [];
  return db
    .selectFrom('work_orders')
    .select(['id', 'number', 'status', 'severity', 'customer_id', 'received_at', 'collective_group_id'])
    .where(sameOrganisation(orgId))
    .where('collective_group_id', 'in', [...groupIds])
    .orderBy('received_at')
    .orderBy('id')
    .execute();
}

export async function orderNumbers(db: Db, orgId: number, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('work_orders').select(['id', 'number']).where(sameOrganisation(orgId)).where('id', 'in', [...ids]).orderBy('id').execute();
}

export async function usersByIds(db: Db, orgId: number, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('users').select(['id', 'display_name', 'employee_no']).where('org_id', '=', orgId).where('id', 'in', [...ids]).execute();
}
