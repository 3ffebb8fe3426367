import { DAY_TYPES, type CalendarLayer, type DayInfo, type DayType } from './types.js';
import { CalendarError } from './errors.js';
import { dayFromCivil, formatIsoDate, isLeapYear, parseIsoDate, weekdayOfDay, yearOfDay } from './civil.js';

/** Day types as small integers so a year fits in a Uint8Array (index = DAY_TYPES order). */
export const WORKDAY = 0;
export const WEEKEND = 1;
export const HOLIDAY = 2;
export const MAKEUP_WORKDAY = 3;

/** Precomputed year: one byte per day, names only where there are any. */
export interface YearTable {
  readonly year: number;
  /** Day number of January 1st. */
  readonly first: number;
  readonly types: Uint8Array;
  readonly names: ReadonlyMap<number, string>;
  /** The year has official data; otherwise weekends-only (+ overrides) and results are provisional. */
  readonly official: boolean;
}

interface MergedEntry {
  day: number;
  code: number;
  name: string | undefined;
}

/** Longest span `days()` lists; an API should not be able to ask for a century. */
export const MAX_LISTED_DAYS = 3660;

/**
 * The merged calendar. Immutable from the outside; year tables are built on
 * first use and cached, so deadline arithmetic is array lookups.
 */
export class Calendar {
  readonly officialYears: readonly number[];
  private readonly official: ReadonlySet<number>;
  private readonly entriesByYear: ReadonlyMap<number, MergedEntry[]>;
  private readonly tables = new Map<number, YearTable>();
  private last: YearTable | undefined;

  constructor(officialYears: ReadonlySet<number>, entriesByYear: ReadonlyMap<number, MergedEntry[]>) {
    this.official = officialYears;
    this.officialYears = [...officialYears].sort((a, b) => a - b);
    this.entriesByYear = entriesByYear;
  }

  isOfficialYear(year: number): boolean {
    return this.official.has(year);
  }

  /** Hot path: the year table holding `day` (the last one used is kept at hand). */
  table(day: number): YearTable {
    const t = this.last;
    if (t !== undefined && day >= t.first && day < t.first + t.types.length) return t;
    const year = yearOfDay(day);
    let table = this.tables.get(year);
    if (table === undefined) {
      table = this.buildYear(year);
      this.tables.set(year, table);
    }
    this.last = table;
    return table;
  }

  /** Day type code (WORKDAY … MAKEUP_WORKDAY) of a day number. */
  typeCode(day: number): number {
    const t = this.table(day);
    return t.types[day - t.first] ?? WORKDAY;
  }

  isWorkingDay(date: string): boolean {
    const code = this.typeCode(parseIsoDate(date));
    return code === WORKDAY || code === MAKEUP_WORKDAY;
  }

  dayInfo(date: string): DayInfo {
    return this.infoOf(parseIsoDate(date));
  }

  /** Every day from `from` to `to` inclusive, for listing screens and APIs. */
  days(from: string, to: string): DayInfo[] {
    return this.daysBetween(parseIsoDate(from), parseIsoDate(to));
  }

  daysBetween(first: number, last: number): DayInfo[] {
    if (last < first) throw new CalendarError('invalid_range', 'the end date is before the start date');
    if (last - first + 1 > MAX_LISTED_DAYS) {
      throw new CalendarError('invalid_range', `at most ${MAX_LISTED_DAYS} days can be listed at once`);
    }
    const out: DayInfo[] = [];
    for (let d = first; d <= last; d++) out.push(this.infoOf(d));
    return out;
  }

  infoOf(day: number): DayInfo {
    const t = this.table(day);
    const code = t.types[day - t.first] ?? WORKDAY;
    const info: DayInfo = {
      date: formatIsoDate(day),
      type: DAY_TYPES[code] ?? 'workday',
      working: code === WORKDAY || code === MAKEUP_WORKDAY,
      provisional: !t.official,
    };
    const name = t.names.get(day);
    if (name !== undefined) info.name = name;
    return info;
  }

  private buildYear(year: number): YearTable {
    const first = dayFromCivil(year, 1, 1);
    const types = new Uint8Array(isLeapYear(year) ? 366 : 365);
    for (let i = 0; i < types.length; i++) {
      const wd = weekdayOfDay(first + i);
      types[i] = wd === 0 || wd === 6 ? WEEKEND : WORKDAY;
    }
    const names = new Map<number, string>();
    for (const e of this.entriesByYear.get(year) ?? []) {
      types[e.day - first] = e.code;
      if (e.name !== undefined) names.set(e.day, e.name);
    }
    return { year, first, types, names, official: this.official.has(year) };
  }
}

function checkYear(year: unknown): number {
  if (typeof year !== 'number' || !Number.isInteger(year) || year < 1000 || year > 9999) {
    throw new CalendarError('invalid_entry', `a covered year must be a four-digit integer, got ${String(year)}`, {
      field: 'years',
      value: String(year),
    });
  }
  return year;
}

/**
 * Merge calendar layers (later wins for the same date) into a Calendar.
 * A working day on a weekend is stored as makeup_workday whatever the layer
 * said: that is what 调休上班 means, and it selects the make-up service hours.
 */
export function buildCalendar(layers: readonly CalendarLayer[]): Calendar {
  const official = new Set<number>();
  const merged = new Map<number, MergedEntry>();
  for (const layer of layers) {
    for (const y of layer.years ?? []) official.add(checkYear(y));
    layer.days.forEach((entry, index) => {
      const day = parseIsoDate(entry.date);
      let code = DAY_TYPES.indexOf(entry.type as DayType);
      if (code < 0) {
        throw new CalendarError('invalid_entry', `unknown day type "${String(entry.type)}"`, {
          index,
          field: 'type',
          value: String(entry.type),
        });
      }
      const wd = weekdayOfDay(day);
      if (code === WORKDAY && (wd === 0 || wd === 6)) code = MAKEUP_WORKDAY;
      const name = typeof entry.name === 'string' && entry.name.trim() !== '' ? entry.name.trim() : undefined;
      merged.set(day, { day, code, name });
    });
  }
  const byYear = new Map<number, MergedEntry[]>();
  for (const e of merged.values()) {
    const y = yearOfDay(e.day);
    let list = byYear.get(y);
    if (list === undefined) byYear.set(y, (list = []));
    list.push(e);
  }
  return new Calendar(official, byYear);
}
