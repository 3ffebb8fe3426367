import type { Db } from '../db/types.js';
import { organisationSettings } from '../sla/org-settings.js';
import { insertNotifications } from './notification.repository.js';
import { DEFAULT_NOTIFICATION_POLICY, loadStaff, recipientsFor, type Audience } from './recipients.js';

/** The organisation's notification policy: the defaults with its own `notifications.policy` on top. */
export async function notificationPolicyOf(db: Db, orgId: number): Promise<Record<string, Audience[]>> {
  const settings = await organisationSettings(db, orgId);
  const custom = (settings.notifications as { policy?: Record<string, Audience[]> } | undefined)?.policy;
  return { ...DEFAULT_NOTIFICATION_POLICY, ...custom };
}

/** Tell the people the policy names for `type` about one order; the feed and the live stream read these rows. */
export async function notifyByPolicy(
  db: Db,
  order: { id: number; org_id: number; site_id: number; number: string; owner_id: number | null; handler_id: number | null; department_id: number | null },
  type: string,
  data: Record<string, unknown>,
  now: number,
): Promise<void> {
  const audience = (await notificationPolicyOf(db, order.org_id))[type] ?? [];
  const userIds = recipientsFor(audience, order, await loadStaff(db, order.org_id));
  await insertNotifications(db, userIds.map((userId) => ({
    org_id: order.org_id, user_id: userId, work_order_id: order.id, type,
    data_json: JSON.stringify({ number: order.number, ...data }), created_at: now, read_at: null,
  })));
}
