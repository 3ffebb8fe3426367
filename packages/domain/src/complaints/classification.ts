/**
 * Complaint classification as a value that changes only through
 * `applyClassification`, which also says why (the audit records). Refusals
 * ("cannot classify yet") are returned as values: they are normal outcomes of
 * the desk's work, not programming errors.
 */
import type { Channel, WorkOrderKind } from '../work-orders/work-order-types.js';
import { channelRule } from './escalation.js';
import {
  AUTOMATIC_REASONS,
  DEFAULT_ESCALATION_SETTINGS,
  type ClassificationRecord,
  type ClassificationResult,
  type ComplaintClassification,
  type ComplaintSeverity,
  type DecidedNature,
  type EscalationSettings,
  type MajorReason,
  type UpgradeDecision,
} from './types.js';

/** The user id the automatic rules record under. */
export const SYSTEM_ACTOR = 'system';

export type ClassificationChange =
  /** 4.6.1.1, or the conclusion of 4.6.1.2 (then `basis` = the on-site staff's opinion). */
  | { readonly kind: 'decide_nature'; readonly nature: DecidedNature; readonly by: string; readonly at: number; readonly basis?: string }
  /** 4.6.1.2: the receiver cannot tell; book a time with the customer and the staff who will judge. */
  | {
      readonly kind: 'book_determination';
      readonly appointmentAt: number;
      readonly attendees?: readonly string[];
      readonly by: string;
      readonly at: number;
    }
  /** A major criterion found (by a rule, `by: 'system'`, or by a person). */
  | { readonly kind: 'add_reason'; readonly reason: MajorReason; readonly by: string; readonly at: number; readonly detail: string }
  /** A person rejects a criterion (e.g. a false collective match); the detail says why. */
  | { readonly kind: 'withdraw_reason'; readonly reason: MajorReason; readonly by: string; readonly at: number; readonly detail: string };

export interface IntakeInput {
  readonly kind: WorkOrderKind;
  readonly channel: Channel;
  readonly receivedAt: number;
}

export type IntakeResult =
  | (Extract<ClassificationResult, { ok: true }> & { readonly suggestions: readonly UpgradeDecision[] })
  | Extract<ClassificationResult, { ok: false }>;

function severityOf(handledAs: DecidedNature, reasons: readonly MajorReason[]): ComplaintSeverity {
  // S1 grades responsible complaints only (4.6.2 "责任投诉分类及处理权限").
  return handledAs === 'responsible' && reasons.length > 0 ? 'major' : 'general';
}

function build(c: Omit<ComplaintClassification, 'severity'>): ComplaintClassification {
  return { ...c, severity: severityOf(c.handledAs, c.majorReasons) };
}

const state = (c: ComplaintClassification) => ({ nature: c.nature, severity: c.severity });

/**
 * A complaint at intake: handled as responsible + general until a person
 * decides (issue #3), with the automatic channel rule applied at once.
 */
export function classificationAtIntake(
  input: IntakeInput,
  settings: EscalationSettings = DEFAULT_ESCALATION_SETTINGS,
): IntakeResult {
  if (input.kind !== 'complaint') {
    return { ok: false, problem: 'not_a_complaint', detail: `a ${input.kind} work order has no complaint classification` };
  }
  const initial = build({
    nature: 'responsible',
    handledAs: 'responsible',
    natureConfirmed: false,
    majorReasons: [],
    determination: null,
    withdrawnReasons: [],
  });
  const recorded: ClassificationRecord[] = [
    {
      event: 'provisional_at_intake',
      reason: null,
      from: null,
      to: state(initial),
      by: SYSTEM_ACTOR,
      at: input.receivedAt,
      detail: 'handled as a responsible, general complaint until classified',
    },
  ];
  const decision = channelRule(input.channel, settings);
  const suggestions = decision.suggest ? [decision] : [];
  if (!decision.upgrade) return { ok: true, classification: initial, recorded, suggestions };
  const upgraded = applyClassification(initial, decisionToChange(decision, input.receivedAt));
  if (!upgraded.ok) return upgraded;
  return { ok: true, classification: upgraded.classification, recorded: [...recorded, ...upgraded.recorded], suggestions };
}

/** Applies one change; returns the new classification and what to record, or a refusal. */
export function applyClassification(current: ComplaintClassification, change: ClassificationChange): ClassificationResult {
  switch (change.kind) {
    case 'decide_nature':
      return decideNature(current, change);
    case 'book_determination':
      return bookDetermination(current, change);
    case 'add_reason':
      return addReason(current, change);
    case 'withdraw_reason':
      return withdrawReason(current, change);
  }
}

/** Applies changes in order, stopping at the first refusal. */
export function applyClassifications(current: ComplaintClassification, changes: readonly ClassificationChange[]): ClassificationResult {
  let classification = current;
  const recorded: ClassificationRecord[] = [];
  for (const change of changes) {
    const result = applyClassification(classification, change);
    if (!result.ok) return result;
    classification = result.classification;
    recorded.push(...result.recorded);
  }
  return { ok: true, classification, recorded };
}

