/**
 * Local dates and wall times of a site's time zone as instants: "the
 * conversations of 2026-11-25" and "November's results" mean the site's day
 * and month, and a CSV export writes "2026-11-25 09:30:00" in local time.
 */
const formats = new Map<string, Intl.DateTimeFormat>();

function formatOf(timeZone: string): Intl.DateTimeFormat {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formats.set(timeZone, f);
  }
  return f;
}

/** The zone's UTC offset at an instant, in ms. */
function offsetAt(instant: number, timeZone: string): number {
  const parts = formatOf(timeZone).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - (instant - (((instant % 1000) + 1000) % 1000));
}

/** A wall time (written as if UTC) in the zone → the instant; two passes settle a DST change. */
export function localToInstant(wallMs: number, timeZone: string): number {
  const first = wallMs - offsetAt(wallMs, timeZone);
  return wallMs - offsetAt(first, timeZone);
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;

/** [start, end) of a local day "YYYY-MM-DD"; undefined if it is no date. */
export function localDayRange(date: string, timeZone: string): [number, number] | undefined {
  const m = DATE.exec(date);
  if (!m) return undefined;
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (new Date(wall).toISOString().slice(0, 10) !== date) return undefined;
  return [localToInstant(wall, timeZone), localToInstant(wall + 86_400_000, timeZone)];
}

/** [start, end) of a local month "YYYY-MM". */
export function localMonthRange(month: string, timeZone: string): [number, number] | undefined {
  const m = MONTH.exec(month);
  if (!m) return undefined;
  const year = Number(m[1]);
  const index = Number(m[2]) - 1;
  if (index < 0 || index > 11) return undefined;
  return [localToInstant(Date.UTC(year, index, 1), timeZone), localToInstant(Date.UTC(year, index + 1, 1), timeZone)];
}

const LOCAL_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;
const ZONED_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

/**
 * A timestamp as exports write it: with an offset ("…Z", "…+08:00") it is an
 * instant; without, a wall time in the zone. Undefined when unreadable.
 */
export function parseTimestamp(text: string, timeZone: string): number | undefined {
  const value = text.trim();
  if (ZONED_TIME.test(value)) {
    const ms = Date.parse(value.replace(' ', 'T'));
    return Number.isNaN(ms) ? undefined : ms;
  }
  const m = LOCAL_TIME.exec(value);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac] = m;
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0), Number((frac ?? '0').padEnd(3, '0')));
  const check = new Date(wall);
  if (check.getUTCDate() !== Number(d) || check.getUTCHours() !== Number(h)) return undefined;
  return localToInstant(wall, timeZone);
}
