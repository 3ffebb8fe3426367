import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../app-context.js';
import { actorOf, requestContext } from '../http/authentication.js';
import { errorResponses, Id, Nullable } from '../http/schema-helpers.js';
import { openEventStream } from './event-stream.js';
import { listNotifications, markRead } from './notification.repository.js';

const tags = ['notifications'];
const Notification = Type.Object({
  id: Type.Integer(),
  type: Type.String({ description: 'clock_warning, clock_breached, collective_complaint, major_complaint, …' }),
  workOrderId: Nullable(Type.Integer()),
  data: Type.Record(Type.String(), Type.Unknown()),
  createdAt: Type.String({ format: 'date-time' }),
  readAt: Nullable(Type.String({ format: 'date-time' })),
});

export const toNotificationView = (row: { id: number; type: string; work_order_id: number | null; data_json: string; created_at: number; read_at: number | null }) => ({
  id: row.id,
  type: row.type,
  workOrderId: row.work_order_id,
  data: JSON.parse(row.data_json) as Record<string, unknown>,
  createdAt: new Date(row.created_at).toISOString(),
  readAt: row.read_at === null ? null : new Date(row.read_at).toISOString(),
});

export const notificationRoutes = (app: AppContext): FastifyPluginAsyncTypebox => async (fastify) => {
  // Streams never finish by themselves: end them before the server waits for open connections.
  const openStreams = new Set<() => void>();
  fastify.addHook('preClose', async () => {
    for (const end of [...openStreams]) end();
  });

  fastify.get('/notifications', {
    schema: {
      tags, summary: 'My notifications, newest first',
      querystring: Type.Object({ unread: Type.Optional(Type.Boolean()), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })) }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(Notification) }), ...errorResponses },
    },
  }, async (request) => {
    const actor = actorOf(request);
    const rows = await listNotifications(app.db, actor.userId, { unreadOnly: request.query.unread, limit: request.query.limit ?? 50 });
    return { items: rows.map(toNotificationView) };
  });

  fastify.post('/notifications/read', {
    schema: {
      tags, summary: 'Mark notifications read',
      body: Type.Object({ ids: Type.Optional(Type.Array(Id, { maxItems: 500 })), all: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
      response: { 200: Type.Object({ marked: Type.Integer() }), ...errorResponses },
    },
  }, async (request) => {
    const ctx = requestContext(request, app);
    const marked = await markRead(app.db, ctx.actor.userId, request.body.all ? 'all' : request.body.ids ?? [], ctx.now.getTime());
    return { marked };
  });

  fastify.get('/events/stream', {
    schema: { tags, summary: 'Live event stream (text/event-stream): new orders in scope, warnings, breaches, upgrades' },
  }, async (request, reply) => {
    openEventStream(app, request, reply, actorOf(request), openStreams);
  });
};