/** The change an automatic decision asks for; suggestions need a person and give none. */
export function decisionToChange(decision: UpgradeDecision, at: number): ClassificationChange {
  return { kind: 'add_reason', reason: decision.reason, by: SYSTEM_ACTOR, at, detail: decision.detail };
}

/** Changes for the decisions that upgrade automatically. */
export function automaticChanges(decisions: readonly UpgradeDecision[], at: number): ClassificationChange[] {
  return decisions.filter((d) => d.upgrade).map((d) => decisionToChange(d, at));
}

type ChangeOf<K extends ClassificationChange['kind']> = Extract<ClassificationChange, { kind: K }>;

function decideNature(current: ComplaintClassification, change: ChangeOf<'decide_nature'>): ClassificationResult {
  const pending = current.nature === 'undetermined' ? current.determination : null;
  if (pending && change.at < pending.appointmentAt) {
    return {
      ok: false,
      problem: 'awaiting_on_site_determination',
      detail: `the on-site determination is booked for ${new Date(pending.appointmentAt).toISOString()}; classify after it`,
    };
  }
  // 4.6.1.2: the receiver decides "根据相关人员的界定意见" — that opinion must be on record.
  if (current.nature === 'undetermined' && !change.basis?.trim()) {
    return { ok: false, problem: 'determination_opinion_required', detail: 'record the on-site staff opinion the nature is based on' };
  }
  if (current.nature === change.nature && current.natureConfirmed) return { ok: true, classification: current, recorded: [] };
  const next = build({ ...current, nature: change.nature, handledAs: change.nature, natureConfirmed: true });
  const basis = change.basis?.trim();
  return {
    ok: true,
    classification: next,
    recorded: [
      {
        event: 'nature_set',
        reason: null,
        from: state(current),
        to: state(next),
        by: change.by,
        at: change.at,
        detail: basis ? `classified as ${change.nature}: ${basis}` : `classified as ${change.nature}`,
        basis: basis || null,
      },
    ],
  };
}

function bookDetermination(current: ComplaintClassification, change: ChangeOf<'book_determination'>): ClassificationResult {
  if (change.appointmentAt < change.at) {
    return { ok: false, problem: 'appointment_in_past', detail: 'the on-site determination must be booked for a future time' };
  }
  const determination = {
    appointmentAt: change.appointmentAt,
    attendees: [...(change.attendees ?? [])],
    bookedBy: change.by,
    bookedAt: change.at,
  };
  // While the nature is open the complaint keeps the stricter, responsible handling.
  const next = build({ ...current, nature: 'undetermined', handledAs: 'responsible', natureConfirmed: false, determination });
  return {
    ok: true,
    classification: next,
    recorded: [
      {
        event: 'determination_booked',
        reason: null,
        from: state(current),
        to: state(next),
        by: change.by,
        at: change.at,
        detail: `on-site determination booked for ${new Date(change.appointmentAt).toISOString()}`,
      },
    ],
  };
}

function addReason(current: ComplaintClassification, change: ChangeOf<'add_reason'>): ClassificationResult {
  const bySystem = change.by === SYSTEM_ACTOR;
  if (bySystem && !AUTOMATIC_REASONS.includes(change.reason)) {
    return { ok: false, problem: 'reason_requires_person', detail: `${change.reason} is a person's decision; the system may only suggest it` };
  }
  if (current.majorReasons.includes(change.reason)) return { ok: true, classification: current, recorded: [] };
  // A person withdrew this reason; re-firing rules must not bring it back.
  if (bySystem && current.withdrawnReasons.includes(change.reason)) return { ok: true, classification: current, recorded: [] };
  const next = build({
    ...current,
    majorReasons: [...current.majorReasons, change.reason],
    withdrawnReasons: current.withdrawnReasons.filter((r) => r !== change.reason),
  });
  const note = next.severity === 'major' ? '' : ` (kept; severity applies while handled as responsible, now ${next.handledAs})`;
  return {
    ok: true,
    classification: next,
    recorded: [
      { event: 'reason_added', reason: change.reason, from: state(current), to: state(next), by: change.by, at: change.at, detail: change.detail + note },
    ],
  };
}

function withdrawReason(current: ComplaintClassification, change: ChangeOf<'withdraw_reason'>): ClassificationResult {
  if (change.by === SYSTEM_ACTOR) {
    return { ok: false, problem: 'reason_requires_person', detail: 'only a person may withdraw a major criterion' };
  }
  if (!change.detail.trim()) return { ok: false, problem: 'detail_required', detail: 'say why the criterion does not apply' };
  if (!current.majorReasons.includes(change.reason)) {
    return { ok: false, problem: 'reason_not_present', detail: `${change.reason} is not among this complaint's major criteria` };
  }
  const next = build({
    ...current,
    majorReasons: current.majorReasons.filter((r) => r !== change.reason),
    withdrawnReasons: AUTOMATIC_REASONS.includes(change.reason) ? [...current.withdrawnReasons, change.reason] : current.withdrawnReasons,
  });
  return {
    ok: true,
    classification: next,
    recorded: [
      { event: 'reason_withdrawn', reason: change.reason, from: state(current), to: state(next), by: change.by, at: change.at, detail: change.detail },
    ],
  };
}
