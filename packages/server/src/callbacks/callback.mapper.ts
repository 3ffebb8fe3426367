import type { CallbackRuleKey, Limit } from '@huiyin/domain';
import type { Actor } from '../auth/actor.js';
import { presentPhone } from '../work-orders/work-order.mapper.js';
import type { CallbackAttemptWithActor, CallbackQueueRow, CallbackRow } from './callback.repository.js';
import type { CALLBACK_STATUSES } from './callback.schemas.js';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** Done in time: the contact that completed it happened by the due time. Null while it is not done. */
export function doneWithinLimit(row: Pick<CallbackRow, 'status' | 'done_at' | 'due_at'>): boolean | null {
  if (row.status !== 'done' || row.done_at === null) return null;
  return row.due_at === null || row.done_at <= row.due_at;
}

/** One callback as written on the form: the decision, every contact and the final record. */
export function toCallbackView(row: CallbackRow, attempts: readonly CallbackAttemptWithActor[], maxAttempts: number) {
  return {
    id: row.id,
    workOrderId: row.work_order_id,
    outcome: row.outcome,
    reason: row.reason,
    rule: row.rule as CallbackRuleKey | null,
    status: row.status as (typeof CALLBACK_STATUSES)[number],
    methods: JSON.parse(row.methods_json) as string[],
    defaultMethod: row.default_method,
    limit: row.limit_json ? (JSON.parse(row.limit_json) as Limit) : null,
    resultAt: iso(row.result_at),
    dueAt: iso(row.due_at),
    sampleMonth: row.sample_month,
    sampleIndex: row.sample_index,
    attempts: row.attempts,
    maxAttempts,
    method: row.method,
    contact: row.contact,
    rating: row.rating,
    customerWords: row.customer_words,
    doneAt: iso(row.done_at),
    doneBy: row.done_by,
    withinLimit: doneWithinLimit(row),
    createdAt: iso(row.created_at) as string,
    version: row.version,
    attemptLog: attempts
      .filter((a) => a.callback_id === row.id)
      .map((a) => ({
        attempt: a.attempt,
        at: iso(a.at) as string,
        method: a.method,
        contact: a.contact,
        text: a.text,
        rating: a.rating,
        by: { id: a.made_by, name: a.display_name, employeeNo: a.employee_no },
      })),
  };
}

/** A line of the desk's queue: the callback and enough of its order to make the call. */
export function toQueueItem(actor: Actor, row: CallbackQueueRow, maxAttempts: number, now: number) {
  return {
    ...toCallbackView(row, [], maxAttempts),
    overdue: row.due_at !== null && row.due_at < now,
    workOrder: {
      id: row.work_order_id,
      number: row.number,
      kind: row.kind,
      status: row.order_status,
      siteId: row.site_id,
      customer: { name: row.customer_name, title: row.customer_title, phone: presentPhone(actor, row.contact_phone) },
      unit: row.unit,
      description: row.description,
      result: row.result,
      version: row.order_version,
    },
  };
}
