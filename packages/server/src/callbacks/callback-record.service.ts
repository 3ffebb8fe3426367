import {
  CALLBACK_RATING_LABELS,
  hasPermission,
  validateCallbackRecord,
  type CallbackContactResult,
  type CallbackRating,
  type ReplyMethod,
  type WorkOrderAction,
} from '@huiyin/domain';
import type { Updateable } from 'kysely';
import type { AppContext } from '../app-context.js';
import type { RequestContext } from '../auth/actor.js';
import type { CallbackTable } from '../db/schema.js';
import type { Db } from '../db/types.js';
import { AppError } from '../errors/app-error.js';
import { meetClocks, refreshOrderDue } from '../sla/sla-clock.service.js';
import { applyTransition } from '../work-orders/change-work-order.js';
import { canReadWorkOrder } from '../work-orders/work-order.policy.js';
import { findWorkOrder, insertEvent, type WorkOrderRow } from '../work-orders/work-order.repository.js';
import { audit } from './callback-decision.js';
import { callbackSettingsOf } from './callback-settings.js';
import { findCallback, insertAttempt, updateCallback, type CallbackRow } from './callback.repository.js';

export interface AttemptInput {
  version: number;
  at?: string;
  method?: ReplyMethod;
  contact: CallbackContactResult;
  text?: string | null;
  rating?: CallbackRating | null;
}

/** Callbacks that still take a contact: pending ones, and unreachable ones for a late answer. */
const OPEN_FOR_CONTACT = ['pending', 'unreachable'];
const CLOSABLE = ['result_given', 'awaiting_callback'];
const REOPENABLE = ['result_given', 'awaiting_callback', 'closed'];

/**
 * The desk records one callback contact (S1 4.6.3.1(13): when, how, who, the
 * customer's words, the rating). Department staff do not call back: the desk
 * owns the customer contact and the close/reopen that follows.
 */
export async function recordCallbackAttempt(app: AppContext, ctx: RequestContext, orderId: number, callbackId: number, input: AttemptInput) {
  const { actor } = ctx;
  await app.db.transaction().execute(async (trx) => {
    const order = await findWorkOrder(trx, actor.orgId, orderId);
    if (!order || !canReadWorkOrder(actor, order)) throw new AppError('not_found', `work order ${orderId}`);
    if (!hasPermission(actor.role, 'work_order.dispatch')) throw new AppError('forbidden', `role ${actor.role} cannot record callbacks`);
    const callback = await openCallback(trx, actor.orgId, orderId, callbackId, input.version);
    const methods = JSON.parse(callback.methods_json) as ReplyMethod[];
    await recordContact({ ...app, db: trx }, ctx, order, callback, { ...input, method: input.method ?? (callback.default_method as ReplyMethod) }, methods);
  });
}

/** The callback as the caller read it, still taking a contact; 404 / 409 otherwise. */
export async function openCallback(db: Db, orgId: number, orderId: number, callbackId: number, version: number): Promise<CallbackRow> {
  const callback = await findCallback(db, orgId, orderId, callbackId);
  if (!callback) throw new AppError('not_found', `callback ${callbackId} of work order ${orderId}`);
  if (callback.version !== version) throw new AppError('version_conflict', undefined, { currentVersion: callback.version });
  if (!OPEN_FOR_CONTACT.includes(callback.status)) {
    throw new AppError('callback_closed', `callback ${callbackId} is ${callback.status}`, { currentStatus: callback.status });
  }
  return callback;
}

export interface ContactInput {
  at?: string;
  method: ReplyMethod;
  contact: CallbackContactResult;
  text?: string | null;
  rating?: CallbackRating | null;
}

/**
 * One contact on a callback the caller may record, inside the caller's
 * transaction (`app.db`). What it does to the order, through the ordinary
 * transitions (event, audit, clocks):
 * - at or below the organisation's reopen threshold (callbacks.record.reopenAtOrWorse,
 *   default 不满意): `reopen`, the customer's words going back to the department
 *   (S1 4.6.3.1(11)(12)), on a restarted result clock;
 * - any other rating, unreachable after the last attempt, or refused on the
 *   call: `close` — nothing is left to wait for; unreachable and refused are
 *   recorded as such, never as missed;
 * - a failed try with attempts left: nothing but the attempt.
 * A customer's own answer on the portal is the same record, made by the
 * customer and visible to them on their timeline.
 */
