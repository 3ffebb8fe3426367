import { describe, expect, it } from 'vitest';
import { callbackIsDue, decideCallback, needsSampleSlot, type CallbackSubject } from './callback-policy.js';
import {
  CALLBACK_RULE_KEYS,
  callbackPolicyProblems,
  DEFAULT_CALLBACK_POLICY,
  resolveCallbackPolicy,
  type CallbackRule,
} from './callback-settings.js';
import { monthlySeed, requiredSampleCount } from './sampling.js';

const policy = DEFAULT_CALLBACK_POLICY;
const exactPolicy = resolveCallbackPolicy({ samplingMode: 'exact' });
const subject = (over: Partial<CallbackSubject>): CallbackSubject => ({
  kind: 'complaint',
  nature: 'responsible',
  severity: 'general',
  agreedReplyMethod: null,
  customerRefused: false,
  anonymous: false,
  ...over,
});
const WD2 = { unit: 'working_days', amount: 2 };
const D3 = { unit: 'days', amount: 3 };

describe('decideCallback with the seed defaults', () => {
  it.each([
    // label, subject, outcome, rule, limit, methods, default
    ['responsible general → phone, 2 working days, 100%', {}, 'required', 'complaint_responsible_general', WD2, ['phone'], 'phone'],
    ['responsible general, agreed WeChat → the agreed form', { agreedReplyMethod: 'wechat' }, 'required', 'complaint_responsible_general', WD2, ['phone', 'wechat'], 'wechat'],
    ['responsible general, agreed phone', { agreedReplyMethod: 'phone' }, 'required', 'complaint_responsible_general', WD2, ['phone'], 'phone'],
    ['responsible major → visit', { severity: 'major' }, 'required', 'complaint_responsible_major', WD2, ['visit'], 'visit'],
    ["responsible major, customer's choice phone", { severity: 'major', agreedReplyMethod: 'phone' }, 'required', 'complaint_responsible_major', WD2, ['visit', 'phone'], 'phone'],
    ['nature not yet set → handled as responsible', { nature: null, severity: null }, 'required', 'complaint_responsible_general', WD2, ['phone'], 'phone'],
    ['undetermined major → handled as responsible major', { nature: 'undetermined', severity: 'major' }, 'required', 'complaint_responsible_major', WD2, ['visit'], 'visit'],
    ['non-responsible → none by default (S1 4.6.3.2)', { nature: 'non_responsible' }, 'none', 'complaint_non_responsible', WD2, ['phone'], 'phone'],
    ['non-responsible ignores severity', { nature: 'non_responsible', severity: 'major' }, 'none', 'complaint_non_responsible', WD2, ['phone'], 'phone'],
    ['inquiry → none by default', { kind: 'inquiry', nature: null }, 'none', 'inquiry', { unit: 'working_days', amount: 3 }, ['phone'], 'phone'],
    ['repair → phone or visit, required', { kind: 'repair', nature: null }, 'required', 'repair', WD2, ['phone', 'visit'], 'phone'],
    ['repair, agreed visit: allowed, phone stays default', { kind: 'repair', agreedReplyMethod: 'visit' }, 'required', 'repair', WD2, ['phone', 'visit'], 'phone'],
    ['repair, agreed SMS is added', { kind: 'repair', agreedReplyMethod: 'sms' }, 'required', 'repair', WD2, ['phone', 'visit', 'sms'], 'phone'],
    ['help → none', { kind: 'help' }, 'none', 'help', WD2, ['phone'], 'phone'],
    ['suggestion → none', { kind: 'suggestion' }, 'none', 'suggestion', WD2, ['phone'], 'phone'],
    ['praise → none', { kind: 'praise' }, 'none', 'praise', WD2, ['phone'], 'phone'],
    ['refused → waived, not missed', { customerRefused: true }, 'waived', 'complaint_responsible_general', WD2, ['phone'], 'phone'],
    ['anonymous major → waived', { severity: 'major', anonymous: true }, 'waived', 'complaint_responsible_major', WD2, ['visit'], 'visit'],
    ['refused repair → waived', { kind: 'repair', customerRefused: true }, 'waived', 'repair', WD2, ['phone', 'visit'], 'phone'],
    ['refused but nothing owed → none', { nature: 'non_responsible', customerRefused: true }, 'none', 'complaint_non_responsible', WD2, ['phone'], 'phone'],
    ['refused assistance → waived before sampling', { nature: 'assistance', customerRefused: true }, 'waived', 'complaint_assistance', D3, ['phone'], 'phone'],
  ] as const)('%s', (_label, over, outcome, rule, limit, methods, defaultMethod) => {
    const decision = decideCallback(subject(over), policy);
    expect(decision).toMatchObject({ outcome, rule, limit, methods, defaultMethod });
    expect(callbackIsDue(decision)).toBe(outcome === 'required');
  });

  it('says why it waived: refusal is named over anonymity', () => {
    expect(decideCallback(subject({ customerRefused: true, anonymous: true }), policy).reason).toBe('customer_refused');
    expect(decideCallback(subject({ anonymous: true }), policy).reason).toBe('anonymous');
  });

  it('samples assistance complaints at 30% within 3 calendar days', () => {
    const seed = monthlySeed('org', '2025-10');
    const a = subject({ nature: 'assistance', severity: null });
    expect(needsSampleSlot(a, policy)).toBe(true);
    const first = decideCallback(a, exactPolicy, { seed, indexInMonth: 1 });
    expect(first).toMatchObject({ outcome: 'sampled_in', reason: 'sampled_in', limit: D3, rate: 0.3 });
    expect(callbackIsDue(first)).toBe(true);
    const second = decideCallback(a, exactPolicy, { seed, indexInMonth: 2 });
    expect(second).toMatchObject({ outcome: 'sampled_out', reason: 'sampled_out' });
    expect(callbackIsDue(second)).toBe(false);
  });

  it('refuses to guess when a sampled rule gets no slot', () => {
    expect(() => decideCallback(subject({ nature: 'assistance' }), policy)).toThrow(RangeError);
    expect(needsSampleSlot(subject({ nature: 'assistance', anonymous: true }), policy)).toBe(false);
  });

  it('over a month, waived customers stay out of the frame and the sample is exact', () => {
    const seed = monthlySeed('org', '2025-11');
    let frame = 0;
    let sampledIn = 0;
    let waived = 0;
    for (let i = 0; i < 1000; i++) {
      const s = subject({ nature: 'assistance', customerRefused: i % 7 === 0, anonymous: i % 11 === 0 });
      const slot = needsSampleSlot(s, exactPolicy) ? { seed, indexInMonth: ++frame } : null;
      const d = decideCallback(s, exactPolicy, slot);
      if (d.outcome === 'sampled_in') sampledIn++;
      if (d.outcome === 'waived') waived++;
    }
    expect(frame + waived).toBe(1000);
    expect(sampledIn).toBe(requiredSampleCount(frame, 0.3));
  });
});

