import type { AppContext } from '../app-context.js';
import type { RequestContext } from '../auth/actor.js';
import { insertAudit } from '../audit/audit.repository.js';
import type { Db } from '../db/types.js';
import { AppError } from '../errors/app-error.js';
import { orgChecker } from './checker-cache.js';
import { hitToApi } from './lexicon.mapper.js';

/**
 * Text a customer will read, checked before it is stored (issue #5: "sending
 * anyway asks for confirmation and is recorded"). Without confirmation a text
 * with hits is refused with the hits, so the reply box can underline them;
 * with confirmation it goes through and the hits are audited on the entity.
 * Call inside the transaction that stores the text.
 */
export async function screenCustomerText(
  app: AppContext,
  db: Db,
  ctx: RequestContext,
  text: string,
  confirmed: boolean,
  entity: { type: string; id: number | string },
): Promise<void> {
  const { checker, version } = await orgChecker(app, db, ctx.actor.orgId, ctx.now);
  const hits = checker.check(text).map(hitToApi);
  if (hits.length === 0) return;
  if (!confirmed) throw new AppError('forbidden_phrase', `${hits.length} forbidden or non-standard phrase(s); send again with confirmForbidden: true to send anyway`, { hits });
  await insertAudit(db, {
    orgId: ctx.actor.orgId,
    actorId: ctx.actor.userId,
    action: 'language.sent_with_hits',
    entityType: entity.type,
    entityId: entity.id,
    after: { text, hits, lexiconVersion: version },
    at: ctx.now,
    requestId: ctx.requestId,
  });
}