export async function recordContact(
  app: AppContext, ctx: RequestContext, order: WorkOrderRow, callback: CallbackRow, input: ContactInput, allowedMethods: readonly ReplyMethod[],
): Promise<void> {
  const { actor } = ctx;
  const db = app.db;
  const { record } = await callbackSettingsOf(db, actor.orgId);
  const now = ctx.now.getTime();
  const at = input.at === undefined ? now : Date.parse(input.at);
  const text = input.text?.trim() ?? '';
  const method = input.method;
  const verdict = validateCallbackRecord(
    { at, method, by: String(actor.userId), contact: input.contact, text, rating: input.rating ?? null },
    { now, resultGivenAt: callback.result_at ?? callback.created_at, allowedMethods, previousAttempts: callback.attempts },
    record,
  );
  if (!verdict.ok) {
    throw new AppError('callback_record_invalid', verdict.problems.map((p) => p.detail).join('; '), {
      problems: verdict.problems.map((p) => ({ code: p.code, field: p.field, detail: p.detail })),
    });
  }

  const done = { attempts: verdict.attempt, method, contact: input.contact, done_at: at, done_by: actor.userId, updated_at: now };
  const changes: Updateable<CallbackTable> =
    verdict.status === 'completed' ? { ...done, status: 'done', rating: verdict.rating, customer_words: text }
    : verdict.status === 'refused' ? { ...done, status: 'waived', reason: 'customer_refused', customer_words: text || null }
    : verdict.status === 'unreachable' ? { ...done, status: 'unreachable' }
    : { attempts: verdict.attempt, method, contact: input.contact, updated_at: now };
  const updated = await updateCallback(db, actor.orgId, callback.id, callback.version, changes);
  if (!updated) throw new AppError('version_conflict');
  const rating = verdict.status === 'completed' ? verdict.rating : null;
  const byCustomer = actor.role === 'customer';
  await insertAttempt(db, {
    org_id: actor.orgId, callback_id: callback.id, work_order_id: order.id, attempt: verdict.attempt, at, method,
    contact: input.contact, text, rating, made_by: actor.userId, recorded_at: now,
  });
  const final = verdict.status !== 'attempt';
  await insertEvent(db, {
    org_id: actor.orgId, work_order_id: order.id, type: final ? 'callback_recorded' : 'callback_attempt', actor_id: actor.userId, at: now,
    data_json: JSON.stringify({
      callbackId: callback.id, attempt: verdict.attempt, at: new Date(at).toISOString(), method, contact: input.contact, text, rating,
      status: updated.status, ...(verdict.status === 'attempt' ? { attemptsLeft: verdict.attemptsLeft } : {}), ...(byCustomer ? { byCustomer } : {}),
    }),
    // The desk's record is internal; what the customers answered themselves they may see again.
    customer_visible: byCustomer ? 1 : 0,
  });
  await audit(db, ctx, 'callback.record', updated, { status: callback.status, attempts: callback.attempts }, {
    status: updated.status, attempts: updated.attempts, contact: input.contact, method, rating, at: new Date(at).toISOString(),
  });
  if (!final) return;

  const clockCtx = { actorId: actor.userId, now };
  if (callback.status === 'pending') await meetClocks(db, order, 'callback_recorded', clockCtx);
  const next = followUp(order, verdict.status === 'completed' ? { reopen: verdict.reopen, rating: verdict.rating } : null, verdict.status, text, record.maxAttempts);
  // Joins the caller's transaction: applyChange sees a transaction as app.db and does not open another.
  if (next) await applyTransition(app, ctx, order.id, { action: next.action, version: order.version, text: next.text });
  else await refreshOrderDue(db, order);
}

function followUp(
  order: WorkOrderRow, completed: { reopen: boolean; rating: CallbackRating } | null, status: string, words: string, maxAttempts: number,
): { action: WorkOrderAction; text: string } | null {
  if (completed?.reopen) {
    if (!REOPENABLE.includes(order.status)) return null;
    // The customer's opinion is what goes back to the department (S1 4.6.3.1(11)).
    return { action: 'reopen', text: `回访${CALLBACK_RATING_LABELS[completed.rating]['zh-CN']}：${words}` };
  }
  if (!CLOSABLE.includes(order.status)) return null;
  if (completed) return { action: 'close', text: `回访结果：${CALLBACK_RATING_LABELS[completed.rating]['zh-CN']}` };
  if (status === 'refused') return { action: 'close', text: '客户拒绝回访' };
  return { action: 'close', text: `回访${maxAttempts}次未能联系上客户` };
}
