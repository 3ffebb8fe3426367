/**
 * Callback (回访) rules as organisation settings. Defaults are the seeds'
 * numbers (S1 4.6.3, DOMAIN.md §4); where no seed gives a number the default
 * says so in a comment.
 */
import { REPLY_METHODS, type ReplyMethod } from '../work-orders/work-order-types.js';
import { SAMPLING_MODES, type SamplingMode } from './sampling.js';

/** Whether a callback is owed: every time, for a seeded sample, or not by policy. */
export type CallbackRequirement =
  | { readonly mode: 'required' }
  | { readonly mode: 'sampled'; readonly rate: number }
  | { readonly mode: 'none' };

/**
 * Time from the result to the callback. The caller turns it into a deadline
 * with the site's working-day calendar (assignable to the SLA module's Limit).
 */
export interface CallbackLimit {
  readonly unit: 'working_days' | 'days';
  readonly amount: number;
}

/**
 * How the reply method agreed with the customer at intake (S1 4.6.3.1(3))
 * enters the callback: `prefer` = it becomes the default (the seed's "或与商户约定
 * 的形式" / "或商户要求的形式"), `allow` = it may be chosen, `ignore` = not offered.
 */
export type AgreedMethodUse = 'prefer' | 'allow' | 'ignore';

export interface CallbackRule {
  readonly requirement: CallbackRequirement;
  readonly limit: CallbackLimit;
  /** Methods allowed by the organisation, before the customer's agreed method is added. */
  readonly methods: readonly ReplyMethod[];
  readonly defaultMethod: ReplyMethod;
  readonly agreedMethod: AgreedMethodUse;
}

/** One rule per kind, complaints split by nature and (responsible only) severity. */
export const CALLBACK_RULE_KEYS = [
  'complaint_responsible_general',
  'complaint_responsible_major',
  'complaint_non_responsible',
  'complaint_assistance',
  'inquiry',
  'help',
  'repair',
  'suggestion',
  'praise',
] as const;
export type CallbackRuleKey = (typeof CALLBACK_RULE_KEYS)[number];

export interface CallbackPolicySettings {
  readonly rules: Readonly<Record<CallbackRuleKey, CallbackRule>>;
  /** See sampling.ts: `jittered` (seeded, at most one extra a month) or `exact` (fixed schedule). */
  readonly samplingMode: SamplingMode;
}

const NONE: CallbackRequirement = { mode: 'none' };
const PHONE_OR_AGREED = { methods: ['phone'], defaultMethod: 'phone', agreedMethod: 'prefer' } as const;

export const DEFAULT_CALLBACK_POLICY: CallbackPolicySettings = {
  rules: {
    // S1 4.6.3.1(10): within 2 working days, 100%; general by phone or the agreed form.
    complaint_responsible_general: {
      requirement: { mode: 'required' },
      limit: { unit: 'working_days', amount: 2 },
      ...PHONE_OR_AGREED,
    },
    // S1 4.6.3.1(10): major by a visit or the form the customer asks for.
    complaint_responsible_major: {
      requirement: { mode: 'required' },
      limit: { unit: 'working_days', amount: 2 },
      methods: ['visit'],
      defaultMethod: 'visit',
      agreedMethod: 'prefer',
    },
    // S1 4.6.3.2 asks to explain and follow up, not to call back. Limit borrowed from 4.6.3.1.
    complaint_non_responsible: { requirement: NONE, limit: { unit: 'working_days', amount: 2 }, ...PHONE_OR_AGREED },
    // S1 4.6.3.3(3): sampled, at least 30%, within 3 days (calendar days: the seed says 3天, not 工作日).
    complaint_assistance: {
      requirement: { mode: 'sampled', rate: 0.3 },
      limit: { unit: 'days', amount: 3 },
      ...PHONE_OR_AGREED,
    },
    // No seed asks for inquiry callbacks (the 3-working-day inquiry reply is an SLA clock, not a callback).
    inquiry: { requirement: NONE, limit: { unit: 'working_days', amount: 3 }, ...PHONE_OR_AGREED },
    help: { requirement: NONE, limit: { unit: 'working_days', amount: 2 }, ...PHONE_OR_AGREED },
    // S3 报修 and S4: "对报修服务进行电话或上门回访". No seed number: 2 working days as for complaints.
    repair: {
      requirement: { mode: 'required' },
      limit: { unit: 'working_days', amount: 2 },
      methods: ['phone', 'visit'],
      defaultMethod: 'phone',
      agreedMethod: 'allow',
    },
    suggestion: { requirement: NONE, limit: { unit: 'working_days', amount: 2 }, ...PHONE_OR_AGREED },
    praise: { requirement: NONE, limit: { unit: 'working_days', amount: 2 }, ...PHONE_OR_AGREED },
  },
  samplingMode: 'jittered',
};

export interface CallbackPolicyOverrides {
  readonly rules?: Partial<Record<CallbackRuleKey, Partial<CallbackRule>>>;
  readonly samplingMode?: SamplingMode;
}

/** Merge an organisation's overrides rule by rule over the defaults, refusing nonsense. */
export function resolveCallbackPolicy(overrides?: CallbackPolicyOverrides): CallbackPolicySettings {
  const rules = {} as Record<CallbackRuleKey, CallbackRule>;
  for (const key of CALLBACK_RULE_KEYS) {
    rules[key] = { ...DEFAULT_CALLBACK_POLICY.rules[key], ...overrides?.rules?.[key] };
  }
  const settings: CallbackPolicySettings = {
    rules,
    samplingMode: overrides?.samplingMode ?? DEFAULT_CALLBACK_POLICY.samplingMode,
  };
  const problems = callbackPolicyProblems(settings);
  if (problems.length > 0) throw new RangeError(`invalid callback policy: ${problems.join('; ')}`);
  return settings;
}

/** Every problem in a settings object (empty when valid); for settings screens. */
export function callbackPolicyProblems(settings: CallbackPolicySettings): string[] {
  const problems: string[] = [];
  if (!SAMPLING_MODES.includes(settings.samplingMode)) problems.push(`samplingMode "${String(settings.samplingMode)}" is unknown`);
  for (const key of CALLBACK_RULE_KEYS) {
    const rule = settings.rules[key];
    const req = rule.requirement;
    if (req.mode === 'sampled' && !(Number.isFinite(req.rate) && req.rate >= 0 && req.rate <= 1)) {
      problems.push(`${key}: sampling rate must be within [0, 1]`);
    } else if (req.mode !== 'sampled' && req.mode !== 'required' && req.mode !== 'none') {
      problems.push(`${key}: requirement mode is unknown`);
    }
    const limit = rule.limit;
    if ((limit.unit !== 'working_days' && limit.unit !== 'days') || !Number.isInteger(limit.amount) || limit.amount < 1 || limit.amount > 366) {
      problems.push(`${key}: limit must be 1–366 days or working days`);
    }
    if (rule.methods.length === 0 || rule.methods.some((m) => !REPLY_METHODS.includes(m))) {
      problems.push(`${key}: methods must be a non-empty list of known reply methods`);
    }
    if (!rule.methods.includes(rule.defaultMethod)) problems.push(`${key}: defaultMethod must be one of methods`);
    if (!['prefer', 'allow', 'ignore'].includes(rule.agreedMethod)) problems.push(`${key}: agreedMethod is unknown`);
  }
  return problems;
}
