import { CUSTOMER_TYPES, hasPermission, normalisePhone, OPEN_STATUSES } from '@huiyin/domain';
import type { AppContext } from '../app-context.js';
import type { RequestContext } from '../auth/actor.js';
import { insertAudit } from '../audit/audit.repository.js';
import { AppError } from '../errors/app-error.js';
import { presentPhone } from '../work-orders/work-order.mapper.js';
import { listWorkOrders } from '../work-orders/work-order-list.repository.js';
import { readScopeOf } from '../work-orders/work-order.policy.js';
import { findCustomer, findCustomersByPhone, phonesOf, searchCustomers, unitsOf, updateCustomer, type CustomerRow } from './customer.repository.js';

function requireRead(ctx: RequestContext) {
  if (!hasPermission(ctx.actor.role, 'customer.read')) throw new AppError('forbidden', 'cannot read the customer archive');
}

/** The customer archive card (DOMAIN.md §8): data, phones, units, open orders and history. */
async function customerCards(app: AppContext, ctx: RequestContext, customers: CustomerRow[]) {
  const ids = customers.map((c) => c.id);
  const [phones, units] = await Promise.all([phonesOf(app.db, ids), unitsOf(app.db, ids)]);
  const cards = [];
  for (const customer of customers) {
    const history = await listWorkOrders(app.db, app.dialect, {
      scope: readScopeOf(ctx.actor), customerId: customer.id, openStatuses: OPEN_STATUSES, sort: 'received_desc', limit: 20,
    });
    cards.push({
      id: customer.id,
      name: customer.name,
      title: customer.title,
      customerType: customer.customer_type,
      notes: customer.notes,
      phones: phones.filter((p) => p.customer_id === customer.id).map((p) => presentPhone(ctx.actor, p.phone) as string),
      units: units.filter((u) => u.customer_id === customer.id).map((u) => ({ siteId: u.site_id, label: u.label })),
      openOrders: history.filter((o) => OPEN_STATUSES.includes(o.status as never)).map(orderRef),
      recentOrders: history.map(orderRef),
      version: customer.version,
    });
  }
  return cards;
}

const orderRef = (o: { id: number; number: string; kind: string; status: string; description: string; received_at: number }) => ({
  id: o.id, number: o.number, kind: o.kind, status: o.status, description: o.description, receivedAt: new Date(o.received_at).toISOString(),
});

/** Intake: who is calling from this number, and what is still open for them. */
export async function lookupByPhone(app: AppContext, ctx: RequestContext, phone: string) {
  requireRead(ctx);
  if (!hasPermission(ctx.actor.role, 'contact.view')) throw new AppError('forbidden', 'looking up by phone needs the contact permission');
  return customerCards(app, ctx, await findCustomersByPhone(app.db, ctx.actor.orgId, normalisePhone(phone)));
}

export async function searchByName(app: AppContext, ctx: RequestContext, text: string) {
  requireRead(ctx);
  return customerCards(app, ctx, await searchCustomers(app.db, ctx.actor.orgId, text.trim(), 20));
}

export async function getCustomer(app: AppContext, ctx: RequestContext, id: number) {
  requireRead(ctx);
  const customer = await findCustomer(app.db, ctx.actor.orgId, id);
  if (!customer) throw new AppError('not_found', `customer ${id}`);
  return (await customerCards(app, ctx, [customer]))[0]!;
}

export async function changeCustomer(
  app: AppContext, ctx: RequestContext, id: number, version: number,
  changes: { name?: string; title?: string | null; customerType?: string | null; notes?: string | null },
) {
  if (!hasPermission(ctx.actor.role, 'customer.write')) throw new AppError('forbidden', 'cannot edit customers');
  if (changes.customerType != null && !CUSTOMER_TYPES.includes(changes.customerType as never)) {
    throw new AppError('validation_failed', 'unknown customer type', { field: 'customerType' });
  }
  await app.db.transaction().execute(async (trx) => {
    const before = await findCustomer(trx, ctx.actor.orgId, id);
    if (!before) throw new AppError('not_found', `customer ${id}`);
    const after = await updateCustomer(trx, ctx.actor.orgId, id, version, {
      ...(changes.name !== undefined ? { name: changes.name.trim() } : {}),
      ...(changes.title !== undefined ? { title: changes.title } : {}),
      ...(changes.customerType !== undefined ? { customer_type: changes.customerType } : {}),
      ...(changes.notes !== undefined ? { notes: changes.notes } : {}),
    }, ctx.now.getTime());
    if (!after) throw new AppError('version_conflict', undefined, { currentVersion: before.version });
    await insertAudit(trx, { orgId: ctx.actor.orgId, actorId: ctx.actor.userId, action: 'customer.update', entityType: 'customer', entityId: id, before, after, at: ctx.now, requestId: ctx.requestId });
  });
  return getCustomer(app, ctx, id);
}
