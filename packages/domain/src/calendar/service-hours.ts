import { CalendarError } from './errors.js';
import { TimeZone } from './time-zone.js';

export const WEEKDAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type WeekdayKey = (typeof WEEKDAY_KEYS)[number];

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/**
 * A site's service hours as configured. Ranges are 'HH:MM-HH:MM'; an end
 * before the start crosses midnight ('22:00-06:00' belongs to the day it
 * starts on), '24:00' is allowed as an end. Split shifts are several ranges.
 */
export interface SiteHours {
  /** IANA name; default Asia/Shanghai. */
  timeZone?: string;
  /** 24-hour duty (24 小时值班): hour limits run on the wall clock, day limits end at 24:00. */
  allDay?: boolean;
  /** Service hours by weekday. */
  weekly?: Partial<Record<WeekdayKey, readonly string[]>>;
  /** Hours on a make-up workday (调休上班); default: Monday's, as the day is worked like a weekday. */
  makeupDay?: readonly string[];
  /** The desk also serves on weekends and holidays (a mall): the clock runs in its hours on every day. */
  openOnRestDays?: boolean;
}

/** Compiled form: per weekday a flat list [start, end, start, end …] in minutes from local midnight. */
export interface CompiledSiteHours {
  readonly zone: TimeZone;
  readonly allDay: boolean;
  readonly weekly: readonly Int32Array[]; // index 0 = Sunday
  readonly makeupDay: Int32Array;
  readonly openOnRestDays: boolean;
  /** Some range ends after midnight, so the previous day's shift can still be running. */
  readonly overnight: boolean;
}

const RANGE = /^\s*(\d{1,2}):(\d{2})\s*[-–~]\s*(\d{1,2}):(\d{2})\s*$/;

function fail(message: string, field: string, value?: string): never {
  throw new CalendarError('invalid_hours', message, value === undefined ? { field } : { field, value });
}

export function parseRanges(ranges: readonly string[], field: string): Int32Array {
  const parsed: [number, number][] = ranges.map((text) => {
    const m = RANGE.exec(text);
    if (!m) fail(`expected a time range like 08:30-12:00, got "${text}"`, field, text);
    const sh = Number(m[1]);
    const sm = Number(m[2]);
    const eh = Number(m[3]);
    const em = Number(m[4]);
    if (sh > 23 || sm > 59 || em > 59 || eh > 24 || (eh === 24 && em > 0)) {
      fail(`"${text}" is not a valid time of day`, field, text);
    }
    const start = sh * 60 + sm;
    let end = eh * 60 + em;
    if (end === start) fail(`"${text}" is empty; use allDay for 24-hour duty`, field, text);
    if (end < start) end += 1440; // crosses midnight
    return [start, end];
  });
  parsed.sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < parsed.length; i++) {
    if ((parsed[i]?.[0] ?? 0) < (parsed[i - 1]?.[1] ?? 0)) fail(`ranges overlap: ${ranges.join(', ')}`, field);
  }
  return Int32Array.from(parsed.flat());
}

export function compileSiteHours(input: SiteHours = {}): CompiledSiteHours {
  const zone = TimeZone.of(input.timeZone ?? DEFAULT_TIME_ZONE);
  const weekly = WEEKDAY_KEYS.map((key) => parseRanges(input.weekly?.[key] ?? [], `weekly.${key}`));
  const makeupDay = input.makeupDay ? parseRanges(input.makeupDay, 'makeupDay') : (weekly[1] ?? new Int32Array());
  const allDay = input.allDay === true;
  // Without hours the working-minute clock would never advance.
  if (!allDay && weekly.every((r) => r.length === 0)) {
    fail('a site needs service hours on at least one weekday, or allDay', 'weekly');
  }
  const overnight = [...weekly, makeupDay].some((r) => r.some((m, i) => i % 2 === 1 && m > 1440));
  return { zone, allDay, weekly, makeupDay, openOnRestDays: input.openOnRestDays === true, overnight };
}
