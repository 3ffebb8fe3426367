import { describe, expect, it } from 'vitest';
import { buildCalendar, createWorkClock, type DayEntry } from '../calendar/index.js';
import { planClocks, type ClockSubject } from './clock-plan.js';
import { dueSignals, pauseClock, resumeClock, scheduleClock, type ClockTimes } from './clock-state.js';
import { DEFAULT_CALLBACK_POLICY } from '../callbacks/callback-settings.js';
import { DEFAULT_SLA_SETTINGS, resolveSlaSettings, type Limit } from './sla-settings.js';

// The 2025 National Day and Mid-Autumn holiday as the State Council announced it.
const days: DayEntry[] = [
  { date: '2025-09-28', type: 'makeup_workday', name: '国庆节' },
  ...['01', '02', '03', '04', '05', '06', '07', '08'].map((d) => ({ date: `2025-10-${d}`, type: 'holiday' as const, name: '国庆节' })),
  { date: '2025-10-11', type: 'makeup_workday', name: '国庆节' },
];
const calendar = buildCalendar([{ years: [2025, 2026], days }]);
const dutySite = createWorkClock(calendar, { timeZone: 'Asia/Shanghai', allDay: true });
const officeSite = createWorkClock(calendar, {
  timeZone: 'Asia/Shanghai',
  weekly: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, ['08:30-12:00', '13:30-18:00']])),
});

const at = (local: string) => new Date(`${local}+08:00`).getTime();
const times = (start: string): ClockTimes => ({ startedAt: at(start), pausedMs: 0, pausedAt: null });
const due = (clock: typeof dutySite, start: string, limit: Limit) =>
  new Date(scheduleClock(clock, times(start), limit, 0.8).dueAt).toISOString();
const iso = (local: string) => new Date(`${local}+08:00`).toISOString();

describe('SLA due times on the statutory calendar', () => {
  it.each([
    ['dispatch 10 minutes', dutySite, '2025-09-30T16:00:00', DEFAULT_SLA_SETTINGS.dispatch, '2025-09-30T16:10:00'],
    ['general result 2 hours', dutySite, '2025-09-30T16:00:00', DEFAULT_SLA_SETTINGS.resultGeneral, '2025-09-30T18:00:00'],
    ['major result: 2 working days across National Day', dutySite, '2025-09-30T16:00:00', DEFAULT_SLA_SETTINGS.resultMajor, '2025-10-11T00:00:00'],
    ['callback: the make-up Saturday counts', dutySite, '2025-10-09T10:00:00', DEFAULT_CALLBACK_POLICY.rules.complaint_responsible_general.limit, '2025-10-12T00:00:00'],
    ['assistance callback: 3 calendar days', dutySite, '2025-10-09T10:00:00', DEFAULT_CALLBACK_POLICY.rules.complaint_assistance.limit, '2025-10-13T00:00:00'],
    ['auto-upgrade: same date next month', dutySite, '2025-09-30T16:00:00', DEFAULT_SLA_SETTINGS.autoUpgrade, '2025-10-30T16:00:00'],
    ['office: 2 hours over the lunch break', officeSite, '2026-11-27T11:50:00', DEFAULT_SLA_SETTINGS.resultGeneral, '2026-11-27T15:20:00'],
    ['office: 2 hours late Friday run into Monday', officeSite, '2026-11-27T17:30:00', DEFAULT_SLA_SETTINGS.resultGeneral, '2026-11-30T10:00:00'],
    ['office: 2 working days end at closing time', officeSite, '2026-11-25T09:00:00', DEFAULT_SLA_SETTINGS.resultMajor, '2026-11-27T18:00:00'],
  ])('%s', (_name, clock, start, limit, expected) => {
    expect(due(clock, start, limit)).toBe(iso(expected));
  });

  it('warns at 80% of the limit', () => {
    const schedule = scheduleClock(dutySite, times('2025-09-30T16:00:00'), DEFAULT_SLA_SETTINGS.resultGeneral, 0.8);
    expect(new Date(schedule.warnAt).toISOString()).toBe(iso('2025-09-30T17:36:00'));
  });

  it('marks deadlines in a year without official data as provisional', () => {
    const plain = createWorkClock(buildCalendar([{ years: [2025, 2026], days }]), { allDay: true });
    expect(scheduleClock(plain, times('2026-12-30T10:00:00'), DEFAULT_SLA_SETTINGS.resultMajor, 0.8).provisional).toBe(true);
    expect(scheduleClock(plain, times('2026-11-25T10:00:00'), DEFAULT_SLA_SETTINGS.resultMajor, 0.8).provisional).toBe(false);
  });

  it('stands still while paused', () => {
    let clock = times('2025-09-30T16:00:00');
    clock = pauseClock(clock, at('2025-09-30T16:30:00'));
    clock = resumeClock(clock, at('2025-09-30T17:15:00'));
    const schedule = scheduleClock(dutySite, clock, DEFAULT_SLA_SETTINGS.resultGeneral, 0.8);
    expect(new Date(schedule.dueAt).toISOString()).toBe(iso('2025-09-30T18:45:00'));
    expect(resumeClock(clock, at('2025-09-30T18:00:00'))).toBe(clock); // resuming twice changes nothing
  });
});

