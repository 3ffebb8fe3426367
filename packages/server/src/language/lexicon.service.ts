import { randomBytes } from 'node:crypto';
import { hasPermission, LexiconError, type MatchScope, type PhraseGroup, type PhraseSeverity } from '@huiyin/domain';
import type { Updateable } from 'kysely';
import type { AppContext } from '../app-context.js';
import type { RequestContext } from '../auth/actor.js';
import { insertAudit } from '../audit/audit.repository.js';
import type { LanguageRuleTable } from '../db/schema.js';
import { AppError } from '../errors/app-error.js';
import { buildChecker, orgChecker } from './checker-cache.js';
import { ensureLanguageSeeded } from './language-seed.js';
import {
  bumpLexiconVersion, deleteRule, findRule, insertRule, listRules, nextRuleSortOrder, updateRule, type LanguageRuleRow,
} from './lexicon.repository.js';
import { hitToApi, ruleFromRow, ruleToApi } from './lexicon.mapper.js';

export interface RuleInput {
  phrase: string;
  group: PhraseGroup;
  severity?: PhraseSeverity;
  suggestion: string;
  patterns?: string[] | null;
  scope?: MatchScope;
  exceptions?: string[];
  unlessAfter?: string[];
  note?: string | null;
  enabled?: boolean;
}

export function requireLanguageUse(ctx: RequestContext): void {
  if (!hasPermission(ctx.actor.role, 'language.use')) throw new AppError('forbidden', 'staff only');
}

function requireConfigure(ctx: RequestContext): void {
  if (!hasPermission(ctx.actor.role, 'language.configure')) throw new AppError('forbidden', 'cannot edit the service-language library');
}

/** The live check: hits with offsets in the text as sent. */
export async function checkText(app: AppContext, ctx: RequestContext, text: string) {
  requireLanguageUse(ctx);
  const { checker, version } = await orgChecker(app, app.db, ctx.actor.orgId, ctx.now);
  return { lexiconVersion: version, hits: checker.check(text).map(hitToApi) };
}

export async function listLexicon(app: AppContext, ctx: RequestContext, query: { group?: string }) {
  requireLanguageUse(ctx);
  const version = await ensureLanguageSeeded(app.db, ctx.actor.orgId, ctx.now);
  const rows = await listRules(app.db, ctx.actor.orgId, query.group ? { group: query.group } : {});
  return { version, items: rows.map(ruleToApi) };
}

const trimmed = (list: readonly string[] | undefined) => (list ?? []).map((s) => s.trim()).filter((s) => s.length > 0);

/** Compiles the rule alone, so an edit that could never match is refused with the reason. */
function assertCompiles(row: LanguageRuleRow): void {
  try {
    buildChecker([ruleFromRow(row)]);
  } catch (error) {
    if (error instanceof LexiconError) throw new AppError('lexicon_rule_invalid', error.message, { reason: error.code });
    throw error;
  }
}

function columnsOf(input: Partial<RuleInput>): Updateable<LanguageRuleTable> {
  const c: Updateable<LanguageRuleTable> = {};
  if (input.phrase !== undefined) c.phrase = input.phrase.trim();
  if (input.group !== undefined) c.group_name = input.group;
  if (input.severity !== undefined) c.severity = input.severity;
  if (input.suggestion !== undefined) c.suggestion = input.suggestion.trim();
  if (input.patterns !== undefined) {
    const patterns = trimmed(input.patterns ?? []);
    c.patterns_json = patterns.length > 0 ? JSON.stringify(patterns) : null;
  }
  if (input.scope !== undefined) c.scope = input.scope;
  if (input.exceptions !== undefined) c.exceptions_json = JSON.stringify(trimmed(input.exceptions));
  if (input.unlessAfter !== undefined) c.unless_after_json = JSON.stringify(trimmed(input.unlessAfter));
  if (input.note !== undefined) c.note = input.note?.trim() || null;
  if (input.enabled !== undefined) c.enabled = input.enabled ? 1 : 0;
  return c;
}

export async function createLexiconRule(app: AppContext, ctx: RequestContext, input: RuleInput) {
  requireConfigure(ctx);
  const orgId = ctx.actor.orgId;
  await ensureLanguageSeeded(app.db, orgId, ctx.now);
  const at = ctx.now.getTime();
  return app.db.transaction().execute(async (trx) => {
    const candidate = {
      org_id: orgId,
      rule_key: `org-${randomBytes(5).toString('hex')}`,
      phrase: '',
      group_name: input.group,
      severity: 'forbidden',
      suggestion: '',
      patterns_json: null,
      scope: 'anywhere',
      exceptions_json: '[]',
      unless_after_json: '[]',
      note: null,
      sources_json: '[]',
      enabled: 1,
      sort_order: await nextRuleSortOrder(trx, orgId),
      created_at: at,
      updated_at: at,
      version: 1,
      ...columnsOf(input),
    };
    assertCompiles({ id: 0, ...candidate });
    const row = await insertRule(trx, candidate);
    const lexiconVersion = await bumpLexiconVersion(trx, orgId);
    await insertAudit(trx, { orgId, actorId: ctx.actor.userId, action: 'language.rule_create', entityType: 'language_rule', entityId: row.id, after: { ...ruleToApi(row), lexiconVersion }, at: ctx.now, requestId: ctx.requestId });
    return ruleToApi(row);
  });
}

export async function updateLexiconRule(app: AppContext, ctx: RequestContext, id: number, input: Partial<RuleInput> & { version: number }) {
  requireConfigure(ctx);
  const orgId = ctx.actor.orgId;
  return app.db.transaction().execute(async (trx) => {
    const before = await findRule(trx, orgId, id);
    if (!before) throw new AppError('not_found', `lexicon rule ${id}`);
    if (before.version !== input.version) throw new AppError('version_conflict', undefined, { currentVersion: before.version });
    const changes = columnsOf(input);
    assertCompiles({ ...before, ...changes } as LanguageRuleRow);
    const row = await updateRule(trx, orgId, id, input.version, { ...changes, updated_at: ctx.now.getTime() });
    if (!row) throw new AppError('version_conflict');
    const lexiconVersion = await bumpLexiconVersion(trx, orgId);
    await insertAudit(trx, { orgId, actorId: ctx.actor.userId, action: 'language.rule_update', entityType: 'language_rule', entityId: id, before: ruleToApi(before), after: { ...ruleToApi(row), lexiconVersion }, at: ctx.now, requestId: ctx.requestId });
    return ruleToApi(row);
  });
}

export async function deleteLexiconRule(app: AppContext, ctx: RequestContext, id: number) {
  requireConfigure(ctx);
  const orgId = ctx.actor.orgId;
  await app.db.transaction().execute(async (trx) => {
    const before = await findRule(trx, orgId, id);
    if (!before) throw new AppError('not_found', `lexicon rule ${id}`);
    await deleteRule(trx, orgId, id);
    const lexiconVersion = await bumpLexiconVersion(trx, orgId);
    await insertAudit(trx, { orgId, actorId: ctx.actor.userId, action: 'language.rule_delete', entityType: 'language_rule', entityId: id, before: ruleToApi(before), after: { lexiconVersion }, at: ctx.now, requestId: ctx.requestId });
  });
}
