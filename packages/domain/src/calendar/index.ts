/**
 * Statutory working-day calendar and working-time arithmetic. Pure: no I/O,
 * no clock; statutory data comes in as a CalendarLayer from an adapter
 * (server/src/calendar/statutory-data.ts feeds the chinese-days package).
 */
export { DAY_TYPES, type DayType, type DayEntry, type CalendarLayer, type DayInfo, type Deadline } from './types.js';
export { CALENDAR_ERROR_CODES, CalendarError, type CalendarErrorCode, type CalendarErrorDetail } from './errors.js';
export { Calendar, buildCalendar, MAX_LISTED_DAYS } from './calendar.js';
export { parseCalendarJson, validateDayEntry, MAX_DAY_NAME_LENGTH } from './import-json.js';
export { parseCalendarIcs, MAX_EVENT_DAYS } from './import-ics.js';
export {
  compileSiteHours,
  DEFAULT_TIME_ZONE,
  WEEKDAY_KEYS,
  type SiteHours,
  type CompiledSiteHours,
  type WeekdayKey,
} from './service-hours.js';
export { WorkClock, createWorkClock, type CalendarDaysOptions } from './work-clock.js';
