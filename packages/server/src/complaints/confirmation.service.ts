import { availableActions, CALLBACK_RATING_LABELS, hasPermission, isCallbackRating, recordOutcome, type CallbackRating, type WorkOrderStatus } from '@huiyin/domain';
import type { AppContext } from '../app-context.js';
import type { RequestContext } from '../auth/actor.js';
import { callbackSettingsOf } from '../callbacks/callback-settings.js';
import { AppError } from '../errors/app-error.js';
import { applyChange, applyTransition } from '../work-orders/change-work-order.js';
import { canReadWorkOrder } from '../work-orders/work-order.policy.js';
import { findWorkOrder, type WorkOrderRow } from '../work-orders/work-order.repository.js';
import { complaintSettingsOf } from './complaint-settings.js';
import { insertConfirmation, latestConfirmation } from './confirmation.repository.js';
import { checkPngDataUrl } from './png-check.js';

/**
 * The customer confirms the work is done (S1 4.6.3.3(2) "客户签字确认"): typed
 * words on the portal, or a signature drawn on a pad at the desk or on site,
 * with a rating on the callback's five-level scale. The customer may confirm
 * their own order; staff record it for them.
 */
export interface ConfirmationInput {
  version: number;
  text?: string | null;
  signature?: string | null;
  signerName?: string | null;
  rating?: CallbackRating | null;
}

type ConfirmationRow = NonNullable<Awaited<ReturnType<typeof latestConfirmation>>>;

async function assertMayConfirm(app: AppContext, ctx: RequestContext, id: number): Promise<void> {
  if (ctx.actor.role === 'customer') return; // scope (own orders only) is checked with the order
  if (hasPermission(ctx.actor.role, 'work_order.dispatch') || hasPermission(ctx.actor.role, 'work_order.handle')) return;
  const order = await findWorkOrder(app.db, ctx.actor.orgId, id);
  if (!order || !canReadWorkOrder(ctx.actor, order)) throw new AppError('not_found', `work order ${id}`);
  throw new AppError('forbidden', `role ${ctx.actor.role} cannot record a confirmation`);
}

/**
 * A rating at or below the organisation's reopen threshold (default 不满意) is
 * the customer's "not satisfied" of S1 4.6.3.1(11)(12), the same threshold a
 * callback uses: the response is kept, but it confirms nothing — the order
 * goes back to the department, in the same transaction, with the customer's
 * words as the reason.
 */
export async function confirmCompletion(app: AppContext, ctx: RequestContext, id: number, input: ConfirmationInput): Promise<WorkOrderRow> {
  await assertMayConfirm(app, ctx, id);
  const text = input.text?.trim() || null;
  const signature = input.signature ?? null;
  if ((text === null) === (signature === null)) {
    throw new AppError('validation_failed', 'give either a typed confirmation text or a signature image', { field: 'text' });
  }
  let png: Buffer | null = null;
  if (signature !== null) {
    const { signatureMaxBytes } = await complaintSettingsOf(app.db, ctx.actor.orgId);
    const check = checkPngDataUrl(signature, signatureMaxBytes);
    if (!check.ok) throw new AppError('invalid_signature', check.detail, { problem: check.problem, field: 'signature' });
    png = check.bytes;
  }
  const rating = input.rating ?? null;
  const notSatisfied = rating !== null && recordOutcome(rating, (await callbackSettingsOf(app.db, ctx.actor.orgId)).record).reopen;
  const signerName = input.signerName?.trim() || null;
  const byCustomer = ctx.actor.role === 'customer';
  const now = ctx.now.getTime();
  return app.db.transaction().execute(async (trx) => {
    const inTrx = { ...app, db: trx };
    const recorded = await applyChange(inTrx, ctx, id, input.version, async (_db, order) => {
      if (order.result_at === null) throw new AppError('not_completed', `work order ${id} is ${order.status}`, { currentStatus: order.status });
      if (order.customer_confirmed_at !== null && order.customer_confirmed_at >= order.result_at) throw new AppError('already_confirmed');
      if (notSatisfied && !availableActions(order.status as WorkOrderStatus).includes('reopen')) {
        throw new AppError('illegal_transition', `a ${order.status} order cannot go back to the department`, { currentStatus: order.status });
      }
      const method = png ? 'signature' : 'text';
      const data = { method, ...(text ? { text } : {}), ...(signerName ? { signerName } : {}), ...(rating ? { rating } : {}), byCustomer };
      return {
        changes: notSatisfied ? {} : { customer_confirmed_at: now },
        event: { type: notSatisfied ? 'customer_not_satisfied' : 'customer_confirmed', data, customerVisible: true },
        audit: notSatisfied ? 'work_order.customer_not_satisfied' : 'work_order.customer_confirmation',
        after: async (db) => {
          await insertConfirmation(db, {
            org_id: ctx.actor.orgId, work_order_id: id, method, text, signature_png: png ? png.toString('base64') : null,
            signer_name: signerName, recorded_by: ctx.actor.userId, by_customer: byCustomer ? 1 : 0, created_at: now, rating,
          });
        },
      };
    });
    if (!notSatisfied || rating === null) return recorded;
    const reason = `客户评价${CALLBACK_RATING_LABELS[rating]['zh-CN']}${text ? `：${text}` : ''}`;
    return applyTransition(inTrx, ctx, id, { action: 'reopen', version: recorded.version, text: reason });
  });
}

export function toConfirmationView(row: ConfirmationRow, options: { withImage: boolean }) {
  return {
    id: row.id,
    method: row.method,
    text: row.text,
    signerName: row.signer_name,
    byCustomer: row.by_customer === 1,
    rating: isCallbackRating(row.rating) ? row.rating : null,
    at: new Date(row.created_at).toISOString(),
    ...(options.withImage ? { signature: row.signature_png ? `data:image/png;base64,${row.signature_png}` : null } : {}),
  };
}

/** The latest confirmation with its signature image, for printing the complaint form. */
export async function getConfirmation(app: AppContext, ctx: RequestContext, id: number) {
  const order = await findWorkOrder(app.db, ctx.actor.orgId, id);
  if (!order || !canReadWorkOrder(ctx.actor, order)) throw new AppError('not_found', `work order ${id}`);
  const row = await latestConfirmation(app.db, ctx.actor.orgId, id);
  if (!row) throw new AppError('not_found', `work order ${id} has no confirmation`);
  return toConfirmationView(row, { withImage: true });
}
