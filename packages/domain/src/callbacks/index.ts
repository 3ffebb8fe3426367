/**
 * Callbacks 回访 (S1 4.6.3; S3/S4 报修回访): whether a result owes a callback,
 * reproducible monthly sampling for assistance complaints, and the callback
 * record with its five-level rating. Pure: no I/O, no clock; the seed, the
 * order's index in the month, `now` and the settings are parameters.
 */
export {
  CALLBACK_RULE_KEYS,
  DEFAULT_CALLBACK_POLICY,
  resolveCallbackPolicy,
  callbackPolicyProblems,
  type CallbackRequirement,
  type CallbackLimit,
  type AgreedMethodUse,
  type CallbackRule,
  type CallbackRuleKey,
  type CallbackPolicySettings,
  type CallbackPolicyOverrides,
} from './callback-settings.js';
export {
  CALLBACK_OUTCOMES,
  CALLBACK_REASONS,
  callbackRuleKeyFor,
  needsSampleSlot,
  decideCallback,
  callbackIsDue,
  type CallbackOutcome,
  type CallbackReason,
  type CallbackSubject,
  type SampleSlot,
  type CallbackDecision,
} from './callback-policy.js';
export {
  SAMPLING_MODES,
  RATE_SCALE,
  MAX_INDEX_IN_MONTH,
  monthlySeed,
  rateToParts,
  requiredSampleCount,
  isSampled,
  sampledCount,
  sampleMonth,
  type SamplingMode,
} from './sampling.js';
export {
  CALLBACK_RATINGS,
  CALLBACK_RATING_LABELS,
  CALLBACK_CONTACT_RESULTS,
  CALLBACK_RECORD_PROBLEMS,
  DEFAULT_CALLBACK_RECORD_SETTINGS,
  resolveCallbackRecordSettings,
  isCallbackRating,
  recordOutcome,
  validateCallbackRecord,
  type CallbackRating,
  type CallbackRatingLabel,
  type CallbackContactResult,
  type CallbackRecordSettings,
  type CallbackRecordDraft,
  type CallbackRecordContext,
  type CallbackRecordProblemCode,
  type CallbackRecordProblem,
  type CallbackRecordVerdict,
} from './callback-record.js';
