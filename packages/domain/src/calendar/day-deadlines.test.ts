import { describe, expect, it } from 'vitest';
import { buildCalendar, type Calendar } from './calendar.js';
import { createWorkClock } from './work-clock.js';
import type { CalendarLayer, DayEntry, DayType } from './types.js';
import { formatIsoDate, parseIsoDate } from './civil.js';

/** Days from..to inclusive with one type and name. */
function span(from: string, to: string, type: DayType, name: string): DayEntry[] {
  const out: DayEntry[] = [];
  for (let d = parseIsoDate(from); d <= parseIsoDate(to); d++) out.push({ date: formatIsoDate(d), type, name });
  return out;
}
const one = (date: string, type: DayType, name: string) => span(date, date, type, name);

/** The real 2025 and 2026 notices (国办发明电〔2024〕12号 and the 2026 notice), as chinese-days has them. */
const STATUTORY_2025_2026: CalendarLayer = {
  years: [2025, 2026],
  days: [
    ...one('2025-01-01', 'holiday', '元旦'),
    ...span('2025-01-28', '2025-02-04', 'holiday', '春节'),
    ...one('2025-01-26', 'makeup_workday', '春节'),
    ...one('2025-02-08', 'makeup_workday', '春节'),
    ...span('2025-04-04', '2025-04-06', 'holiday', '清明'),
    ...span('2025-05-01', '2025-05-05', 'holiday', '劳动节'),
    ...one('2025-04-27', 'makeup_workday', '劳动节'),
    ...span('2025-05-31', '2025-06-02', 'holiday', '端午'),
    ...span('2025-10-01', '2025-10-08', 'holiday', '国庆节'),
    ...one('2025-10-06', 'holiday', '中秋'),
    ...one('2025-09-28', 'makeup_workday', '国庆节'),
    ...one('2025-10-11', 'makeup_workday', '国庆节'),
    ...span('2026-01-01', '2026-01-03', 'holiday', '元旦'),
    ...one('2026-01-04', 'makeup_workday', '元旦'),
    ...span('2026-02-15', '2026-02-23', 'holiday', '春节'),
    ...one('2026-02-14', 'makeup_workday', '春节'),
    ...one('2026-02-28', 'makeup_workday', '春节'),
    ...span('2026-10-01', '2026-10-07', 'holiday', '国庆节'),
    ...one('2026-09-20', 'makeup_workday', '国庆节'),
    ...one('2026-10-10', 'makeup_workday', '国庆节'),
  ],
};

const calendar: Calendar = buildCalendar([STATUTORY_2025_2026]);
const duty24 = createWorkClock(calendar, { allDay: true });
const office = createWorkClock(calendar, {
  weekly: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, ['08:30-12:00', '13:30-18:00']])),
});
const night = createWorkClock(calendar, {
  weekly: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, ['22:00-06:00']])),
});
const sh = (local: string) => new Date(`${local}+08:00`);

describe('addWorkingDays — start day not counted, ends at the close of the N-th working day', () => {
  it.each([
    // [why, clock, start (Shanghai), n, due (UTC), provisional]
    ['the issue example: 10-01…10-08 off, 10-09 and 10-10 count', duty24, '2025-09-30T16:00', 2, '2025-10-10T16:00:00Z', false],
    ['one day after National Day eve', duty24, '2025-09-30T16:00', 1, '2025-10-09T16:00:00Z', false],
    ['the make-up Saturday 10-11 counts third', duty24, '2025-09-30T16:00', 3, '2025-10-11T16:00:00Z', false],
    ['Sunday 09-28 is a make-up workday', duty24, '2025-09-26T10:00', 1, '2025-09-28T16:00:00Z', false],
    ['a start on a holiday counts from the next day', duty24, '2025-10-03T10:00', 1, '2025-10-09T16:00:00Z', false],
    ['2026 Spring Festival: Sat 02-14 is worked', duty24, '2026-02-13T09:00', 1, '2026-02-14T16:00:00Z', false],
    ['2026 Spring Festival: then 02-15…02-23 off', duty24, '2026-02-13T09:00', 2, '2026-02-24T16:00:00Z', false],
    ['2026 Spring Festival: Sat 02-28 is worked', duty24, '2026-02-27T09:00', 1, '2026-02-28T16:00:00Z', false],
    ['2026 New Year: Sun 01-04 is worked', duty24, '2026-01-01T09:00', 1, '2026-01-04T16:00:00Z', false],
    ['2026 National Day: Sat 10-10 is worked', duty24, '2026-09-30T09:00', 1, '2026-10-08T16:00:00Z', false],
    ['0 days ends today', duty24, '2025-09-30T16:00', 0, '2025-09-30T16:00:00Z', false],
    ['office: ends at closing time 18:00', office, '2025-09-30T16:00', 2, '2025-10-10T10:00:00Z', false],
    ['office: a make-up Saturday closes like a Monday', office, '2025-09-30T16:00', 3, '2025-10-11T10:00:00Z', false],
    ['overnight desk: the day closes at 06:00 next morning', night, '2025-09-23T10:00', 1, '2025-09-24T22:00:00Z', false],
    ['last day of 2026 is still official', duty24, '2026-12-30T10:00', 1, '2026-12-31T16:00:00Z', false],
    ['2027 has no data: weekends only, provisional', duty24, '2026-12-31T10:00', 1, '2027-01-01T16:00:00Z', true],
    ['2027: Fri 10-01 → Mon 10-04', duty24, '2027-10-01T10:00', 1, '2027-10-04T16:00:00Z', true],
  ] as const)('%s', (_why, clock, start, n, due, provisional) => {
    expect(clock.addWorkingDays(sh(start), n)).toEqual({ due: new Date(due), provisional });
  });

  it('refuses negative or fractional counts and Invalid Date', () => {
    expect(() => duty24.addWorkingDays(sh('2025-09-30T16:00'), -1)).toThrow(expect.objectContaining({ code: 'invalid_amount' }));
    expect(() => duty24.addWorkingDays(sh('2025-09-30T16:00'), 1.5)).toThrow(expect.objectContaining({ code: 'invalid_amount' }));
    expect(() => duty24.addWorkingDays(new Date('nope'), 1)).toThrow(expect.objectContaining({ code: 'invalid_date' }));
    expect(() => duty24.addWorkingDays(sh('2025-09-30T16:00'), 1e9)).toThrow(expect.objectContaining({ code: 'invalid_amount' }));
  });
});

