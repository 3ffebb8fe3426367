import { createHash } from 'node:crypto';
import { hasPermission, localDayOf, formatWorkOrderNumber, normalisePhone, isPlausiblePhone, OPEN_STATUSES, type Channel, type WorkOrderKind, type ReplyMethod } from '@huiyin/domain';
import type { AppContext } from '../app-context.js';
import type { RequestContext } from '../auth/actor.js';
import type { Db } from '../db/types.js';
import { AppError } from '../errors/app-error.js';
import { insertAudit } from '../audit/audit.repository.js';
import { findCategory, findOrganisation, findSite } from '../organisations/organisation.repository.js';
import { findCustomer, findCustomersByPhone, insertCustomer, insertPhone, insertUnit } from '../customers/customer.repository.js';
import { writeSearchTokens } from '../search/search-index.repository.js';
import { workOrderTokens } from '../search/search-text.js';
import { canUseSite } from './work-order.policy.js';
import { afterIntake } from './work-order-hooks.js';
import {
  findIdempotencyKey, findOpenOrdersByPhone, findWorkOrder, insertEvent, insertIdempotencyKey, insertWorkOrder, nextDailySequence,
  type WorkOrderRow,
} from './work-order.repository.js';

export interface CreateWorkOrderInput {
  kind: WorkOrderKind;
  channel: Channel;
  siteId: number;
  description: string;
  customer?: { name: string; phone: string; title?: string | null };
  customerId?: number;
  unit?: string | null;
  categoryId?: number | null;
  agreedReplyMethod?: ReplyMethod | null;
  agreedReplyAt?: string | null;
  receivedAt?: string | null;
}

export interface CreateWorkOrderResult {
  order: WorkOrderRow;
  replayed: boolean;
  /** Other open orders of the same phone number: the agent may add to one instead. */
  openOrdersForPhone: Awaited<ReturnType<typeof findOpenOrdersByPhone>>;
}

// A client clock a little ahead of ours is not "the future".
const CLOCK_SKEW_MS = 60_000;

export async function createWorkOrder(
  app: AppContext,
  ctx: RequestContext,
  input: CreateWorkOrderInput,
  idempotencyKey?: string,
): Promise<CreateWorkOrderResult> {
  const { actor } = ctx;
  if (!hasPermission(actor.role, 'work_order.create')) throw new AppError('forbidden', 'cannot create work orders');
  const requestHash = createHash('sha256').update(JSON.stringify(input)).digest('hex');
  const receivedAt = resolveReceivedAt(ctx, input.receivedAt);

  return app.db.transaction().execute(async (trx) => {
    if (idempotencyKey) {
      const replay = await replayIdempotent(trx, ctx, idempotencyKey, requestHash);
      if (replay) return { order: replay, replayed: true, openOrdersForPhone: [] };
    }
    const site = await findSite(trx, actor.orgId, input.siteId);
    if (!site || !canUseSite(actor, site.id)) throw new AppError('unknown_reference', `site ${input.siteId}`, { field: 'siteId' });
    if (input.categoryId != null && !(await findCategory(trx, actor.orgId, input.categoryId))) {
      throw new AppError('unknown_reference', `category ${input.categoryId}`, { field: 'categoryId' });
    }
    const { customerId, phone } = await resolveCustomer(trx, ctx, input, site.id);
    const openOrdersForPhone = phone ? await findOpenOrdersByPhone(trx, actor.orgId, phone, OPEN_STATUSES) : [];

    const org = await findOrganisation(trx, actor.orgId);
    const sequence = await nextDailySequence(trx, actor.orgId, localDayOf(receivedAt, site.time_zone));
    const now = ctx.now.getTime();
    const agreedReplyAt = input.agreedReplyAt ? Date.parse(input.agreedReplyAt) : null;
    const isCustomer = actor.role === 'customer';
    const order = await insertWorkOrder(trx, {
      org_id: actor.orgId,
      site_id: site.id,
      number: formatWorkOrderNumber(org?.number_prefix ?? 'HY', localDayOf(receivedAt, site.time_zone), sequence),
      kind: input.kind,
      channel: input.channel,
      status: 'received',
      customer_id: customerId,
      contact_phone: phone,
      unit: input.unit?.trim() || null,
      description: input.description.trim(),
      category_id: input.categoryId ?? null,
      agreed_reply_method: input.agreedReplyMethod ?? null,
      agreed_reply_at: agreedReplyAt,
      received_at: receivedAt.getTime(),
      received_by: actor.userId,
      // First-contact responsibility: whoever takes the call owns the order.
      owner_id: isCustomer ? null : actor.userId,
      department_id: null,
      handler_id: null,
      result: null,
      cancel_reason: null,
      due_at: agreedReplyAt, // refreshed from the SLA clocks below
      created_at: now,
      updated_at: now,
      closed_at: null,
      version: 1,
    });
    const backdated = now - receivedAt.getTime() > CLOCK_SKEW_MS;
    await insertEvent(trx, {
      org_id: actor.orgId,
      work_order_id: order.id,
      type: 'created',
      actor_id: actor.userId,
      at: now,
      data_json: JSON.stringify({ number: order.number, channel: order.channel, kind: order.kind, ...(backdated ? { receivedAt: receivedAt.toISOString() } : {}) }),
      customer_visible: 1,
    });
    const customerRow = await findCustomer(trx, actor.orgId, customerId);
    await writeSearchTokens(trx, app.dialect, actor.orgId, order.id, workOrderTokens(order, customerRow?.name));
    await insertAudit(trx, {
      orgId: actor.orgId,
      actorId: actor.userId,
      action: backdated ? 'work_order.create_backdated' : 'work_order.create',
      entityType: 'work_order',
      entityId: order.id,
      after: order,
      at: ctx.now,
      requestId: ctx.requestId,
    });
    await afterIntake(trx, app, ctx, order);
    if (idempotencyKey) {
      await insertIdempotencyKey(trx, { orgId: actor.orgId, userId: actor.userId, key: idempotencyKey, requestHash, workOrderId: order.id, createdAt: now });
    }
    return { order, replayed: false, openOrdersForPhone };
  });
}

