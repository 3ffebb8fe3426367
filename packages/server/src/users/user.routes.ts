import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { hasPermission, ROLES } from '@huiyin/domain';
import type { AppContext } from '../app-context.js';
import type { Actor } from '../auth/actor.js';
import { AppError } from '../errors/app-error.js';
import { requestContext } from '../http/authentication.js';
import { errorResponses, Id, IdParams, Line, Nullable } from '../http/schema-helpers.js';
import { expectedVersion } from '../http/version.js';
import { literalUnion } from '../work-orders/work-order.schemas.js';
import { toUserView } from './user.mapper.js';
import { listUsers } from './user.repository.js';
import { changeUser, createUser } from './user.service.js';

const tags = ['users'];
const RoleSchema = literalUnion(ROLES);
const User = Type.Object({
  id: Type.Integer(), username: Type.String(), displayName: Type.String(), employeeNo: Nullable(Type.String()), role: Type.String(),
  siteIds: Type.Array(Type.Integer()), departmentId: Nullable(Type.Integer()), customerId: Nullable(Type.Integer()),
  disabled: Type.Boolean(), lockedUntil: Nullable(Type.String()), version: Type.Integer(),
});
const Password = Type.String({ minLength: 8, maxLength: 200 });

function requireUserAdmin(actor: Actor) {
  if (!hasPermission(actor.role, 'user.manage')) throw new AppError('forbidden', 'only administrators manage accounts');
}

export const userRoutes = (app: AppContext): FastifyPluginAsyncTypebox => async (fastify) => {
  fastify.get('/users', {
    schema: { tags, summary: 'Accounts of the organisation', response: { 200: Type.Object({ items: Type.Array(User) }), ...errorResponses } },
  }, async (request) => {
    const ctx = requestContext(request, app);
    requireUserAdmin(ctx.actor);
    return { items: (await listUsers(app.db, ctx.actor.orgId)).map(toUserView) };
  });

  fastify.post('/users', {
    schema: {
      tags, summary: 'Create a staff account (工号 = employeeNo)',
      body: Type.Object({
        username: Type.String({ minLength: 2, maxLength: 64, pattern: '^[A-Za-z0-9_.@-]+$' }),
        password: Password,
        displayName: Line(100),
        employeeNo: Type.Optional(Nullable(Type.String({ maxLength: 32, pattern: '^[A-Za-z0-9-]*$' }))),
        role: RoleSchema,
        siteIds: Type.Optional(Type.Array(Id, { maxItems: 500 })),
        departmentId: Type.Optional(Nullable(Id)),
      }, { additionalProperties: false }),
      response: { 201: User, ...errorResponses },
    },
  }, async (request, reply) => {
    const ctx = requestContext(request, app);
    requireUserAdmin(ctx.actor);
    if (request.body.role === 'customer') throw new AppError('validation_failed', 'portal accounts are created by customers signing up', { field: 'role' });
    const user = await createUser(app.db, { ...request.body, role: request.body.role, orgId: ctx.actor.orgId }, ctx.actor.userId, ctx.now, ctx.requestId);
    return reply.status(201).send(toUserView(user));
  });

  fastify.patch('/users/:id', {
    schema: {
      tags, summary: 'Change an account: role, sites, department, disable, new password', params: IdParams,
      body: Type.Object({
        version: Type.Optional(Type.Integer({ minimum: 1 })),
        displayName: Type.Optional(Line(100)),
        employeeNo: Type.Optional(Nullable(Type.String({ maxLength: 32, pattern: '^[A-Za-z0-9-]*$' }))),
        role: Type.Optional(RoleSchema),
        siteIds: Type.Optional(Type.Array(Id, { maxItems: 500 })),
        departmentId: Type.Optional(Nullable(Id)),
        disabled: Type.Optional(Type.Boolean()),
        password: Type.Optional(Password),
      }, { additionalProperties: false }),
      response: { 200: User, ...errorResponses },
    },
  }, async (request) => {
    const ctx = requestContext(request, app);
    requireUserAdmin(ctx.actor);
    const { version: _v, ...changes } = request.body;
    const user = await changeUser(app.db, ctx.actor.orgId, request.params.id, expectedVersion(request, request.body.version), changes, ctx.actor.userId, ctx.now, ctx.requestId);
    return toUserView(user);
  });
};
