import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../app-context.js';
import { requestContext } from '../http/authentication.js';
import { errorResponses, IdParams } from '../http/schema-helpers.js';
import { expectedVersion } from '../http/version.js';
import { AppError } from '../errors/app-error.js';
import { addNote, transferWorkOrder, transitionWorkOrder, updateWorkOrderFields } from './change-work-order.js';
import { createWorkOrder } from './create-work-order.js';
import { getWorkOrder, listWorkOrdersFor } from './work-order-queries.js';
import {
  CreatedWorkOrder, CreateWorkOrderBody, ListQuery, NoteBody, TransferBody, TransitionBody, UpdateBody, WorkOrderDetail, WorkOrderList,
} from './work-order.schemas.js';

const tags = ['work-orders'];
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

export const workOrderRoutes = (app: AppContext): FastifyPluginAsyncTypebox => async (fastify) => {
  fastify.post('/work-orders', {
    schema: {
      tags,
      summary: 'Take a new work order (受理工单)',
      headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String({ maxLength: 200 })) }),
      body: CreateWorkOrderBody,
      response: { 201: CreatedWorkOrder, ...errorResponses },
    },
  }, async (request, reply) => {
    const ctx = requestContext(request, app);
    const key = request.headers['idempotency-key'];
    if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) throw new AppError('validation_failed', 'Idempotency-Key must be 1–200 visible ASCII characters');
    const result = await createWorkOrder(app, ctx, request.body, key);
    const detail = await getWorkOrder(app, ctx, result.order.id);
    if (result.replayed) reply.header('idempotent-replayed', 'true');
    reply.header('location', `/api/v1/work-orders/${result.order.id}`).header('etag', `"${result.order.version}"`);
    return reply.status(201).send({
      ...detail,
      openOrdersForPhone: result.openOrdersForPhone
        .filter((o) => o.id !== result.order.id)
        .map((o) => ({ id: o.id, number: o.number, kind: o.kind, status: o.status, description: o.description, receivedAt: new Date(o.received_at).toISOString() })),
    });
  });

  fastify.get('/work-orders', {
    schema: { tags, summary: 'List and search work orders', querystring: ListQuery, response: { 200: WorkOrderList, ...errorResponses } },
  }, async (request) => listWorkOrdersFor(app, requestContext(request, app), request.query));

  fastify.get('/work-orders/:id', {
    schema: { tags, summary: 'One work order with its timeline', params: IdParams, response: { 200: WorkOrderDetail, ...errorResponses } },
  }, async (request, reply) => {
    const detail = await getWorkOrder(app, requestContext(request, app), request.params.id);
    return reply.header('etag', `"${detail.version}"`).send(detail);
  });

  fastify.patch('/work-orders/:id', {
    schema: { tags, summary: 'Correct intake fields (audited)', params: IdParams, body: UpdateBody, response: { 200: WorkOrderDetail, 428: errorResponses[409], ...errorResponses } },
  }, async (request) => {
    const ctx = requestContext(request, app);
    await updateWorkOrderFields(app, ctx, request.params.id, { ...request.body, version: expectedVersion(request, request.body.version) });
    return getWorkOrder(app, ctx, request.params.id);
  });

  fastify.post('/work-orders/:id/transitions', {
    schema: { tags, summary: 'Move the order through its life: dispatch, start, give_result, request_callback, close, reopen, cancel', params: IdParams, body: TransitionBody, response: { 200: WorkOrderDetail, 428: errorResponses[409], ...errorResponses } },
  }, async (request) => {
    const ctx = requestContext(request, app);
    await transitionWorkOrder(app, ctx, request.params.id, { ...request.body, version: expectedVersion(request, request.body.version) });
    return getWorkOrder(app, ctx, request.params.id);
  });

  fastify.post('/work-orders/:id/transfer', {
    schema: { tags, summary: 'Hand the order to a new owner with a reason (首问负责制)', params: IdParams, body: TransferBody, response: { 200: WorkOrderDetail, 428: errorResponses[409], ...errorResponses } },
  }, async (request) => {
    const ctx = requestContext(request, app);
    await transferWorkOrder(app, ctx, request.params.id, { ...request.body, version: expectedVersion(request, request.body.version) });
    return getWorkOrder(app, ctx, request.params.id);
  });

  fastify.post('/work-orders/:id/notes', {
    schema: { tags, summary: 'Add a note, or record that the customer got in touch again', params: IdParams, body: NoteBody, response: { 201: WorkOrderDetail, ...errorResponses } },
  }, async (request, reply) => {
    const ctx = requestContext(request, app);
    await addNote(app, ctx, request.params.id, request.body);
    return reply.status(201).send(await getWorkOrder(app, ctx, request.params.id));
  });
};
