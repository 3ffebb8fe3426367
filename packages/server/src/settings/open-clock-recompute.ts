import type { Kysely } from 'kysely';
import { insertAudit } from '../audit/audit.repository.js';
import { calendarVersionOf } from '../calendar/calendar.repository.js';
import type { Database } from '../db/schema.js';
import { refreshOrderDue, syncClocks } from '../sla/sla-clock.service.js';
import { clockSnapshot, lockWorkOrders, ordersWithActiveClocks, type ClockSnapshot } from './open-clocks.repository.js';

/**
 * When the calendar, a site's hours or the limits change, the deadlines of open
 * orders follow: each active clock is recomputed by `syncClocks`, which writes
 * `clock_recomputed` on the order's timeline whenever a due time or the
 * provisional flag moves. Batches of orders, one transaction each, so a large
 * organisation never holds one long transaction; running it twice changes
 * nothing the second time (clocks already on the current calendar version and
 * limits are skipped).
 */
export type RecomputeReason = 'calendar_updated' | 'settings_changed';

export interface RecomputeResult {
  /** Open orders whose clocks were checked. */
  orders: number;
  /** Clocks whose due time or provisional flag changed. */
  changedClocks: number;
}

export interface RecomputeJob {
  orgId: number;
  reason: RecomputeReason;
  actorId: number | null;
  now: Date;
  requestId?: string;
  batchSize?: number;
}

export const RECOMPUTE_BATCH_SIZE = 50;

const fingerprint = (c: ClockSnapshot) => `${c.state}|${c.due_at}|${c.provisional}`;

export async function recomputeOpenClocks(db: Kysely<Database>, job: RecomputeJob): Promise<RecomputeResult> {
  // A calendar change only concerns clocks computed on an older version; a limit change concerns all.
  const currentVersion = job.reason === 'calendar_updated' ? await calendarVersionOf(db, job.orgId) : undefined;
  const limit = job.batchSize ?? RECOMPUTE_BATCH_SIZE;
  const ctx = { actorId: job.actorId, now: job.now.getTime() };
  const result: RecomputeResult = { orders: 0, changedClocks: 0 };
  for (let afterId = 0; ;) {
    const ids = await ordersWithActiveClocks(db, job.orgId, { afterId, limit, ...(currentVersion !== undefined ? { currentVersion } : {}) });
    if (ids.length === 0) break;
    await db.transaction().execute(async (trx) => {
      const orders = await lockWorkOrders(trx, job.orgId, ids);
      const before = await clockSnapshot(trx, ids);
      for (const order of orders) {
        // A running callback clock stays, on the limit its callback decision gave: no SLA setting moves it.
        await syncClocks(trx, order, ctx, job.reason);
        await refreshOrderDue(trx, order);
      }
      const seen = new Map(before.map((c) => [c.id, fingerprint(c)]));
      const after = await clockSnapshot(trx, ids);
      result.orders += orders.length;
      result.changedClocks += after.filter((c) => seen.get(c.id) !== fingerprint(c)).length;
    });
    afterId = ids[ids.length - 1] ?? afterId;
    if (ids.length < limit) break;
  }
  if (result.orders > 0) {
    await insertAudit(db, {
      orgId: job.orgId, actorId: job.actorId, action: 'sla.recompute', entityType: 'organisation', entityId: job.orgId,
      after: { reason: job.reason, ...result, ...(currentVersion !== undefined ? { calendarVersion: currentVersion } : {}) },
      at: job.now, requestId: job.requestId ?? null,
    });
  }
  return result;
}
