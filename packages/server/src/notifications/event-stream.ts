import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../app-context.js';
import type { Actor } from '../auth/actor.js';
import { OPEN_STATUSES } from '@huiyin/domain';
import { listWorkOrders, maxWorkOrderId } from '../work-orders/work-order-list.repository.js';
import { readScopeOf } from '../work-orders/work-order.policy.js';
import { toWorkOrderSummary } from '../work-orders/work-order.mapper.js';
import { latestNotificationId, listNotifications } from './notification.repository.js';
import { toNotificationView } from './notification.routes.js';

export const STREAM_POLL_MS = 2000;
const HEARTBEAT_MS = 15_000;

/**
 * Server-sent events for one signed-in user. Each connection polls the database
 * for its user's new notifications and for new orders in its scope, so every
 * server instance sees what any other instance wrote — no shared memory needed.
 * Event names: `notification`, `work_order.created`.
 */
export function openEventStream(app: AppContext, request: FastifyRequest, reply: FastifyReply, actor: Actor, openStreams: Set<() => void>): void {
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
    'x-request-id': String(request.id),
  });
  const send = (event: string, data: unknown, id?: number) => {
    raw.write(`${id !== undefined ? `id: ${id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };
  let lastNotification = Number(request.headers['last-event-id'] ?? NaN);
  let lastOrderId: number | null = null;
  let closed = false;
  let busy = false;

  const poll = async () => {
    if (closed || busy) return;
    busy = true;
    try {
      if (!Number.isFinite(lastNotification)) lastNotification = await latestNotificationId(app.db, actor.userId);
      lastOrderId ??= await maxWorkOrderId(app.db, actor.orgId);
      for (const row of await listNotifications(app.db, actor.userId, { afterId: lastNotification, limit: 100 })) {
        send('notification', toNotificationView(row), row.id);
        lastNotification = row.id;
      }
      const rows = await listWorkOrders(app.db, app.dialect, {
        scope: readScopeOf(actor), openStatuses: OPEN_STATUSES, sort: 'received_desc', limit: 50,
        minId: lastOrderId,
      });
      for (const row of [...rows].reverse()) {
        send('work_order.created', toWorkOrderSummary(actor, row, { name: row.customer_name, title: row.customer_title }));
        lastOrderId = Math.max(lastOrderId, row.id);
      }
    } catch (error) {
      request.log.warn({ err: error }, 'event stream poll failed');
    } finally {
      busy = false;
    }
  };

  send('ready', { userId: actor.userId });
  const pollTimer = setInterval(() => void poll(), STREAM_POLL_MS);
  const heartbeat = setInterval(() => raw.write(': keep-alive\n\n'), HEARTBEAT_MS);
  void poll();
  const close = () => {
    closed = true;
    clearInterval(pollTimer);
    clearInterval(heartbeat);
    openStreams.delete(end);
  };
  // On shutdown the server ends streams itself; browsers reconnect to another instance.
  const end = () => {
    close();
    raw.end();
  };
  openStreams.add(end);
  request.raw.on('close', close);
  raw.on('error', close);
}
