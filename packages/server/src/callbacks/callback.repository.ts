import { updateAtVersion } from '../db/update-at-version.js';
import { type ExpressionBuilder, type Insertable, type Selectable, type Updateable, sql } from 'kysely';
import type { Db } from '../db/types.js';
import type { CallbackAttemptTable, CallbackTable, Database } from '../db/schema.js';
import type { ReadScope } from '../work-orders/work-order.policy.js';

export type CallbackRow = Selectable<CallbackTable>;
export type CallbackAttemptRow = Selectable<CallbackAttemptTable>;

export async function organisationSettingsText(db: Db, orgId: number): Promise<string | undefined> {
  const row = await db.selectFrom('organisations').select('settings_json').where('id', '=', orgId).executeTakeFirst();
  return row?.settings_json;
}

/** Writes only if nobody changed the settings since `before` was read. */
export async function compareAndSetOrganisationSettings(db: Db, orgId: number, before: string, after: string): Promise<boolean> {
  const result = await db
    .updateTable('organisations')
    .set({ settings_json: after })
    .where('id', '=', orgId)
    .where('settings_json', '=', before)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface SampleFrame {
  index: number;
  seed: string;
  ratePpm: number;
  mode: string;
}

/**
 * The next index of a month's sampling frame; atomic on both databases (upsert …
 * returning), like the daily order numbers. The first order of the month stores
 * the seed, rate and mode; every later one reads them back, so a settings change
 * mid-month cannot break the month's exact count. A rolled-back transaction
 * gives its index back: the frame has no holes.
 */
export async function nextSampleIndex(db: Db, orgId: number, frame: string, first: Omit<SampleFrame, 'index'>): Promise<SampleFrame> {
  const row = await db
    .insertInto('sample_counters')
    .values({ org_id: orgId, month: frame, last_index: 1, seed: first.seed, rate_ppm: first.ratePpm, mode: first.mode })
    .onConflict((oc) => oc.columns(['org_id', 'month']).doUpdateSet({ last_index: sql`sample_counters.last_index + 1` }))
    .returning(['last_index', 'seed', 'rate_ppm', 'mode'])
    .executeTakeFirstOrThrow();
  return { index: row.last_index, seed: row.seed ?? first.seed, ratePpm: row.rate_ppm ?? first.ratePpm, mode: row.mode ?? first.mode };
}

export async function findSampleCounter(db: Db, orgId: number, frame: string) {
  return db.selectFrom('sample_counters').selectAll().where('org_id', '=', orgId).where('month', '=', frame).executeTakeFirst();
}

export async function insertCallback(db: Db, row: Insertable<CallbackTable>): Promise<CallbackRow> {
  return db.insertInto('callbacks').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findCallback(db: Db, orgId: number, workOrderId: number, id: number): Promise<CallbackRow | undefined> {
  return db.selectFrom('callbacks').selectAll().where('org_id', '=', orgId).where('work_order_id', '=', workOrderId).where('id', '=', id).executeTakeFirst();
}

export async function listCallbacksOfOrder(db: Db, orgId: number, workOrderId: number): Promise<CallbackRow[]> {
  return db.selectFrom('callbacks').selectAll().where('org_id', '=', orgId).where('work_order_id', '=', workOrderId).orderBy('id').execute();
}

/** At most one callback of an order is pending at a time (a new result withdraws nothing: reopen did). */
export async function findPendingCallback(db: Db, workOrderId: number): Promise<CallbackRow | undefined> {
  return db.selectFrom('callbacks').selectAll().where('work_order_id', '=', workOrderId).where('status', '=', 'pending').orderBy('id', 'desc').executeTakeFirst();
}

/** Optimistic update, like work orders: applies only at `expectedVersion`. */
export async function updateCallback(
  db: Db, orgId: number, id: number, expectedVersion: number, changes: Updateable<CallbackTable>,
): Promise<CallbackRow | undefined> {
  return updateAtVersion(db, 'callbacks', orgId, id, expectedVersion, changes);
}

export async function insertAttempt(db: Db, row: Insertable<CallbackAttemptTable>): Promise<void> {
  await db.insertInto('callback_attempts').values(row).execute();
}

export async function listAttempts(db: Db, orgId: number, callbackIds: number[]) {
  if (callbackIds.length === 0) return [];
  return db
    .selectFrom('callback_attempts as a')
    .leftJoin('users as u', 'u.id', 'a.made_by')
    .select(['a.callback_id', 'a.attempt', 'a.at', 'a.method', 'a.contact', 'a.text', 'a.rating', 'a.made_by', 'u.display_name', 'u.employee_no'])
    .where('a.org_id', '=', orgId)
    .where('a.callback_id', 'in', callbackIds)
    .orderBy('a.callback_id')
    .orderBy('a.attempt')
    .execute();
}
export type CallbackAttemptWithActor = Awaited<ReturnType<typeof listAttempts>>[number];

/** The same read scope as the work-order list: a callback is seen with its order. */
function inScope(scope: ReadScope) {
  return (eb: ExpressionBuilder<Database & { w: Database['work_orders'] }, 'w'>) => {
    switch (scope.kind) {
      case 'site':
        return scope.siteIds ? eb.or([eb('w.site_id', 'in', scope.siteIds), eb('w.owner_id', '=', scope.userId)]) : eb.lit(true);
      case 'department':
        return eb.or([eb('w.department_id', '=', scope.departmentId ?? -1), eb('w.handler_id', '=', scope.userId), eb('w.owner_id', '=', scope.userId)]);
      case 'customer':
        return eb('w.customer_id', '=', scope.customerId ?? -1);
      case 'none':
        return eb.lit(false);
    }
  };
}

export interface QueueFilter {
  scope: ReadScope;
  statuses: string[];
  dueBy?: number;
  siteId?: number;
  /** The local month the result was given in (the stats' month). */
  month?: string;
  outcome?: string;
  rating?: string;
  after?: [number, number];
  limit: number;
}

/** The desk's "callbacks to do": earliest due first. */
export async function listCallbackQueue(db: Db, filter: QueueFilter) {
  let q = db
    .selectFrom('callbacks as cb')
    .innerJoin('work_orders as w', 'w.id', 'cb.work_order_id')
    .innerJoin('customers as c', 'c.id', 'w.customer_id')
    .selectAll('cb')
    .select([
      'w.number', 'w.kind', 'w.status as order_status', 'w.site_id', 'w.contact_phone', 'w.unit', 'w.description', 'w.result',
      'w.version as order_version', 'c.name as customer_name', 'c.title as customer_title',
    ])
    .where('cb.org_id', '=', filter.scope.orgId)
    .where('cb.status', 'in', filter.statuses)
    .where('cb.due_at', 'is not', null)
    .where(inScope(filter.scope));
  if (filter.dueBy !== undefined) q = q.where('cb.due_at', '<=', filter.dueBy);
  if (filter.siteId !== undefined) q = q.where('w.site_id', '=', filter.siteId);
  if (filter.month !== undefined) q = q.where('cb.result_month', '=', filter.month);
  if (filter.outcome !== undefined) q = q.where('cb.outcome', '=', filter.outcome);
  if (filter.rating !== undefined) q = q.where('cb.rating', '=', filter.rating);
  if (filter.after) {
    const [due, id] = filter.after;
    q = q.where((eb) => eb.or([eb('cb.due_at', '>', due), eb.and([eb('cb.due_at', '=', due), eb('cb.id', '>', id)])]));
  }
  return q.orderBy('cb.due_at', 'asc').orderBy('cb.id', 'asc').limit(filter.limit).execute();
}
export type CallbackQueueRow = Awaited<ReturnType<typeof listCallbackQueue>>[number];

/** Every callback of a month in the reader's scope, for the monthly figures. */
export async function listMonthCallbacks(db: Db, scope: ReadScope, month: string, siteId?: number) {
  let q = db
    .selectFrom('callbacks as cb')
    .innerJoin('work_orders as w', 'w.id', 'cb.work_order_id')
    .select(['cb.outcome', 'cb.status', 'cb.reason', 'cb.rating', 'cb.due_at', 'cb.done_at', 'cb.sample_month'])
    .where('cb.org_id', '=', scope.orgId)
    .where('cb.result_month', '=', month)
    .where(inScope(scope));
  if (siteId !== undefined) q = q.where('w.site_id', '=', siteId);
  return q.execute();
}

/**
 * A customer's callbacks on the portal: the ones still taking an answer (pending,
 * or unreachable by phone) and the ones the customer answered online themselves.
 */
export async function listCustomerCallbacks(db: Db, scope: ReadScope, userId: number) {
  return db
    .selectFrom('callbacks as cb')
    .innerJoin('work_orders as w', 'w.id', 'cb.work_order_id')
    .select([
      'cb.id', 'cb.work_order_id', 'cb.status', 'cb.version', 'cb.rating', 'cb.customer_words', 'cb.done_at',
      'w.number', 'w.kind', 'w.result',
    ])
    .where('cb.org_id', '=', scope.orgId)
    .where(inScope(scope))
    .where((eb) => eb.or([
      eb('cb.status', 'in', ['pending', 'unreachable']),
      eb.and([eb('cb.status', '=', 'done'), eb('cb.method', '=', 'online'), eb('cb.done_by', '=', userId)]),
    ]))
    .orderBy('cb.id', 'desc')
    .limit(100)
    .execute();
}
