import { hasPermission } from '@huiyin/domain';
import type { Updateable } from 'kysely';
import type { AppContext } from '../app-context.js';
import type { RequestContext } from '../auth/actor.js';
import { insertAudit } from '../audit/audit.repository.js';
import type { WorkOrderTable } from '../db/schema.js';
import { AppError } from '../errors/app-error.js';
import { refreshOrderDue, syncClocks } from '../sla/sla-clock.service.js';
import { canReadWorkOrder } from '../work-orders/work-order.policy.js';
import { findWorkOrder, insertEvent, updateWorkOrder } from '../work-orders/work-order.repository.js';
import { audit, clockNeedOf } from './callback-decision.js';
import { findPendingCallback, updateCallback } from './callback.repository.js';

export interface PreferenceInput {
  version: number;
  refused?: boolean;
  anonymous?: boolean;
  note?: string | null;
}

/**
 * The customer refuses callbacks or stays anonymous (S1 4.6.3.1(14)): recorded on
 * the order at intake or any time later. A callback still pending becomes
 * waived — recorded as such, never counted as missed — and its clock stops.
 * Withdrawing the wish later does not bring a waived callback back; the desk
 * books one with request_callback if the customer now wants it.
 */
export async function setCallbackPreference(app: AppContext, ctx: RequestContext, orderId: number, input: PreferenceInput) {
  const { actor } = ctx;
  if (input.refused === undefined && input.anonymous === undefined) {
    throw new AppError('validation_failed', 'send refused and/or anonymous', { field: 'refused' });
  }
  await app.db.transaction().execute(async (trx) => {
    const order = await findWorkOrder(trx, actor.orgId, orderId);
    if (!order || !canReadWorkOrder(actor, order)) throw new AppError('not_found', `work order ${orderId}`);
    if (!hasPermission(actor.role, 'work_order.dispatch')) throw new AppError('forbidden', `role ${actor.role} cannot record the customer's callback wishes`);
    if (order.version !== input.version) throw new AppError('version_conflict', undefined, { currentVersion: order.version });
    const now = ctx.now.getTime();
    const changes: Updateable<WorkOrderTable> = { updated_at: now };
    if (input.refused !== undefined) changes.callback_refused = input.refused ? 1 : 0;
    if (input.anonymous !== undefined) changes.customer_anonymous = input.anonymous ? 1 : 0;
    const updated = await updateWorkOrder(trx, actor.orgId, orderId, input.version, changes);
    if (!updated) throw new AppError('version_conflict');
    const after = { refused: updated.callback_refused === 1, anonymous: updated.customer_anonymous === 1 };
    const note = input.note?.trim() || null;
    await insertEvent(trx, {
      org_id: actor.orgId, work_order_id: orderId, type: 'callback_preference', actor_id: actor.userId, at: now,
      data_json: JSON.stringify({ ...after, ...(note ? { note } : {}) }), customer_visible: 0,
    });
    await insertAudit(trx, {
      orgId: actor.orgId, actorId: actor.userId, action: 'work_order.callback_preference', entityType: 'work_order', entityId: orderId,
      before: { refused: order.callback_refused === 1, anonymous: order.customer_anonymous === 1 }, after, at: ctx.now, requestId: ctx.requestId,
    });

    const pending = await findPendingCallback(trx, orderId);
    if (pending && (after.refused || after.anonymous)) {
      const reason = after.refused ? 'customer_refused' : 'anonymous';
      const waived = await updateCallback(trx, actor.orgId, pending.id, pending.version, { status: 'waived', reason, updated_at: now });
      if (waived) await audit(trx, ctx, 'callback.waive', waived, { status: pending.status }, { status: 'waived', reason });
      await syncClocks(trx, updated, { actorId: actor.userId, now }, 'callback_waived', await clockNeedOf(trx, orderId));
    }
    await refreshOrderDue(trx, updated);
  });
}
