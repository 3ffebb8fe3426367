import {
  applyClassification,
  decisionToChange,
  oneMonthRule,
  scheduleClock,
  type ClassificationChange,
  type ClassificationRecord,
  type ComplaintClassification,
} from '@huiyin/domain';
import type { Kysely, Transaction, Updateable } from 'kysely';
import { insertAudit } from '../audit/audit.repository.js';
import { siteClock } from '../calendar/site-clock.js';
import type { Database, WorkOrderTable } from '../db/schema.js';
import type { Db } from '../db/types.js';
import { findSite } from '../organisations/organisation.repository.js';
import { slaSettingsOf } from '../sla/org-settings.js';
import { listClocks } from '../sla/sla-clock.repository.js';
import { refreshOrderDue, syncClocks } from '../sla/sla-clock.service.js';
import { insertEvent, type WorkOrderRow } from '../work-orders/work-order.repository.js';
import { becameMajor, readState, RECORD_EVENT, recordEventData, stateColumns, withRecords } from './complaint-state.js';
import { findOrderById, writeComplaintColumns } from './complaint.repository.js';
import { notifyByPolicy } from '../notifications/notify.js';

/** One timeline event per classification record worth showing. */
export async function insertRecordEvents(db: Db, order: WorkOrderRow, records: readonly ClassificationRecord[], actorId: number | null, now: number) {
  for (const record of records) {
    const type = RECORD_EVENT[record.event];
    if (!type) continue;
    await insertEvent(db, {
      org_id: order.org_id, work_order_id: order.id, type, actor_id: actorId, at: now,
      data_json: JSON.stringify(recordEventData(record)), customer_visible: 0,
    });
  }
}

export function classificationAudit(c: ComplaintClassification) {
  return { nature: c.nature, handledAs: c.handledAs, severity: c.severity, majorReasons: c.majorReasons };
}

/** Tells the people the notification policy names (the general manager among them); the feed reads these rows. */
export async function notifyGeneralManagers(db: Db, order: WorkOrderRow, type: string, data: Record<string, unknown>, now: number): Promise<void> {
  await notifyByPolicy(db, order, type, data, now);
}

export interface SystemChangeOptions {
  now: number;
  /** Recorded on each re-planned clock, e.g. `classification:collective`. */
  clockReason: string;
  /** Other columns to write in the same update (the collective group id). */
  columns?: Updateable<WorkOrderTable>;
  /** Send `major_complaint` to the GM when the order becomes major (collective groups send their own). */
  notifyMajor: boolean;
}

/**
 * An automatic rule's change to an existing complaint: the classification, one
 * event per record, an audit record saying why, and the SLA clocks re-planned.
 * The version moves: whoever holds the old one must reload.
 */
export async function applySystemChange(db: Db, order: WorkOrderRow, change: ClassificationChange, options: SystemChangeOptions): Promise<WorkOrderRow> {
  const { now } = options;
  const state = readState(order);
  const result = applyClassification(state.classification, change);
  if (!result.ok || result.recorded.length === 0) {
    return options.columns ? writeComplaintColumns(db, order.org_id, order.id, options.columns, { bumpVersion: true, now }) : order;
  }
  const next = withRecords(state, result.classification, result.recorded);
  const updated = await writeComplaintColumns(db, order.org_id, order.id, { ...stateColumns(next), ...options.columns }, { bumpVersion: true, now });
  await insertRecordEvents(db, updated, result.recorded, null, now);
  await insertAudit(db, {
    orgId: order.org_id, actorId: null, action: 'complaint.automatic_upgrade', entityType: 'work_order', entityId: order.id,
    before: classificationAudit(state.classification),
    after: { ...classificationAudit(next.classification), why: result.recorded.map((r) => r.detail) },
    at: new Date(now),
  });
  await syncClocks(db, updated, { actorId: null, now }, options.clockReason);
  await refreshOrderDue(db, updated);
  if (options.notifyMajor && becameMajor(state.classification, next.classification)) {
    const reason = result.recorded[0]?.reason ?? null;
    await notifyGeneralManagers(db, updated, 'major_complaint', { reason, detail: result.recorded[0]?.detail ?? '' }, now);
  }
  return updated;
}

async function inTransaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db);
  return (db as Kysely<Database>).transaction().execute((trx: Transaction<Database>) => work(trx));
}

/** receivedAt + the auto-upgrade limit on the site's calendar, for an order whose clock is missing. */
async function oneMonthDueOf(db: Db, order: WorkOrderRow): Promise<number | null> {
  const site = await findSite(db, order.org_id, order.site_id);
  if (!site) return null;
  const settings = await slaSettingsOf(db, order.org_id);
  const { clock } = await siteClock(db, site);
  return scheduleClock(clock, { startedAt: order.received_at, pausedMs: 0, pausedAt: null }, settings.autoUpgrade, settings.warningRatio).dueAt;
}

/**
 * S1 4.6.2.2(3): a responsible complaint not reasonably resolved within one
 * month becomes major. For the SLA sweeper, when an order's `auto_upgrade` clock
 * comes due; safe to call again (the rule and the classification are idempotent)
 * and inside or outside a transaction. Returns whether the order was upgraded.
 */
export async function upgradeUnresolvedComplaint(db: Db, orderId: number, now: number): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const order = await findOrderById(trx, orderId);
    if (!order || order.kind !== 'complaint' || order.status === 'cancelled') return false;
    const state = readState(order);
    // The clock's due instant already counts pauses and the site's calendar.
    const clock = (await listClocks(trx, order.id)).find((c) => c.kind === 'auto_upgrade');
    const oneMonthDueAt = clock?.due_at ?? (await oneMonthDueOf(trx, order));
    if (oneMonthDueAt === null) return false;
    const decision = oneMonthRule({ classification: state.classification, now, oneMonthDueAt, resolvedAt: order.result_at ?? order.closed_at });
    if (!decision.upgrade) return false;
    const updated = await applySystemChange(trx, order, decisionToChange(decision, now), {
      now, clockReason: 'classification:unresolved_one_month', notifyMajor: true,
    });
    return updated.severity === 'major' && state.classification.severity !== 'major';
  });
}
