import type { Deadline } from '../calendar/types.js';
import type { Limit } from './sla-settings.js';

/** The working-time arithmetic a clock needs (a site's WorkClock provides it). */
export interface DeadlineCalculator {
  addWorkingMinutes(start: Date, minutes: number): Deadline;
  addWorkingDays(start: Date, n: number): Deadline;
  addCalendarDays(start: Date, n: number): Deadline;
  addMonths(start: Date, n: number): Deadline;
}

export function dueAfter(calculator: DeadlineCalculator, start: Date, limit: Limit): Deadline {
  switch (limit.unit) {
    case 'minutes':
      return calculator.addWorkingMinutes(start, limit.amount);
    case 'hours':
      return calculator.addWorkingMinutes(start, limit.amount * 60);
    case 'working_days':
      return calculator.addWorkingDays(start, limit.amount);
    case 'days':
      return calculator.addCalendarDays(start, limit.amount);
    case 'months':
      return calculator.addMonths(start, limit.amount);
  }
}

export type ClockState = 'running' | 'paused' | 'warned' | 'met' | 'breached';

export interface ClockTimes {
  startedAt: number;
  /** Total time spent paused so far (ms), excluding a pause still open. */
  pausedMs: number;
  pausedAt: number | null;
}

export interface ClockSchedule {
  dueAt: number;
  warnAt: number;
  provisional: boolean;
}

/**
 * While paused a clock stands still: its due time is computed from the start
 * moved forward by the time spent paused. One formula for every recomputation
 * (resume, reclassification, new calendar data) keeps them consistent.
 */
export function scheduleClock(calculator: DeadlineCalculator, times: ClockTimes, limit: Limit, warningRatio: number): ClockSchedule {
  const effectiveStart = new Date(times.startedAt + times.pausedMs);
  const { due, provisional } = dueAfter(calculator, effectiveStart, limit);
  const dueAt = due.getTime();
  // The warning falls at the given share of the elapsed wall time between start and due.
  const warnAt = effectiveStart.getTime() + Math.floor((dueAt - effectiveStart.getTime()) * warningRatio);
  return { dueAt, warnAt, provisional };
}

export function pauseClock(times: ClockTimes, at: number): ClockTimes {
  if (times.pausedAt !== null) return times;
  return { ...times, pausedAt: at };
}

export function resumeClock(times: ClockTimes, at: number): ClockTimes {
  if (times.pausedAt === null) return times;
  return { ...times, pausedMs: times.pausedMs + Math.max(0, at - times.pausedAt), pausedAt: null };
}

/** What the sweeper should fire for a clock at `now`: the warning and/or the breach, each once. */
export function dueSignals(
  clock: { state: ClockState; warnAt: number; dueAt: number; warnedAt: number | null; breachedAt: number | null },
  now: number,
): { warn: boolean; breach: boolean } {
  if (clock.state !== 'running' && clock.state !== 'warned') return { warn: false, breach: false };
  return {
    warn: clock.warnedAt === null && clock.breachedAt === null && now >= clock.warnAt && now < clock.dueAt,
    breach: clock.breachedAt === null && now >= clock.dueAt,
  };
}
