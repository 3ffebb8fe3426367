import type { MatchScope, PhraseGroup, PhraseHit, PhraseRule, PhraseSeverity, SeedRef } from '@huiyin/domain';
import type { Insertable } from 'kysely';
import type { LanguageRuleTable } from '../db/schema.js';
import type { LanguageRuleRow } from './lexicon.repository.js';

/** A lexicon rule as stored per organisation, turned back into the checker's rule data. */
export function ruleFromRow(row: LanguageRuleRow): PhraseRule {
  const patterns = row.patterns_json ? (JSON.parse(row.patterns_json) as string[]) : undefined;
  const exceptions = JSON.parse(row.exceptions_json) as string[];
  const unlessAfter = JSON.parse(row.unless_after_json) as string[];
  return {
    id: row.rule_key,
    phrase: row.phrase,
    group: row.group_name as PhraseGroup,
    severity: row.severity as PhraseSeverity,
    sources: JSON.parse(row.sources_json) as SeedRef[],
    suggestion: row.suggestion,
    scope: row.scope as MatchScope,
    ...(patterns && patterns.length > 0 ? { patterns } : {}),
    ...(exceptions.length > 0 ? { exceptions } : {}),
    ...(unlessAfter.length > 0 ? { unlessAfter } : {}),
    ...(row.note ? { note: row.note } : {}),
  };
}

/** The seed lexicon entry as the organisation's first copy. */
export function seedRuleRow(orgId: number, rule: PhraseRule, sortOrder: number, at: number): Insertable<LanguageRuleTable> {
  return {
    org_id: orgId,
    rule_key: rule.id,
    phrase: rule.phrase,
    group_name: rule.group,
    severity: rule.severity,
    suggestion: rule.suggestion,
    patterns_json: rule.patterns ? JSON.stringify(rule.patterns) : null,
    scope: rule.scope ?? 'anywhere',
    exceptions_json: JSON.stringify(rule.exceptions ?? []),
    unless_after_json: JSON.stringify(rule.unlessAfter ?? []),
    note: rule.note ?? null,
    sources_json: JSON.stringify(rule.sources),
    enabled: 1,
    sort_order: sortOrder,
    created_at: at,
    updated_at: at,
    version: 1,
  };
}

export function ruleToApi(row: LanguageRuleRow) {
  return {
    id: row.id,
    key: row.rule_key,
    phrase: row.phrase,
    group: row.group_name,
    severity: row.severity,
    suggestion: row.suggestion,
    patterns: row.patterns_json ? (JSON.parse(row.patterns_json) as string[]) : null,
    scope: row.scope,
    exceptions: JSON.parse(row.exceptions_json) as string[],
    unlessAfter: JSON.parse(row.unless_after_json) as string[],
    note: row.note,
    sources: JSON.parse(row.sources_json) as SeedRef[],
    enabled: row.enabled === 1,
    version: row.version,
  };
}

/** The fixed contract for one hit: offsets index the text as sent (UTF-16 code units). */
export function hitToApi(hit: PhraseHit) {
  return {
    phrase: hit.phrase,
    category: hit.group,
    severity: hit.severity,
    start: hit.start,
    end: hit.end,
    rule: hit.ruleId,
    suggestion: hit.suggestion,
    matchedText: hit.matchedText,
  };
}
