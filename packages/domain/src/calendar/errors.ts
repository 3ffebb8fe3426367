/**
 * The one error type of the calendar module. Callers branch on `code` (an API
 * maps it to a 400/422 with the message); `detail` pinpoints bad input so an
 * import screen can say "row 3" or "line 17" instead of just "invalid".
 */
export const CALENDAR_ERROR_CODES = [
  'invalid_date',
  'invalid_json',
  'invalid_entry',
  'duplicate_date',
  'invalid_ics',
  'invalid_time_zone',
  'invalid_hours',
  'invalid_amount',
  'invalid_range',
  'no_working_time',
] as const;
export type CalendarErrorCode = (typeof CALENDAR_ERROR_CODES)[number];

export interface CalendarErrorDetail {
  /** Position in a JSON array (0-based). */
  index?: number;
  /** Line in an ICS file (1-based, before unfolding continuation lines). */
  line?: number;
  field?: string;
  value?: string;
}

export class CalendarError extends Error {
  constructor(
    readonly code: CalendarErrorCode,
    message: string,
    readonly detail: CalendarErrorDetail = {},
  ) {
    super(`${code}: ${message}`);
    this.name = 'CalendarError';
  }
}
