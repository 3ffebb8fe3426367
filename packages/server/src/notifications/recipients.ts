import type { Db } from '../db/types.js';

/**
 * Who hears about what (issue #3: owner, handler, department head, supervisor,
 * general manager). Each event names the roles of people it reaches; the
 * organisation may change the table in its settings (`notifications.policy`).
 */
export type Audience = 'owner' | 'handler' | 'department_head' | 'supervisor' | 'general_manager';

export const DEFAULT_NOTIFICATION_POLICY: Record<string, Audience[]> = {
  clock_warning: ['owner', 'handler'],
  clock_breached: ['owner', 'handler', 'department_head', 'supervisor'],
  major_complaint: ['owner', 'supervisor', 'general_manager'],
  collective_complaint: ['supervisor', 'general_manager'],
};

interface StaffMember {
  id: number;
  role: string;
  siteIds: number[];
  departmentId: number | null;
}

/** The active staff of an organisation, loaded once per sweep batch. */
export async function loadStaff(db: Db, orgId: number): Promise<StaffMember[]> {
  const rows = await db
    .selectFrom('users')
    .select(['id', 'role', 'site_ids_json', 'department_id'])
    .where('org_id', '=', orgId)
    .where('disabled', '=', 0)
    .where('role', '!=', 'customer')
    .execute();
  return rows.map((r) => ({ id: r.id, role: r.role, siteIds: JSON.parse(r.site_ids_json) as number[], departmentId: r.department_id }));
}

export function recipientsFor(
  audiences: readonly Audience[],
  order: { site_id: number; owner_id: number | null; handler_id: number | null; department_id: number | null },
  staff: readonly StaffMember[],
): number[] {
  const ids = new Set<number>();
  const atSite = (member: StaffMember) => member.siteIds.length === 0 || member.siteIds.includes(order.site_id);
  for (const audience of audiences) {
    if (audience === 'owner' && order.owner_id !== null) ids.add(order.owner_id);
    if (audience === 'handler' && order.handler_id !== null) ids.add(order.handler_id);
    for (const member of staff) {
      if (audience === 'department_head' && member.role === 'department_head' && order.department_id !== null && member.departmentId === order.department_id) ids.add(member.id);
      if (audience === 'supervisor' && member.role === 'supervisor' && atSite(member)) ids.add(member.id);
      if (audience === 'general_manager' && member.role === 'general_manager' && atSite(member)) ids.add(member.id);
    }
  }
  return [...ids];
}
