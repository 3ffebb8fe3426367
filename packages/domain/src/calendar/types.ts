/**
 * Shared vocabulary of the statutory calendar (法定节假日与调休).
 *
 * - workday: an ordinary Monday–Friday.
 * - weekend: an ordinary Saturday/Sunday rest day.
 * - holiday: a statutory (or organisation-declared) rest day, with its name (国庆节, 春节, 闭馆日 …).
 * - makeup_workday: a weekend day that is worked to pay for a holiday bridge (调休上班).
 */
export const DAY_TYPES = ['workday', 'weekend', 'holiday', 'makeup_workday'] as const;
export type DayType = (typeof DAY_TYPES)[number];

/** One date's entry in calendar data (statutory, imported or an override). */
export interface DayEntry {
  /** Civil date, YYYY-MM-DD. */
  date: string;
  type: DayType;
  name?: string;
}

/**
 * A layer of calendar data. `years` lists the years this layer covers with
 * official data (the statutory package, or a State Council notice an organisation
 * entered before the package was updated). Layers are applied in order and a
 * later layer wins for the same date: statutory → organisation → site.
 */
export interface CalendarLayer {
  years?: readonly number[];
  days: readonly DayEntry[];
}

export interface DayInfo {
  date: string;
  type: DayType;
  name?: string;
  /** workday or makeup_workday. */
  working: boolean;
  /** The year has no official data: the type is a weekends-only guess (plus overrides). */
  provisional: boolean;
}

/** Result of every deadline computation. */
export interface Deadline {
  /** The due instant (a UTC Date; show it in the site's time zone). */
  due: Date;
  /** The result depends on days of a year without official data and may move once it arrives. */
  provisional: boolean;
}
