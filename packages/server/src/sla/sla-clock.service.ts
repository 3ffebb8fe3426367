import { CLOCK_MET_BY, planClocks, scheduleClock, type ClockKind, type Limit, type PlannedClock } from '@huiyin/domain';
import type { Db } from '../db/types.js';
import { siteClock } from '../calendar/site-clock.js';
import { findSite } from '../organisations/organisation.repository.js';
import { insertEvent, type WorkOrderRow } from '../work-orders/work-order.repository.js';
import { ACTIVE_CLOCK_STATES, insertClock, listClocks, updateClock, type SlaClockRow } from './sla-clock.repository.js';
import { slaSettingsOf } from './org-settings.js';

/** Who changed the clocks and when: for the timeline. */
export interface ClockChangeContext {
  actorId: number | null;
  now: number;
}

async function clockEvent(db: Db, order: WorkOrderRow, ctx: ClockChangeContext, type: string, data: Record<string, unknown>) {
  await insertEvent(db, { org_id: order.org_id, work_order_id: order.id, type, actor_id: ctx.actorId, at: ctx.now, data_json: JSON.stringify(data), customer_visible: 0 });
}

function startOf(planned: PlannedClock, order: WorkOrderRow): number | null {
  if (planned.from === 'received') return order.received_at;
  if (planned.from === 'dispatched') return order.dispatched_at;
  return order.result_at;
}

/** The site's working-time clock, the calendar version it stands on and the organisation's limits. */
async function clockContext(db: Db, order: WorkOrderRow) {
  const site = await findSite(db, order.org_id, order.site_id);
  if (!site) return null;
  // Limits for this site and kind, as in force when the order was taken in (a later change applies only if an admin says so).
  const settings = await slaSettingsOf(db, order.org_id, { siteId: order.site_id, kind: order.kind, createdAt: order.created_at });
  const { clock, calendarVersion } = await siteClock(db, site);
  return { clock, calendarVersion, settings };
}

const sameLimit = (a: Limit, b: Limit) => a.unit === b.unit && a.amount === b.amount;
const isActive = (row: SlaClockRow) => (ACTIVE_CLOCK_STATES as readonly string[]).includes(row.state);

/**
 * Bring an order's clocks in line with what its kind, classification and progress
 * call for: start missing clocks, recompute those whose limit or calendar changed
 * (recording the reason), stop those that no longer apply. Idempotent.
 * `callback` comes from the callbacks module: the limit of the pending callback,
 * as its decision took it from the callback policy, or null when none is pending.
 * Left out, a running callback clock stays as it is, on its own limit.
 */
export async function syncClocks(
  db: Db, order: WorkOrderRow, ctx: ClockChangeContext, reason: string, options: { callback?: Limit | null } = {},
): Promise<void> {
  const context = await clockContext(db, order);
  if (!context) return;
  const { clock, calendarVersion, settings } = context;
  const existing = await listClocks(db, order.id);
  const runningCallback = existing.find((r) => r.kind === 'callback' && isActive(r));
  const callback = options.callback !== undefined ? options.callback : runningCallback ? (JSON.parse(runningCallback.limit_json) as Limit) : null;
  const planned = planClocks({
    kind: order.kind,
    channel: order.channel,
    status: order.status,
    nature: order.nature,
    severity: order.severity,
    dispatched: order.dispatched_at !== null,
    resultGiven: order.result_at !== null,
    callback,
  }, settings);

  for (const plan of planned) {
    const startedAt = startOf(plan, order);
    if (startedAt === null) continue;
    const row = existing.find((r) => r.kind === plan.kind);
    if (!row) {
      const schedule = scheduleClock(clock, { startedAt, pausedMs: 0, pausedAt: null }, plan.limit, settings.warningRatio);
      await insertClock(db, {
        org_id: order.org_id, work_order_id: order.id, kind: plan.kind, state: 'running', limit_json: JSON.stringify(plan.limit),
        started_at: startedAt, paused_ms: 0, paused_at: null, pause_reason: null, due_at: schedule.dueAt, warn_at: schedule.warnAt,
        provisional: schedule.provisional ? 1 : 0, calendar_version: calendarVersion, warned_at: null, breached_at: null, met_at: null, updated_at: ctx.now,
      });
      await clockEvent(db, order, ctx, 'clock_started', { clock: plan.kind, limit: plan.limit, dueAt: new Date(schedule.dueAt).toISOString(), provisional: schedule.provisional });
      continue;
    }
    if (!isActive(row)) {
      // One row per kind: a new result (or a callback booked again after a waiver) runs the callback clock again.
      if (plan.kind === 'callback' && (startedAt > row.started_at || row.state === 'cancelled')) {
        await rerunClock(db, order, row, startedAt, plan.limit, clock, calendarVersion, settings.warningRatio, ctx, reason);
      }
      continue;
    }
    const limitChanged = !sameLimit(JSON.parse(row.limit_json) as Limit, plan.limit);
    if (!limitChanged && row.calendar_version === calendarVersion) continue;
    await recompute(db, order, row, plan.limit, clock, calendarVersion, settings.warningRatio, ctx, limitChanged ? reason : 'calendar_updated');
  }

  const plannedKinds = new Set<ClockKind>(planned.map((p) => p.kind));
  for (const row of existing) {
    if (isActive(row) && !plannedKinds.has(row.kind as ClockKind)) {
      await updateClock(db, row.id, { state: 'cancelled', updated_at: ctx.now });
      await clockEvent(db, order, ctx, 'clock_cancelled', { clock: row.kind, reason });
    }
  }
}

