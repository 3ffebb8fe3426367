import type { WorkOrderAction } from '@huiyin/domain';
import type { AppContext } from '../app-context.js';
import type { RequestContext } from '../auth/actor.js';
import type { Db } from '../db/types.js';
import { meetClocks, refreshOrderDue, restartResultClock, syncClocks } from '../sla/sla-clock.service.js';
import { classifyAtIntake } from '../complaints/complaint-intake.service.js';
import { callbacksAfterTransition } from '../callbacks/callback-decision.js';
import type { WorkOrderRow } from './work-order.repository.js';

/**
 * What follows from a new order or a step of its life, inside the same
 * transaction: SLA clocks, classification and upgrades, callbacks. One place, in
 * order, so the sequence is readable: each feature adds its call here.
 */
export async function afterIntake(db: Db, _app: AppContext, ctx: RequestContext, order: WorkOrderRow): Promise<WorkOrderRow> {
  const clockCtx = { actorId: ctx.actor.userId, now: ctx.now.getTime() };
  // Before the clocks: a media or collective complaint starts on the major limits at once.
  const classified = await classifyAtIntake(db, ctx, order);
  await syncClocks(db, classified, clockCtx, 'intake');
  await refreshOrderDue(db, classified);
  return classified;
}

export async function afterTransition(
  db: Db,
  _app: AppContext,
  ctx: RequestContext,
  action: WorkOrderAction,
  _before: WorkOrderRow,
  updated: WorkOrderRow,
): Promise<void> {
  const clockCtx = { actorId: ctx.actor.userId, now: ctx.now.getTime() };
  await meetClocks(db, updated, action, clockCtx);
  if (action === 'reopen') await restartResultClock(db, updated, clockCtx);
  // The callback clock runs while a callback is pending, on the limit its decision gave (2 working days, 3 days …).
  const callback = await callbacksAfterTransition(db, ctx, action, updated);
  await syncClocks(db, updated, clockCtx, action, callback);
}