describe('addCalendarDays', () => {
  it.each([
    ['24-hour: 3 days over a holiday is still 3 days', duty24, '2025-09-30T16:00', 3, {}, '2025-10-03T16:00:00Z', false],
    ['rolled past the holiday (Civil Code art. 203)', duty24, '2025-09-30T16:00', 3, { rollToWorkingDay: true }, '2025-10-09T16:00:00Z', false],
    ['office: last day a closed Saturday ends at 24:00', office, '2025-09-26T10:00', 1, {}, '2025-09-27T16:00:00Z', false],
    ['office: last day a working Friday ends at 18:00', office, '2025-09-25T10:00', 1, {}, '2025-09-26T10:00:00Z', false],
    ['24-hour in 2027: no holiday data involved', duty24, '2027-03-01T10:00', 3, {}, '2027-03-04T16:00:00Z', false],
    ['office in 2027: the closing time depends on guesses', office, '2027-03-01T10:00', 3, {}, '2027-03-04T10:00:00Z', true],
  ] as const)('%s', (_why, clock, start, n, options, due, provisional) => {
    expect(clock.addCalendarDays(sh(start), n, options)).toEqual({ due: new Date(due), provisional });
  });
});

describe('addMonths — same date and local time, clamped to the month end', () => {
  it.each([
    ['2025-01-31T10:00', 1, '2025-02-28T02:00:00Z'],
    ['2024-01-31T10:00', 1, '2024-02-29T02:00:00Z'],
    ['2025-03-31T23:30', 1, '2025-04-30T15:30:00Z'],
    ['2025-03-31T10:00', -1, '2025-02-28T02:00:00Z'],
    ['2025-11-15T10:00', 2, '2026-01-15T02:00:00Z'],
    ['2026-12-15T10:00', 1, '2027-01-15T02:00:00Z'],
  ] as const)('%s + %i month(s)', (start, n, due) => {
    expect(duty24.addMonths(sh(start), n)).toEqual({ due: new Date(due), provisional: false });
  });
});

describe('days, dayInfo, isWorkingDay', () => {
  const letter = { workday: 'W', weekend: '-', holiday: 'H', makeup_workday: 'M' } as const;
  it('lists National Day 2025 with types and names', () => {
    const list = office.days('2025-09-27', '2025-10-12');
    expect(list.map((d) => letter[d.type]).join('')).toBe('-MWWHHHHHHHHWWM-');
    // 09-28 (make-up), 10-01…10-05, 10-06 is Mid-Autumn, 10-07, 10-08, 10-11 (make-up).
    expect(list.map((d) => d.name ?? '').filter(Boolean).join(' ')).toBe(
      '国庆节 国庆节 国庆节 国庆节 国庆节 国庆节 中秋 国庆节 国庆节 国庆节',
    );
    expect(list.every((d) => !d.provisional)).toBe(true);
  });
  it('answers for a day and for an instant read in the site time zone', () => {
    expect(office.dayInfo('2025-10-06')).toEqual({ date: '2025-10-06', type: 'holiday', name: '中秋', working: false, provisional: false });
    expect(office.dayInfo('2025-10-11')).toMatchObject({ type: 'makeup_workday', name: '国庆节', working: true });
    // 2025-09-30T16:30Z is already 00:30 on 10-01 in Shanghai.
    expect(office.isWorkingDay(new Date('2025-09-30T16:30:00Z'))).toBe(false);
    expect(office.isWorkingDay(new Date('2025-09-30T15:30:00Z'))).toBe(true);
    expect(office.localDate(new Date('2025-09-30T16:30:00Z'))).toBe('2025-10-01');
  });
  it('falls back to weekends only in 2027, marked provisional', () => {
    expect(office.dayInfo('2027-10-01')).toEqual({ date: '2027-10-01', type: 'workday', working: true, provisional: true });
    expect(office.dayInfo('2027-10-02')).toMatchObject({ type: 'weekend', working: false, provisional: true });
    expect(calendar.officialYears).toEqual([2025, 2026]);
  });
  it('refuses bad dates and overlong or reversed ranges', () => {
    expect(() => office.dayInfo('2025-02-29')).toThrow(expect.objectContaining({ code: 'invalid_date' }));
    expect(() => office.days('2025-10-02', '2025-10-01')).toThrow(expect.objectContaining({ code: 'invalid_range' }));
    expect(() => office.days('2000-01-01', '2030-12-31')).toThrow(expect.objectContaining({ code: 'invalid_range' }));
  });
});