async function rerunClock(
  db: Db, order: WorkOrderRow, row: SlaClockRow, startedAt: number, limit: Limit, clock: Parameters<typeof scheduleClock>[0],
  calendarVersion: number, warningRatio: number, ctx: ClockChangeContext, reason: string,
) {
  const schedule = scheduleClock(clock, { startedAt, pausedMs: 0, pausedAt: null }, limit, warningRatio);
  await updateClock(db, row.id, {
    state: 'running', limit_json: JSON.stringify(limit), started_at: startedAt, paused_ms: 0, paused_at: null, pause_reason: null,
    met_at: null, warned_at: null, breached_at: null, due_at: schedule.dueAt, warn_at: schedule.warnAt,
    provisional: schedule.provisional ? 1 : 0, calendar_version: calendarVersion, updated_at: ctx.now,
  });
  await clockEvent(db, order, ctx, 'clock_restarted', { clock: row.kind, reason, dueAt: new Date(schedule.dueAt).toISOString() });
}

async function recompute(
  db: Db, order: WorkOrderRow, row: SlaClockRow, limit: Limit, clock: Parameters<typeof scheduleClock>[0],
  calendarVersion: number, warningRatio: number, ctx: ClockChangeContext, reason: string,
) {
  const schedule = scheduleClock(clock, { startedAt: row.started_at, pausedMs: row.paused_ms, pausedAt: row.paused_at }, limit, warningRatio);
  const moved = schedule.dueAt !== row.due_at;
  // A breach already recorded stays on record; a clock that now has more time may warn again.
  const stillBreached = row.breached_at !== null && schedule.dueAt <= ctx.now;
  await updateClock(db, row.id, {
    limit_json: JSON.stringify(limit), due_at: schedule.dueAt, warn_at: schedule.warnAt, provisional: schedule.provisional ? 1 : 0, calendar_version: calendarVersion,
    ...(moved && !stillBreached && row.state !== 'paused' ? { state: 'running', warned_at: null, breached_at: null } : {}),
    updated_at: ctx.now,
  });
  if (moved || row.provisional !== (schedule.provisional ? 1 : 0)) {
    await clockEvent(db, order, ctx, 'clock_recomputed', {
      clock: row.kind, reason, from: new Date(row.due_at).toISOString(), to: new Date(schedule.dueAt).toISOString(), provisional: schedule.provisional,
    });
  }
}

/** A step of the order's life stops the clocks waiting for it (a late stop keeps its breach on record). */
export async function meetClocks(db: Db, order: WorkOrderRow, step: string, ctx: ClockChangeContext): Promise<void> {
  const kinds = Object.entries(CLOCK_MET_BY).filter(([, steps]) => steps.includes(step)).map(([kind]) => kind);
  for (const row of await listClocks(db, order.id)) {
    if (!kinds.includes(row.kind) || !isActive(row)) continue;
    await updateClock(db, row.id, { state: 'met', met_at: ctx.now, paused_at: null, updated_at: ctx.now });
    await clockEvent(db, order, ctx, 'clock_met', { clock: row.kind, late: row.breached_at !== null || ctx.now > row.due_at });
  }
}

