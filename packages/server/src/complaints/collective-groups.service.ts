import { hasPermission } from '@huiyin/domain';
import type { AppContext } from '../app-context.js';
import type { RequestContext } from '../auth/actor.js';
import { AppError } from '../errors/app-error.js';
import { collectiveGroupViews } from './complaint-detail.js';
import { listCollectiveGroups } from './complaint.repository.js';

/** The desk's queue of collective complaints, newest first, within the sites the caller works at. */
export async function listCollectiveGroupsFor(app: AppContext, ctx: RequestContext, query: { siteId?: number; limit?: number; beforeId?: number }) {
  const { actor } = ctx;
  if (!hasPermission(actor.role, 'work_order.read_site')) throw new AppError('forbidden', 'the collective complaint queue is for the service desk');
  let siteIds = actor.siteIds.length > 0 ? actor.siteIds : undefined;
  if (query.siteId !== undefined) siteIds = siteIds && !siteIds.includes(query.siteId) ? [] : [query.siteId];
  const limit = Math.min(query.limit ?? 50, 200);
  const groups = await listCollectiveGroups(app.db, actor.orgId, { siteIds, limit: limit + 1, beforeId: query.beforeId });
  const page = groups.slice(0, limit);
  return {
    items: await collectiveGroupViews(app.db, actor.orgId, page),
    nextBeforeId: groups.length > limit ? (page[page.length - 1]?.id ?? null) : null,
  };
}
