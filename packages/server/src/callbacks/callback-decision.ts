import {
  callbackIsDue,
  callbackRuleKeyFor,
  decideCallback,
  dueAfter,
  monthlySeed,
  needsSampleSlot,
  RATE_SCALE,
  rateToParts,
  SAMPLING_MODES,
  type CallbackDecision,
  type CallbackPolicySettings,
  type CallbackRuleKey,
  type CallbackSubject,
  type ComplaintNature,
  type ComplaintSeverity,
  type Limit,
  type ReplyMethod,
  type SamplingMode,
  type WorkOrderAction,
  type WorkOrderKind,
} from '@huiyin/domain';
import type { RequestContext } from '../auth/actor.js';
import { insertAudit } from '../audit/audit.repository.js';
import { siteClock } from '../calendar/site-clock.js';
import type { Db } from '../db/types.js';
import { findSite } from '../organisations/organisation.repository.js';
import type { WorkOrderRow } from '../work-orders/work-order.repository.js';
import { callbackSettingsOf, organisationSeed } from './callback-settings.js';
import { findPendingCallback, insertCallback, nextSampleIndex, updateCallback, type CallbackRow } from './callback.repository.js';

/**
 * What a step of the order's life does to its callbacks, inside the step's
 * transaction (called from work-order-hooks.ts):
 * - give_result decides the callback (required, sampled in or out, waived, none);
 * - request_callback books one when none is pending (the desk asks for a callback
 *   the policy does not require);
 * - reopen and cancel withdraw a pending callback: a new result owes a new one;
 * - close with a callback still pending closes it as "closed without a record",
 *   which the monthly figures count as missed.
 * The order's status is left to the people: a due callback does not move the
 * order to awaiting_callback by itself, because request_callback stays the
 * desk's own step in the lifecycle (clients and the demo loader take it after
 * give_result). The pending callback is in the desk's queue either way.
 */

/** What the SLA callback clock needs: the pending callback's limit (from its decision), or null when none is pending. */
export interface CallbackClockNeed {
  callback: Limit | null;
}

export async function callbacksAfterTransition(db: Db, ctx: RequestContext, action: WorkOrderAction, order: WorkOrderRow): Promise<CallbackClockNeed> {
  if (action === 'give_result') await decideForResult(db, ctx, order);
  if (action === 'request_callback') await bookRequested(db, ctx, order);
  if (action === 'reopen' || action === 'cancel') await settlePending(db, ctx, order, 'withdrawn', action);
  if (action === 'close') await settlePending(db, ctx, order, 'closed_unrecorded', action);
  return clockNeedOf(db, order.id);
}

export async function clockNeedOf(db: Db, workOrderId: number): Promise<CallbackClockNeed> {
  const pending = await findPendingCallback(db, workOrderId);
  return { callback: pending?.limit_json ? (JSON.parse(pending.limit_json) as Limit) : null };
}

const STATUS_OF: Record<Exclude<CallbackDecision['outcome'], 'none'>, string> = {
  required: 'pending',
  sampled_in: 'pending',
  sampled_out: 'not_sampled',
  waived: 'waived',
};

function subjectOf(order: WorkOrderRow): CallbackSubject {
  return {
    kind: order.kind as WorkOrderKind,
    nature: order.nature as ComplaintNature | null,
    severity: order.severity as ComplaintSeverity | null,
    agreedReplyMethod: order.agreed_reply_method as ReplyMethod | null,
    customerRefused: order.callback_refused === 1,
    anonymous: order.customer_anonymous === 1,
  };
}

/** The site's calendar clock and the result's local month (the month it is reported and sampled in). */
async function resultContext(db: Db, order: WorkOrderRow, now: number) {
  const site = await findSite(db, order.org_id, order.site_id);
  if (!site) return null;
  const { clock } = await siteClock(db, site);
  const resultAt = order.result_at ?? now;
  return { clock, resultAt, month: clock.localDate(new Date(resultAt)).slice(0, 7) };
}

/** The month's stored rate and mode replace the current settings for this one decision. */
function withFrame(policy: CallbackPolicySettings, key: CallbackRuleKey, ratePpm: number, mode: string): CallbackPolicySettings {
  const samplingMode = (SAMPLING_MODES as readonly string[]).includes(mode) ? (mode as SamplingMode) : policy.samplingMode;
  const rule = { ...policy.rules[key], requirement: { mode: 'sampled' as const, rate: ratePpm / RATE_SCALE } };
  return { samplingMode, rules: { ...policy.rules, [key]: rule } };
}

