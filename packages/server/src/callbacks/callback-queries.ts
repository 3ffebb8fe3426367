import { hasPermission } from '@huiyin/domain';
import type { AppContext } from '../app-context.js';
import type { Actor, RequestContext } from '../auth/actor.js';
import type { Db } from '../db/types.js';
import { AppError } from '../errors/app-error.js';
import { readScopeOf } from '../work-orders/work-order.policy.js';
import type { WorkOrderRow } from '../work-orders/work-order.repository.js';
import { callbackSettingsOf } from './callback-settings.js';
import { toCallbackView, toQueueItem } from './callback.mapper.js';
import { listAttempts, listCallbackQueue, listCallbacksOfOrder } from './callback.repository.js';
import { CALLBACK_STATUSES, type QueueQuery } from './callback.schemas.js';

/**
 * The callbacks on the work-order detail; staff only (the rating is internal), like the SLA clocks.
 * Every reader, the customer too, learns the rating at or below which a callback answer or a
 * confirmation sends the order back: the desk and the portal warn before it happens, by the
 * organisation's rule rather than the default.
 */
export async function callbacksForOrder(db: Db, actor: Actor, order: WorkOrderRow) {
  const preference = { refused: order.callback_refused === 1, anonymous: order.customer_anonymous === 1 };
  if (actor.role === 'customer') {
    const { record } = await callbackSettingsOf(db, actor.orgId);
    return { callbacks: [], callbackPreference: preference, reopenAtOrWorse: record.reopenAtOrWorse };
  }
  const rows = await listCallbacksOfOrder(db, actor.orgId, order.id);
  const [attempts, { record }] = await Promise.all([listAttempts(db, actor.orgId, rows.map((r) => r.id)), callbackSettingsOf(db, actor.orgId)]);
  return {
    callbacks: rows.map((row) => toCallbackView(row, attempts, record.maxAttempts)),
    callbackPreference: preference,
    reopenAtOrWorse: record.reopenAtOrWorse,
  };
}

/** Staff who read orders by site or department see the callbacks of those orders; customers have no queue. */
export function assertCanReadCallbacks(actor: Actor): void {
  if (!hasPermission(actor.role, 'work_order.read_site') && !hasPermission(actor.role, 'work_order.read_department')) {
    throw new AppError('forbidden', `role ${actor.role} has no callback queue`);
  }
}

/** The desk's "callbacks to do", earliest due first, scoped like the work-order list. */
export async function callbackQueue(app: AppContext, ctx: RequestContext, query: QueueQuery) {
  const { actor } = ctx;
  assertCanReadCallbacks(actor);
  const statuses = (query.status ?? 'pending').split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = statuses.find((s) => !(CALLBACK_STATUSES as readonly string[]).includes(s));
  if (unknown !== undefined || statuses.length === 0) throw new AppError('validation_failed', `unknown callback status "${unknown ?? ''}"`, { field: 'status' });
  const limit = Math.min(query.limit ?? 50, 200);
  const rows = await listCallbackQueue(app.db, {
    scope: readScopeOf(actor),
    statuses,
    dueBy: query.due === undefined ? undefined : Date.parse(query.due),
    siteId: query.siteId,
    month: query.month,
    outcome: query.outcome,
    rating: query.rating,
    after: query.cursor ? decodeCursor(query.cursor) : undefined,
    limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  const [attempts, settings] = await Promise.all([listAttempts(app.db, actor.orgId, page.map((r) => r.id)), callbackSettingsOf(app.db, actor.orgId)]);
  const now = ctx.now.getTime();
  const last = page[page.length - 1];
  return {
    items: page.map((row) => ({ ...toQueueItem(actor, row, settings.record.maxAttempts, now), attemptLog: toCallbackView(row, attempts, 0).attemptLog })),
    nextCursor: rows.length > limit && last ? Buffer.from(JSON.stringify([last.due_at, last.id])).toString('base64url') : null,
  };
}

function decodeCursor(cursor: string): [number, number] {
  try {
    const [due, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as [number, number];
    if (Number.isFinite(due) && Number.isInteger(id)) return [due, id];
  } catch {
    // fall through to the error below
  }
  throw new AppError('validation_failed', 'cursor is not valid for this list', { field: 'cursor' });
}
