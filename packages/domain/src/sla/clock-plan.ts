import type { ClockKind, Limit, SlaSettings } from './sla-settings.js';

/** What the SLA rules need to know about a work order. */
export interface ClockSubject {
  kind: string;
  channel: string;
  status: string;
  nature: string | null; // responsible | non_responsible | assistance | undetermined
  severity: string | null; // general | major
  dispatched: boolean;
  resultGiven: boolean;
  /**
   * The limit of the callback owed, as the callback decision gave it from the
   * callback policy's rule; null when no callback is pending. The SLA settings
   * hold no callback limit: the policy is the deadline's one source.
   */
  callback: Limit | null;
}

export interface PlannedClock {
  kind: ClockKind;
  limit: Limit;
  /** Which instant the clock runs from. */
  from: 'received' | 'dispatched' | 'result';
}

/**
 * The clocks a work order runs, given its kind, classification and progress.
 * A complaint is handled as responsible and general until someone classifies it
 * otherwise (issue #3); a reclassification re-plans and the caller recomputes.
 */
export function planClocks(order: ClockSubject, settings: SlaSettings): PlannedClock[] {
  const clocks: PlannedClock[] = [];
  const nature = order.nature ?? 'responsible';
  const severity = order.severity ?? 'general';
  if (settings.dispatchClockKinds.includes(order.kind)) {
    clocks.push({ kind: 'dispatch', limit: settings.dispatch, from: 'received' });
    if (order.dispatched) clocks.push({ kind: 'department_reaction', limit: settings.departmentReaction, from: 'dispatched' });
  }
  if (order.kind === 'complaint') {
    clocks.push({ kind: 'result', limit: severity === 'major' ? settings.resultMajor : settings.resultGeneral, from: 'received' });
    // Undetermined complaints are handled as responsible until decided, so the month runs for them too.
    if ((nature === 'responsible' || nature === 'undetermined') && severity !== 'major') clocks.push({ kind: 'auto_upgrade', limit: settings.autoUpgrade, from: 'received' });
  }
  if (order.kind === 'inquiry') clocks.push({ kind: 'inquiry_reply', limit: settings.inquiryReply, from: 'received' });
  if (order.channel === 'transfer') clocks.push({ kind: 'transfer_handling', limit: settings.transferHandling, from: 'received' });
  if (order.callback) clocks.push({ kind: 'callback', limit: order.callback, from: 'result' });
  return clocks;
}

/**
 * The step of the order's life that stops each clock. `auto_upgrade` stops when
 * a result is given (the complaint is no longer unresolved).
 */
export const CLOCK_MET_BY: Record<ClockKind, readonly string[]> = {
  dispatch: ['dispatch', 'start', 'give_result'],
  department_reaction: ['start', 'give_result'],
  result: ['give_result'],
  inquiry_reply: ['give_result'],
  transfer_handling: ['give_result'],
  callback: ['callback_recorded', 'close'],
  auto_upgrade: ['give_result'],
};
