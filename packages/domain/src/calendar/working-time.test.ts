import { describe, expect, it } from 'vitest';
import { buildCalendar } from './calendar.js';
import { createWorkClock } from './work-clock.js';
import type { DayEntry } from './types.js';

// 2025 National Day + Mid-Autumn and 2026 Spring Festival make-up days, enough for the hour clock.
const days: DayEntry[] = [
  ...['01', '02', '03', '04', '05', '06', '07', '08'].map((d) => ({ date: `2025-10-${d}`, type: 'holiday' as const, name: '国庆节' })),
  { date: '2025-09-28', type: 'makeup_workday', name: '国庆节' },
  { date: '2025-10-11', type: 'makeup_workday', name: '国庆节' },
  { date: '2026-02-14', type: 'makeup_workday', name: '春节' },
  { date: '2026-02-15', type: 'holiday', name: '春节' },
];
const calendar = buildCalendar([{ years: [2025, 2026], days }]);
const weekdays = (ranges: string[]) => Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, ranges]));

const office = createWorkClock(calendar, { weekly: weekdays(['08:30-12:00', '13:30-18:00']) });
const night = createWorkClock(calendar, { weekly: weekdays(['22:00-06:00']) });
const duty24 = createWorkClock(calendar, { allDay: true });
const sh = (local: string) => new Date(`${local}+08:00`);

