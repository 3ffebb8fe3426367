import { hasPermission, type Permission, type WorkOrderAction } from '@huiyin/domain';
import type { Actor } from '../auth/actor.js';

/**
 * Who may see and change which work orders. Seeing is decided by scope: a
 * customer sees their own orders, department staff what was dispatched to their
 * department (or to them), desk staff every order of the sites they work at.
 */
export interface ReadScope {
  orgId: number;
  /** undefined: no site restriction; [] would match nothing. */
  siteIds?: number[];
  departmentId?: number | null;
  customerId?: number;
  userId: number;
  kind: 'site' | 'department' | 'customer' | 'none';
}

export function readScopeOf(actor: Actor): ReadScope {
  const base = { orgId: actor.orgId, userId: actor.userId };
  if (hasPermission(actor.role, 'work_order.read_site')) {
    return { ...base, kind: 'site', ...(actor.siteIds.length > 0 ? { siteIds: actor.siteIds } : {}) };
  }
  if (hasPermission(actor.role, 'work_order.read_department')) {
    return { ...base, kind: 'department', departmentId: actor.departmentId };
  }
  if (hasPermission(actor.role, 'work_order.read_own') && actor.customerId !== null) {
    return { ...base, kind: 'customer', customerId: actor.customerId };
  }
  return { ...base, kind: 'none' };
}

interface ScopedOrder {
  org_id: number;
  site_id: number;
  department_id: number | null;
  customer_id: number;
  owner_id: number | null;
  handler_id: number | null;
}

export function canReadWorkOrder(actor: Actor, order: ScopedOrder): boolean {
  if (order.org_id !== actor.orgId) return false;
  const scope = readScopeOf(actor);
  switch (scope.kind) {
    case 'site':
      return !scope.siteIds || scope.siteIds.includes(order.site_id) || order.owner_id === actor.userId;
    case 'department':
      return (
        (scope.departmentId != null && order.department_id === scope.departmentId) ||
        order.handler_id === actor.userId ||
        order.owner_id === actor.userId
      );
    case 'customer':
      return order.customer_id === scope.customerId;
    case 'none':
      return false;
  }
}

export function canUseSite(actor: Actor, siteId: number): boolean {
  return actor.siteIds.length === 0 || actor.siteIds.includes(siteId);
}

const ACTION_PERMISSION: Record<WorkOrderAction, Permission> = {
  dispatch: 'work_order.dispatch',
  start: 'work_order.handle',
  give_result: 'work_order.handle',
  request_callback: 'work_order.dispatch',
  close: 'work_order.dispatch',
  reopen: 'work_order.dispatch',
  cancel: 'work_order.cancel',
};

export function permissionForAction(action: WorkOrderAction): Permission {
  return ACTION_PERMISSION[action];
}

export function canSeeContact(actor: Actor): boolean {
  return hasPermission(actor.role, 'contact.view');
}