function resolveReceivedAt(ctx: RequestContext, value: string | null | undefined): Date {
  if (!value) return ctx.now;
  const at = Date.parse(value);
  if (Number.isNaN(at)) throw new AppError('validation_failed', 'receivedAt is not a date-time', { field: 'receivedAt' });
  if (at > ctx.now.getTime() + CLOCK_SKEW_MS) throw new AppError('received_at_in_future');
  if (ctx.now.getTime() - at > CLOCK_SKEW_MS && !hasPermission(ctx.actor.role, 'work_order.backdate')) {
    throw new AppError('forbidden', 'receivedAt in the past needs the backdate permission');
  }
  return new Date(Math.min(at, ctx.now.getTime()));
}

async function replayIdempotent(db: Db, ctx: RequestContext, key: string, requestHash: string) {
  const previous = await findIdempotencyKey(db, ctx.actor.orgId, ctx.actor.userId, key);
  if (!previous) return undefined;
  if (previous.request_hash !== requestHash) throw new AppError('idempotency_key_reused');
  return findWorkOrder(db, ctx.actor.orgId, previous.work_order_id);
}

/**
 * The customer of a new order: the portal user themself, an existing customer by
 * id, or the customer reachable on the given phone (created when new).
 */
async function resolveCustomer(db: Db, ctx: RequestContext, input: CreateWorkOrderInput, siteId: number) {
  const { actor } = ctx;
  if (actor.role === 'customer') {
    if (actor.customerId === null) throw new AppError('forbidden', 'portal account without a customer record');
    const phone = input.customer?.phone ? normalisePhone(input.customer.phone) : null;
    return { customerId: actor.customerId, phone };
  }
  if (input.customerId !== undefined) {
    const customer = await findCustomer(db, actor.orgId, input.customerId);
    if (!customer) throw new AppError('unknown_reference', `customer ${input.customerId}`, { field: 'customerId' });
    const phone = input.customer?.phone ? normalisePhone(input.customer.phone) : null;
    return { customerId: customer.id, phone };
  }
  if (!input.customer) throw new AppError('validation_failed', 'customer or customerId is required', { field: 'customer' });
  const phone = normalisePhone(input.customer.phone);
  if (!isPlausiblePhone(phone)) throw new AppError('validation_failed', 'customer.phone is not a phone number', { field: 'customer.phone' });
  const name = input.customer.name.trim();
  const existing = (await findCustomersByPhone(db, actor.orgId, phone)).find((c) => c.name === name);
  if (existing) return { customerId: existing.id, phone };

  const now = ctx.now.getTime();
  const customer = await insertCustomer(db, {
    org_id: actor.orgId,
    name,
    title: input.customer.title ?? null,
    customer_type: null,
    notes: null,
    created_at: now,
    updated_at: now,
    version: 1,
  });
  await insertPhone(db, actor.orgId, customer.id, phone, true);
  if (input.unit?.trim()) await insertUnit(db, actor.orgId, customer.id, siteId, input.unit.trim());
  await insertAudit(db, {
    orgId: actor.orgId,
    actorId: actor.userId,
    action: 'customer.create',
    entityType: 'customer',
    entityId: customer.id,
    after: { ...customer, phone },
    at: ctx.now,
    requestId: ctx.requestId,
  });
  return { customerId: customer.id, phone };
}