describe('addWorkingMinutes, Shanghai', () => {
  it.each([
    // [why, clock, start (Shanghai), minutes, due (Shanghai), provisional]
    ['inside the morning shift', office, '2025-09-30T10:00', 60, '2025-09-30T11:00', false],
    ['ending exactly at closing stays at closing', office, '2025-09-30T10:00', 120, '2025-09-30T12:00', false],
    ['split shift: lunch break is skipped', office, '2025-09-30T10:00', 150, '2025-09-30T14:00', false],
    ['started during lunch: clock starts 13:30', office, '2025-09-30T12:30', 30, '2025-09-30T14:00', false],
    ['before opening, 0 minutes = the opening', office, '2025-09-30T07:00', 0, '2025-09-30T08:30', false],
    ['after hours on National Day eve → 10-09', office, '2025-09-30T17:00', 120, '2025-10-09T09:30', false],
    ['from a weekend into the make-up Sunday 09-28', office, '2025-09-27T10:00', 30, '2025-09-28T09:00', false],
    ['make-up Saturday keeps Monday hours', office, '2025-10-11T09:00', 60, '2025-10-11T10:00', false],
    ['2026: Friday evening → make-up Saturday 02-14', office, '2026-02-13T17:30', 60, '2026-02-14T09:00', false],
    ['a 2-hour limit carried over night', office, '2025-09-29T16:30', 120, '2025-09-30T09:00', false],
    ['2027 without data is provisional', office, '2027-01-04T10:00', 60, '2027-01-04T11:00', true],
    ['a run from 2026 into 2027 is provisional', office, '2026-12-31T17:30', 60, '2027-01-01T09:00', true],
    ['overnight: inside the shift before midnight', night, '2025-09-23T23:00', 120, '2025-09-24T01:00', false],
    ["overnight: after midnight, yesterday's shift runs", night, '2025-09-24T02:00', 60, '2025-09-24T03:00', false],
    ['overnight: to the next night', night, '2025-09-24T05:30', 60, '2025-09-24T22:30', false],
    ["overnight: Friday's shift runs into Saturday", night, '2025-09-26T23:00', 120, '2025-09-27T01:00', false],
    ['overnight: weekend off, make-up Sunday night', night, '2025-09-27T05:00', 120, '2025-09-28T23:00', false],
    ['24-hour duty: wall clock straight through National Day', duty24, '2025-09-30T16:00', 600, '2025-10-01T02:00', false],
    ['24-hour duty in 2027: the wall clock needs no data', duty24, '2027-01-01T10:00', 60, '2027-01-01T11:00', false],
  ] as const)('%s', (_why, clock, start, minutes, due, provisional) => {
    expect(clock.addWorkingMinutes(sh(start), minutes)).toEqual({ due: sh(due), provisional });
  });

  it('hours are minutes × 60', () => {
    expect(office.addWorkingHours(sh('2025-09-30T10:00'), 2.5)).toEqual(office.addWorkingMinutes(sh('2025-09-30T10:00'), 150));
  });

  it('refuses negative amounts', () => {
    expect(() => office.addWorkingMinutes(sh('2025-09-30T10:00'), -5)).toThrow(expect.objectContaining({ code: 'invalid_amount' }));
  });

  it('gives up with a typed error when a calendar leaves no working time', () => {
    const allOff = buildCalendar([{ days: [] }]);
    const weekendOnly = createWorkClock(allOff, { weekly: { sat: ['09:00-10:00'] } });
    expect(() => weekendOnly.addWorkingMinutes(sh('2025-09-30T10:00'), 5)).toThrow(expect.objectContaining({ code: 'no_working_time' }));
  });

  it('a desk open on rest days (a mall) runs its clock on holidays too', () => {
    const mall = createWorkClock(calendar, { weekly: Object.fromEntries(['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].map((d) => [d, ['10:00-22:00']])), openOnRestDays: true });
    expect(mall.addWorkingMinutes(sh('2025-09-30T21:00'), 120).due).toEqual(sh('2025-10-01T11:00'));
  });
});

describe('another time zone with DST: America/New_York', () => {
  const every = (ranges: string[]) => Object.fromEntries(['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].map((d) => [d, ranges]));
  const nyNight = createWorkClock(calendar, { timeZone: 'America/New_York', weekly: every(['22:00-06:00']), openOnRestDays: true });
  const nyOffice = createWorkClock(calendar, { timeZone: 'America/New_York', weekly: weekdays(['09:00-17:00']) });
  const ny24 = createWorkClock(calendar, { timeZone: 'America/New_York', allDay: true });

  it('the spring-forward night shift is 7 real hours', () => {
    // Sat 2025-03-08 22:00 EST = 03:00Z; Sun 06:00 EDT = 10:00Z.
    const start = new Date('2025-03-09T03:00:00Z');
    expect(nyNight.addWorkingMinutes(start, 420).due).toEqual(new Date('2025-03-09T10:00:00Z'));
    expect(nyNight.addWorkingMinutes(start, 421).due).toEqual(new Date('2025-03-10T02:01:00Z'));
  });

  it('the fall-back night shift is 9 real hours', () => {
    // Sat 2025-11-01 22:00 EDT = 02:00Z; Sun 06:00 EST = 11:00Z.
    expect(nyNight.addWorkingMinutes(new Date('2025-11-02T02:00:00Z'), 540).due).toEqual(new Date('2025-11-02T11:00:00Z'));
  });

  it('office hours follow the local clock across the change', () => {
    // Fri 2025-03-07 16:00 EST (21:00Z) + 2h → Mon 03-10 10:00 EDT (14:00Z).
    expect(nyOffice.addWorkingMinutes(new Date('2025-03-07T21:00:00Z'), 120).due).toEqual(new Date('2025-03-10T14:00:00Z'));
  });

  it('day counts end at local 24:00 and months keep the local time', () => {
    expect(ny24.addWorkingDays(new Date('2025-03-07T17:00:00Z'), 1).due).toEqual(new Date('2025-03-11T04:00:00Z'));
    // 2025-02-10 09:00 EST + 1 month = 2025-03-10 09:00 EDT.
    expect(ny24.addMonths(new Date('2025-02-10T14:00:00Z'), 1).due).toEqual(new Date('2025-03-10T13:00:00Z'));
    expect(ny24.localDate(new Date('2025-10-01T03:00:00Z'))).toBe('2025-09-30');
  });
});
