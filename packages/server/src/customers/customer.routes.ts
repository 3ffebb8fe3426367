import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { CUSTOMER_TYPES } from '@huiyin/domain';
import type { AppContext } from '../app-context.js';
import { AppError } from '../errors/app-error.js';
import { requestContext } from '../http/authentication.js';
import { errorResponses, IdParams, Line, Nullable, Text } from '../http/schema-helpers.js';
import { expectedVersion } from '../http/version.js';
import { literalUnion } from '../work-orders/work-order.schemas.js';
import { changeCustomer, getCustomer, lookupByPhone, searchByName } from './customer.service.js';

const tags = ['customers'];
const OrderRef = Type.Object({ id: Type.Integer(), number: Type.String(), kind: Type.String(), status: Type.String(), description: Type.String(), receivedAt: Type.String() });
const Customer = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  title: Nullable(Type.String()),
  customerType: Nullable(Type.String({ description: CUSTOMER_TYPES.join(', ') })),
  notes: Nullable(Type.String()),
  phones: Type.Array(Type.String()),
  units: Type.Array(Type.Object({ siteId: Type.Integer(), label: Type.String() })),
  openOrders: Type.Array(OrderRef),
  recentOrders: Type.Array(OrderRef),
  version: Type.Integer(),
});

export const customerRoutes = (app: AppContext): FastifyPluginAsyncTypebox => async (fastify) => {
  fastify.get('/customers', {
    schema: {
      tags, summary: 'Find customers by phone (intake) or by name',
      querystring: Type.Object({
        phone: Type.Optional(Type.String({ minLength: 3, maxLength: 32, pattern: '^[0-9+()（）\\- ]+$' })),
        q: Type.Optional(Text(100, { minLength: 1 })),
      }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(Customer) }), ...errorResponses },
    },
  }, async (request) => {
    const ctx = requestContext(request, app);
    if (request.query.phone) return { items: await lookupByPhone(app, ctx, request.query.phone) };
    if (request.query.q) return { items: await searchByName(app, ctx, request.query.q) };
    throw new AppError('validation_failed', 'give phone or q');
  });

  fastify.get('/customers/:id', {
    schema: { tags, summary: 'The customer archive card', params: IdParams, response: { 200: Customer, ...errorResponses } },
  }, async (request) => getCustomer(app, requestContext(request, app), request.params.id));

  fastify.patch('/customers/:id', {
    schema: {
      tags, summary: 'Edit the customer archive (audited)', params: IdParams,
      body: Type.Object({
        version: Type.Optional(Type.Integer({ minimum: 1 })),
        name: Type.Optional(Line(100)),
        title: Type.Optional(Nullable(Line(20))),
        customerType: Type.Optional(Nullable(literalUnion(CUSTOMER_TYPES))),
        notes: Type.Optional(Nullable(Text(2000))),
      }, { additionalProperties: false }),
      response: { 200: Customer, ...errorResponses },
    },
  }, async (request) => {
    const { version, ...changes } = request.body;
    return changeCustomer(app, requestContext(request, app), request.params.id, expectedVersion(request, version), changes);
  });
};