describe('which clocks a work order runs', () => {
  const complaint: ClockSubject = { kind: 'complaint', channel: 'phone', status: 'received', nature: null, severity: null, dispatched: false, resultGiven: false, callback: null };
  const kinds = (subject: Partial<ClockSubject>) => planClocks({ ...complaint, ...subject }, DEFAULT_SLA_SETTINGS).map((c) => `${c.kind}:${c.limit.amount}${c.limit.unit[0]}`);
  const WD2: Limit = { unit: 'working_days', amount: 2 };
  const D3: Limit = { unit: 'days', amount: 3 };

  it.each([
    ['a new complaint is provisionally responsible and general', {}, ['dispatch:10m', 'result:2h', 'auto_upgrade:1m']],
    ['a major complaint has 2 working days and no upgrade clock', { severity: 'major' }, ['dispatch:10m', 'result:2w']],
    ['dispatching starts the department reaction clock', { dispatched: true }, ['dispatch:10m', 'department_reaction:10m', 'result:2h', 'auto_upgrade:1m']],
    ['a pending callback runs the callback clock on its limit', { callback: WD2 }, ['dispatch:10m', 'result:2h', 'auto_upgrade:1m', 'callback:2w']],
    ['an assistance callback runs on the limit it was given', { nature: 'assistance', callback: D3 }, ['dispatch:10m', 'result:2h', 'callback:3d']],
    ['the policy’s limit wins whatever the nature', { nature: 'assistance', callback: { unit: 'working_days', amount: 5 } }, ['dispatch:10m', 'result:2h', 'callback:5w']],
    ['no callback pending: no callback clock', { resultGiven: true, callback: null }, ['dispatch:10m', 'result:2h', 'auto_upgrade:1m']],
    ['an inquiry must be answered in 3 working days', { kind: 'inquiry' }, ['inquiry_reply:3w']],
    ['a transfer from another department is handled in 3 days', { kind: 'suggestion', channel: 'transfer' }, ['transfer_handling:3d']],
    ['praise runs no clock', { kind: 'praise' }, []],
  ])('%s', (_name, subject, expected) => {
    expect(kinds(subject as Partial<ClockSubject>)).toEqual(expected);
  });

  it('takes organisation settings and refuses nonsense', () => {
    const settings = resolveSlaSettings({ resultGeneral: { unit: 'hours', amount: 4 } });
    expect(planClocks(complaint, settings).find((c) => c.kind === 'result')?.limit).toEqual({ unit: 'hours', amount: 4 });
    expect(() => resolveSlaSettings({ dispatch: { unit: 'hours', amount: 0 } })).toThrow(RangeError);
    expect(() => resolveSlaSettings({ warningRatio: 1.5 })).toThrow(RangeError);
  });

  it('has no callback limit of its own: the callback policy sets it', () => {
    expect(Object.keys(DEFAULT_SLA_SETTINGS).filter((key) => key.startsWith('callback'))).toEqual([]);
  });
});

describe('what the sweeper fires', () => {
  const clock = { state: 'running' as const, warnAt: 800, dueAt: 1000, warnedAt: null, breachedAt: null };
  it.each([
    ['before the warning', clock, 799, { warn: false, breach: false }],
    ['at the warning', clock, 800, { warn: true, breach: false }],
    ['warning already sent', { ...clock, state: 'warned' as const, warnedAt: 800 }, 900, { warn: false, breach: false }],
    ['past due after downtime: breach only, no stale warning', clock, 5000, { warn: false, breach: true }],
    ['breach already recorded', { ...clock, breachedAt: 1000, state: 'breached' as const }, 5000, { warn: false, breach: false }],
    ['a paused clock fires nothing', { ...clock, state: 'paused' as const }, 5000, { warn: false, breach: false }],
    ['a met clock fires nothing', { ...clock, state: 'met' as const }, 5000, { warn: false, breach: false }],
  ])('%s', (_name, c, now, expected) => expect(dueSignals(c, now)).toEqual(expected));
});
