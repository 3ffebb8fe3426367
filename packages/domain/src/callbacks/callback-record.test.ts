import { describe, expect, it } from 'vitest';
import {
  CALLBACK_RATING_LABELS,
  CALLBACK_RATINGS,
  recordOutcome,
  resolveCallbackRecordSettings,
  validateCallbackRecord,
  type CallbackRecordContext,
  type CallbackRecordDraft,
} from './callback-record.js';

const RESULT_AT = Date.UTC(2025, 9, 9, 2); // 2025-10-09 10:00 Asia/Shanghai
const NOW = RESULT_AT + 86_400_000;
const context: CallbackRecordContext = { now: NOW, resultGivenAt: RESULT_AT, allowedMethods: ['phone', 'wechat'], previousAttempts: 0 };
const answered: CallbackRecordDraft = {
  at: NOW - 60_000,
  method: 'phone',
  by: 'agent-007',
  contact: 'answered',
  text: '维修师傅来得很及时，问题已经解决了。',
  rating: 'satisfied',
};
const notReached: CallbackRecordDraft = { ...answered, contact: 'not_reached', text: '无人接听', rating: null };

describe('ratings', () => {
  it.each([
    ['very_satisfied', '非常满意', '非常滿意', 'Very satisfied', false, true],
    ['satisfied', '满意', '滿意', 'Satisfied', false, true],
    ['neutral', '一般', '一般', 'Neutral', false, false],
    ['dissatisfied', '不满意', '不滿意', 'Dissatisfied', true, false],
    ['very_dissatisfied', '非常不满意', '非常不滿意', 'Very dissatisfied', true, false],
  ] as const)('%s: %s / %s / %s', (rating, zhCN, zhTW, en, reopen, satisfied) => {
    expect(CALLBACK_RATING_LABELS[rating]).toEqual({ 'zh-CN': zhCN, 'zh-TW': zhTW, en });
    expect(recordOutcome(rating)).toEqual({ reopen, satisfied });
  });

  it('thresholds are settings: an organisation may reopen on 一般 too', () => {
    const strict = resolveCallbackRecordSettings({ reopenAtOrWorse: 'neutral' });
    expect(recordOutcome('neutral', strict)).toEqual({ reopen: true, satisfied: false });
    expect(recordOutcome('satisfied', strict)).toEqual({ reopen: false, satisfied: true });
  });

  it.each([
    [{ reopenAtOrWorse: 'satisfied' as const }],
    [{ satisfiedAtOrBetter: 'dissatisfied' as const }],
    [{ maxAttempts: 0 }],
    [{ maxAttempts: 2.5 }],
    [{ maxTextLength: 0 }],
  ])('refuses settings %j', (overrides) => {
    expect(() => resolveCallbackRecordSettings(overrides)).toThrow(RangeError);
  });

  it('lists five levels, best first', () => {
    expect(CALLBACK_RATINGS).toHaveLength(5);
  });
});

describe('validateCallbackRecord', () => {
  it('an answered, rated callback completes', () => {
    expect(validateCallbackRecord(answered, context)).toEqual({
      ok: true,
      status: 'completed',
      attempt: 1,
      rating: 'satisfied',
      reopen: false,
      satisfied: true,
    });
  });

  it('不满意 reopens the order', () => {
    const verdict = validateCallbackRecord({ ...answered, text: '还是漏水', rating: 'dissatisfied' }, context);
    expect(verdict).toMatchObject({ ok: true, status: 'completed', reopen: true, satisfied: false });
  });

  it.each([
    ['rating missing when answered', { rating: null }, 'rating_required'],
    ["customer's words missing", { text: '   ' }, 'text_required'],
    ['text longer than the form allows', { text: '好'.repeat(2001) }, 'text_too_long'],
    ['method not allowed for this callback', { method: 'visit' }, 'method_not_allowed'],
    ['unknown method', { method: 'fax' }, 'method_not_allowed'],
    ['unknown rating', { rating: 'ok' }, 'unknown_rating'],
    ['nobody named', { by: ' ' }, 'who_required'],
    ['recorded in the future', { at: NOW + 1 }, 'time_in_future'],
    ['before the result', { at: RESULT_AT - 1 }, 'before_result'],
    ['not a time', { at: Number.NaN }, 'invalid_time'],
    ['rating without reaching anyone', { contact: 'not_reached', rating: 'satisfied' }, 'rating_not_allowed'],
    ['unknown contact result', { contact: 'voicemail' }, 'unknown_contact_result'],
  ])('refuses: %s', (_label, over, code) => {
    const verdict = validateCallbackRecord({ ...answered, ...over } as CallbackRecordDraft, context);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.problems.map((p) => p.code)).toEqual([code]);
  });

  it('reports every problem at once', () => {
    const verdict = validateCallbackRecord({ ...answered, by: '', text: '', rating: null, method: 'letter' }, context);
    expect(verdict.ok ? [] : verdict.problems.map((p) => p.code)).toEqual(['method_not_allowed', 'who_required', 'text_required', 'rating_required']);
  });

  it('counts characters, not UTF-16 units: 2,000 emoji fit', () => {
    expect(validateCallbackRecord({ ...answered, text: '😀'.repeat(2000) }, context).ok).toBe(true);
  });

  it.each([
    [0, { ok: true, status: 'attempt', attempt: 1, attemptsLeft: 2 }],
    [1, { ok: true, status: 'attempt', attempt: 2, attemptsLeft: 1 }],
    [2, { ok: true, status: 'unreachable', attempt: 3 }],
  ])('unanswered try after %i earlier ones', (previousAttempts, expected) => {
    expect(validateCallbackRecord(notReached, { ...context, previousAttempts })).toEqual(expected);
  });

  it('refuses a fourth failed try, but still takes a late answer', () => {
    const after = { ...context, previousAttempts: 3 };
    const verdict = validateCallbackRecord(notReached, after);
    expect(verdict.ok ? null : verdict.problems[0]?.code).toBe('attempts_exhausted');
    expect(validateCallbackRecord(answered, after)).toMatchObject({ ok: true, status: 'completed', attempt: 4 });
  });

  it('max attempts is a setting', () => {
    const once = resolveCallbackRecordSettings({ maxAttempts: 1 });
    expect(validateCallbackRecord(notReached, context, once)).toEqual({ ok: true, status: 'unreachable', attempt: 1 });
  });

  it('a customer who declines on the call closes the callback as refused (waived)', () => {
    expect(validateCallbackRecord({ ...answered, contact: 'refused', text: '', rating: null }, context)).toEqual({
      ok: true,
      status: 'refused',
      attempt: 1,
    });
  });

  it('refuses a nonsense attempt count', () => {
    const verdict = validateCallbackRecord(answered, { ...context, previousAttempts: -1 });
    expect(verdict.ok ? null : verdict.problems[0]?.code).toBe('invalid_attempt_count');
  });
});
