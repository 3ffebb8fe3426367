import {
  festivalGreeting, festivalVariant, hasPermission, PHRASE_MOMENTS, phrasesFor, renderPhrase, type PhraseMoment, type StandardPhrase,
} from '@huiyin/domain';
import type { Updateable } from 'kysely';
import type { AppContext } from '../app-context.js';
import type { RequestContext } from '../auth/actor.js';
import { insertAudit } from '../audit/audit.repository.js';
import { siteClock } from '../calendar/site-clock.js';
import type { LanguagePhraseTable } from '../db/schema.js';
import { AppError } from '../errors/app-error.js';
import { findOrganisation, findSite, listSites, type SiteRow } from '../organisations/organisation.repository.js';
import { ensureLanguageSeeded } from './language-seed.js';
import { requireLanguageUse } from './lexicon.service.js';
import {
  deletePhrase, findPhrase, insertPhrase, listPhrases, nextPhraseSortOrder, updatePhrase, type LanguagePhraseRow,
} from './phrase.repository.js';

export interface PhraseQuery {
  moment?: PhraseMoment;
  customer?: string;
  siteId?: number;
  /** The library page of someone who may configure it: switched-off phrases too, marked. */
  includeDisabled?: boolean;
}

export interface PhraseInput {
  moment: PhraseMoment;
  text: string;
  followUp?: string | null;
  note?: string | null;
  enabled?: boolean;
}

function phraseToApi(row: LanguagePhraseRow) {
  return {
    id: row.id, seedKey: row.seed_key, moment: row.moment, text: row.text, followUp: row.follow_up, note: row.note,
    enabled: Number(row.enabled) === 1, version: row.version,
  };
}

/** The site the phrases speak for: the one asked for (within the caller's scope) or the caller's first. */
async function siteFor(app: AppContext, ctx: RequestContext, siteId: number | undefined): Promise<SiteRow | undefined> {
  const { actor } = ctx;
  if (siteId !== undefined) {
    const site = await findSite(app.db, actor.orgId, siteId);
    if (!site || (actor.siteIds.length > 0 && !actor.siteIds.includes(site.id))) throw new AppError('not_found', `site ${siteId}`);
    return site;
  }
  const sites = await listSites(app.db, actor.orgId);
  return sites.find((s) => actor.siteIds.length === 0 || actor.siteIds.includes(s.id)) ?? sites[0];
}

/**
 * Fills {center} (the site's name), {agentNo} (the caller's 工号) and
 * {customer} (when the caller passes one). A variable nobody can fill stays
 * visible as "{customer}" so the agent completes it by hand, and is listed.
 */
function render(template: string | null, vars: Record<string, string>) {
  if (template === null) return { text: null, missing: [] as string[] };
  const missing = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).filter((name) => vars[name] === undefined);
  const filled = { ...Object.fromEntries(missing.map((name) => [name, `{${name}}`])), ...vars };
  return { text: renderPhrase(template, filled), missing: [...new Set(missing)] };
}

/**
 * The phrase library rendered for the caller. With a moment, on a statutory
 * holiday of the site's calendar the festival variants (festival opening,
 * "春节好！" …) come first, flagged, followed by the ordinary phrases.
 */
export async function listRenderedPhrases(app: AppContext, ctx: RequestContext, query: PhraseQuery) {
  requireLanguageUse(ctx);
  if (query.includeDisabled) requireConfigure(ctx);
  const { actor } = ctx;
  await ensureLanguageSeeded(app.db, actor.orgId, ctx.now);
  const site = await siteFor(app, ctx, query.siteId);
  const day = site ? (await siteClock(app.db, site)).clock.dayInfo(ctx.now) : undefined;
  const holiday = day?.type === 'holiday' ? day.name ?? null : null;
  const center = site?.name ?? (await findOrganisation(app.db, actor.orgId))?.name ?? '';
  const vars: Record<string, string> = { center };
  if (actor.employeeNo) vars.agentNo = actor.employeeNo;
  if (query.customer?.trim()) vars.customer = query.customer.trim();

  // A switched-off phrase is offered nowhere (reply boxes, intake panel), festival forms included.
  const rows = (await listPhrases(app.db, actor.orgId)).filter((r) => query.includeDisabled || Number(r.enabled) === 1);
  const byId = new Map(rows.map((r) => [String(r.id), r]));
  const library: StandardPhrase[] = rows.map((r) => ({
    id: String(r.id), moment: r.moment as PhraseMoment, text: r.text, sources: [],
    ...(r.follow_up ? { followUp: r.follow_up } : {}), ...(r.note ? { note: r.note } : {}),
  }));
  // Only what the holiday changes: a moment without a festival form (apology …) is listed once, as ordinary.
  const festive = query.moment && festivalGreeting(holiday)
    ? festivalVariant(query.moment, holiday, library).filter((p) => p.moment !== query.moment || p.text !== byId.get(p.id)!.text)
    : [];
  const ordinary = query.moment
    ? phrasesFor(query.moment, library)
    : [...library].sort((a, b) => PHRASE_MOMENTS.indexOf(a.moment) - PHRASE_MOMENTS.indexOf(b.moment));
  const items = [...festive.map((p) => [p, true] as const), ...ordinary.map((p) => [p, false] as const)].map(([p, festival]) => {
    const row = byId.get(p.id)!;
    const text = render(p.text, vars);
    const followUp = render(row.follow_up, vars);
    return { ...phraseToApi(row), moment: p.moment, template: p.text, text: text.text!, followUp: followUp.text, missing: [...new Set([...text.missing, ...followUp.missing])], festival };
  });
  return {
    date: day?.date ?? null,
    siteId: site?.id ?? null,
    holiday,
    festival: festive.length > 0,
    items,
  };
}

