import { createHash } from 'node:crypto';
import type { AppContext } from '../app-context.js';
import type { RequestContext } from '../auth/actor.js';
import { insertAudit } from '../audit/audit.repository.js';
import { AppError } from '../errors/app-error.js';
import { canReadWorkOrder } from '../work-orders/work-order.policy.js';
import { findWorkOrder, insertEvent } from '../work-orders/work-order.repository.js';
import { checkImage } from './image-check.js';
import { portalSettingsOf } from './portal-settings.js';
import { findPhoto, insertPhoto, listPhotos, lockWorkOrderRow, type PhotoMeta } from './portal.repository.js';

export const toPhotoView = (row: PhotoMeta) => ({
  id: row.id,
  mime: row.mime,
  width: row.width,
  height: row.height,
  size: row.size,
  url: `/api/v1/work-orders/${row.work_order_id}/photos/${row.id}`,
  createdAt: new Date(row.created_at).toISOString(),
});

/** Whoever may read the order may see its photos; another customer's order answers 404 like the order itself. */
async function readableOrder(app: AppContext, ctx: RequestContext, id: number) {
  const order = await findWorkOrder(app.db, ctx.actor.orgId, id);
  if (!order || !canReadWorkOrder(ctx.actor, order)) throw new AppError('not_found', `work order ${id}`);
  return order;
}

export async function addPhoto(app: AppContext, ctx: RequestContext, workOrderId: number, bytes: Buffer) {
  const order = await readableOrder(app, ctx, workOrderId);
  if (order.status === 'closed' || order.status === 'cancelled') throw new AppError('illegal_transition', 'the order is finished');
  const settings = await portalSettingsOf(app.db, ctx.actor.orgId);
  const image = checkImage(bytes, { maxBytes: settings.photoMaxBytes, maxSide: settings.photoMaxSide });
  if (!image.ok) throw new AppError('photo_invalid', image.reason, { reason: image.reason });
  const now = ctx.now.getTime();
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const id = await app.db.transaction().execute(async (trx) => {
    // Two uploads at once must not both see "5 so far".
    await lockWorkOrderRow(trx, ctx.actor.orgId, workOrderId);
    const existing = await listPhotos(trx, ctx.actor.orgId, workOrderId);
    if (existing.length >= settings.photosPerOrder) throw new AppError('photo_limit_reached', undefined, { limit: settings.photosPerOrder });
    const photoId = await insertPhoto(trx, {
      org_id: ctx.actor.orgId, work_order_id: workOrderId, uploaded_by: ctx.actor.userId, mime: image.mime,
      width: image.width, height: image.height, size: bytes.length, sha256, data: bytes, created_at: now,
    });
    await insertEvent(trx, {
      org_id: ctx.actor.orgId, work_order_id: workOrderId, type: 'photo_added', actor_id: ctx.actor.userId, at: now,
      data_json: JSON.stringify({ photoId, mime: image.mime, width: image.width, height: image.height }), customer_visible: 1,
    });
    await insertAudit(trx, {
      orgId: ctx.actor.orgId, actorId: ctx.actor.userId, action: 'work_order.photo_add', entityType: 'work_order', entityId: workOrderId,
      after: { photoId, mime: image.mime, width: image.width, height: image.height, size: bytes.length, sha256 }, at: ctx.now, requestId: ctx.requestId,
    });
    return photoId;
  });
  const [row] = (await listPhotos(app.db, ctx.actor.orgId, workOrderId)).filter((p) => p.id === id);
  return toPhotoView(row!);
}

export async function photosOf(app: AppContext, ctx: RequestContext, workOrderId: number) {
  await readableOrder(app, ctx, workOrderId);
  return (await listPhotos(app.db, ctx.actor.orgId, workOrderId)).map(toPhotoView);
}

export async function photoBytes(app: AppContext, ctx: RequestContext, workOrderId: number, photoId: number) {
  await readableOrder(app, ctx, workOrderId);
  const photo = await findPhoto(app.db, ctx.actor.orgId, workOrderId, photoId);
  if (!photo) throw new AppError('not_found', `photo ${photoId}`);
  return { mime: photo.mime, sha256: photo.sha256, data: Buffer.from(photo.data) };
}
