import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { hasPermission } from '@huiyin/domain';
import type { AppContext } from '../app-context.js';
import { AppError } from '../errors/app-error.js';
import { requestContext } from '../http/authentication.js';
import { errorResponses, Id, Nullable } from '../http/schema-helpers.js';
import { listAudit } from './audit.repository.js';

const Entry = Type.Object({
  id: Type.Integer(), actorId: Nullable(Type.Integer()), action: Type.String(), entityType: Type.String(), entityId: Type.String(),
  before: Type.Unknown(), after: Type.Unknown(), at: Type.String({ format: 'date-time' }), requestId: Nullable(Type.String()),
});

export const auditRoutes = (app: AppContext): FastifyPluginAsyncTypebox => async (fastify) => {
  fastify.get('/audit', {
    schema: {
      tags: ['audit'], summary: 'Who did what and when (newest first)',
      querystring: Type.Object({
        entityType: Type.Optional(Type.String({ maxLength: 50, pattern: '^[a-z_]+$' })),
        entityId: Type.Optional(Type.String({ maxLength: 50, pattern: '^[0-9]+$' })),
        actorId: Type.Optional(Id),
        before: Type.Optional(Id),
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
      }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(Entry), nextBefore: Nullable(Type.Integer()) }), ...errorResponses },
    },
  }, async (request) => {
    const ctx = requestContext(request, app);
    if (!hasPermission(ctx.actor.role, 'audit.read')) throw new AppError('forbidden', 'cannot read the audit log');
    const limit = request.query.limit ?? 100;
    const rows = await listAudit(app.db, {
      orgId: ctx.actor.orgId, entityType: request.query.entityType, entityId: request.query.entityId,
      actorId: request.query.actorId, beforeId: request.query.before, limit,
    });
    return {
      items: rows.map((r) => ({
        id: r.id, actorId: r.actor_id, action: r.action, entityType: r.entity_type, entityId: r.entity_id,
        before: r.before_json ? JSON.parse(r.before_json) : null, after: r.after_json ? JSON.parse(r.after_json) : null,
        at: new Date(r.at).toISOString(), requestId: r.request_id,
      })),
      nextBefore: rows.length === limit ? rows[rows.length - 1]!.id : null,
    };
  });
};
