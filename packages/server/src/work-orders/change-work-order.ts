import { hasPermission, planTransition, type WorkOrderAction } from '@huiyin/domain';
import type { Transaction, Updateable } from 'kysely';
import type { AppContext } from '../app-context.js';
import type { RequestContext } from '../auth/actor.js';
import type { Database, WorkOrderTable } from '../db/schema.js';
import type { Db } from '../db/types.js';
import { AppError } from '../errors/app-error.js';
import { insertAudit } from '../audit/audit.repository.js';
import { findCustomer } from '../customers/customer.repository.js';
import { findCategory, findDepartment } from '../organisations/organisation.repository.js';
import { findUserById } from '../users/user.repository.js';
import { writeSearchTokens } from '../search/search-index.repository.js';
import { workOrderTokens } from '../search/search-text.js';
import { canReadWorkOrder, permissionForAction } from './work-order.policy.js';
import { refreshOrderDue } from '../sla/sla-clock.service.js';
import { afterTransition } from './work-order-hooks.js';
import { screenCustomerText } from '../language/language-guard.js';
import { findWorkOrder, insertEvent, updateWorkOrder, type WorkOrderRow } from './work-order.repository.js';

export interface ChangeDecision {
  changes: Updateable<WorkOrderTable>;
  event: { type: string; data: Record<string, unknown>; customerVisible: boolean };
  audit: string;
  /** Follow-up work in the same transaction once the row is written (SLA clocks). */
  after?: (db: Db, updated: WorkOrderRow) => Promise<void>;
}

/**
 * Every change to a work order goes through `applyChange`: load within the
 * caller's scope, check the version, write the row, one timeline event and one
 * audit record, all in one transaction. Nothing is half-written.
 */
export async function applyChange(
  app: AppContext,
  ctx: RequestContext,
  id: number,
  expectedVersion: number,
  decide: (db: Db, order: WorkOrderRow) => Promise<ChangeDecision>,
): Promise<WorkOrderRow> {
  // A caller already inside a transaction passes it as app.db (a callback record that closes or reopens the order): join it.
  const inTransaction = <T>(work: (trx: Transaction<Database>) => Promise<T>) =>
    app.db.isTransaction ? work(app.db as Transaction<Database>) : app.db.transaction().execute(work);
  return inTransaction(async (trx) => {
    const order = await findWorkOrder(trx, ctx.actor.orgId, id);
    if (!order || !canReadWorkOrder(ctx.actor, order)) throw new AppError('not_found', `work order ${id}`);
    if (order.version !== expectedVersion) throw new AppError('version_conflict', undefined, { currentVersion: order.version });
    const { changes, event, audit, after } = await decide(trx, order);
    const now = ctx.now.getTime();
    const updated = await updateWorkOrder(trx, ctx.actor.orgId, id, expectedVersion, { ...changes, updated_at: now });
    if (!updated) throw new AppError('version_conflict');
    await insertEvent(trx, {
      org_id: ctx.actor.orgId,
      work_order_id: id,
      type: event.type,
      actor_id: ctx.actor.userId,
      at: now,
      data_json: JSON.stringify(event.data),
      customer_visible: event.customerVisible ? 1 : 0,
    });
    await insertAudit(trx, {
      orgId: ctx.actor.orgId,
      actorId: ctx.actor.userId,
      action: audit,
      entityType: 'work_order',
      entityId: id,
      before: pick(order, Object.keys(changes)),
      after: pick(updated, Object.keys(changes)),
      at: ctx.now,
      requestId: ctx.requestId,
    });
    if (after) await after(trx, updated);
    await refreshOrderDue(trx, updated);
    return updated;
  });
}

function pick(row: WorkOrderRow, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => k !== 'updated_at').map((k) => [k, row[k as keyof WorkOrderRow]]));
}

export interface TransitionInput {
  action: WorkOrderAction;
  version: number;
  text?: string | null;
  departmentId?: number | null;
  handlerId?: number | null;
  /** The agent saw the desk's forbidden-phrase warning and sent anyway: the hits are audited. */
  confirmForbidden?: boolean;
}

/** What the customer sees of each step; internal reasons stay internal. */
const CUSTOMER_VISIBLE: Record<WorkOrderAction, boolean> = {
  dispatch: true,
  start: true,
  give_result: true,
  request_callback: false,
  close: true,
  reopen: true,
  cancel: true,
};

export async function transitionWorkOrder(app: AppContext, ctx: RequestContext, id: number, input: TransitionInput) {
  if (!hasPermission(ctx.actor.role, permissionForAction(input.action))) {
    // Hide existence from those who cannot even read it; the others get a clear 403.
    await assertReadable(app, ctx, id);
    throw new AppError('forbidden', `role ${ctx.actor.role} cannot ${input.action}`);
  }
  return applyTransition(app, ctx, id, input);
}

