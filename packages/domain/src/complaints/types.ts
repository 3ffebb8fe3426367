/**
 * The vocabulary of complaint classification (S1 §4.6.1–4.6.2, DOMAIN.md §3).
 * The string codes are part of the public API and of stored audit records;
 * keep them stable.
 */
import type { Channel } from '../work-orders/work-order-types.js';

/**
 * 定性. S1 4.6.1.1 defines three natures. `undetermined` is not a fourth one
 * (seed-notes 6): it marks the 4.6.1.2 procedure in progress — the receiver
 * could not tell, booked a time with the customer and will decide on site.
 */
export const COMPLAINT_NATURES = ['responsible', 'non_responsible', 'assistance', 'undetermined'] as const;
export type ComplaintNature = (typeof COMPLAINT_NATURES)[number];

/** The three natures a person can decide on (the outcome of 4.6.1.1 / 4.6.1.2). */
export type DecidedNature = Exclude<ComplaintNature, 'undetermined'>;

/** 一般投诉 / 重大投诉. S1 grades responsible complaints only (4.6.2 "责任投诉分类"). */
export const COMPLAINT_SEVERITIES = ['general', 'major'] as const;
export type ComplaintSeverity = (typeof COMPLAINT_SEVERITIES)[number];

/**
 * Why a complaint is major. Numbers refer to S1 4.6.2.2.
 * - repeated_unresolved (1): raised repeatedly without resolution — a person confirms.
 * - major_loss_or_injury (2): major economic loss or personal injury — a person decides.
 * - unresolved_one_month (3): automatic.
 * - government_or_media (4): automatic or suggested, see `ChannelUpgradeMode`.
 * - collective (5): automatic.
 * - manual: a supervisor's judgement outside the five criteria.
 */
export const MAJOR_REASONS = [
  'repeated_unresolved',
  'major_loss_or_injury',
  'unresolved_one_month',
  'government_or_media',
  'collective',
  'manual',
] as const;
export type MajorReason = (typeof MAJOR_REASONS)[number];

/** Reasons the system may add by itself; the others need a named person. */
export const AUTOMATIC_REASONS: readonly MajorReason[] = ['unresolved_one_month', 'government_or_media', 'collective'];

/** The booked on-site determination of S1 4.6.1.2. */
export interface OnSiteDetermination {
  /** Instant agreed with the customer for the visit (epoch ms). */
  readonly appointmentAt: number;
  /** Staff asked to attend and give their opinion (names or ids). */
  readonly attendees: readonly string[];
  readonly bookedBy: string;
  readonly bookedAt: number;
}

export interface ComplaintClassification {
  /** As recorded; `undetermined` while the on-site determination is pending. */
  readonly nature: ComplaintNature;
  /**
   * What clocks, severity and authority use. Until a person decides, a
   * complaint is handled as responsible: the stricter handling, so that no
   * deadline is lost while the nature is open (issue #3).
   */
  readonly handledAs: DecidedNature;
  /** False while the nature is the intake default or the determination is pending. */
  readonly natureConfirmed: boolean;
  /** Derived: `major` when there is a reason and the complaint is handled as responsible. */
  readonly severity: ComplaintSeverity;
  /**
   * Every major criterion found so far, in the order found. Kept even when the
   * complaint is handled as non-responsible or assistance (severity is then
   * `general`), so that re-classifying it as responsible restores `major`.
   */
  readonly majorReasons: readonly MajorReason[];
  readonly determination: OnSiteDetermination | null;
  /**
   * Automatic reasons a person has withdrawn. The rules re-fire (every sweep,
   * every intake at the site), so the system must not add these back; only a
   * person can.
   */
  readonly withdrawnReasons: readonly MajorReason[];
}

/** One line of the classification audit trail: what changed and why. */
export interface ClassificationRecord {
  readonly event:
    | 'provisional_at_intake'
    | 'nature_set'
    | 'determination_booked'
    | 'reason_added'
    | 'reason_withdrawn';
  readonly reason: MajorReason | null;
  readonly from: { readonly nature: ComplaintNature; readonly severity: ComplaintSeverity } | null;
  readonly to: { readonly nature: ComplaintNature; readonly severity: ComplaintSeverity };
  /** A user id, or 'system' for automatic rules. */
  readonly by: string;
  readonly at: number;
  readonly detail: string;
  /** nature_set: the person's own words for the decision (the on-site opinion), without the audit prefix. */
  readonly basis?: string | null;
}

/** Why a classification change was refused. Returned as a value, never thrown. */
export type ClassificationProblem =
  | 'not_a_complaint'
  | 'awaiting_on_site_determination'
  | 'determination_opinion_required'
  | 'appointment_in_past'
  | 'reason_requires_person'
  | 'reason_not_present'
  | 'detail_required';

export type ClassificationResult =
  | {
      readonly ok: true;
      readonly classification: ComplaintClassification;
      /** Empty when the change was already in effect (idempotent). */
      readonly recorded: readonly ClassificationRecord[];
    }
  | { readonly ok: false; readonly problem: ClassificationProblem; readonly detail: string };

/**
 * Seed S1 4.6.2.2(4) reads "政府部门受理或在新闻媒体曝光致使公司形象受到损害的投诉": the
 * damage to the company's image is part of the criterion, so the channel alone
 * does not prove it (seed-notes 7). The issue asks for an automatic upgrade.
 * `automatic` follows the issue; `suggest` follows the seed (a person confirms).
 */
export type ChannelUpgradeMode = 'automatic' | 'suggest';

export interface EscalationSettings {
  readonly channelUpgrade: ChannelUpgradeMode;
  /** Channels that count as "taken up by a government body or exposed by media". */
  readonly governmentOrMediaChannels: readonly Channel[];
  /** "多次提出": times the customer has raised the matter, this one included, before a suggestion. */
  readonly repeatMinTimes: number;
}

export const DEFAULT_ESCALATION_SETTINGS: EscalationSettings = {
  channelUpgrade: 'automatic',
  governmentOrMediaChannels: ['media', 'government', 'consumer_association'],
  repeatMinTimes: 2,
};

/**
 * The outcome of one upgrade rule. `upgrade` = apply now (automatic);
 * `suggest` = show to a person who confirms or dismisses; never both.
 */
export interface UpgradeDecision {
  readonly upgrade: boolean;
  readonly suggest: boolean;
  readonly reason: MajorReason;
  readonly detail: string;
}
