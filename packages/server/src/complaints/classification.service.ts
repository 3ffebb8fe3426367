import {
  applyClassification,
  hasPermission,
  type ClassificationChange,
  type ClassificationProblem,
  type DecidedNature,
  type MajorReason,
} from '@huiyin/domain';
import type { Updateable } from 'kysely';
import type { AppContext } from '../app-context.js';
import type { RequestContext } from '../auth/actor.js';
import type { WorkOrderTable } from '../db/schema.js';
import { AppError } from '../errors/app-error.js';
import { refreshOrderDue, syncClocks } from '../sla/sla-clock.service.js';
import { applyChange } from '../work-orders/change-work-order.js';
import { canReadWorkOrder } from '../work-orders/work-order.policy.js';
import { findWorkOrder, type WorkOrderRow } from '../work-orders/work-order.repository.js';
import {
  becameMajor, readState, RECORD_EVENT, recordActor, recordEventData, stateColumns, withoutSuggestion, withRecords, type ComplaintState,
} from './complaint-state.js';
import { notifyGeneralManagers } from './complaint-upgrade.service.js';

export type ClassificationInput =
  | { action: 'decide_nature'; nature: DecidedNature; basis?: string | null }
  | { action: 'book_determination'; appointmentAt: string; attendees?: string[] }
  | { action: 'add_reason'; reason: MajorReason; detail: string }
  | { action: 'withdraw_reason'; reason: MajorReason; detail: string }
  | { action: 'confirm_upgrade'; reason?: MajorReason; detail?: string | null }
  | { action: 'dismiss_upgrade'; reason?: MajorReason; detail: string };

interface Plan {
  state: ComplaintState;
  columns: Updateable<WorkOrderTable>;
  event: { type: string; data: Record<string, unknown> };
}

function refused(problem: ClassificationProblem | 'no_suggestion', detail: string): AppError {
  if (problem === 'detail_required') return new AppError('text_required', detail);
  return new AppError('classification_refused', detail, { problem });
}

/**
 * The desk classifies (定性) and grades complaints. Customers never see the
 * classification, so for them the route does not exist; department staff may
 * read the order but not classify it.
 */
export async function assertDeskAccess(app: AppContext, ctx: RequestContext, id: number): Promise<WorkOrderRow> {
  const order = await findWorkOrder(app.db, ctx.actor.orgId, id);
  if (!order || ctx.actor.role === 'customer' || !canReadWorkOrder(ctx.actor, order)) throw new AppError('not_found', `work order ${id}`);
  if (!hasPermission(ctx.actor.role, 'work_order.dispatch')) throw new AppError('forbidden', `role ${ctx.actor.role} cannot classify complaints`);
  if (order.kind !== 'complaint') throw new AppError('not_a_complaint', `work order ${id} is a ${order.kind}`);
  return order;
}

function viaDomain(state: ComplaintState, change: ClassificationChange, extra: Record<string, unknown> = {}): Plan | null {
  const result = applyClassification(state.classification, change);
  if (!result.ok) throw refused(result.problem, result.detail);
  const record = result.recorded[0];
  if (!record) return null; // already in effect
  const next = withRecords(state, result.classification, result.recorded);
  return { state: next, columns: {}, event: { type: RECORD_EVENT[record.event] ?? record.event, data: { ...recordEventData(record), ...extra } } };
}

function suggestionOf(state: ComplaintState, reason: MajorReason | undefined) {
  const suggestion = reason ? state.suggestions.find((s) => s.reason === reason) : state.suggestions[0];
  if (!suggestion) throw refused('no_suggestion', reason ? `no ${reason} upgrade is suggested` : 'no upgrade is suggested');
  return suggestion;
}

/** What the change does to the stored state; null when it is already in effect. Throws refusals. */
function plan(state: ComplaintState, input: ClassificationInput, userId: number, now: number): Plan | null {
  const by = recordActor(userId);
  switch (input.action) {
    case 'decide_nature': {
      const p = viaDomain(state, { kind: 'decide_nature', nature: input.nature, by, at: now, basis: input.basis?.trim() || undefined });
      return p && { ...p, columns: { classified_at: now, classified_by: userId } };
    }
    case 'book_determination': {
      const appointmentAt = Date.parse(input.appointmentAt);
      const attendees = (input.attendees ?? []).map((a) => a.trim()).filter(Boolean);
      return viaDomain(state, { kind: 'book_determination', appointmentAt, attendees, by, at: now });
    }
    case 'add_reason':
      return viaDomain(state, { kind: 'add_reason', reason: input.reason, by, at: now, detail: input.detail.trim() });
    case 'withdraw_reason': {
      const p = viaDomain(state, { kind: 'withdraw_reason', reason: input.reason, by, at: now, detail: input.detail.trim() });
      // Not the same matter after all: the order leaves the collective group too.
      return p && input.reason === 'collective' ? { ...p, columns: { collective_group_id: null } } : p;
    }
    case 'confirm_upgrade': {
      const suggestion = suggestionOf(state, input.reason);
      const detail = input.detail?.trim() || suggestion.detail;
      const p = viaDomain(state, { kind: 'add_reason', reason: suggestion.reason, by, at: now, detail }, { confirmedSuggestion: true });
      return p ?? { state: withoutSuggestion(state, suggestion.reason), columns: {}, event: { type: 'upgrade_dismissed', data: { reason: suggestion.reason, detail: 'already in effect' } } };
    }
    case 'dismiss_upgrade': {
      const suggestion = suggestionOf(state, input.reason);
      if (!input.detail.trim()) throw refused('detail_required', 'say why the upgrade does not apply');
      return { state: withoutSuggestion(state, suggestion.reason), columns: {}, event: { type: 'upgrade_dismissed', data: { reason: suggestion.reason, detail: input.detail.trim() } } };
    }
  }
}

/**
 * One classification step through the work order's change path (version check,
 * event, audit in one transaction). Severity changes re-plan the SLA clocks with
 * the action as the recorded reason, and tell the general manager(s) when the
 * complaint becomes major. Repeating a change already in effect changes nothing.
 */
export async function classifyWorkOrder(app: AppContext, ctx: RequestContext, id: number, input: ClassificationInput & { version: number }): Promise<WorkOrderRow> {
  const current = await assertDeskAccess(app, ctx, id);
  const now = ctx.now.getTime();
  if (current.version !== input.version) throw new AppError('version_conflict', undefined, { currentVersion: current.version });
  if (plan(readState(current), input, ctx.actor.userId, now) === null) return current;

  return applyChange(app, ctx, id, input.version, async (_db, order) => {
    const before = readState(order);
    const p = plan(before, input, ctx.actor.userId, now);
    if (!p) throw new AppError('version_conflict');
    const after = async (trx: Parameters<typeof syncClocks>[0], updated: WorkOrderRow) => {
      await syncClocks(trx, updated, { actorId: ctx.actor.userId, now }, `classification:${input.action}`);
      await refreshOrderDue(trx, updated);
      if (becameMajor(before.classification, p.state.classification)) {
        const reason = p.state.reasons[p.state.reasons.length - 1];
        await notifyGeneralManagers(trx, updated, 'major_complaint', { reason: reason?.reason ?? null, detail: reason?.detail ?? '' }, now);
      }
    };
    return {
      changes: { ...stateColumns(p.state), ...p.columns },
      event: { type: p.event.type, data: p.event.data, customerVisible: false },
      audit: `complaint.${input.action}`,
      after,
    };
  });
}
