/**
 * Whether a work order owes a callback once its result is given, by when and
 * how (S1 4.6.3.1(10)(14), 4.6.3.3(3); S3/S4 报修回访). Pure: the sampling seed
 * and the order's index in the month come in as parameters, and the caller
 * turns the returned limit into a deadline with the working-day calendar.
 */
import type { ComplaintNature, ComplaintSeverity } from '../complaints/types.js';
import type { ReplyMethod, WorkOrderKind } from '../work-orders/work-order-types.js';
import type { CallbackLimit, CallbackPolicySettings, CallbackRule, CallbackRuleKey } from './callback-settings.js';
import { isSampled } from './sampling.js';

export const CALLBACK_OUTCOMES = ['required', 'sampled_in', 'sampled_out', 'waived', 'none'] as const;
/**
 * - required / sampled_in: a callback task is due within `limit`;
 * - sampled_out: assistance complaint not drawn this time (counts in the month's frame);
 * - waived: one would be due, but the customer refused or stayed anonymous
 *   (S1 4.6.3.1(14)); recorded as such, never reported as missed;
 * - none: the organisation's policy asks for no callback.
 */
export type CallbackOutcome = (typeof CALLBACK_OUTCOMES)[number];

export const CALLBACK_REASONS = [
  'required_by_policy',
  'sampled_in',
  'sampled_out',
  'customer_refused',
  'anonymous',
  'not_required_by_policy',
] as const;
export type CallbackReason = (typeof CALLBACK_REASONS)[number];

/** What the policy needs to know about the order when its result is given. */
export interface CallbackSubject {
  readonly kind: WorkOrderKind;
  /** Complaints only. null/undetermined = handled as responsible, like the SLA and complaint modules. */
  readonly nature?: ComplaintNature | null;
  /** Responsible complaints only. null = general until someone upgrades it. */
  readonly severity?: ComplaintSeverity | null;
  /** The reply method agreed with the customer at intake (S1 4.6.3.1(3)). */
  readonly agreedReplyMethod?: ReplyMethod | null;
  readonly customerRefused: boolean;
  readonly anonymous: boolean;
}

/**
 * The order's place in its month's sampling frame. The caller numbers only the
 * orders for which `needsSampleSlot` is true (1, 2, 3, … per month, in result
 * order, e.g. from a database counter) so waived customers do not dilute the rate.
 */
export interface SampleSlot {
  /** The month's stored seed, see `monthlySeed`. */
  readonly seed: string;
  readonly indexInMonth: number;
}

export interface CallbackDecision {
  readonly outcome: CallbackOutcome;
  readonly reason: CallbackReason;
  /** Which rule applied; stored with the decision so a later settings change is explainable. */
  readonly rule: CallbackRuleKey;
  readonly limit: CallbackLimit;
  /** Allowed methods for this order: the rule's, plus the agreed one unless the rule ignores it. */
  readonly methods: readonly ReplyMethod[];
  readonly defaultMethod: ReplyMethod;
  /** The sampling rate applied (sampled rules only), so the month's report can show it. */
  readonly rate: number | null;
}

/** The rule key for an order: complaints by the nature they are handled as, and severity. */
export function callbackRuleKeyFor(subject: Pick<CallbackSubject, 'kind' | 'nature' | 'severity'>): CallbackRuleKey {
  if (subject.kind !== 'complaint') return subject.kind;
  switch (subject.nature ?? 'responsible') {
    case 'non_responsible':
      return 'complaint_non_responsible';
    case 'assistance':
      return 'complaint_assistance';
    case 'responsible':
    case 'undetermined':
      // An open nature is handled as responsible: the stricter handling (issue #3).
      return subject.severity === 'major' ? 'complaint_responsible_major' : 'complaint_responsible_general';
  }
}

/** True when the caller must allocate a SampleSlot before calling `decideCallback`. */
export function needsSampleSlot(subject: CallbackSubject, settings: CallbackPolicySettings): boolean {
  const rule = settings.rules[callbackRuleKeyFor(subject)];
  return rule.requirement.mode === 'sampled' && waiverReason(subject) === null;
}

/**
 * Decide the callback for an order whose result has just been given.
 * Throws RangeError when the rule samples and no slot was given (a caller bug:
 * guessing would break the month's exact count).
 */
export function decideCallback(
  subject: CallbackSubject,
  settings: CallbackPolicySettings,
  sample?: SampleSlot | null,
): CallbackDecision {
  const key = callbackRuleKeyFor(subject);
  const rule = settings.rules[key];
  const req = rule.requirement;
  const rate = req.mode === 'sampled' ? req.rate : null;
  const base = { rule: key, limit: rule.limit, rate, ...methodsFor(rule, subject.agreedReplyMethod ?? null) };

  if (req.mode === 'none') return { ...base, outcome: 'none', reason: 'not_required_by_policy' };
  // Waiver is checked before sampling: a customer who cannot be called does not take a place in the frame.
  const waived = waiverReason(subject);
  if (waived) return { ...base, outcome: 'waived', reason: waived };
  if (req.mode === 'required') return { ...base, outcome: 'required', reason: 'required_by_policy' };

  if (!sample) throw new RangeError(`rule ${key} samples callbacks: a SampleSlot is required`);
  const picked = isSampled(sample.seed, sample.indexInMonth, req.rate, settings.samplingMode);
  return picked ? { ...base, outcome: 'sampled_in', reason: 'sampled_in' } : { ...base, outcome: 'sampled_out', reason: 'sampled_out' };
}

/** True when the decision creates a callback task with a deadline. */
export function callbackIsDue(decision: Pick<CallbackDecision, 'outcome'>): boolean {
  return decision.outcome === 'required' || decision.outcome === 'sampled_in';
}

/** Refusal wins over anonymity in the record: it is the customer's stated wish. */
function waiverReason(subject: CallbackSubject): 'customer_refused' | 'anonymous' | null {
  if (subject.customerRefused) return 'customer_refused';
  if (subject.anonymous) return 'anonymous';
  return null;
}

function methodsFor(rule: CallbackRule, agreed: ReplyMethod | null): { methods: readonly ReplyMethod[]; defaultMethod: ReplyMethod } {
  if (agreed === null || rule.agreedMethod === 'ignore') return { methods: rule.methods, defaultMethod: rule.defaultMethod };
  const methods = rule.methods.includes(agreed) ? rule.methods : [...rule.methods, agreed];
  return { methods, defaultMethod: rule.agreedMethod === 'prefer' ? agreed : rule.defaultMethod };
}
