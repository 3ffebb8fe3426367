import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import cd from 'chinese-days';
// The domain calendar from source (the vitest alias only maps the package root).
import { buildCalendar, createWorkClock, parseCalendarIcs } from '@huiyin/domain';
import { statutoryCalendarLayer, statutoryDaysOfYear, statutoryYears } from './statutory-data.js';

const layer = statutoryCalendarLayer();
const pick = (year: number, type: string) => layer.days.filter((d) => d.date.startsWith(`${year}-`) && d.type === type);
const years2004to2026 = Array.from({ length: 23 }, (_, i) => 2004 + i);
const noon = (iso: string) => new Date(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)), 12);
const isWeekend = (iso: string) => [0, 6].includes(noon(iso).getDay());

describe('statutory data from chinese-days', () => {
  it('lists exactly the verified years 2004–2026 (no 2003, no 2027)', () => {
    expect(layer.years).toEqual(years2004to2026);
    expect(statutoryYears(2000, 2030)).toEqual(years2004to2026);
  });

  it('2025 National Day + Mid-Autumn: 10-01…10-08 off (10-06 中秋), 09-28 and 10-11 worked', () => {
    const autumn = pick(2025, 'holiday').filter((d) => d.date >= '2025-10-01' && d.date <= '2025-10-31');
    expect(autumn.map((d) => `${d.date.slice(5)} ${d.name}`)).toEqual([
      '10-01 国庆节', '10-02 国庆节', '10-03 国庆节', '10-04 国庆节', '10-05 国庆节', '10-06 中秋', '10-07 国庆节', '10-08 国庆节',
    ]);
    expect(pick(2025, 'makeup_workday').map((d) => `${d.date} ${d.name}`)).toEqual([
      '2025-01-26 春节', '2025-02-08 春节', '2025-04-27 劳动节', '2025-09-28 国庆节', '2025-10-11 国庆节',
    ]);
  });

  it('2026 make-up workdays are 01-04, 02-14, 02-28, 05-09, 09-20, 10-10 and Spring Festival is 02-15…02-23', () => {
    expect(pick(2026, 'makeup_workday').map((d) => d.date.slice(5))).toEqual(['01-04', '02-14', '02-28', '05-09', '09-20', '10-10']);
    expect(pick(2026, 'holiday').filter((d) => d.name === '春节').map((d) => d.date.slice(5))).toEqual([
      '02-15', '02-16', '02-17', '02-18', '02-19', '02-20', '02-21', '02-22', '02-23',
    ]);
  });

  it.each(years2004to2026)('%i agrees with getWorkdaysInRange(…, true) and getHolidaysInRange(…, false)', (year) => {
    const [first, last] = [new Date(year, 0, 1, 12), new Date(year, 11, 31, 12)];
    const makeup = cd.getWorkdaysInRange(first, last, true).filter(isWeekend);
    const holidays = cd.getHolidaysInRange(first, last, false);
    expect(pick(year, 'makeup_workday').map((d) => d.date)).toEqual(makeup);
    expect(pick(year, 'holiday').map((d) => d.date)).toEqual(holidays);
    const names = new Set(pick(year, 'holiday').map((d) => d.name));
    for (const name of ['元旦', '春节', '国庆节']) expect(names).toContain(name);
  });

  it.each([2024, 2025, 2026])("%i agrees with the package's own .ics file read by the domain ICS parser", (year) => {
    const dir = dirname(createRequire(import.meta.url).resolve('chinese-days/package.json'));
    const fromIcs = parseCalendarIcs(readFileSync(join(dir, 'dist', 'years', `${year}.ics`), 'utf8'));
    const fromApi = layer.days.filter((d) => d.date.startsWith(`${year}-`));
    expect(fromIcs.filter((d) => d.date.startsWith(`${year}-`))).toEqual(fromApi);
  });

  describe('whatever the server time zone', () => {
    const saved = process.env.TZ;
    afterEach(() => {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    });
    it.each(['America/Los_Angeles', 'Pacific/Kiritimati'])('%s gives the same days', (tz) => {
      process.env.TZ = tz;
      expect(statutoryDaysOfYear(2025)).toEqual(layer.days.filter((d) => d.date.startsWith('2025-')));
    });
  });

  it('drives the domain clock: the issue example, and 2027 is provisional', () => {
    const clock = createWorkClock(buildCalendar([layer]), { allDay: true });
    const start = new Date('2025-09-30T16:00:00+08:00');
    expect(clock.addWorkingDays(start, 2)).toEqual({ due: new Date('2025-10-10T16:00:00Z'), provisional: false });
    expect(clock.dayInfo('2027-10-01')).toMatchObject({ type: 'workday', provisional: true });
  });
});