/**
 * A transition that follows from something the caller was already allowed to
 * do, in the same transaction: a customer's 不满意 on the portal reopens the
 * order, a recorded callback closes it. The role check was that step's own.
 */
export async function applyTransition(app: AppContext, ctx: RequestContext, id: number, input: TransitionInput) {
  return applyChange(app, ctx, id, input.version, async (db, order) => {
    const plan = planTransition(order.status as never, input.action, input.text);
    if (!plan.ok) throw new AppError(plan.reason, `${input.action} from ${order.status}`, { currentStatus: order.status });
    const text = input.text?.trim() || null;
    const changes: Updateable<WorkOrderTable> = { status: plan.to };
    const data: Record<string, unknown> = { action: input.action, from: order.status, to: plan.to, ...(text ? { text } : {}) };
    const now = ctx.now.getTime();
    // A step's text is read by the customer like a note, but steps also come from department staff on the road,
    // callbacks and the portal, so it is not refused here: the desk checks it as it is typed, and a send the agent
    // confirmed despite hits is recorded like a confirmed note (issue #5).
    if (text && input.confirmForbidden && CUSTOMER_VISIBLE[input.action]) await screenCustomerText(app, db, ctx, text, true, { type: 'work_order', id });
    if (input.action === 'dispatch') Object.assign(changes, await dispatchTarget(db, ctx, input, data), { dispatched_at: now });
    if (input.action === 'start' && order.handler_id === null) changes.handler_id = ctx.actor.userId;
    if (input.action === 'give_result') Object.assign(changes, { result: text, result_at: now });
    if (input.action === 'reopen') changes.result_at = null;
    if (input.action === 'cancel') changes.cancel_reason = text;
    if (plan.to === 'closed' || plan.to === 'cancelled') changes.closed_at = ctx.now.getTime();
    if (input.action === 'reopen') changes.closed_at = null;
    const after = (trx: Db, updated: WorkOrderRow) => afterTransition(trx, app, ctx, input.action, order, updated);
    return { changes, event: { type: input.action, data, customerVisible: CUSTOMER_VISIBLE[input.action] }, audit: `work_order.${input.action}`, after };
  });
}

async function dispatchTarget(db: Db, ctx: RequestContext, input: TransitionInput, data: Record<string, unknown>) {
  if (input.departmentId == null) throw new AppError('validation_failed', 'dispatch needs departmentId', { field: 'departmentId' });
  const department = await findDepartment(db, ctx.actor.orgId, input.departmentId);
  if (!department) throw new AppError('unknown_reference', `department ${input.departmentId}`, { field: 'departmentId' });
  // A deactivated department keeps its past orders but takes no new ones.
  if (department.active !== 1) throw new AppError('inactive_reference', `department ${department.id} is deactivated`, { field: 'departmentId' });
  data.department = { id: department.id, name: department.name };
  let handlerId: number | null = null;
  if (input.handlerId != null) {
    const handler = await findUserById(db, ctx.actor.orgId, input.handlerId);
    if (!handler || handler.role === 'customer') throw new AppError('unknown_reference', `user ${input.handlerId}`, { field: 'handlerId' });
    if (handler.disabled === 1) throw new AppError('inactive_reference', `user ${handler.id} is disabled`, { field: 'handlerId' });
    handlerId = handler.id;
    data.handler = { id: handler.id, name: handler.display_name, employeeNo: handler.employee_no };
  }
  return { department_id: department.id, handler_id: handlerId };
}

async function assertReadable(app: AppContext, ctx: RequestContext, id: number) {
  const order = await findWorkOrder(app.db, ctx.actor.orgId, id);
  if (!order || !canReadWorkOrder(ctx.actor, order)) throw new AppError('not_found', `work order ${id}`);
}

/** First-contact responsibility: a transfer names the new owner and the reason, and stays on the timeline. */
export async function transferWorkOrder(app: AppContext, ctx: RequestContext, id: number, input: { toUserId: number; reason: string; version: number }) {
  if (!hasPermission(ctx.actor.role, 'work_order.transfer')) {
    await assertReadable(app, ctx, id);
    throw new AppError('forbidden', 'cannot transfer');
  }
  if (!input.reason.trim()) throw new AppError('text_required', 'a transfer needs a reason');
  return applyChange(app, ctx, id, input.version, async (db, order) => {
    const target = await findUserById(db, ctx.actor.orgId, input.toUserId);
    if (!target || target.role === 'customer' || target.disabled) throw new AppError('unknown_reference', `user ${input.toUserId}`, { field: 'toUserId' });
    const previous = order.owner_id === null ? null : await findUserById(db, ctx.actor.orgId, order.owner_id);
    return {
      changes: { owner_id: target.id },
      event: {
        type: 'transfer',
        data: {
          from: previous ? { id: previous.id, name: previous.display_name, employeeNo: previous.employee_no } : null,
          to: { id: target.id, name: target.display_name, employeeNo: target.employee_no },
          reason: input.reason.trim(),
        },
        customerVisible: false,
      },
      audit: 'work_order.transfer',
    };
  });
}

