import cd from 'chinese-days';
import type { CalendarLayer, DayEntry } from '@huiyin/domain';

/**
 * Statutory calendar data (法定节假日与调休上班) from the chinese-days package,
 * as a CalendarLayer for the domain's buildCalendar.
 *
 * Two traps in the package shape this adapter:
 * - For a year it has no data for it silently answers "workday on weekdays",
 *   so each year is verified before it is listed as official: New Year's Day
 *   and National Day must both come back as named holidays (every State Council
 *   notice since 1999 has both).
 * - It formats dates with local-time getters but parses 'YYYY-MM-DD' strings as
 *   UTC, so west of Greenwich a string lands on the previous day. We pass Date
 *   objects at local noon, which are the intended day in any server time zone.
 */

/** Years probed for data; generous so a package update (2027 …) is picked up without a code change. */
export const PROBE_FIRST_YEAR = 1999;
export const PROBE_LAST_YEAR = 2100;

const localNoon = (year: number, month: number, day: number) => new Date(year, month - 1, day, 12);
const pad = (n: number) => String(n).padStart(2, '0');

/** The package names days "English,中文,days" (e.g. "National Day,国庆节,3"); plain weekdays get "Monday". */
function chineseName(raw: string): string | undefined {
  const parts = raw.split(',');
  return parts.length >= 2 ? parts[1]?.trim() || undefined : undefined;
}

function isNamedHoliday(year: number, month: number, day: number): boolean {
  const detail = cd.getDayDetail(localNoon(year, month, day));
  return !detail.work && chineseName(detail.name) !== undefined;
}

/** Years for which the package really has data. */
export function statutoryYears(first = PROBE_FIRST_YEAR, last = PROBE_LAST_YEAR): number[] {
  const years: number[] = [];
  for (let y = first; y <= last; y++) if (isNamedHoliday(y, 1, 1) && isNamedHoliday(y, 10, 1)) years.push(y);
  return years;
}

/**
 * The special days of one verified year. Holidays keep their name even on a
 * weekend (10-04 is still 国庆节 on a Saturday); a worked weekend day is a
 * make-up workday named after the holiday it pays for. Ordinary days are left
 * out: the domain derives them from the weekday.
 */
export function statutoryDaysOfYear(year: number): DayEntry[] {
  const out: DayEntry[] = [];
  for (let month = 1; month <= 12; month++) {
    const length = new Date(year, month, 0).getDate();
    for (let day = 1; day <= length; day++) {
      const when = localNoon(year, month, day);
      const detail = cd.getDayDetail(when);
      const name = chineseName(detail.name);
      if (name === undefined) continue;
      const weekend = when.getDay() === 0 || when.getDay() === 6;
      const date = `${year}-${pad(month)}-${pad(day)}`;
      if (!detail.work) out.push({ date, type: 'holiday', name });
      else if (weekend) out.push({ date, type: 'makeup_workday', name });
    }
  }
  return out;
}

let cached: CalendarLayer | undefined;

/** The whole statutory layer (built once, ~8,000 package look-ups, then cached). */
export function statutoryCalendarLayer(): CalendarLayer {
  if (cached === undefined) {
    const years = statutoryYears();
    cached = { years, days: years.flatMap(statutoryDaysOfYear) };
  }
  return cached;
}
