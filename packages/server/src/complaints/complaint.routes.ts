import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../app-context.js';
import { requestContext } from '../http/authentication.js';
import { errorResponses, Id, IdParams, Nullable } from '../http/schema-helpers.js';
import { expectedVersion } from '../http/version.js';
import { getWorkOrder } from '../work-orders/work-order-queries.js';
import { WorkOrderDetail } from '../work-orders/work-order.schemas.js';
import { classifyWorkOrder } from './classification.service.js';
import { listCollectiveGroupsFor } from './collective-groups.service.js';
import { recordHandling } from './complaint-handling.service.js';
import {
  AgencyBody, AgencyPatchBody, AgencyView, ClassificationBody, CollectiveGroupView, ConfirmationBody, ConfirmationView, HandlingBody, RoutingBody, RoutingView,
} from './complaint.schemas.js';
import { confirmCompletion, getConfirmation } from './confirmation.service.js';
import { createAgency, getRouting, listAgenciesFor, putRouting, removeAgency, updateAgency } from './directory.service.js';

const tags = ['complaints'];
const changeResponses = { 200: WorkOrderDetail, 428: errorResponses[409], ...errorResponses };

/** Complaint handling (issue #3 items 4–6): classification, handling by nature, confirmation, routing, agencies. */
export const complaintRoutes = (app: AppContext): FastifyPluginAsyncTypebox => async (fastify) => {
  fastify.post('/work-orders/:id/classification', {
    schema: {
      tags, params: IdParams, body: ClassificationBody, response: changeResponses,
      summary: 'Classify a complaint (定性): decide the nature, book an on-site determination, add or withdraw a major reason, confirm or dismiss a suggested upgrade',
    },
  }, async (request) => {
    const ctx = requestContext(request, app);
    await classifyWorkOrder(app, ctx, request.params.id, { ...request.body, version: expectedVersion(request, request.body.version) });
    return getWorkOrder(app, ctx, request.params.id);
  });

  fastify.post('/work-orders/:id/handling', {
    schema: {
      tags, params: IdParams, body: HandlingBody, response: changeResponses,
      summary: 'Record what the customer was told: the explanation (non-responsible) or the agency numbers given (assistance)',
    },
  }, async (request) => {
    const ctx = requestContext(request, app);
    await recordHandling(app, ctx, request.params.id, { ...request.body, version: expectedVersion(request, request.body.version) });
    return getWorkOrder(app, ctx, request.params.id);
  });

  fastify.post('/work-orders/:id/confirmation', {
    // A 200 KB PNG is ~273 KB as base64, above the default body limit.
    bodyLimit: 400 * 1024,
    schema: {
      tags, params: IdParams, body: ConfirmationBody, response: changeResponses,
      summary: 'The customer confirms completion: typed text or a signature (PNG data URL ≤ 200 KB); customers may confirm their own orders. A rating at or below the organisation’s reopen threshold (default 不满意; the order’s reopenAtOrWorse) reopens the order instead',
    },
  }, async (request) => {
    const ctx = requestContext(request, app);
    await confirmCompletion(app, ctx, request.params.id, { ...request.body, version: expectedVersion(request, request.body.version) });
    return getWorkOrder(app, ctx, request.params.id);
  });

  fastify.get('/work-orders/:id/confirmation', {
    schema: { tags, params: IdParams, summary: 'The latest confirmation with its signature image', response: { 200: ConfirmationView, ...errorResponses } },
  }, async (request) => getConfirmation(app, requestContext(request, app), request.params.id));

  fastify.get('/collective-groups', {
    schema: {
      tags, summary: 'Collective complaints (集体投诉) with their members, newest first',
      querystring: Type.Object({
        siteId: Type.Optional(Id), beforeId: Type.Optional(Id), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
      }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(CollectiveGroupView), nextBeforeId: Nullable(Type.Integer()) }), ...errorResponses },
    },
  }, async (request) => listCollectiveGroupsFor(app, requestContext(request, app), request.query));

  fastify.get('/routing', {
    schema: { tags, summary: 'Category → responsible department', response: { 200: RoutingView, ...errorResponses } },
  }, async (request) => getRouting(app, requestContext(request, app)));

  fastify.put('/routing', {
    schema: { tags, summary: 'Replace the category → department table (admin)', body: RoutingBody, response: { 200: RoutingView, ...errorResponses } },
  }, async (request) => putRouting(app, requestContext(request, app), request.body.items));

  fastify.get('/agencies', {
    schema: {
      tags, summary: 'External agency directory (water, power, heating, gas, cable TV, telephone)',
      querystring: Type.Object({ siteId: Type.Optional(Id) }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(AgencyView) }), ...errorResponses },
    },
  }, async (request) => ({ items: await listAgenciesFor(app, requestContext(request, app), request.query.siteId) }));

  fastify.post('/agencies', {
    schema: { tags, summary: 'Add a directory entry (admin, supervisor)', body: AgencyBody, response: { 201: AgencyView, ...errorResponses } },
  }, async (request, reply) => reply.status(201).send(await createAgency(app, requestContext(request, app), request.body)));

  fastify.patch('/agencies/:id', {
    schema: { tags, summary: 'Correct a directory entry (admin, supervisor)', params: IdParams, body: AgencyPatchBody, response: { 200: AgencyView, ...errorResponses } },
  }, async (request) => updateAgency(app, requestContext(request, app), request.params.id, request.body));

  fastify.delete('/agencies/:id', {
    schema: { tags, summary: 'Remove a directory entry (admin, supervisor)', params: IdParams, response: { 204: Type.Null(), ...errorResponses } },
  }, async (request, reply) => {
    await removeAgency(app, requestContext(request, app), request.params.id);
    return reply.status(204).send(null);
  });
};
