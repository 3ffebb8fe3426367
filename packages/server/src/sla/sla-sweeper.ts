import type { Kysely } from 'kysely';
import { insertInChunks } from '../db/insert-in-chunks.js';
import type { Database } from '../db/schema.js';
import type { Db } from '../db/types.js';
import { loadStaff, recipientsFor, type Audience } from '../notifications/recipients.js';
import { notificationPolicyOf } from '../notifications/notify.js';
import { insertNotifications } from '../notifications/notification.repository.js';
import { claimClocks, sweepCandidates, type SlaClockRow, type SweepSignal } from './sla-clock.repository.js';

/**
 * Timers are data (STYLE.md habit 6): due and warning instants are stored on the
 * clock rows and this sweep fires them. Safe with several server instances on one
 * PostgreSQL: a batch is claimed by a conditional UPDATE … RETURNING, so a row is
 * claimed by exactly one sweeper and its event fires exactly once. After downtime
 * the breach is recorded at the clock's due time, not at the time of the sweep.
 */
export interface SweepResult {
  warned: number;
  breached: number;
}

/** Called when a clock of this kind comes due instead of (or besides) a breach; e.g. the 1-month upgrade. */
export type DueHandler = (db: Db, clock: SlaClockRow, now: number) => Promise<void>;

export interface SweepOptions {
  batchSize?: number;
  dueHandlers?: Partial<Record<string, DueHandler>>;
}

export async function sweepClocks(db: Kysely<Database>, now: Date, options: SweepOptions = {}): Promise<SweepResult> {
  const batchSize = options.batchSize ?? 1000;
  const result: SweepResult = { warned: 0, breached: 0 };
  for (const signal of ['breach', 'warning'] as const) {
    for (;;) {
      const fired = await sweepBatch(db, signal, now.getTime(), batchSize, options.dueHandlers ?? {});
      if (signal === 'breach') result.breached += fired.claimed;
      else result.warned += fired.claimed;
      // Another instance may have claimed some candidates: stop only when none were left.
      if (fired.candidates < batchSize) break;
    }
  }
  return result;
}

async function sweepBatch(db: Kysely<Database>, signal: SweepSignal, now: number, batchSize: number, dueHandlers: Partial<Record<string, DueHandler>>) {
  const ids = await sweepCandidates(db, signal, now, batchSize);
  if (ids.length === 0) return { candidates: 0, claimed: 0 };
  const claimed = await db.transaction().execute(async (trx) => {
    const clocks = await claimClocks(trx, signal, ids, now);
    if (clocks.length > 0) await announce(trx, signal, clocks, now);
    if (signal === 'breach') {
      for (const clock of clocks) await dueHandlers[clock.kind]?.(trx, clock, now);
    }
    return clocks.length;
  });
  return { candidates: ids.length, claimed };
}

/** Timeline events, audit records and notifications for the claimed clocks, written in bulk. */
async function announce(db: Db, signal: SweepSignal, clocks: SlaClockRow[], now: number): Promise<void> {
  const orders = await db
    .selectFrom('work_orders')
    .select(['id', 'org_id', 'site_id', 'number', 'owner_id', 'handler_id', 'department_id'])
    .where('id', 'in', [...new Set(clocks.map((c) => c.work_order_id))])
    .execute();
  const byId = new Map(orders.map((o) => [o.id, o]));
  const type = signal === 'breach' ? 'clock_breached' : 'clock_warning';
  const policies = new Map<number, Record<string, Audience[]>>();
  const staffByOrg = new Map<number, Awaited<ReturnType<typeof loadStaff>>>();
  const events = [];
  const audits = [];
  const notifications = [];
  for (const clock of clocks) {
    const order = byId.get(clock.work_order_id);
    if (!order) continue;
    const data = { clock: clock.kind, dueAt: new Date(clock.due_at).toISOString(), ...(signal === 'breach' ? { breachedAt: new Date(clock.due_at).toISOString() } : {}) };
    events.push({ org_id: order.org_id, work_order_id: order.id, type, actor_id: null, at: now, data_json: JSON.stringify(data), customer_visible: 0 });
    audits.push({ org_id: order.org_id, actor_id: null, action: `sla.${signal}`, entity_type: 'work_order', entity_id: String(order.id), before_json: null, after_json: JSON.stringify(data), at: now, request_id: null });
    if (!policies.has(order.org_id)) {
      policies.set(order.org_id, await notificationPolicyOf(db, order.org_id));
      staffByOrg.set(order.org_id, await loadStaff(db, order.org_id));
    }
    const audience = policies.get(order.org_id)![type] ?? [];
    for (const userId of recipientsFor(audience, order, staffByOrg.get(order.org_id)!)) {
      notifications.push({ org_id: order.org_id, user_id: userId, work_order_id: order.id, type, data_json: JSON.stringify({ ...data, number: order.number }), created_at: now, read_at: null });
    }
  }
  await insertInChunks(db, 'work_order_events', events);
  await insertInChunks(db, 'audit_log', audits);
  await insertNotifications(db, notifications);
}
