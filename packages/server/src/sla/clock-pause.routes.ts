import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { CLOCK_KINDS, hasPermission } from '@huiyin/domain';
import type { AppContext } from '../app-context.js';
import type { RequestContext } from '../auth/actor.js';
import { AppError } from '../errors/app-error.js';
import { requestContext } from '../http/authentication.js';
import { errorResponses, IdParams, Line } from '../http/schema-helpers.js';
import { expectedVersion } from '../http/version.js';
import { applyChange } from '../work-orders/change-work-order.js';
import { getWorkOrder } from '../work-orders/work-order-queries.js';
import { literalUnion, WorkOrderDetail } from '../work-orders/work-order.schemas.js';
import { pauseClocks, resumeClocks } from './sla-clock.service.js';

const PauseBody = Type.Object({
  version: Type.Optional(Type.Integer({ minimum: 1 })),
  clock: Type.Optional(literalUnion(CLOCK_KINDS, 'Only this clock; all running clocks when omitted')),
  reason: Line(500, { description: 'Why the clock stands still, e.g. waiting for the customer’s appointment or for parts' }),
}, { additionalProperties: false });
const ResumeBody = Type.Object({
  version: Type.Optional(Type.Integer({ minimum: 1 })),
  clock: Type.Optional(literalUnion(CLOCK_KINDS)),
}, { additionalProperties: false });

function requireClockControl(ctx: RequestContext) {
  if (!hasPermission(ctx.actor.role, 'work_order.handle') && !hasPermission(ctx.actor.role, 'work_order.dispatch')) {
    throw new AppError('forbidden', 'cannot pause or resume clocks');
  }
}

/** Pause and resume SLA clocks with a reason: each is an order change with a timeline event and an audit record. */
export const clockPauseRoutes = (app: AppContext): FastifyPluginAsyncTypebox => async (fastify) => {
  fastify.post('/work-orders/:id/clocks/pause', {
    schema: { tags: ['work-orders'], summary: 'Pause SLA clocks with a reason', params: IdParams, body: PauseBody, response: { 200: WorkOrderDetail, ...errorResponses } },
  }, async (request) => {
    const ctx = requestContext(request, app);
    requireClockControl(ctx);
    const clock = request.body.clock ?? null;
    await applyChange(app, ctx, request.params.id, expectedVersion(request, request.body.version), async () => ({
      changes: {},
      event: { type: 'clocks_paused', data: { clock, reason: request.body.reason.trim() }, customerVisible: false },
      audit: 'work_order.pause_clocks',
      after: async (db, updated) => {
        const paused = await pauseClocks(db, updated, clock, request.body.reason.trim(), { actorId: ctx.actor.userId, now: ctx.now.getTime() });
        if (paused === 0) throw new AppError('validation_failed', 'no running clock to pause', { field: 'clock' });
      },
    }));
    return getWorkOrder(app, ctx, request.params.id);
  });

  fastify.post('/work-orders/:id/clocks/resume', {
    schema: { tags: ['work-orders'], summary: 'Resume paused SLA clocks; their due times move by the paused time', params: IdParams, body: ResumeBody, response: { 200: WorkOrderDetail, ...errorResponses } },
  }, async (request) => {
    const ctx = requestContext(request, app);
    requireClockControl(ctx);
    const clock = request.body.clock ?? null;
    await applyChange(app, ctx, request.params.id, expectedVersion(request, request.body.version), async () => ({
      changes: {},
      event: { type: 'clocks_resumed', data: { clock }, customerVisible: false },
      audit: 'work_order.resume_clocks',
      after: async (db, updated) => {
        const resumed = await resumeClocks(db, updated, clock, { actorId: ctx.actor.userId, now: ctx.now.getTime() });
        if (resumed === 0) throw new AppError('validation_failed', 'no paused clock to resume', { field: 'clock' });
      },
    }));
    return getWorkOrder(app, ctx, request.params.id);
  });
};
