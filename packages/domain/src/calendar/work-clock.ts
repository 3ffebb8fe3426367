import { DAY_MS, MINUTE_MS, civilFromDay, dayFromCivil, daysInMonth, formatIsoDate, instantMs, parseIsoDate } from './civil.js';
import { MAKEUP_WORKDAY, WORKDAY, type Calendar } from './calendar.js';
import { compileSiteHours, type CompiledSiteHours, type SiteHours } from './service-hours.js';
import { addServiceTime, closingInstant } from './working-time.js';
import { TimeZone } from './time-zone.js';
import { CalendarError } from './errors.js';
import type { DayInfo, Deadline } from './types.js';

export interface CalendarDaysOptions {
  /**
   * Civil Code art. 203: when the last day of a period is a statutory rest day,
   * the period ends on the first working day after it. Off by default: most
   * internal "N days" limits are plain calendar days.
   */
  rollToWorkingDay?: boolean;
}

/** Ten years: far beyond any service limit, and it keeps a typo like 1e9 from spinning. */
const MAX_DAYS = 3660;
const MAX_MINUTES = MAX_DAYS * 1440;

function checkCount(n: number, what: string, max: number, allowNegative = false): void {
  if (!Number.isInteger(n) || (!allowNegative && n < 0) || Math.abs(n) > max) {
    throw new CalendarError('invalid_amount', `${what} must be ${allowNegative ? 'an' : 'a non-negative'} integer up to ${max}, got ${n}`);
  }
}

/**
 * Deadline arithmetic for one site: its time zone and service hours over a
 * calendar. Pure: no clock is read, every instant is an argument.
 *
 * Day counts follow Chinese legal counting (民法典 第二百零一条): the day of
 * the start is not counted; "N days" ends at the end of the N-th day after it —
 * the site's closing time that day, or 24:00 for a 24-hour site.
 */
export class WorkClock {
  readonly site: CompiledSiteHours;

  constructor(
    readonly calendar: Calendar,
    site: SiteHours | CompiledSiteHours,
  ) {
    this.site = 'zone' in site && site.zone instanceof TimeZone ? site : compileSiteHours(site as SiteHours);
  }

  get timeZone(): string {
    return this.site.zone.id;
  }

  /** The civil day number of an instant in the site's time zone. */
  private localDay(t: number): number {
    return Math.floor(this.site.zone.toLocal(t) / DAY_MS);
  }

  /** The site-local date (YYYY-MM-DD) of an instant. */
  localDate(instant: Date): string {
    return formatIsoDate(this.localDay(instantMs(instant)));
  }

  addWorkingDays(start: Date, n: number): Deadline {
    checkCount(n, 'working days', MAX_DAYS);
    const cal = this.calendar;
    let day = this.localDay(instantMs(start));
    let provisional = false;
    for (let counted = 0, idle = 0; counted < n; ) {
      day++;
      const table = cal.table(day);
      if (!table.official) provisional = true;
      const code = table.types[day - table.first];
      if (code === WORKDAY || code === MAKEUP_WORKDAY) {
        counted++;
        idle = 0;
      } else if (++idle > MAX_DAYS) {
        throw new CalendarError('no_working_time', 'no working day found within ten years');
      }
    }
    return { due: new Date(closingInstant(cal, this.site, day)), provisional };
  }

  addCalendarDays(start: Date, n: number, options: CalendarDaysOptions = {}): Deadline {
    checkCount(n, 'calendar days', MAX_DAYS);
    const cal = this.calendar;
    let day = this.localDay(instantMs(start)) + n;
    // The day's type matters only for a closing time from service hours, or for rolling.
    let provisional = !this.site.allDay && !cal.table(day).official;
    if (options.rollToWorkingDay) {
      for (let idle = 0; ; day++) {
        const table = cal.table(day);
        if (!table.official) provisional = true;
        const code = table.types[day - table.first];
        if (code === WORKDAY || code === MAKEUP_WORKDAY) break;
        if (++idle > MAX_DAYS) throw new CalendarError('no_working_time', 'no working day found within ten years');
      }
    }
    return { due: new Date(closingInstant(cal, this.site, day)), provisional };
  }

  /**
   * Same local date and time n months later; a date the month lacks clamps to
   * its last day (Jan 31 + 1 month = Feb 28/29, Civil Code art. 202). Never
   * provisional: it does not depend on holiday data.
   */
  addMonths(start: Date, n: number): Deadline {
    checkCount(n, 'months', 120, true);
    const zone = this.site.zone;
    const local = zone.toLocal(instantMs(start));
    const day = Math.floor(local / DAY_MS);
    const timeOfDay = local - day * DAY_MS;
    const { year, month, day: dom } = civilFromDay(day);
    const index = year * 12 + (month - 1) + n;
    const y = Math.floor(index / 12);
    const m = index - y * 12 + 1;
    const target = dayFromCivil(y, m, Math.min(dom, daysInMonth(y, m)));
    return { due: new Date(zone.toUtc(target * DAY_MS + timeOfDay)), provisional: false };
  }

  /**
   * Minutes of service time: the wall clock for a 24-hour site (never
   * provisional), else only inside service hours on working days.
   */
  addWorkingMinutes(start: Date, minutes: number): Deadline {
    if (!Number.isFinite(minutes) || minutes < 0 || minutes > MAX_MINUTES) {
      throw new CalendarError('invalid_amount', `minutes must be a number from 0 to ${MAX_MINUTES}, got ${minutes}`);
    }
    const t = instantMs(start);
    const amount = Math.round(minutes * MINUTE_MS);
    if (this.site.allDay) return { due: new Date(t + amount), provisional: false };
    const { due, provisional } = addServiceTime(this.calendar, this.site, t, amount);
    return { due: new Date(due), provisional };
  }

  addWorkingHours(start: Date, hours: number): Deadline {
    return this.addWorkingMinutes(start, hours * 60);
  }

  /** A Date is read as the site-local day it falls on; a string is a YYYY-MM-DD date. */
  private dayOf(date: Date | string): number {
    return typeof date === 'string' ? parseIsoDate(date) : this.localDay(instantMs(date));
  }

  isWorkingDay(date: Date | string): boolean {
    const code = this.calendar.typeCode(this.dayOf(date));
    return code === WORKDAY || code === MAKEUP_WORKDAY;
  }

  dayInfo(date: Date | string): DayInfo {
    return this.calendar.infoOf(this.dayOf(date));
  }

  days(from: Date | string, to: Date | string): DayInfo[] {
    return this.calendar.daysBetween(this.dayOf(from), this.dayOf(to));
  }
}

export function createWorkClock(calendar: Calendar, site: SiteHours | CompiledSiteHours): WorkClock {
  return new WorkClock(calendar, site);
}
