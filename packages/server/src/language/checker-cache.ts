import { createPhraseChecker, type PhraseChecker, type PhraseRule } from '@huiyin/domain';
import type { AppContext } from '../app-context.js';
import type { Db } from '../db/types.js';
import { toSimplified } from '../search/search-text.js';
import { ensureLanguageSeeded } from './language-seed.js';
import { listRules } from './lexicon.repository.js';
import { ruleFromRow } from './lexicon.mapper.js';

export interface OrgChecker {
  checker: PhraseChecker;
  /** The lexicon version the checker was built from (stored with each inspection). */
  version: number;
}

/**
 * Compiling a lexicon (normaliser table, automaton) costs milliseconds; checking
 * a reply costs microseconds. So each organisation's checker is built once per
 * lexicon version. The version lives in the database and every edit bumps it, so
 * one cheap read per use keeps every server instance consistent. The cache hangs
 * off the app context: each app is its own instance, exactly like a separate
 * process would be.
 */
const caches = new WeakMap<AppContext, Map<number, OrgChecker>>();

export async function orgChecker(app: AppContext, db: Db, orgId: number, now: Date): Promise<OrgChecker> {
  const version = await ensureLanguageSeeded(db, orgId, now);
  let cache = caches.get(app);
  if (!cache) caches.set(app, (cache = new Map()));
  const cached = cache.get(orgId);
  if (cached && cached.version === version) return cached;
  const rows = await listRules(db, orgId, { enabledOnly: true });
  const fresh: OrgChecker = { checker: buildChecker(rows.map(ruleFromRow)), version };
  // A slower request that read an older version must not replace a newer checker.
  const current = cache.get(orgId);
  if (!current || current.version < version) cache.set(orgId, fresh);
  return fresh;
}

/** The server's checker for any rule list: the shared opencc converter, the domain's default context words. */
export function buildChecker(rules: readonly PhraseRule[]): PhraseChecker {
  return createPhraseChecker(rules, { toSimplified });
}
