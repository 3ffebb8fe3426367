import { availableActions, hasPermission, maskPhone, type WorkOrderStatus } from '@huiyin/domain';
import type { Actor } from '../auth/actor.js';
import { canSeeContact, permissionForAction } from './work-order.policy.js';
import type { WorkOrderEventRow, WorkOrderRow } from './work-order.repository.js';

const iso = (ms: number | null | undefined) => (ms == null ? null : new Date(ms).toISOString());

export function presentPhone(actor: Actor, phone: string | null): string | null {
  if (!phone) return null;
  return canSeeContact(actor) || actor.role === 'customer' ? phone : maskPhone(phone);
}

/** Fields shared by the list and the detail view. */
export function toWorkOrderSummary(
  actor: Actor,
  row: Pick<WorkOrderRow, 'id' | 'number' | 'kind' | 'channel' | 'status' | 'site_id' | 'customer_id' | 'contact_phone' | 'unit' | 'description' | 'category_id' | 'received_at' | 'owner_id' | 'department_id' | 'handler_id' | 'due_at' | 'updated_at' | 'version'>,
  customer: { name: string; title: string | null },
) {
  return {
    id: row.id,
    number: row.number,
    kind: row.kind,
    channel: row.channel,
    status: row.status as WorkOrderStatus,
    siteId: row.site_id,
    customer: { id: row.customer_id, name: customer.name, title: customer.title, phone: presentPhone(actor, row.contact_phone) },
    unit: row.unit,
    description: row.description,
    categoryId: row.category_id,
    receivedAt: iso(row.received_at) as string,
    ownerId: row.owner_id,
    departmentId: row.department_id,
    handlerId: row.handler_id,
    dueAt: iso(row.due_at),
    updatedAt: iso(row.updated_at) as string,
    version: row.version,
  };
}

/** Actions this actor could take now: the state machine's, filtered by role. */
export function actionsFor(actor: Actor, status: string): string[] {
  return availableActions(status as WorkOrderStatus).filter((action) => hasPermission(actor.role, permissionForAction(action)));
}

type EventWithActor = Pick<WorkOrderEventRow, 'id' | 'type' | 'at' | 'data_json' | 'customer_visible' | 'actor_id'> & {
  display_name: string | null;
  employee_no: string | null;
  role: string | null;
};

/**
 * A timeline entry. Customers see staff only by employee number (S1: 公司规定只能
 * 通报工号), never by name.
 */
export function toTimelineEntry(actor: Actor, event: EventWithActor) {
  const forCustomer = actor.role === 'customer';
  const isStaff = event.role !== null && event.role !== 'customer';
  return {
    id: event.id,
    type: event.type,
    at: iso(event.at) as string,
    actor: event.actor_id === null
      ? null
      : {
          id: forCustomer ? null : event.actor_id,
          name: forCustomer && isStaff ? null : event.display_name,
          employeeNo: event.employee_no,
        },
    data: JSON.parse(event.data_json) as Record<string, unknown>,
    customerVisible: event.customer_visible === 1,
  };
}

export type WorkOrderSummary = ReturnType<typeof toWorkOrderSummary>;
