/**
 * Work-order numbers are read aloud on the phone, so they are short and
 * meaningful: prefix + the receiving day in the site's time zone (yyMMdd) + a
 * daily sequence of at least four digits, e.g. HY2611250007. A busy day past
 * 9,999 simply grows a digit instead of wrapping.
 */
export function formatWorkOrderNumber(prefix: string, localDay: string, sequence: number): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(localDay)) throw new RangeError(`local day must be YYYY-MM-DD, got ${localDay}`);
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError('sequence must be a positive integer');
  const yymmdd = localDay.slice(2, 4) + localDay.slice(5, 7) + localDay.slice(8, 10);
  return `${prefix}${yymmdd}${String(sequence).padStart(4, '0')}`;
}

const dayFormatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar day (YYYY-MM-DD) of `instant` in `timeZone`. */
export function localDayOf(instant: Date, timeZone: string): string {
  let formatter = dayFormatters.get(timeZone);
  if (!formatter) {
    // en-CA formats as YYYY-MM-DD.
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormatters.set(timeZone, formatter);
  }
  return formatter.format(instant);
}