function requireConfigure(ctx: RequestContext): void {
  if (!hasPermission(ctx.actor.role, 'language.configure')) throw new AppError('forbidden', 'cannot edit the phrase library');
}

function columnsOf(input: Partial<PhraseInput>): Updateable<LanguagePhraseTable> {
  const c: Updateable<LanguagePhraseTable> = {};
  if (input.moment !== undefined) c.moment = input.moment;
  if (input.text !== undefined) c.text = input.text.trim();
  if (input.followUp !== undefined) c.follow_up = input.followUp?.trim() || null;
  if (input.note !== undefined) c.note = input.note?.trim() || null;
  if (input.enabled !== undefined) c.enabled = input.enabled ? 1 : 0;
  return c;
}

export async function createPhrase(app: AppContext, ctx: RequestContext, input: PhraseInput) {
  requireConfigure(ctx);
  const orgId = ctx.actor.orgId;
  await ensureLanguageSeeded(app.db, orgId, ctx.now);
  const at = ctx.now.getTime();
  return app.db.transaction().execute(async (trx) => {
    const row = await insertPhrase(trx, {
      org_id: orgId, seed_key: null, moment: input.moment, text: '', follow_up: null, note: null,
      sort_order: await nextPhraseSortOrder(trx, orgId), created_at: at, updated_at: at, version: 1, ...columnsOf(input),
    });
    await insertAudit(trx, { orgId, actorId: ctx.actor.userId, action: 'language.phrase_create', entityType: 'language_phrase', entityId: row.id, after: phraseToApi(row), at: ctx.now, requestId: ctx.requestId });
    return phraseToApi(row);
  });
}

export async function updatePhraseEntry(app: AppContext, ctx: RequestContext, id: number, input: Partial<PhraseInput> & { version: number }) {
  requireConfigure(ctx);
  const orgId = ctx.actor.orgId;
  return app.db.transaction().execute(async (trx) => {
    const before = await findPhrase(trx, orgId, id);
    if (!before) throw new AppError('not_found', `phrase ${id}`);
    if (before.version !== input.version) throw new AppError('version_conflict', undefined, { currentVersion: before.version });
    const row = await updatePhrase(trx, orgId, id, input.version, { ...columnsOf(input), updated_at: ctx.now.getTime() });
    if (!row) throw new AppError('version_conflict');
    await insertAudit(trx, { orgId, actorId: ctx.actor.userId, action: 'language.phrase_update', entityType: 'language_phrase', entityId: id, before: phraseToApi(before), after: phraseToApi(row), at: ctx.now, requestId: ctx.requestId });
    return phraseToApi(row);
  });
}

export async function deletePhraseEntry(app: AppContext, ctx: RequestContext, id: number) {
  requireConfigure(ctx);
  const orgId = ctx.actor.orgId;
  await app.db.transaction().execute(async (trx) => {
    const before = await findPhrase(trx, orgId, id);
    if (!before) throw new AppError('not_found', `phrase ${id}`);
    await deletePhrase(trx, orgId, id);
    await insertAudit(trx, { orgId, actorId: ctx.actor.userId, action: 'language.phrase_delete', entityType: 'language_phrase', entityId: id, before: phraseToApi(before), at: ctx.now, requestId: ctx.requestId });
  });
}
