import type { WorkOrderStatus } from './work-order-types.js';

/**
 * The work-order state machine (issue #2 §3). Every status change goes through an
 * action; the action names what a person did, the table says where it may lead.
 *
 *   received ─dispatch→ dispatched ─start→ in_progress ─give_result→ result_given
 *   result_given ─request_callback→ awaiting_callback ─close→ closed
 *   result_given ─close→ closed        (customer accepted at once, no callback due)
 *   result_given | awaiting_callback | closed ─reopen→ in_progress   (not satisfied)
 *   any open status ─cancel→ cancelled (only with a reason)
 *
 * An agent who can answer at the desk may go received ─start→ in_progress or
 * received ─give_result→ result_given directly (an inquiry answered on the call).
 */
export const WORK_ORDER_ACTIONS = [
  'dispatch',
  'start',
  'give_result',
  'request_callback',
  'close',
  'reopen',
  'cancel',
] as const;
export type WorkOrderAction = (typeof WORK_ORDER_ACTIONS)[number];

const TRANSITIONS: Record<WorkOrderAction, { from: readonly WorkOrderStatus[]; to: WorkOrderStatus }> = {
  dispatch: { from: ['received', 'dispatched', 'in_progress'], to: 'dispatched' },
  start: { from: ['received', 'dispatched'], to: 'in_progress' },
  give_result: { from: ['received', 'dispatched', 'in_progress'], to: 'result_given' },
  request_callback: { from: ['result_given'], to: 'awaiting_callback' },
  close: { from: ['result_given', 'awaiting_callback'], to: 'closed' },
  reopen: { from: ['result_given', 'awaiting_callback', 'closed'], to: 'in_progress' },
  cancel: { from: ['received', 'dispatched', 'in_progress', 'result_given', 'awaiting_callback'], to: 'cancelled' },
};

/** Actions that must carry a written reason or text. */
export const ACTIONS_REQUIRING_TEXT: ReadonlySet<WorkOrderAction> = new Set(['give_result', 'reopen', 'cancel']);

export const OPEN_STATUSES: readonly WorkOrderStatus[] = [
  'received',
  'dispatched',
  'in_progress',
  'result_given',
  'awaiting_callback',
];

export function isOpenStatus(status: WorkOrderStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

export type TransitionOutcome =
  | { ok: true; to: WorkOrderStatus }
  | { ok: false; reason: 'illegal_transition' | 'text_required' };

/** Decide whether `action` may be applied to an order in `from`. Pure; no side effects. */
export function planTransition(from: WorkOrderStatus, action: WorkOrderAction, text?: string | null): TransitionOutcome {
  const rule = TRANSITIONS[action];
  if (!rule.from.includes(from)) return { ok: false, reason: 'illegal_transition' };
  if (ACTIONS_REQUIRING_TEXT.has(action) && !text?.trim()) return { ok: false, reason: 'text_required' };
  return { ok: true, to: rule.to };
}

/** The actions a user could take next from `status` (before role checks). */
export function availableActions(status: WorkOrderStatus): WorkOrderAction[] {
  return WORK_ORDER_ACTIONS.filter((action) => TRANSITIONS[action].from.includes(status));
}