/** The customer was not satisfied: the department works on a new result, on a fresh result clock. */
export async function restartResultClock(db: Db, order: WorkOrderRow, ctx: ClockChangeContext): Promise<void> {
  const row = (await listClocks(db, order.id)).find((r) => r.kind === 'result' && r.state === 'met');
  const context = await clockContext(db, order);
  if (!row || !context) return;
  const schedule = scheduleClock(context.clock, { startedAt: ctx.now, pausedMs: 0, pausedAt: null }, JSON.parse(row.limit_json) as Limit, context.settings.warningRatio);
  await updateClock(db, row.id, {
    state: 'running', started_at: ctx.now, paused_ms: 0, paused_at: null, met_at: null, warned_at: null, breached_at: null,
    due_at: schedule.dueAt, warn_at: schedule.warnAt, provisional: schedule.provisional ? 1 : 0, calendar_version: context.calendarVersion, updated_at: ctx.now,
  });
  await clockEvent(db, order, ctx, 'clock_restarted', { clock: 'result', reason: 'reopened', dueAt: new Date(schedule.dueAt).toISOString() });
}

export async function pauseClocks(db: Db, order: WorkOrderRow, kind: string | null, reason: string, ctx: ClockChangeContext): Promise<number> {
  let paused = 0;
  for (const row of await listClocks(db, order.id)) {
    if ((kind && row.kind !== kind) || !['running', 'warned'].includes(row.state)) continue;
    await updateClock(db, row.id, { state: 'paused', paused_at: ctx.now, pause_reason: reason, updated_at: ctx.now });
    await clockEvent(db, order, ctx, 'clock_paused', { clock: row.kind, reason });
    paused++;
  }
  return paused;
}

export async function resumeClocks(db: Db, order: WorkOrderRow, kind: string | null, ctx: ClockChangeContext): Promise<number> {
  const context = await clockContext(db, order);
  if (!context) return 0;
  const { clock, calendarVersion, settings } = context;
  let resumed = 0;
  for (const row of await listClocks(db, order.id)) {
    if ((kind && row.kind !== kind) || row.state !== 'paused' || row.paused_at === null) continue;
    const pausedMs = row.paused_ms + Math.max(0, ctx.now - row.paused_at);
    const limit = JSON.parse(row.limit_json) as Limit;
    const schedule = scheduleClock(clock, { startedAt: row.started_at, pausedMs, pausedAt: null }, limit, settings.warningRatio);
    await updateClock(db, row.id, {
      state: row.warned_at !== null && schedule.warnAt <= ctx.now ? 'warned' : 'running',
      ...(schedule.warnAt > ctx.now ? { warned_at: null } : {}),
      paused_ms: pausedMs, paused_at: null, pause_reason: null, due_at: schedule.dueAt, warn_at: schedule.warnAt,
      provisional: schedule.provisional ? 1 : 0, calendar_version: calendarVersion, updated_at: ctx.now,
    });
    await clockEvent(db, order, ctx, 'clock_resumed', { clock: row.kind, dueAt: new Date(schedule.dueAt).toISOString() });
    resumed++;
  }
  return resumed;
}

/**
 * The order's due time on lists ("sorted by due time", "overdue") is the earliest
 * deadline still open: a running, warned, breached or paused clock, or the reply
 * time agreed with the customer. Derived data: it does not bump the version.
 */
export async function refreshOrderDue(db: Db, order: WorkOrderRow): Promise<void> {
  const open = !['closed', 'cancelled'].includes(order.status);
  let dueAt: number | null = null;
  if (open) {
    const clocks = (await listClocks(db, order.id)).filter(isActive).map((c) => c.due_at);
    const candidates = [...clocks, ...(order.agreed_reply_at !== null ? [order.agreed_reply_at] : [])];
    dueAt = candidates.length > 0 ? Math.min(...candidates) : null;
  }
  if (dueAt !== order.due_at) await db.updateTable('work_orders').set({ due_at: dueAt }).where('id', '=', order.id).execute();
}
