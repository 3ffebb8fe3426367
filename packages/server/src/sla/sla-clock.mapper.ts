import type { Limit } from '@huiyin/domain';
import type { SlaClockRow } from './sla-clock.repository.js';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** A clock as the API shows it: enough for a countdown and its story. */
export function toClockView(row: SlaClockRow) {
  return {
    kind: row.kind,
    state: row.state,
    limit: JSON.parse(row.limit_json) as Limit,
    startedAt: iso(row.started_at) as string,
    dueAt: iso(row.due_at) as string,
    warnAt: iso(row.warn_at) as string,
    /** Computed from a year without official holiday data: may move when the data arrives. */
    provisional: row.provisional === 1,
    calendarVersion: row.calendar_version,
    pausedAt: iso(row.paused_at),
    pauseReason: row.pause_reason,
    warnedAt: iso(row.warned_at),
    breachedAt: iso(row.breached_at),
    metAt: iso(row.met_at),
  };
}
