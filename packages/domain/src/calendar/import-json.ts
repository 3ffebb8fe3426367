import { DAY_TYPES, type DayEntry, type DayType } from './types.js';
import { CalendarError } from './errors.js';
import { parseIsoDate } from './civil.js';

/** Names are labels on a calendar screen, not essays. */
export const MAX_DAY_NAME_LENGTH = 100;

function entryError(index: number, message: string, field?: string, value?: unknown): CalendarError {
  const detail = field === undefined ? { index } : { index, field, value: String(value) };
  return new CalendarError('invalid_entry', `entry ${index + 1}: ${message}`, detail);
}

/** Check one {date, type, name} object; `index` is only for the error text. */
export function validateDayEntry(raw: unknown, index: number): DayEntry {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw entryError(index, 'expected an object {date, type, name}');
  }
  const { date, type, name } = raw as Record<string, unknown>;
  if (typeof date !== 'string') throw entryError(index, 'date is missing or not a string', 'date', date);
  try {
    parseIsoDate(date);
  } catch {
    throw entryError(index, `"${date}" is not a date as YYYY-MM-DD`, 'date', date);
  }
  if (typeof type !== 'string' || !DAY_TYPES.includes(type as DayType)) {
    throw entryError(index, `type must be one of ${DAY_TYPES.join(', ')}`, 'type', type);
  }
  if (name !== undefined && name !== null && typeof name !== 'string') {
    throw entryError(index, 'name must be a string', 'name', name);
  }
  const trimmed = typeof name === 'string' ? name.trim() : '';
  if (trimmed.length > MAX_DAY_NAME_LENGTH) {
    throw entryError(index, `name is longer than ${MAX_DAY_NAME_LENGTH} characters`, 'name', trimmed.slice(0, 20));
  }
  const entry: DayEntry = { date, type: type as DayType };
  if (trimmed !== '') entry.name = trimmed;
  return entry;
}

/**
 * Import calendar days from JSON: an array of {date, type, name}. Accepts the
 * text or an already-parsed value (an HTTP body). The same date twice with a
 * different meaning is an error — each row names one date, so a conflict is a
 * typing mistake, not a layering rule.
 */
export function parseCalendarJson(input: string | unknown): DayEntry[] {
  let value: unknown = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (e) {
      throw new CalendarError('invalid_json', `not valid JSON (${e instanceof Error ? e.message : String(e)})`);
    }
  }
  if (!Array.isArray(value)) throw new CalendarError('invalid_json', 'expected a JSON array of {date, type, name}');
  const seen = new Map<string, DayEntry>();
  return value.map((raw, index) => {
    const entry = validateDayEntry(raw, index);
    const before = seen.get(entry.date);
    if (before && (before.type !== entry.type || before.name !== entry.name)) {
      throw new CalendarError('duplicate_date', `entry ${index + 1}: ${entry.date} appears twice with different data`, {
        index,
        field: 'date',
        value: entry.date,
      });
    }
    seen.set(entry.date, entry);
    return entry;
  });
}
