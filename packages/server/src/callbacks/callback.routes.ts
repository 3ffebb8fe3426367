import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../app-context.js';
import { requestContext } from '../http/authentication.js';
import { errorResponses, IdParams } from '../http/schema-helpers.js';
import { expectedVersion } from '../http/version.js';
import { getWorkOrder } from '../work-orders/work-order-queries.js';
import { WorkOrderDetail } from '../work-orders/work-order.schemas.js';
import { answerCallback, customerCallbacks } from './callback-answer.service.js';
import { setCallbackPreference } from './callback-preference.service.js';
import { callbackQueue } from './callback-queries.js';
import { recordCallbackAttempt } from './callback-record.service.js';
import { callbackStats } from './callback-stats.js';
import { AnswerBody, AttemptBody, AttemptParams, CallbackQueue, CallbackStats, CustomerCallback, PreferenceBody, QueueQuery, StatsQuery } from './callback.schemas.js';

const tags = ['callbacks'];

export const callbackRoutes = (app: AppContext): FastifyPluginAsyncTypebox => async (fastify) => {
  fastify.get('/callbacks', {
    schema: { tags, summary: 'Callbacks to do (回访任务), earliest due first; scoped like work orders', querystring: QueueQuery, response: { 200: CallbackQueue, ...errorResponses } },
  }, async (request) => callbackQueue(app, requestContext(request, app), request.query));

  fastify.get('/callbacks/stats', {
    schema: { tags, summary: 'The month’s callback figures: callback rate, assistance sample, satisfaction', querystring: StatsQuery, response: { 200: CallbackStats, ...errorResponses } },
  }, async (request) => callbackStats(app, requestContext(request, app), request.query));

  fastify.post('/work-orders/:id/callbacks/:callbackId/attempts', {
    schema: {
      tags,
      summary: 'Record a callback contact: answered with the customer’s words and rating, not reached, or refused. A rating at or below the organisation’s reopen threshold (default 不满意) reopens the order; any other completed callback closes it',
      params: AttemptParams,
      body: AttemptBody,
      response: { 200: WorkOrderDetail, 428: errorResponses[409], ...errorResponses },
    },
  }, async (request) => {
    const ctx = requestContext(request, app);
    const { id, callbackId } = request.params;
    await recordCallbackAttempt(app, ctx, id, callbackId, { ...request.body, version: expectedVersion(request, request.body.version) });
    return getWorkOrder(app, ctx, id);
  });

  fastify.get('/portal/callbacks', {
    schema: {
      tags: ['portal', ...tags],
      summary: 'The customer’s callbacks: those waiting for their answer, and those they answered online; each with the rating at or below which the answer sends the order back',
      response: { 200: Type.Object({ items: Type.Array(CustomerCallback) }), ...errorResponses },
    },
  }, async (request) => customerCallbacks(app, requestContext(request, app)));

  fastify.post('/work-orders/:id/callbacks/:callbackId/answer', {
    schema: {
      tags: ['portal', ...tags],
      summary: 'The customer answers the callback online: their words and the 5-level rating. Same effects as a callback recorded by the desk: a rating at or below the organisation’s reopen threshold (default 不满意) reopens the order, a better rating closes it',
      params: AttemptParams,
      body: AnswerBody,
      response: { 200: WorkOrderDetail, 428: errorResponses[409], ...errorResponses },
    },
  }, async (request) => {
    const ctx = requestContext(request, app);
    const { id, callbackId } = request.params;
    await answerCallback(app, ctx, id, callbackId, { ...request.body, version: expectedVersion(request, request.body.version) });
    return getWorkOrder(app, ctx, id);
  });

  fastify.post('/work-orders/:id/callback-preference', {
    schema: {
      tags,
      summary: 'Record that the customer refuses callbacks or stays anonymous (S1 4.6.3.1(14)); a pending callback becomes waived',
      params: IdParams,
      body: PreferenceBody,
      response: { 200: WorkOrderDetail, 428: errorResponses[409], ...errorResponses },
    },
  }, async (request) => {
    const ctx = requestContext(request, app);
    await setCallbackPreference(app, ctx, request.params.id, { ...request.body, version: expectedVersion(request, request.body.version) });
    return getWorkOrder(app, ctx, request.params.id);
  });
};
