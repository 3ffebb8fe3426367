/**
 * One callback contact as written on the 《客户建议受理单》 (S1 4.6.3.1(13)):
 * when, how, who, the customer's words and a five-level rating. A rating of
 * 不满意 or worse sends the opinion back to the department (S1 4.6.3.1(11)(12)),
 * so the order reopens. Pure: `now` and the attempt count come in as values.
 */
import { REPLY_METHODS, type ReplyMethod } from '../work-orders/work-order-types.js';

/** Best first; the order is used for the thresholds below. */
export const CALLBACK_RATINGS = ['very_satisfied', 'satisfied', 'neutral', 'dissatisfied', 'very_dissatisfied'] as const;
export type CallbackRating = (typeof CALLBACK_RATINGS)[number];

export interface CallbackRatingLabel {
  readonly 'zh-CN': string;
  readonly 'zh-TW': string;
  readonly en: string;
}

export const CALLBACK_RATING_LABELS: Readonly<Record<CallbackRating, CallbackRatingLabel>> = {
  very_satisfied: { 'zh-CN': '非常满意', 'zh-TW': '非常滿意', en: 'Very satisfied' },
  satisfied: { 'zh-CN': '满意', 'zh-TW': '滿意', en: 'Satisfied' },
  neutral: { 'zh-CN': '一般', 'zh-TW': '一般', en: 'Neutral' },
  dissatisfied: { 'zh-CN': '不满意', 'zh-TW': '不滿意', en: 'Dissatisfied' },
  very_dissatisfied: { 'zh-CN': '非常不满意', 'zh-TW': '非常不滿意', en: 'Very dissatisfied' },
};

/** What happened on the contact. `refused` = reached, but declined the callback (S1 4.6.3.1(14)). */
export const CALLBACK_CONTACT_RESULTS = ['answered', 'not_reached', 'refused'] as const;
export type CallbackContactResult = (typeof CALLBACK_CONTACT_RESULTS)[number];

export interface CallbackRecordSettings {
  /** Unanswered attempts after which the callback is closed as unreachable (not missed). */
  readonly maxAttempts: number;
  /** Longest text kept, in characters (code points). No seed number; a form field's size. */
  readonly maxTextLength: number;
  /** This rating or worse reopens the order. */
  readonly reopenAtOrWorse: CallbackRating;
  /** This rating or better counts as satisfied in reports. */
  readonly satisfiedAtOrBetter: CallbackRating;
}

export const DEFAULT_CALLBACK_RECORD_SETTINGS: CallbackRecordSettings = {
  maxAttempts: 3,
  maxTextLength: 2000,
  reopenAtOrWorse: 'dissatisfied',
  satisfiedAtOrBetter: 'satisfied',
};

/** Merge overrides over the defaults, refusing nonsense. */
export function resolveCallbackRecordSettings(overrides?: Partial<CallbackRecordSettings>): CallbackRecordSettings {
  const s = { ...DEFAULT_CALLBACK_RECORD_SETTINGS, ...overrides };
  if (!Number.isInteger(s.maxAttempts) || s.maxAttempts < 1 || s.maxAttempts > 20) throw new RangeError('maxAttempts must be 1–20');
  if (!Number.isInteger(s.maxTextLength) || s.maxTextLength < 1 || s.maxTextLength > 100_000) {
    throw new RangeError('maxTextLength must be 1–100000');
  }
  const reopen = CALLBACK_RATINGS.indexOf(s.reopenAtOrWorse);
  const satisfied = CALLBACK_RATINGS.indexOf(s.satisfiedAtOrBetter);
  // A rating may not both reopen the order and count as satisfied.
  if (reopen < 0 || satisfied < 0 || satisfied >= reopen) throw new RangeError('rating thresholds are unknown or overlap');
  return s;
}

export function isCallbackRating(value: unknown): value is CallbackRating {
  return typeof value === 'string' && (CALLBACK_RATINGS as readonly string[]).includes(value);
}

/** What a rating means for the order. */
export function recordOutcome(
  rating: CallbackRating,
  settings: CallbackRecordSettings = DEFAULT_CALLBACK_RECORD_SETTINGS,
): { reopen: boolean; satisfied: boolean } {
  const rank = CALLBACK_RATINGS.indexOf(rating);
  if (rank < 0) throw new RangeError(`unknown callback rating "${String(rating)}"`);
  return {
    reopen: rank >= CALLBACK_RATINGS.indexOf(settings.reopenAtOrWorse),
    satisfied: rank <= CALLBACK_RATINGS.indexOf(settings.satisfiedAtOrBetter),
  };
}

export interface CallbackRecordDraft {
  /** When the contact happened (epoch ms). */
  readonly at: number;
  readonly method: ReplyMethod;
  /** Who made the contact (user id). */
  readonly by: string;
  readonly contact: CallbackContactResult;
  /** The customer's own words when answered; a note (无人接听, 关机 …) otherwise. */
  readonly text: string;
  /** Required when answered; must be null otherwise. */
  readonly rating: CallbackRating | null;
}

