import { hasPermission, type CallbackRating, type ReplyMethod } from '@huiyin/domain';
import type { AppContext } from '../app-context.js';
import type { RequestContext } from '../auth/actor.js';
import { AppError } from '../errors/app-error.js';
import { canReadWorkOrder, readScopeOf } from '../work-orders/work-order.policy.js';
import { findWorkOrder } from '../work-orders/work-order.repository.js';
import { openCallback, recordContact } from './callback-record.service.js';
import { callbackSettingsOf } from './callback-settings.js';
import { listCustomerCallbacks } from './callback.repository.js';

/** How a customer's own answer is recorded: online, on the portal. */
const ONLINE: ReplyMethod = 'online';

export interface AnswerInput {
  version: number;
  text: string;
  rating: CallbackRating;
}

function assertCustomer(ctx: RequestContext): void {
  // A portal account: it reads its own orders and is linked to a customer (as work-order.policy.ts asks).
  if (!hasPermission(ctx.actor.role, 'work_order.read_own') || ctx.actor.customerId === null) {
    throw new AppError('forbidden', 'only the customer answers a callback online; the desk records contacts with /attempts');
  }
}

/**
 * The customer answers the callback on the portal instead of waiting for the
 * call: their words and the five-level rating, recorded as a contact made by
 * the customer, online — the customer's own choice of method, so it is allowed
 * whatever the callback's planned methods were. Everything else is the desk's
 * record: a rating at or below the organisation's reopen threshold (default
 * 不满意) reopens the order, a better rating closes it.
 * Another customer's order answers 404, like every read of it.
 */
export async function answerCallback(app: AppContext, ctx: RequestContext, orderId: number, callbackId: number, input: AnswerInput): Promise<void> {
  const { actor } = ctx;
  await app.db.transaction().execute(async (trx) => {
    const order = await findWorkOrder(trx, actor.orgId, orderId);
    if (!order || !canReadWorkOrder(actor, order)) throw new AppError('not_found', `work order ${orderId}`);
    assertCustomer(ctx);
    const callback = await openCallback(trx, actor.orgId, orderId, callbackId, input.version);
    const methods = JSON.parse(callback.methods_json) as ReplyMethod[];
    await recordContact({ ...app, db: trx }, ctx, order, callback, { method: ONLINE, contact: 'answered', text: input.text, rating: input.rating }, [...methods, ONLINE]);
  });
}

/**
 * The customer's callbacks: those waiting for an answer first. Each says which
 * rating sends the order back, so the portal warns by the organisation's rule.
 */
export async function customerCallbacks(app: AppContext, ctx: RequestContext) {
  assertCustomer(ctx);
  const [rows, { record }] = await Promise.all([
    listCustomerCallbacks(app.db, readScopeOf(ctx.actor), ctx.actor.userId),
    callbackSettingsOf(app.db, ctx.actor.orgId),
  ]);
  const items = rows.map((r) => ({
    id: r.id,
    workOrderId: r.work_order_id,
    number: r.number,
    kind: r.kind,
    result: r.result,
    answerable: r.status !== 'done',
    version: r.version,
    rating: r.status === 'done' ? r.rating : null,
    words: r.status === 'done' ? r.customer_words : null,
    answeredAt: r.status === 'done' && r.done_at !== null ? new Date(r.done_at).toISOString() : null,
    reopenAtOrWorse: record.reopenAtOrWorse,
  }));
  return { items: [...items.filter((i) => i.answerable), ...items.filter((i) => !i.answerable)] };
}
