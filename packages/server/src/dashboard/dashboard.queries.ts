import type { Db } from '../db/types.js';
import type { ReadScope } from '../work-orders/work-order.policy.js';

/**
 * Counts for the desk's queues and dashboard. The scope filter mirrors
 * work-order-list.repository.ts on purpose: a count must never include an order
 * the list would not show to the same person.
 */
function scoped(db: Db, scope: ReadScope) {
  let q = db.selectFrom('work_orders as w').where('w.org_id', '=', scope.orgId);
  if (scope.kind === 'none') q = q.where('w.id', '<', 0);
  if (scope.kind === 'site' && scope.siteIds) {
    const siteIds = scope.siteIds;
    q = q.where((eb) => eb.or([eb('w.site_id', 'in', siteIds), eb('w.owner_id', '=', scope.userId)]));
  }
  if (scope.kind === 'department') {
    const departmentId = scope.departmentId ?? -1;
    q = q.where((eb) => eb.or([eb('w.department_id', '=', departmentId), eb('w.handler_id', '=', scope.userId), eb('w.owner_id', '=', scope.userId)]));
  }
  if (scope.kind === 'customer' && scope.customerId !== undefined) q = q.where('w.customer_id', '=', scope.customerId);
  return q;
}

const count = (value: string | number | bigint | null | undefined) => Number(value ?? 0);

export interface QueueCountInput {
  scope: ReadScope;
  open: readonly string[];
  userId: number;
  departmentId: number | null;
  now: number;
  dueSoonUntil: number;
  siteId?: number;
}

export async function queueCounts(db: Db, input: QueueCountInput) {
  let base = scoped(db, input.scope).where('w.status', 'in', input.open);
  if (input.siteId !== undefined) base = base.where('w.site_id', '=', input.siteId);
  const row = await base
    .select((eb) => [
      eb.fn.countAll<string>().as('open'),
      eb.fn.sum<string>(eb.case().when('w.owner_id', '=', input.userId).then(1).else(0).end()).as('mine'),
      eb.fn.sum<string>(eb.case().when('w.department_id', '=', input.departmentId ?? -1).then(1).else(0).end()).as('department'),
      eb.fn.sum<string>(eb.case().when(eb.and([eb('w.due_at', '>=', input.now), eb('w.due_at', '<', input.dueSoonUntil)])).then(1).else(0).end()).as('due_soon'),
      eb.fn.sum<string>(eb.case().when('w.due_at', '<', input.now).then(1).else(0).end()).as('overdue'),
      eb.fn.sum<string>(eb.case().when('w.status', '=', 'received').then(1).else(0).end()).as('unassigned'),
    ])
    .executeTakeFirst();
  return {
    open: count(row?.open),
    mine: count(row?.mine),
    department: count(row?.department),
    dueSoon: count(row?.due_soon),
    overdue: count(row?.overdue),
    unassigned: count(row?.unassigned),
  };
}

export async function intakeBetween(db: Db, scope: ReadScope, from: number, to: number, siteId?: number) {
  let q = scoped(db, scope).where('w.received_at', '>=', from).where('w.received_at', '<', to);
  if (siteId !== undefined) q = q.where('w.site_id', '=', siteId);
  const rows = await q.select((eb) => ['w.channel', 'w.kind', eb.fn.countAll<string>().as('n')]).groupBy(['w.channel', 'w.kind']).execute();
  return rows.map((r) => ({ channel: r.channel, kind: r.kind, count: count(r.n) }));
}

/** Clocks that ended (met) or ran out (breached) in the period, by the order's department. */
export async function clockOutcomesBetween(db: Db, scope: ReadScope, from: number, to: number, siteId?: number) {
  let q = scoped(db, scope)
    .innerJoin('sla_clocks as c', 'c.work_order_id', 'w.id')
    .where((eb) => eb.or([
      eb.and([eb('c.met_at', '>=', from), eb('c.met_at', '<', to)]),
      eb.and([eb('c.breached_at', '>=', from), eb('c.breached_at', '<', to)]),
    ]));
  if (siteId !== undefined) q = q.where('w.site_id', '=', siteId);
  const rows = await q
    .select((eb) => [
      'w.department_id',
      eb.fn.sum<string>(eb.case().when('c.breached_at', 'is', null).then(1).else(0).end()).as('met'),
      eb.fn.sum<string>(eb.case().when('c.breached_at', 'is not', null).then(1).else(0).end()).as('breached'),
    ])
    .groupBy('w.department_id')
    .execute();
  return rows.map((r) => ({ departmentId: r.department_id, met: count(r.met), breached: count(r.breached) }));
}

export async function complaintsByCategoryBetween(db: Db, scope: ReadScope, from: number, to: number, siteId?: number) {
  let q = scoped(db, scope).where('w.kind', '=', 'complaint').where('w.received_at', '>=', from).where('w.received_at', '<', to);
  if (siteId !== undefined) q = q.where('w.site_id', '=', siteId);
  const rows = await q.select((eb) => ['w.category_id', eb.fn.countAll<string>().as('n')]).groupBy('w.category_id').execute();
  return rows.map((r) => ({ categoryId: r.category_id, count: count(r.n) }));
}

/** Who can be picked when dispatching or transferring: active staff, no portal accounts. */
export async function staffDirectory(db: Db, orgId: number) {
  return db
    .selectFrom('users')
    .select(['id', 'display_name', 'employee_no', 'role', 'department_id', 'site_ids_json'])
    .where('org_id', '=', orgId)
    .where('disabled', '=', 0)
    .where('role', '!=', 'customer')
    .orderBy('id')
    .execute();
}
