import type { Dialect } from '../db/database.js';
import type { Db } from '../db/types.js';
import { matchesAllWords } from '../search/search-index.repository.js';
import type { ReadScope } from './work-order.policy.js';

export type ListSort = 'received_desc' | 'due_asc';

export interface ListFilter {
  scope: ReadScope;
  statuses?: string[];
  kinds?: string[];
  channels?: string[];
  siteId?: number;
  /** null: not dispatched to any department. */
  departmentId?: number | null;
  /** null: uncategorised. Exact: children are other categories. */
  categoryId?: number | null;
  /** Orders with a clock that ended this way in [from, to): the dashboard's met/breached chart, order by order. */
  clock?: { outcome: 'met' | 'breached'; from?: number; to?: number };
  ownerId?: number;
  customerId?: number;
  phone?: string;
  overdueAt?: number; // open orders whose due time is before this instant
  openStatuses: readonly string[];
  receivedFrom?: number;
  receivedTo?: number;
  words?: string[];
  numberPrefix?: string;
  sort: ListSort;
  /** Only orders with a larger id (the live stream's "what is new since"). */
  minId?: number;
  /** Position after which to continue: [sort key, id]. */
  after?: [number, number];
  limit: number;
}

export async function listWorkOrders(db: Db, dialect: Dialect, filter: ListFilter) {
  const { scope } = filter;
  let q = db
    .selectFrom('work_orders as w')
    .innerJoin('customers as c', 'c.id', 'w.customer_id')
    .select([
      'w.id', 'w.number', 'w.kind', 'w.channel', 'w.status', 'w.site_id', 'w.customer_id', 'w.contact_phone',
      'w.unit', 'w.description', 'w.category_id', 'w.received_at', 'w.owner_id', 'w.department_id',
      'w.handler_id', 'w.due_at', 'w.updated_at', 'w.version', 'c.name as customer_name', 'c.title as customer_title',
    ])
    .where('w.org_id', '=', scope.orgId);

  if (scope.kind === 'none') return [];
  if (scope.kind === 'site' && scope.siteIds) {
    const siteIds = scope.siteIds;
    q = q.where((eb) => eb.or([eb('w.site_id', 'in', siteIds), eb('w.owner_id', '=', scope.userId)]));
  }
  if (scope.kind === 'department') {
    const departmentId = scope.departmentId ?? -1;
    q = q.where((eb) =>
      eb.or([eb('w.department_id', '=', departmentId), eb('w.handler_id', '=', scope.userId), eb('w.owner_id', '=', scope.userId)]),
    );
  }
  if (scope.kind === 'customer' && scope.customerId !== undefined) q = q.where('w.customer_id', '=', scope.customerId);

  if (filter.minId !== undefined) q = q.where('w.id', '>', filter.minId);
  if (filter.statuses?.length) q = q.where('w.status', 'in', filter.statuses);
  if (filter.kinds?.length) q = q.where('w.kind', 'in', filter.kinds);
  if (filter.siteId !== undefined) q = q.where('w.site_id', '=', filter.siteId);
  if (filter.channels?.length) q = q.where('w.channel', 'in', filter.channels);
  if (filter.departmentId === null) q = q.where('w.department_id', 'is', null);
  else if (filter.departmentId !== undefined) q = q.where('w.department_id', '=', filter.departmentId);
  if (filter.categoryId === null) q = q.where('w.category_id', 'is', null);
  else if (filter.categoryId !== undefined) q = q.where('w.category_id', '=', filter.categoryId);
  if (filter.clock) {
    const { outcome, from, to } = filter.clock;
    // The same clocks dashboard.queries counts: ended (met or breached) in the period, then split by breach.
    q = q.where(({ exists, selectFrom }) => exists(
      selectFrom('sla_clocks as sc').select('sc.id').whereRef('sc.work_order_id', '=', 'w.id')
        .where('sc.breached_at', outcome === 'met' ? 'is' : 'is not', null)
        .where((eb) => eb.or(['met_at', 'breached_at'].map((column) => {
          const at = `sc.${column}` as 'sc.met_at' | 'sc.breached_at';
          return eb.and([eb(at, 'is not', null), ...(from !== undefined ? [eb(at, '>=', from)] : []), ...(to !== undefined ? [eb(at, '<', to)] : [])]);
        }))),
    ));
  }
  if (filter.ownerId !== undefined) q = q.where('w.owner_id', '=', filter.ownerId);
  if (filter.customerId !== undefined) q = q.where('w.customer_id', '=', filter.customerId);
  if (filter.receivedFrom !== undefined) q = q.where('w.received_at', '>=', filter.receivedFrom);
  if (filter.receivedTo !== undefined) q = q.where('w.received_at', '<', filter.receivedTo);
  if (filter.overdueAt !== undefined) {
    q = q.where('w.due_at', '<', filter.overdueAt).where('w.status', 'in', filter.openStatuses);
  }
  if (filter.phone) {
    const phone = filter.phone;
    q = q.where((eb) =>
      eb.or([
        eb('w.contact_phone', '=', phone),
        eb('w.customer_id', 'in', eb.selectFrom('customer_phones').select('customer_id').where('org_id', '=', scope.orgId).where('phone', '=', phone)),
      ]),
    );
  }
  const words = filter.words ?? [];
  const numberPrefix = filter.numberPrefix;
  if (words.length > 0 && numberPrefix) {
    // A query that looks like a work-order number matches by number or by words.
    q = q.where((eb) => eb.or([eb('w.number', 'like', `${numberPrefix}%`), matchesAllWords(dialect, 'w.id', words)]));
  } else if (words.length > 0) {
    q = q.where(matchesAllWords(dialect, 'w.id', words));
  }

  if (filter.sort === 'due_asc') {
    // The due-time queue holds the orders that have a due time; both databases
    // then walk the (org, status, site, due_at, id) index in order.
    q = q.where('w.due_at', 'is not', null);
    if (filter.after) {
      const [key, id] = filter.after;
      q = q.where((eb) => eb.or([eb('w.due_at', '>', key), eb.and([eb('w.due_at', '=', key), eb('w.id', '>', id)])]));
    }
    q = q.orderBy('w.due_at', 'asc').orderBy('w.id', 'asc');
  } else {
    if (filter.after) {
      const [key, id] = filter.after;
      q = q.where((eb) => eb.or([eb('w.received_at', '<', key), eb.and([eb('w.received_at', '=', key), eb('w.id', '<', id)])]));
    }
    q = q.orderBy('w.received_at', 'desc').orderBy('w.id', 'desc');
  }
  return q.limit(filter.limit).execute();
}

export type WorkOrderListRow = Awaited<ReturnType<typeof listWorkOrders>>[number];

export async function maxWorkOrderId(db: Db, orgId: number): Promise<number> {
  const row = await db.selectFrom('work_orders').select((eb) => eb.fn.max('id').as('id')).where('org_id', '=', orgId).executeTakeFirst();
  return Number(row?.id ?? 0);
}
