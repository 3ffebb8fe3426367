import { describe, expect, it } from 'vitest';
import { buildCalendar } from './calendar.js';
import { createWorkClock } from './work-clock.js';
import type { CalendarLayer } from './types.js';

const statutory: CalendarLayer = {
  years: [2025],
  days: [
    ...[1, 2, 3, 4, 5, 6, 7, 8].map((d) => ({ date: `2025-10-0${d}`, type: 'holiday' as const, name: '国庆节' })),
    { date: '2025-09-28', type: 'makeup_workday', name: '国庆节' },
    { date: '2025-10-11', type: 'makeup_workday', name: '国庆节' },
  ],
};
const start = new Date('2025-09-30T16:00:00+08:00');

describe('organisation and site overrides layer on top of statutory data', () => {
  it('a site closure day (盘点闭店) is skipped; the later layer wins', () => {
    const site: CalendarLayer = { days: [{ date: '2025-10-09', type: 'holiday', name: '盘点闭店' }] };
    const clock = createWorkClock(buildCalendar([statutory, site]), { allDay: true });
    expect(clock.dayInfo('2025-10-09')).toMatchObject({ type: 'holiday', name: '盘点闭店', working: false });
    expect(clock.addWorkingDays(start, 2)).toEqual({ due: new Date('2025-10-11T16:00:00Z'), provisional: false });
  });

  it('an override can turn a statutory holiday into a working day', () => {
    const org: CalendarLayer = { days: [{ date: '2025-10-08', type: 'workday' }] };
    const cal = buildCalendar([statutory, org]);
    expect(cal.dayInfo('2025-10-08')).toEqual({ date: '2025-10-08', type: 'workday', working: true, provisional: false });
  });

  it('a working weekend day is stored as a make-up workday', () => {
    const cal = buildCalendar([{ days: [{ date: '2025-10-18', type: 'workday', name: '公司调休' }] }]);
    expect(cal.dayInfo('2025-10-18')).toMatchObject({ type: 'makeup_workday', name: '公司调休', working: true });
  });

  it("a 2027 notice entered before the package has it makes 2027 official", () => {
    const notice: CalendarLayer = {
      years: [2027],
      days: [{ date: '2027-01-01', type: 'holiday', name: '元旦' }],
    };
    const without = createWorkClock(buildCalendar([statutory]), { allDay: true });
    const withNotice = createWorkClock(buildCalendar([statutory, notice]), { allDay: true });
    const nye = new Date('2026-12-31T10:00:00+08:00');
    expect(without.addWorkingDays(nye, 1)).toEqual({ due: new Date('2027-01-01T16:00:00Z'), provisional: true });
    expect(withNotice.addWorkingDays(nye, 1)).toEqual({ due: new Date('2027-01-04T16:00:00Z'), provisional: false });
    expect(buildCalendar([statutory, notice]).officialYears).toEqual([2025, 2027]);
  });

  it('overrides apply in a year without data, which stays provisional', () => {
    const cal = buildCalendar([statutory, { days: [{ date: '2028-05-02', type: 'holiday', name: '店庆' }] }]);
    expect(cal.dayInfo('2028-05-02')).toEqual({ date: '2028-05-02', type: 'holiday', name: '店庆', working: false, provisional: true });
    expect(cal.isWorkingDay('2028-05-03')).toBe(true);
    expect(cal.isOfficialYear(2028)).toBe(false);
  });

  it('refuses malformed layers with a typed error', () => {
    expect(() => buildCalendar([{ days: [{ date: '2025-13-01', type: 'holiday' }] }])).toThrow(
      expect.objectContaining({ code: 'invalid_date' }),
    );
    expect(() => buildCalendar([{ days: [{ date: '2025-10-01', type: 'vacation' as 'holiday' }] }])).toThrow(
      expect.objectContaining({ code: 'invalid_entry', detail: { index: 0, field: 'type', value: 'vacation' } }),
    );
    expect(() => buildCalendar([{ years: [27], days: [] }])).toThrow(expect.objectContaining({ code: 'invalid_entry' }));
  });
});