async function decideForResult(db: Db, ctx: RequestContext, order: WorkOrderRow): Promise<void> {
  const now = ctx.now.getTime();
  const context = await resultContext(db, order, now);
  if (!context) return;
  const { policy } = await callbackSettingsOf(db, order.org_id);
  const subject = subjectOf(order);
  let applied = policy;
  let slot: { seed: string; indexInMonth: number } | null = null;
  let frame: string | null = null;
  if (needsSampleSlot(subject, policy)) {
    const key = callbackRuleKeyFor(subject);
    const requirement = policy.rules[key].requirement;
    const rate = requirement.mode === 'sampled' ? requirement.rate : 1;
    // Assistance complaints are the seed's sampled frame; any other rule an organisation samples gets its own.
    frame = key === 'complaint_assistance' ? context.month : `${context.month}/${key}`;
    const orgSeed = await organisationSeed(db, order.org_id);
    const stored = await nextSampleIndex(db, order.org_id, frame, {
      seed: monthlySeed(key === 'complaint_assistance' ? orgSeed : `${orgSeed}/${key}`, context.month),
      ratePpm: rateToParts(rate),
      mode: policy.samplingMode,
    });
    applied = withFrame(policy, key, stored.ratePpm, stored.mode);
    slot = { seed: stored.seed, indexInMonth: stored.index };
  }
  const decision = decideCallback(subject, applied, slot);
  if (decision.outcome === 'none') return;
  const dueAt = callbackIsDue(decision) ? dueAfter(context.clock, new Date(context.resultAt), decision.limit).due.getTime() : null;
  const row = await insertCallback(db, {
    org_id: order.org_id, work_order_id: order.id, outcome: decision.outcome, status: STATUS_OF[decision.outcome],
    methods_json: JSON.stringify(decision.methods), default_method: decision.defaultMethod, rule: decision.rule, reason: decision.reason,
    limit_json: JSON.stringify(decision.limit), result_at: context.resultAt, result_month: context.month, due_at: dueAt,
    sample_month: frame, sample_index: slot?.indexInMonth ?? null, attempts: 0, method: null, rating: null, customer_words: null,
    contact: null, done_at: null, done_by: null, created_at: now, updated_at: now, version: 1,
  });
  await audit(db, ctx, 'callback.decide', row, undefined, { ...summary(row), rate: decision.rate });
}

async function bookRequested(db: Db, ctx: RequestContext, order: WorkOrderRow): Promise<void> {
  if (await findPendingCallback(db, order.id)) return;
  const now = ctx.now.getTime();
  const context = await resultContext(db, order, now);
  if (!context) return;
  const { policy } = await callbackSettingsOf(db, order.org_id);
  // The desk's request overrides the policy and an earlier waiver; the rule still gives the limit and methods.
  const subject = { ...subjectOf(order), customerRefused: false, anonymous: false };
  const key = callbackRuleKeyFor(subject);
  const forced: CallbackPolicySettings = { ...policy, rules: { ...policy.rules, [key]: { ...policy.rules[key], requirement: { mode: 'required' } } } };
  const decision = decideCallback(subject, forced);
  const row = await insertCallback(db, {
    org_id: order.org_id, work_order_id: order.id, outcome: 'requested', status: 'pending',
    methods_json: JSON.stringify(decision.methods), default_method: decision.defaultMethod, rule: decision.rule, reason: 'requested_by_desk',
    limit_json: JSON.stringify(decision.limit), result_at: context.resultAt, result_month: context.month,
    due_at: dueAfter(context.clock, new Date(context.resultAt), decision.limit).due.getTime(),
    sample_month: null, sample_index: null, attempts: 0, method: null, rating: null, customer_words: null,
    contact: null, done_at: null, done_by: null, created_at: now, updated_at: now, version: 1,
  });
  await audit(db, ctx, 'callback.request', row, undefined, summary(row));
}

async function settlePending(db: Db, ctx: RequestContext, order: WorkOrderRow, status: 'withdrawn' | 'closed_unrecorded', action: string): Promise<void> {
  const pending = await findPendingCallback(db, order.id);
  if (!pending) return;
  const updated = await updateCallback(db, order.org_id, pending.id, pending.version, { status, reason: `order_${action}`, updated_at: ctx.now.getTime() });
  if (updated) await audit(db, ctx, `callback.${status}`, updated, { status: pending.status }, { status, reason: updated.reason });
}

function summary(row: CallbackRow) {
  return {
    workOrderId: row.work_order_id, outcome: row.outcome, status: row.status, reason: row.reason, rule: row.rule,
    dueAt: row.due_at === null ? null : new Date(row.due_at).toISOString(), methods: JSON.parse(row.methods_json) as string[],
    defaultMethod: row.default_method, sampleMonth: row.sample_month, sampleIndex: row.sample_index,
  };
}

export async function audit(db: Db, ctx: RequestContext, action: string, row: CallbackRow, before: unknown, after: unknown): Promise<void> {
  await insertAudit(db, {
    orgId: row.org_id, actorId: ctx.actor.userId, action, entityType: 'callback', entityId: row.id, before, after, at: ctx.now, requestId: ctx.requestId,
  });
}
