import { hasPermission, OPEN_STATUSES } from '@huiyin/domain';
import type { Static } from 'typebox';
import type { AppContext } from '../app-context.js';
import { insertAudit } from '../audit/audit.repository.js';
import type { RequestContext } from '../auth/actor.js';
import { AppError } from '../errors/app-error.js';
import { listSites } from '../organisations/organisation.repository.js';
import { organisationSettings, updateOrganisationSettings, type OrganisationSettings } from '../sla/org-settings.js';
import { recomputeOpenClocks, type RecomputeResult } from './open-clock-recompute.js';
import { oldestOpenOrderCreatedAt } from './open-clocks.repository.js';
import { auditedSections, checkDocument, historyAfterChange, mergePatch, sameSla, settingsView } from './settings-document.js';
import type { SettingsPatchBody } from './settings.schemas.js';

export async function getSettings(app: AppContext, ctx: RequestContext) {
  if (!hasPermission(ctx.actor.role, 'org.read')) throw new AppError('forbidden', 'staff only');
  return settingsView(await organisationSettings(app.db, ctx.actor.orgId));
}

/**
 * Change the settings document (merge patch) in one transaction with an audit
 * record. A change of SLA limits applies to orders taken in from now on; open
 * orders keep theirs unless `applyToOpenOrders`, in which case every open
 * deadline is recomputed (reason settings_changed, on each timeline).
 */
export async function patchSettings(app: AppContext, ctx: RequestContext, body: Static<typeof SettingsPatchBody>) {
  const { actor } = ctx;
  if (!hasPermission(actor.role, 'org.configure')) throw new AppError('forbidden', 'only an administrator changes the settings');
  const { applyToOpenOrders = false, ...patch } = body;
  const sections = Object.keys(patch);
  const siteIds = (await listSites(app.db, actor.orgId)).map((s) => s.id);
  const now = ctx.now.getTime();

  const { after } = await app.db.transaction().execute(async (trx) => {
    const oldestOpen = await oldestOpenOrderCreatedAt(trx, actor.orgId, OPEN_STATUSES);
    const change = await updateOrganisationSettings(trx, actor.orgId, (current) => {
      const next = mergePatch(current, patch) as OrganisationSettings;
      checkDocument(next, siteIds);
      if (applyToOpenOrders) delete next.slaHistory;
      else if (!sameSla(current, next)) {
        const history = historyAfterChange(current, now, oldestOpen);
        if (history.length > 0) next.slaHistory = history;
        else delete next.slaHistory;
      }
      return next;
    });
    await insertAudit(trx, {
      orgId: actor.orgId, actorId: actor.userId, action: 'settings.update', entityType: 'organisation', entityId: actor.orgId,
      before: auditedSections(change.before, sections), after: { ...auditedSections(change.after, sections), applyToOpenOrders },
      at: ctx.now, requestId: ctx.requestId,
    });
    return change;
  });

  let recomputed: RecomputeResult | null = null;
  if (applyToOpenOrders) {
    recomputed = await recomputeOpenClocks(app.db, { orgId: actor.orgId, reason: 'settings_changed', actorId: actor.userId, now: ctx.now, requestId: ctx.requestId });
  }
  return { ...settingsView(after), recomputed };
}
