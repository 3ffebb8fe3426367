import { hasPermission, normalisePhone, OPEN_STATUSES } from '@huiyin/domain';
import type { AppContext } from '../app-context.js';
import type { RequestContext } from '../auth/actor.js';
import { AppError } from '../errors/app-error.js';
import { findCustomer } from '../customers/customer.repository.js';
import { findCategory } from '../organisations/organisation.repository.js';
import { queryTokens } from '../search/search-text.js';
import { findUserById } from '../users/user.repository.js';
import { listWorkOrders, type ListSort } from './work-order-list.repository.js';
import { actionsFor, toTimelineEntry, toWorkOrderSummary } from './work-order.mapper.js';
import { canReadWorkOrder, readScopeOf } from './work-order.policy.js';
import { findWorkOrder, listEvents } from './work-order.repository.js';
import { listClocks } from '../sla/sla-clock.repository.js';
import { toClockView } from '../sla/sla-clock.mapper.js';
import { complaintDetailOf } from '../complaints/complaint-detail.js';
import { callbacksForOrder } from '../callbacks/callback-queries.js';

const iso = (ms: number | null) => (ms == null ? null : new Date(ms).toISOString());

export async function getWorkOrder(app: AppContext, ctx: RequestContext, id: number) {
  const { actor } = ctx;
  const order = await findWorkOrder(app.db, actor.orgId, id);
  if (!order || !canReadWorkOrder(actor, order)) throw new AppError('not_found', `work order ${id}`);
  const isCustomer = actor.role === 'customer';
  const [customer, category, events, owner, clocks, callbacks] = await Promise.all([
    findCustomer(app.db, actor.orgId, order.customer_id),
    order.category_id ? findCategory(app.db, actor.orgId, order.category_id) : undefined,
    listEvents(app.db, actor.orgId, id, isCustomer),
    order.owner_id ? findUserById(app.db, actor.orgId, order.owner_id) : undefined,
    isCustomer ? Promise.resolve([]) : listClocks(app.db, id),
    callbacksForOrder(app.db, actor, order),
  ]);
  const complaintDetail = await complaintDetailOf(app.db, actor, order);
  return {
    ...toWorkOrderSummary(actor, order, { name: customer?.name ?? '', title: customer?.title ?? null }),
    categoryPath: category?.path ?? null,
    agreedReplyMethod: order.agreed_reply_method,
    agreedReplyAt: iso(order.agreed_reply_at),
    // Customers know staff only by employee number.
    owner: owner ? { id: isCustomer ? null : owner.id, name: isCustomer ? null : owner.display_name, employeeNo: owner.employee_no } : null,
    result: order.result,
    cancelReason: order.cancel_reason,
    createdAt: new Date(order.created_at).toISOString(),
    closedAt: iso(order.closed_at),
    nature: isCustomer ? null : order.nature,
    severity: isCustomer ? null : order.severity,
    clocks: clocks.map(toClockView),
    availableActions: isCustomer ? [] : actionsFor(actor, order.status),
    timeline: events.map((event) => toTimelineEntry(actor, event)),
    ...complaintDetail, // complaint (staff only), suggestedDepartmentId, confirmation
    ...callbacks, // callbacks (staff only) and callbackPreference
  };
}

export interface ListQuery {
  q?: string;
  status?: string;
  kind?: string;
  channel?: string;
  siteId?: number;
  departmentId?: number | 'none';
  categoryId?: number | 'none';
  clockOutcome?: 'met' | 'breached';
  clockFrom?: string;
  clockTo?: string;
  ownerId?: number | 'me';
  customerId?: number;
  phone?: string;
  overdue?: boolean;
  from?: string;
  to?: string;
  sort?: ListSort;
  cursor?: string;
  limit?: number;
}

const NUMBER_LIKE = /^[A-Za-z]{0,4}\d{4,}$/;

export async function listWorkOrdersFor(app: AppContext, ctx: RequestContext, query: ListQuery) {
  const { actor } = ctx;
  const sort = query.sort ?? 'received_desc';
  const limit = Math.min(query.limit ?? 50, 200);
  const words = query.q ? queryTokens(query.q) : [];
  if (query.q && words.length === 0) return { items: [], nextCursor: null };
  if (query.phone && !hasPermission(actor.role, 'contact.view')) {
    throw new AppError('forbidden', 'searching by phone needs the contact permission');
  }
  const rows = await listWorkOrders(app.db, app.dialect, {
    scope: readScopeOf(actor),
    statuses: splitList(query.status),
    kinds: splitList(query.kind),
    channels: splitList(query.channel),
    siteId: query.siteId,
    departmentId: query.departmentId === 'none' ? null : query.departmentId,
    categoryId: query.categoryId === 'none' ? null : query.categoryId,
    clock: query.clockOutcome
      ? { outcome: query.clockOutcome, from: parseInstant(query.clockFrom, 'clockFrom'), to: parseInstant(query.clockTo, 'clockTo') }
      : undefined,
    ownerId: query.ownerId === 'me' ? actor.userId : query.ownerId,
    customerId: query.customerId,
    phone: query.phone ? normalisePhone(query.phone) : undefined,
    overdueAt: query.overdue ? ctx.now.getTime() : undefined,
    openStatuses: OPEN_STATUSES,
    receivedFrom: parseInstant(query.from, 'from'),
    receivedTo: parseInstant(query.to, 'to'),
    words,
    numberPrefix: query.q && NUMBER_LIKE.test(query.q.trim()) ? query.q.trim().toUpperCase() : undefined,
    sort,
    after: query.cursor ? decodeCursor(query.cursor, sort) : undefined,
    limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const nextCursor = rows.length > limit && last ? encodeCursor(sort, sort === 'due_asc' ? (last.due_at ?? 0) : last.received_at, last.id) : null;
  return {
    items: page.map((row) => toWorkOrderSummary(actor, row, { name: row.customer_name, title: row.customer_title })),
    nextCursor,
  };
}

function splitList(value: string | undefined): string[] | undefined {
  return value ? value.split(',').map((v) => v.trim()).filter(Boolean) : undefined;
}

function parseInstant(value: string | undefined, field: string): number | undefined {
  if (!value) return undefined;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new AppError('validation_failed', `${field} is not a date-time`, { field });
  return ms;
}

// Cursors are opaque to clients; the sort is inside so a cursor cannot be replayed against another order.
function encodeCursor(sort: ListSort, key: number, id: number): string {
  return Buffer.from(JSON.stringify([sort, key, id])).toString('base64url');
}

function decodeCursor(cursor: string, sort: ListSort): [number, number] {
  try {
    const [cursorSort, key, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as [string, number, number];
    if (cursorSort === sort && Number.isFinite(key) && Number.isInteger(id)) return [key, id];
  } catch {
    // fall through to the error below
  }
  throw new AppError('validation_failed', 'cursor is not valid for this list', { field: 'cursor' });
}
