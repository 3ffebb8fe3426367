import { DAY_MS, MINUTE_MS, weekdayOfDay } from './civil.js';
import { MAKEUP_WORKDAY, WORKDAY, type Calendar } from './calendar.js';
import type { CompiledSiteHours } from './service-hours.js';
import { CalendarError } from './errors.js';

/**
 * The service-time clock and the closing time of a day: both need "which
 * hours does this site keep on this day", which depends on the statutory day
 * type (closed on holidays, make-up hours on 调休上班 days) and on the weekday.
 */
const CLOSED = new Int32Array(0);

/** Days in a row without any service time before we call the configuration hopeless. */
const MAX_IDLE_DAYS = 3660;

export function hoursOfDay(site: CompiledSiteHours, day: number, code: number): Int32Array {
  if (code === MAKEUP_WORKDAY) return site.makeupDay;
  if (code !== WORKDAY && !site.openOnRestDays) return CLOSED;
  return site.weekly[weekdayOfDay(day)] ?? CLOSED;
}

/**
 * The end of a day for day-count deadlines: the end of its last service range
 * (which may be after midnight for overnight hours), or 24:00 for a 24-hour
 * site or a day without hours.
 */
export function closingInstant(calendar: Calendar, site: CompiledSiteHours, day: number): number {
  const ranges = site.allDay ? CLOSED : hoursOfDay(site, day, calendar.typeCode(day));
  const lastEnd = ranges.length > 0 ? (ranges[ranges.length - 1] ?? 1440) : 1440;
  return site.zone.toUtc(day * DAY_MS + lastEnd * MINUTE_MS);
}

/**
 * Advance `amountMs` of service time from `start`. If `start` is outside
 * service hours the clock starts at the next opening; a deadline that lands
 * exactly on a closing time stays there rather than jumping to the next opening.
 */
export function addServiceTime(
  calendar: Calendar,
  site: CompiledSiteHours,
  start: number,
  amountMs: number,
): { due: number; provisional: boolean } {
  const zone = site.zone;
  const startDay = Math.floor(zone.toLocal(start) / DAY_MS);
  let t = start;
  let remaining = amountMs;
  let provisional = false;
  let idle = 0;
  // An overnight shift that began yesterday may still be running at `start`.
  for (let day = site.overnight ? startDay - 1 : startDay; ; day++) {
    const table = calendar.table(day);
    const ranges = hoursOfDay(site, day, table.types[day - table.first] ?? WORKDAY);
    // Yesterday only matters if its shift is used; any later day matters by being looked at.
    if (!table.official && day >= startDay) provisional = true;
    const base = day * DAY_MS;
    let used = false;
    for (let i = 0; i + 1 < ranges.length; i += 2) {
      const end = zone.toUtc(base + (ranges[i + 1] ?? 0) * MINUTE_MS);
      if (end <= t) continue;
      const open = zone.toUtc(base + (ranges[i] ?? 0) * MINUTE_MS);
      const from = open > t ? open : t;
      if (end <= from) continue; // a range swallowed by a DST gap
      used = true;
      if (!table.official) provisional = true;
      const available = end - from;
      if (remaining <= available) return { due: from + remaining, provisional };
      remaining -= available;
      t = end;
    }
    idle = used ? 0 : idle + 1;
    if (idle > MAX_IDLE_DAYS) {
      throw new CalendarError('no_working_time', 'no service hours found within ten years of the start');
    }
  }
}
