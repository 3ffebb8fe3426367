import { CalendarError } from './errors.js';
import { DAY_MS, yearOfDay } from './civil.js';

/**
 * IANA time zones through Intl.DateTimeFormat, made fast: asking Intl costs
 * microseconds, so each zone learns a year's UTC offsets once (one sample per
 * day, then bisection to the second at each change) and afterwards an offset is
 * a lookup in a list of, usually, zero or two DST transitions.
 *
 * "Local ms" below means the local wall-clock time written as if it were UTC
 * (Date.UTC of the local fields); local ms − offset = the instant.
 */
interface ZoneYear {
  start: number; // instant of Jan 1 00:00 UTC
  end: number; // instant of the next Jan 1 00:00 UTC
  base: number; // offset at `start`
  at: number[]; // instants of offset changes within the year
  offsets: number[]; // offset from at[i] on
}

export class TimeZone {
  private readonly years = new Map<number, ZoneYear>();
  private last: ZoneYear | undefined;

  private constructor(
    readonly id: string,
    private readonly formatter: Intl.DateTimeFormat,
  ) {}

  private static readonly zones = new Map<string, TimeZone>();

  /** The cached zone for an IANA name; a typo is an `invalid_time_zone` error, not a silent UTC. */
  static of(id: string): TimeZone {
    let zone = TimeZone.zones.get(id);
    if (zone === undefined) {
      let formatter: Intl.DateTimeFormat;
      try {
        formatter = new Intl.DateTimeFormat('en-US', {
          timeZone: id,
          hourCycle: 'h23',
          calendar: 'gregory',
          numberingSystem: 'latn',
          year: 'numeric',
          month: 'numeric',
          day: 'numeric',
          hour: 'numeric',
          minute: 'numeric',
          second: 'numeric',
        });
      } catch {
        throw new CalendarError('invalid_time_zone', `unknown time zone "${id}"`, { value: id });
      }
      zone = new TimeZone(id, formatter);
      TimeZone.zones.set(id, zone);
    }
    return zone;
  }

  /** UTC offset in ms at an instant (east of Greenwich is positive). */
  offsetAt(instant: number): number {
    let y = this.last;
    if (y === undefined || instant < y.start || instant >= y.end) {
      y = this.year(yearOfDay(Math.floor(instant / DAY_MS)));
      this.last = y;
    }
    let offset = y.base;
    for (let i = 0; i < y.at.length; i++) {
      if (instant < (y.at[i] ?? Infinity)) break;
      offset = y.offsets[i] ?? offset;
    }
    return offset;
  }

  toLocal(instant: number): number {
    return instant + this.offsetAt(instant);
  }

  /**
   * Local wall time → instant. Near a DST change a wall time can occur twice
   * (autumn: take the earlier) or never (spring gap: shift forward by the gap,
   * so 02:30 on the spring-forward night becomes 03:30) — Temporal's
   * "compatible" disambiguation, which is what people expect of a clock.
   */
  toUtc(local: number): number {
    // Fast path: a year without offset changes (Shanghai since 1991), away from its edges.
    const y = this.last;
    if (y !== undefined && y.at.length === 0 && local >= y.start + DAY_MS && local < y.end - DAY_MS) return local - y.base;
    const before = this.offsetAt(local - DAY_MS);
    const after = this.offsetAt(local + DAY_MS);
    if (before === after) return local - before;
    const early = local - before;
    const late = local - after;
    const earlyOk = this.offsetAt(early) === before;
    const lateOk = this.offsetAt(late) === after;
    if (earlyOk && lateOk) return Math.min(early, late);
    if (earlyOk) return early;
    if (lateOk) return late;
    return early; // the gap: the offset before the change pushes the wall time forward
  }

  private year(year: number): ZoneYear {
    let y = this.years.get(year);
    if (y !== undefined) return y;
    const start = Date.UTC(year, 0, 1);
    const end = Date.UTC(year + 1, 0, 1);
    y = { start, end, base: this.intlOffset(start), at: [], offsets: [] };
    let prevT = start;
    let prev = y.base;
    for (let t = start + DAY_MS; t < end + DAY_MS; t += DAY_MS) {
      const sample = Math.min(t, end - 1000);
      const offset = this.intlOffset(sample);
      if (offset !== prev) {
        // Bisect to the second: lo keeps the old offset, hi has the new one.
        let lo = prevT;
        let hi = sample;
        while (hi - lo > 1000) {
          const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
          if (this.intlOffset(mid) === prev) lo = mid;
          else hi = mid;
        }
        y.at.push(hi);
        y.offsets.push(offset);
        prev = offset;
      }
      prevT = sample;
    }
    this.years.set(year, y);
    return y;
  }

  /** The slow, authoritative offset from Intl (second precision). */
  private intlOffset(instant: number): number {
    let year = 0;
    let month = 1;
    let day = 1;
    let hour = 0;
    let minute = 0;
    let second = 0;
    for (const part of this.formatter.formatToParts(instant)) {
      const v = Number(part.value);
      if (part.type === 'year') year = v;
      else if (part.type === 'month') month = v;
      else if (part.type === 'day') day = v;
      else if (part.type === 'hour') hour = v % 24; // some ICU builds say 24 for midnight
      else if (part.type === 'minute') minute = v;
      else if (part.type === 'second') second = v;
    }
    const local = Date.UTC(year, month - 1, day, hour, minute, second);
    return local - Math.floor(instant / 1000) * 1000;
  }
}
