import { describe, expect, it } from 'vitest';
import { resolveSlaFor, slaLayersAt, withoutUnknownSlaKeys, type OrganisationSettings } from '../sla/org-settings.js';
import { historyAfterChange, mergePatch, sameSla, stableJson } from './settings-document.js';

const minutes = (amount: number) => ({ unit: 'minutes' as const, amount });

describe('settings merge patch', () => {
  it('merges objects key by key, removes on null, replaces arrays, limits and requirements whole', () => {
    const stored = {
      sla: { dispatch: minutes(10), resultGeneral: { unit: 'hours', amount: 2 } },
      callbacks: { seed: 'abc', policy: { rules: { repair: { requirement: { mode: 'sampled', rate: 0.3 }, methods: ['phone', 'visit'] } } } },
      notifications: { policy: { clock_warning: ['owner'] } },
    };
    const patched = mergePatch(stored, {
      sla: { dispatch: { unit: 'hours', amount: 1 }, resultGeneral: null },
      callbacks: { policy: { rules: { repair: { requirement: { mode: 'required' }, methods: ['visit'] } } } },
    });
    expect(patched).toEqual({
      sla: { dispatch: { unit: 'hours', amount: 1 } },
      callbacks: { seed: 'abc', policy: { rules: { repair: { requirement: { mode: 'required' }, methods: ['visit'] } } } },
      notifications: { policy: { clock_warning: ['owner'] } },
    });
    // The stored document is not mutated.
    expect(stored.sla.resultGeneral).toEqual({ unit: 'hours', amount: 2 });
  });

  it('compares documents regardless of key order', () => {
    expect(stableJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(stableJson({ a: { c: null, d: [1, { x: 1, y: 2 }] }, b: 1 }));
    expect(sameSla({ sla: { dispatch: minutes(10), warningRatio: 0.8 } }, { sla: { warningRatio: 0.8, dispatch: minutes(10) } })).toBe(true);
    expect(sameSla({ sla: { dispatch: minutes(10) } }, { sla: { dispatch: minutes(11) } })).toBe(false);
  });
});

describe('limits in force when an order was taken in', () => {
  const first: OrganisationSettings = { sla: { dispatch: minutes(10) } };

  it('keeps the layers before each change for the orders of their time, and forgets those no open order needs', () => {
    const second: OrganisationSettings = { sla: { dispatch: minutes(20) }, slaHistory: historyAfterChange(first, 1_000, 500) };
    const third: OrganisationSettings = { sla: { dispatch: minutes(30) }, slaHistory: historyAfterChange(second, 2_000, 500) };
    expect(third.slaHistory?.map((e) => e.until)).toEqual([1_000, 2_000]);
    const dispatchAt = (createdAt?: number) => resolveSlaFor(slaLayersAt(third, createdAt)).dispatch.amount;
    expect([dispatchAt(999), dispatchAt(1_000), dispatchAt(1_999), dispatchAt(2_000), dispatchAt()]).toEqual([10, 20, 20, 30, 30]);
    // Once the oldest open order is from after the first change, the first entry goes.
    expect(historyAfterChange(third, 3_000, 1_500).map((e) => e.until)).toEqual([2_000, 3_000]);
    // Nothing open: nothing to remember.
    expect(historyAfterChange(third, 3_000, null)).toEqual([]);
  });

  it('never lets a clock set back in time reorder the history', () => {
    const history = historyAfterChange({ sla: {}, slaHistory: [{ until: 5_000, sla: {} }] }, 4_000, 0);
    expect(history.map((e) => e.until)).toEqual([5_000, 5_000]);
  });

  it('resolves organisation, then kind, then site', () => {
    const doc: OrganisationSettings = {
      sla: { dispatch: minutes(10) },
      slaByKind: { repair: { dispatch: minutes(30), resultGeneral: { unit: 'hours', amount: 8 } } },
      slaBySite: { 7: { dispatch: minutes(20) } },
    };
    expect(resolveSlaFor(doc, { kind: 'repair', siteId: 7 })).toMatchObject({ dispatch: minutes(20), resultGeneral: { unit: 'hours', amount: 8 } });
    expect(resolveSlaFor(doc, { kind: 'complaint', siteId: 8 }).dispatch).toEqual(minutes(10));
  });
});

describe('documents stored by an older version', () => {
  it('drop the retired SLA callback limits from every layer and history entry, keeping the rest', () => {
    const stale = { unit: 'days' as const, amount: 9 };
    const stored = {
      sla: { dispatch: minutes(15), callbackResponsible: stale, callbackAssistance: stale },
      slaByKind: { complaint: { callbackResponsible: stale, resultGeneral: { unit: 'hours' as const, amount: 3 } } },
      slaBySite: { 7: { callbackAssistance: stale } },
      slaHistory: [{ until: 1_000, sla: { dispatch: minutes(10), callbackResponsible: stale } }],
      callbacks: { seed: 'abc' },
    } as OrganisationSettings;
    expect(withoutUnknownSlaKeys(stored)).toEqual({
      sla: { dispatch: minutes(15) },
      slaByKind: { complaint: { resultGeneral: { unit: 'hours', amount: 3 } } },
      slaBySite: { 7: {} },
      slaHistory: [{ until: 1_000, sla: { dispatch: minutes(10) } }],
      callbacks: { seed: 'abc' },
    });
    expect(withoutUnknownSlaKeys({})).toEqual({});
  });
});
