import type { DayEntry } from './types.js';
import { CalendarError } from './errors.js';
import { dayFromCivil, daysInMonth, formatIsoDate } from './civil.js';
import { MAX_DAY_NAME_LENGTH } from './import-json.js';

/**
 * Import holiday calendars as published in iCalendar (the chinese-days
 * package's own .ics, Outlook/Apple holiday feeds): all-day VEVENTs with
 * DTSTART;VALUE=DATE, an exclusive DTEND (or DURATION, or neither = one day) and
 * SUMMARY as the name. An event whose SUMMARY or CATEGORIES mentions 班 (上班,
 * 补班, "国庆节(班)") is a make-up workday; every other event is a holiday.
 * Overlapping events are normal (中秋 inside 国庆): the later event wins.
 */
export const MAX_EVENT_DAYS = 366;

interface Line {
  text: string;
  line: number; // 1-based, of the first physical line
}

function icsError(line: number, message: string): CalendarError {
  return new CalendarError('invalid_ics', `line ${line}: ${message}`, { line });
}

/** RFC 5545 §3.1: a line starting with a space or tab continues the previous one. */
function unfold(text: string): Line[] {
  const out: Line[] = [];
  text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/).forEach((raw, i) => {
    const prev = out[out.length - 1];
    if ((raw.startsWith(' ') || raw.startsWith('\t')) && prev) prev.text += raw.slice(1);
    else if (raw.trim() !== '') out.push({ text: raw, line: i + 1 });
  });
  return out;
}

interface Property {
  name: string;
  params: string; // upper-cased, e.g. ';VALUE=DATE'
  value: string;
}

function splitProperty({ text, line }: Line): Property {
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (c === ':' && !inQuotes) {
      const head = text.slice(0, i);
      const semi = head.indexOf(';');
      const name = (semi < 0 ? head : head.slice(0, semi)).trim().toUpperCase();
      return { name, params: semi < 0 ? '' : head.slice(semi).toUpperCase(), value: text.slice(i + 1) };
    }
  }
  throw icsError(line, `expected NAME:value, got "${text.slice(0, 40)}"`);
}

const unescapeText = (v: string) => v.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));

function parseDate(p: Property, line: number): number {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(p.value.trim());
  if (!m) {
    const timed = /^\d{8}T/.test(p.value.trim()) || p.params.includes('VALUE=DATE-TIME');
    throw icsError(line, timed ? `${p.name} must be an all-day date (VALUE=DATE), got "${p.value}"` : `${p.name} "${p.value}" is not a date YYYYMMDD`);
  }
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) throw icsError(line, `${p.name} "${p.value}" is not a real date`);
  return dayFromCivil(y, mo, d);
}

interface EventDraft {
  line: number;
  start?: number;
  end?: number;
  days?: number;
  summary: string;
  categories: string;
}

function expand(ev: EventDraft, into: Map<number, DayEntry>): void {
  if (ev.start === undefined) throw icsError(ev.line, 'VEVENT without DTSTART');
  const end = ev.end ?? ev.start + (ev.days ?? 1); // DTEND is exclusive for dates
  if (end <= ev.start) throw icsError(ev.line, 'DTEND is not after DTSTART');
  if (end - ev.start > MAX_EVENT_DAYS) throw icsError(ev.line, `an event may span at most ${MAX_EVENT_DAYS} days`);
  const makeup = `${ev.summary} ${ev.categories}`.includes('班');
  const name = ev.summary.replace(/[(（]\s*[休班]\s*[)）]\s*$/, '').trim().slice(0, MAX_DAY_NAME_LENGTH);
  for (let day = ev.start; day < end; day++) {
    const entry: DayEntry = { date: formatIsoDate(day), type: makeup ? 'makeup_workday' : 'holiday' };
    if (name !== '') entry.name = name;
    into.set(day, entry); // a later event overwrites an earlier one
  }
}

export function parseCalendarIcs(text: string): DayEntry[] {
  const lines = unfold(text);
  if (lines[0]?.text.trim().toUpperCase() !== 'BEGIN:VCALENDAR') {
    throw new CalendarError('invalid_ics', 'not an iCalendar file: it must start with BEGIN:VCALENDAR', { line: lines[0]?.line ?? 1 });
  }
  const stack: { name: string; line: number }[] = [];
  const days = new Map<number, DayEntry>();
  let event: EventDraft | undefined;
  let events = 0;
  for (const l of lines) {
    const p = splitProperty(l);
    if (p.name === 'BEGIN') {
      const name = p.value.trim().toUpperCase();
      if (name === 'VEVENT' && stack.length === 1) event = { line: l.line, summary: '', categories: '' };
      stack.push({ name, line: l.line });
    } else if (p.name === 'END') {
      const name = p.value.trim().toUpperCase();
      const open = stack.pop();
      if (open?.name !== name) throw icsError(l.line, `END:${name} does not close ${open ? `BEGIN:${open.name}` : 'anything'}`);
      if (name === 'VEVENT' && event) {
        expand(event, days);
        events++;
        event = undefined;
      }
    } else if (event && stack.length === 2) {
      // Properties of nested components (VALARM) are skipped by the depth check.
      if (p.name === 'DTSTART') event.start = parseDate(p, l.line);
      else if (p.name === 'DTEND') event.end = parseDate(p, l.line);
      else if (p.name === 'SUMMARY') event.summary = unescapeText(p.value).trim();
      else if (p.name === 'CATEGORIES') event.categories = unescapeText(p.value);
      else if (p.name === 'DURATION') {
        const m = /^P(?:(\d+)W|(\d+)D)$/.exec(p.value.trim());
        if (!m) throw icsError(l.line, `DURATION "${p.value}" must be whole days or weeks (P3D, P1W)`);
        event.days = m[1] !== undefined ? Number(m[1]) * 7 : Number(m[2]);
      }
    }
  }
  const open = stack.pop();
  if (open) throw icsError(open.line, `BEGIN:${open.name} is never closed`);
  if (events === 0) throw new CalendarError('invalid_ics', 'the calendar contains no VEVENT');
  return [...days.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
