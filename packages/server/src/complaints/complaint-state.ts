import {
  SYSTEM_ACTOR,
  type ClassificationRecord,
  type ComplaintClassification,
  type ComplaintNature,
  type DecidedNature,
  type MajorReason,
} from '@huiyin/domain';
import type { Updateable } from 'kysely';
import type { WorkOrderTable } from '../db/schema.js';
import type { WorkOrderRow } from '../work-orders/work-order.repository.js';

/**
 * What the server keeps of a complaint's classification (work_orders.
 * classification_json): the domain value plus who did what and when, which the
 * domain value leaves out because it only needs the codes. The 0002 columns
 * (nature, severity, determination_at, upgrade_suggested) mirror it for lists.
 */
export interface ReasonRecord {
  readonly reason: MajorReason;
  /** null: the system's automatic rules. */
  readonly by: number | null;
  readonly at: number;
  readonly detail: string;
}

/** An upgrade the rules propose and a person confirms or dismisses (S1 4.6.2.2(1), seed-notes 7). */
export interface UpgradeSuggestion {
  readonly reason: MajorReason;
  readonly detail: string;
  readonly at: number;
  /** Earlier complaints of the same customer about the same matter. */
  readonly relatedOrderIds: readonly number[];
}

/** Non-responsible complaints (S1 4.6.3.2): what was explained to the customer. */
export interface Explanation {
  readonly text: string;
  readonly by: number;
  readonly at: number;
}

/** Assistance complaints (S1 4.6.3.3(1)): which agency numbers the customer was given. */
export interface Referral {
  readonly agencyIds: readonly number[];
  readonly by: number;
  readonly at: number;
}

export interface ComplaintState {
  readonly classification: ComplaintClassification;
  readonly reasons: readonly ReasonRecord[];
  readonly suggestions: readonly UpgradeSuggestion[];
  /** The basis of the last nature decision (the on-site staff's opinion for an undetermined one). */
  readonly basis: string | null;
  readonly explanation: Explanation | null;
  readonly referrals: readonly Referral[];
}

const NATURES: readonly string[] = ['responsible', 'non_responsible', 'assistance', 'undetermined'];

/** A complaint stored before 0003 has only the columns: rebuild what they say. */
function fromColumns(row: WorkOrderRow): ComplaintState {
  const nature = (NATURES.includes(row.nature ?? '') ? row.nature : 'responsible') as ComplaintNature;
  const handledAs: DecidedNature = nature === 'undetermined' ? 'responsible' : nature;
  const major = row.severity === 'major';
  return {
    classification: {
      nature,
      handledAs,
      natureConfirmed: row.classified_at !== null,
      severity: major && handledAs === 'responsible' ? 'major' : 'general',
      majorReasons: major ? ['manual'] : [],
      determination: null,
      withdrawnReasons: [],
    },
    reasons: major ? [{ reason: 'manual', by: row.classified_by, at: row.classified_at ?? row.received_at, detail: 'recorded before reasons were kept' }] : [],
    suggestions: [],
    basis: null,
    explanation: null,
    referrals: [],
  };
}

export function readState(row: WorkOrderRow): ComplaintState {
  if (!row.classification_json) return fromColumns(row);
  return JSON.parse(row.classification_json) as ComplaintState;
}

/** The reasons a person withdrew, read from the stored state alone (no row needed). */
export function withdrawnReasonsOf(classificationJson: string | null): readonly MajorReason[] {
  // Without the JSON the state is rebuilt from columns, which never hold a withdrawal.
  if (!classificationJson) return [];
  return (JSON.parse(classificationJson) as ComplaintState).classification.withdrawnReasons;
}

export function initialState(classification: ComplaintClassification): ComplaintState {
  return { classification, reasons: [], suggestions: [], basis: null, explanation: null, referrals: [] };
}

export const actorOfRecord = (by: string): number | null => (by === SYSTEM_ACTOR ? null : Number(by));
export const recordActor = (userId: number | null): string => (userId === null ? SYSTEM_ACTOR : String(userId));

/** The state after a classification change: the domain value and the who/when of each reason. */
export function withRecords(state: ComplaintState, classification: ComplaintClassification, recorded: readonly ClassificationRecord[]): ComplaintState {
  let reasons = [...state.reasons];
  let basis = state.basis;
  for (const record of recorded) {
    if (record.event === 'reason_added' && record.reason) {
      reasons = [...reasons.filter((r) => r.reason !== record.reason), { reason: record.reason, by: actorOfRecord(record.by), at: record.at, detail: record.detail }];
    }
    if (record.event === 'reason_withdrawn' && record.reason) reasons = reasons.filter((r) => r.reason !== record.reason);
    if (record.event === 'nature_set') basis = record.basis ?? null;
  }
  // A reason now in effect is no longer a suggestion.
  const suggestions = state.suggestions.filter((s) => !classification.majorReasons.includes(s.reason));
  return { ...state, classification, reasons, basis, suggestions };
}

export function withSuggestion(state: ComplaintState, suggestion: UpgradeSuggestion): ComplaintState {
  if (state.classification.majorReasons.includes(suggestion.reason)) return state;
  return { ...state, suggestions: [...state.suggestions.filter((s) => s.reason !== suggestion.reason), suggestion] };
}

export function withoutSuggestion(state: ComplaintState, reason: MajorReason): ComplaintState {
  return { ...state, suggestions: state.suggestions.filter((s) => s.reason !== reason) };
}

/** The columns that mirror the state, for lists, reports and the SLA planner. */
export function stateColumns(state: ComplaintState): Updateable<WorkOrderTable> {
  const c = state.classification;
  return {
    nature: c.nature,
    severity: c.severity,
    determination_at: c.determination?.appointmentAt ?? null,
    upgrade_suggested: state.suggestions.length > 0 ? 1 : 0,
    classification_json: JSON.stringify(state),
  };
}

/** The timeline event type of each kind of classification record. */
export const RECORD_EVENT: Record<ClassificationRecord['event'], string | null> = {
  provisional_at_intake: null, // the audit keeps it; the timeline would only repeat "created"
  nature_set: 'nature_decided',
  determination_booked: 'determination_booked',
  reason_added: 'major_reason_added',
  reason_withdrawn: 'major_reason_withdrawn',
};

export function recordEventData(record: ClassificationRecord): Record<string, unknown> {
  return {
    ...(record.reason ? { reason: record.reason } : {}),
    from: record.from,
    to: record.to,
    detail: record.detail,
    by: record.by === SYSTEM_ACTOR ? 'system' : 'person',
  };
}

export const becameMajor = (before: ComplaintClassification, after: ComplaintClassification) =>
  before.severity !== 'major' && after.severity === 'major';
