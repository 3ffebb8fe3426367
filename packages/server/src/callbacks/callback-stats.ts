import { CALLBACK_RATINGS, hasPermission, isCallbackRating, rateToParts, RATE_SCALE, recordOutcome, requiredSampleCount, type CallbackRating } from '@huiyin/domain';
import type { AppContext } from '../app-context.js';
import type { RequestContext } from '../auth/actor.js';
import { AppError } from '../errors/app-error.js';
import { readScopeOf } from '../work-orders/work-order.policy.js';
import { callbackSettingsOf } from './callback-settings.js';
import { doneWithinLimit } from './callback.mapper.js';
import { findSampleCounter, listMonthCallbacks } from './callback.repository.js';
import type { StatsQuery } from './callback.schemas.js';

type MonthRow = Awaited<ReturnType<typeof listMonthCallbacks>>[number];

const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);
const count = (rows: readonly MonthRow[], test: (row: MonthRow) => boolean) => rows.filter(test).length;

/**
 * The month's callback figures for the monthly complaint report (S1 §4.6.4:
 * 回访情况及结果): the callback rate of required callbacks, the assistance sample
 * against its ≥ 30 % floor, and the satisfaction distribution. A month is the
 * local month the result was given in. Unreachable and waived callbacks are
 * reported as such and kept out of the rate's denominator: they are not missed.
 */
export async function callbackStats(app: AppContext, ctx: RequestContext, query: StatsQuery) {
  const { actor } = ctx;
  if (!hasPermission(actor.role, 'work_order.read_site')) throw new AppError('forbidden', `role ${actor.role} cannot read callback statistics`);
  const now = ctx.now.getTime();
  const [rows, settings, counter] = await Promise.all([
    listMonthCallbacks(app.db, readScopeOf(actor), query.month, query.siteId),
    callbackSettingsOf(app.db, actor.orgId),
    findSampleCounter(app.db, actor.orgId, query.month),
  ]);

  const required = rows.filter((r) => r.outcome === 'required' && r.status !== 'withdrawn');
  const requiredDoneInTime = count(required, (r) => doneWithinLimit(r) === true);
  const unreachable = count(required, (r) => r.status === 'unreachable');
  const waived = count(required, (r) => r.status === 'waived');

  const frame = rows.filter((r) => r.sample_month === query.month);
  const sampled = frame.filter((r) => r.outcome === 'sampled_in');
  const assistanceRule = settings.policy.rules.complaint_assistance.requirement;
  const rate = counter?.rate_ppm != null ? counter.rate_ppm / RATE_SCALE : assistanceRule.mode === 'sampled' ? assistanceRule.rate : 0;

  const rated = rows.filter((r) => r.status === 'done' && isCallbackRating(r.rating));
  const distribution = Object.fromEntries(CALLBACK_RATINGS.map((rating) => [rating, count(rated, (r) => r.rating === rating)])) as Record<CallbackRating, number>;
  const outcomes = rated.map((r) => recordOutcome(r.rating as CallbackRating, settings.record));
  const satisfied = outcomes.filter((o) => o.satisfied).length;
  const requested = rows.filter((r) => r.outcome === 'requested' && r.status !== 'withdrawn');

  return {
    month: query.month,
    required: {
      total: required.length,
      done: count(required, (r) => r.status === 'done'),
      doneWithinLimit: requiredDoneInTime,
      unreachable,
      waived,
      pending: count(required, (r) => r.status === 'pending' && (r.due_at === null || r.due_at >= now)),
      overdue: count(required, (r) => r.status === 'pending' && r.due_at !== null && r.due_at < now),
      closedUnrecorded: count(required, (r) => r.status === 'closed_unrecorded'),
      rate: share(requiredDoneInTime, required.length - unreachable - waived),
    },
    waivedAtResult: {
      customerRefused: count(rows, (r) => r.outcome === 'waived' && r.reason === 'customer_refused'),
      anonymous: count(rows, (r) => r.outcome === 'waived' && r.reason === 'anonymous'),
    },
    sampling: {
      rate: rateToParts(rate) / RATE_SCALE,
      mode: counter?.mode ?? settings.policy.samplingMode,
      // The seed makes the picks predictable: only auditors see it.
      seed: hasPermission(actor.role, 'audit.read') ? (counter?.seed ?? null) : null,
      frameSize: counter?.last_index ?? 0,
      total: frame.length,
      sampled: sampled.length,
      requiredAtLeast: requiredSampleCount(frame.length, rate),
      achievedRate: share(sampled.length, frame.length),
      done: count(sampled, (r) => r.status === 'done'),
      doneWithinLimit: count(sampled, (r) => doneWithinLimit(r) === true),
    },
    requested: { total: requested.length, done: count(requested, (r) => r.status === 'done') },
    satisfaction: {
      distribution,
      rated: rated.length,
      satisfied,
      satisfiedRate: share(satisfied, rated.length),
      reopened: outcomes.filter((o) => o.reopen).length,
    },
  };
}