export interface UpdateInput {
  version: number;
  description?: string;
  unit?: string | null;
  categoryId?: number | null;
  agreedReplyMethod?: string | null;
  agreedReplyAt?: string | null;
  receivedAt?: string;
}

/** Corrections to what was recorded at intake; every field change is audited before/after. */
export async function updateWorkOrderFields(app: AppContext, ctx: RequestContext, id: number, input: UpdateInput) {
  if (!hasPermission(ctx.actor.role, 'work_order.dispatch')) {
    await assertReadable(app, ctx, id);
    throw new AppError('forbidden', 'cannot edit work orders');
  }
  const updated = await applyChange(app, ctx, id, input.version, async (db, order) => {
    const changes: Updateable<WorkOrderTable> = {};
    if (input.description !== undefined) changes.description = input.description.trim();
    if (input.unit !== undefined) changes.unit = input.unit?.trim() || null;
    if (input.categoryId !== undefined) {
      if (input.categoryId !== null && !(await findCategory(db, ctx.actor.orgId, input.categoryId))) {
        throw new AppError('unknown_reference', `category ${input.categoryId}`, { field: 'categoryId' });
      }
      changes.category_id = input.categoryId;
    }
    if (input.agreedReplyMethod !== undefined) changes.agreed_reply_method = input.agreedReplyMethod;
    if (input.agreedReplyAt !== undefined) {
      changes.agreed_reply_at = input.agreedReplyAt ? Date.parse(input.agreedReplyAt) : null;
    }
    if (input.receivedAt !== undefined) {
      const at = Date.parse(input.receivedAt);
      if (at > ctx.now.getTime()) throw new AppError('received_at_in_future');
      if (!hasPermission(ctx.actor.role, 'work_order.backdate')) throw new AppError('forbidden', 'cannot change receivedAt');
      changes.received_at = at;
    }
    if (Object.keys(changes).length === 0) throw new AppError('validation_failed', 'nothing to change');
    const changed = Object.keys(changes).filter((key) => changes[key as keyof typeof changes] !== order[key as keyof WorkOrderRow]);
    return { changes, event: { type: 'updated', data: { fields: changed }, customerVisible: false }, audit: 'work_order.update' };
  });
  if (input.description !== undefined || input.unit !== undefined) await reindex(app, ctx, updated);
  return updated;
}

async function reindex(app: AppContext, ctx: RequestContext, order: WorkOrderRow) {
  const customer = await findCustomer(app.db, ctx.actor.orgId, order.customer_id);
  await writeSearchTokens(app.db, app.dialect, order.org_id, order.id, workOrderTokens(order, customer?.name));
}

/**
 * A note or a follow-up contact on an existing order ("the customer called again")
 * — how the desk adds to an open order instead of opening a second one. Customers
 * may add a message to their own order; it is always visible to them.
 */
export async function addNote(app: AppContext, ctx: RequestContext, id: number, input: { text: string; customerVisible?: boolean; contact?: boolean; confirmForbidden?: boolean }) {
  const text = input.text.trim();
  if (!text) throw new AppError('text_required');
  return app.db.transaction().execute(async (trx) => {
    const order = await findWorkOrder(trx, ctx.actor.orgId, id);
    if (!order || !canReadWorkOrder(ctx.actor, order)) throw new AppError('not_found', `work order ${id}`);
    const isCustomer = ctx.actor.role === 'customer';
    const type = isCustomer ? 'customer_message' : input.contact ? 'customer_contact' : 'note';
    // What staff write for the customer's eyes passes the forbidden-phrase check (issue #5).
    if (!isCustomer && input.customerVisible) await screenCustomerText(app, trx, ctx, text, input.confirmForbidden === true, { type: 'work_order', id });
    const now = ctx.now.getTime();
    await insertEvent(trx, {
      org_id: ctx.actor.orgId,
      work_order_id: id,
      type,
      actor_id: ctx.actor.userId,
      at: now,
      data_json: JSON.stringify({ text }),
      customer_visible: isCustomer || input.customerVisible ? 1 : 0,
    });
    await insertAudit(trx, {
      orgId: ctx.actor.orgId,
      actorId: ctx.actor.userId,
      action: `work_order.${type}`,
      entityType: 'work_order',
      entityId: id,
      after: { text, customerVisible: isCustomer || !!input.customerVisible },
      at: ctx.now,
      requestId: ctx.requestId,
    });
    return order;
  });
}
