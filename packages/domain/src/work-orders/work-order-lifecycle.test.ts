import { describe, expect, it } from 'vitest';
import { availableActions, planTransition, type WorkOrderAction } from './work-order-lifecycle.js';
import type { WorkOrderStatus } from './work-order-types.js';

describe('work-order lifecycle', () => {
  const allowed: [WorkOrderStatus, WorkOrderAction, WorkOrderStatus][] = [
    ['received', 'dispatch', 'dispatched'],
    ['received', 'start', 'in_progress'],
    ['received', 'give_result', 'result_given'],
    ['dispatched', 'dispatch', 'dispatched'],
    ['dispatched', 'start', 'in_progress'],
    ['in_progress', 'give_result', 'result_given'],
    ['result_given', 'request_callback', 'awaiting_callback'],
    ['result_given', 'close', 'closed'],
    ['awaiting_callback', 'close', 'closed'],
    ['awaiting_callback', 'reopen', 'in_progress'],
    ['closed', 'reopen', 'in_progress'],
    ['in_progress', 'cancel', 'cancelled'],
  ];
  it.each(allowed)('%s --%s--> %s', (from, action, to) => {
    expect(planTransition(from, action, 'text')).toEqual({ ok: true, to });
  });

  const refused: [WorkOrderStatus, WorkOrderAction][] = [
    ['received', 'close'],
    ['received', 'request_callback'],
    ['in_progress', 'start'],
    ['closed', 'cancel'],
    ['closed', 'close'],
    ['cancelled', 'reopen'],
    ['cancelled', 'dispatch'],
    ['awaiting_callback', 'give_result'],
  ];
  it.each(refused)('%s --%s--> refused', (from, action) => {
    expect(planTransition(from, action, 'text')).toEqual({ ok: false, reason: 'illegal_transition' });
  });

  it('requires a reason to cancel, a result text and a reopen reason', () => {
    expect(planTransition('received', 'cancel', '  ')).toEqual({ ok: false, reason: 'text_required' });
    expect(planTransition('in_progress', 'give_result')).toEqual({ ok: false, reason: 'text_required' });
    expect(planTransition('closed', 'reopen', '')).toEqual({ ok: false, reason: 'text_required' });
  });

  it('a cancelled order is terminal and a closed one can only be reopened', () => {
    expect(availableActions('cancelled')).toEqual([]);
    expect(availableActions('closed')).toEqual(['reopen']);
  });
});