export interface CallbackRecordContext {
  readonly now: number;
  /** The result the callback is about; a contact cannot precede it. */
  readonly resultGivenAt: number;
  /** From the CallbackDecision. */
  readonly allowedMethods: readonly ReplyMethod[];
  /** Unanswered attempts already recorded for this callback. */
  readonly previousAttempts: number;
}

export const CALLBACK_RECORD_PROBLEMS = [
  'invalid_time',
  'time_in_future',
  'before_result',
  'method_not_allowed',
  'who_required',
  'text_required',
  'text_too_long',
  'rating_required',
  'rating_not_allowed',
  'unknown_rating',
  'unknown_contact_result',
  'invalid_attempt_count',
  'attempts_exhausted',
] as const;
export type CallbackRecordProblemCode = (typeof CALLBACK_RECORD_PROBLEMS)[number];

export interface CallbackRecordProblem {
  readonly code: CallbackRecordProblemCode;
  readonly field: keyof CallbackRecordDraft | 'previousAttempts';
  readonly detail: string;
}

/**
 * - completed: answered and rated; `reopen` tells the caller to reopen the order;
 * - attempt: not reached, the callback stays open for another try;
 * - unreachable: the last allowed attempt failed: the callback closes as unreachable;
 * - refused: the customer declined: the callback closes as waived.
 * Neither of the last two is ever counted as a missed callback.
 */
export type CallbackRecordVerdict =
  | {
      readonly ok: true;
      readonly status: 'completed';
      readonly attempt: number;
      readonly rating: CallbackRating;
      readonly reopen: boolean;
      readonly satisfied: boolean;
    }
  | { readonly ok: true; readonly status: 'attempt'; readonly attempt: number; readonly attemptsLeft: number }
  | { readonly ok: true; readonly status: 'unreachable'; readonly attempt: number }
  | { readonly ok: true; readonly status: 'refused'; readonly attempt: number }
  | { readonly ok: false; readonly problems: readonly CallbackRecordProblem[] };

/** Check a callback contact and say what it does to the callback and the order. Returns every problem at once. */
export function validateCallbackRecord(
  draft: CallbackRecordDraft,
  context: CallbackRecordContext,
  settings: CallbackRecordSettings = DEFAULT_CALLBACK_RECORD_SETTINGS,
): CallbackRecordVerdict {
  const problems: CallbackRecordProblem[] = [];
  const add = (code: CallbackRecordProblemCode, field: CallbackRecordProblem['field'], detail: string): void => {
    problems.push({ code, field, detail });
  };

  if (!Number.isFinite(draft.at)) add('invalid_time', 'at', 'at must be an epoch-millisecond instant');
  else if (draft.at > context.now) add('time_in_future', 'at', 'a callback cannot be recorded before it happens');
  else if (draft.at < context.resultGivenAt) add('before_result', 'at', 'a callback follows the result it asks about');

  if (!REPLY_METHODS.includes(draft.method) || !context.allowedMethods.includes(draft.method)) {
    add('method_not_allowed', 'method', `method must be one of: ${context.allowedMethods.join(', ')}`);
  }
  if (typeof draft.by !== 'string' || draft.by.trim() === '') add('who_required', 'by', 'name who made the callback');

  const text = typeof draft.text === 'string' ? draft.text.trim() : '';
  const length = [...text].length; // code points: one Chinese character counts as one
  if (length > settings.maxTextLength) add('text_too_long', 'text', `at most ${settings.maxTextLength} characters`);

  const contact = draft.contact;
  if (!(CALLBACK_CONTACT_RESULTS as readonly string[]).includes(contact)) {
    add('unknown_contact_result', 'contact', 'contact must be answered, not_reached or refused');
  } else if (contact === 'answered') {
    // S1 4.6.3.1(11): the customer's opinion is what goes back to the department.
    if (length === 0) add('text_required', 'text', "record the customer's words");
    if (draft.rating === null || draft.rating === undefined) add('rating_required', 'rating', 'an answered callback needs a rating');
    else if (!isCallbackRating(draft.rating)) add('unknown_rating', 'rating', `rating must be one of: ${CALLBACK_RATINGS.join(', ')}`);
  } else if (draft.rating !== null && draft.rating !== undefined) {
    add('rating_not_allowed', 'rating', 'only a customer who answered can rate');
  }

  const previous = context.previousAttempts;
  if (!Number.isInteger(previous) || previous < 0) add('invalid_attempt_count', 'previousAttempts', 'previousAttempts must be a count');
  // A late answer is still welcome after the limit; only further failed tries are refused.
  else if (contact === 'not_reached' && previous >= settings.maxAttempts) {
    add('attempts_exhausted', 'previousAttempts', `already closed as unreachable after ${settings.maxAttempts} attempts`);
  }

  if (problems.length > 0) return { ok: false, problems };
  const attempt = previous + 1;
  if (contact === 'refused') return { ok: true, status: 'refused', attempt };
  if (contact === 'not_reached') {
    if (attempt >= settings.maxAttempts) return { ok: true, status: 'unreachable', attempt };
    return { ok: true, status: 'attempt', attempt, attemptsLeft: settings.maxAttempts - attempt };
  }
  const rating = draft.rating as CallbackRating;
  return { ok: true, status: 'completed', attempt, rating, ...recordOutcome(rating, settings) };
}