describe('organisation settings', () => {
  it('defaults are valid and give the seed’s callback limits (S1 4.6.3.1(10), 4.6.3.3(3))', () => {
    expect(callbackPolicyProblems(DEFAULT_CALLBACK_POLICY)).toEqual([]);
    expect(policy.rules.complaint_responsible_general.limit).toEqual(WD2);
    expect(policy.rules.complaint_responsible_major.limit).toEqual(WD2);
    expect(policy.rules.complaint_assistance.limit).toEqual(D3);
  });

  it.each([
    ['non-responsible complaints called back by setting', 'complaint_non_responsible', { requirement: { mode: 'required' } }, 'required'],
    ['general complaints waived from callbacks by setting', 'complaint_responsible_general', { requirement: { mode: 'none' } }, 'none'],
    ['repairs sampled instead of required', 'repair', { requirement: { mode: 'sampled', rate: 1 } }, 'sampled_in'],
  ] as const)('%s', (_label, key, rule, outcome) => {
    const settings = resolveCallbackPolicy({ rules: { [key]: rule } });
    const kind = key === 'repair' ? 'repair' : 'complaint';
    const nature = key === 'complaint_non_responsible' ? 'non_responsible' : 'responsible';
    const s = subject({ kind, nature });
    const slot = needsSampleSlot(s, settings) ? { seed: 'x', indexInMonth: 5 } : null;
    expect(decideCallback(s, settings, slot).outcome).toBe(outcome);
  });

  it('merges rule by rule: an override keeps the other fields of its rule', () => {
    const settings = resolveCallbackPolicy({ rules: { complaint_assistance: { requirement: { mode: 'sampled', rate: 0.5 } } } });
    expect(settings.rules.complaint_assistance.limit).toEqual(D3);
    expect(settings.rules.complaint_responsible_general).toEqual(DEFAULT_CALLBACK_POLICY.rules.complaint_responsible_general);
  });

  it.each<[string, Partial<CallbackRule>]>([
    ['rate above 1', { requirement: { mode: 'sampled', rate: 1.5 } }],
    ['negative rate', { requirement: { mode: 'sampled', rate: -0.1 } }],
    ['zero-day limit', { limit: { unit: 'days', amount: 0 } }],
    ['fractional limit', { limit: { unit: 'working_days', amount: 1.5 } }],
    ['hours are not a callback unit', { limit: { unit: 'hours' as 'days', amount: 4 } }],
    ['default not among methods', { methods: ['phone'], defaultMethod: 'visit' }],
    ['no methods', { methods: [], defaultMethod: 'phone' }],
    ['unknown method', { methods: ['fax' as 'phone'], defaultMethod: 'fax' as 'phone' }],
  ])('refuses %s', (_label, rule) => {
    expect(() => resolveCallbackPolicy({ rules: { complaint_assistance: rule } })).toThrow(RangeError);
  });

  it('has a rule for every kind', () => {
    for (const key of CALLBACK_RULE_KEYS) expect(DEFAULT_CALLBACK_POLICY.rules[key]).toBeDefined();
    for (const kind of ['inquiry', 'help', 'repair', 'suggestion', 'praise'] as const) {
      expect(decideCallback(subject({ kind }), policy).rule).toBe(kind);
    }
  });
});
