/**
 * Finds forbidden and non-standard phrases in a text: one normalisation pass
 * (text-normalizer), one Aho–Corasick pass over all patterns of all rules,
 * then the context checks on the few raw matches, then overlap resolution.
 *
 * The domain stays dependency-free: the traditional → simplified converter is
 * passed in (the server passes opencc-js `Converter({ from: 'tw', to: 'cn' })`).
 */
import { buildAutomaton } from './aho-corasick.js';
import {
  acceptsMatch,
  DEFAULT_CLAUSE_LEADS,
  DEFAULT_MODAL_PARTICLES,
  offsetsOf,
  type ContextSettings,
  type PatternUse,
} from './context-rules.js';
import { createTextNormalizer, type ToSimplified } from './text-normalizer.js';
import type { PhraseHit, PhraseRule } from './types.js';

export interface PhraseCheckerOptions {
  readonly toSimplified: ToSimplified;
  /** Override DEFAULT_CLAUSE_LEADS for 'wholeClause' rules. */
  readonly clauseLeads?: readonly string[];
  /** Override DEFAULT_MODAL_PARTICLES for 'wholeClause' rules. */
  readonly modalParticles?: string;
}

export interface PhraseChecker {
  readonly rules: readonly PhraseRule[];
  /** Hits ordered by start; a hit lying inside another hit is dropped (the longer one explains it). */
  check(text: string): PhraseHit[];
  /**
   * The text the way patterns see it: simplified, folded, without spaces and
   * punctuation. Quality inspection uses it to look for standard phrases in
   * either script.
   */
  fold(text: string): string;
}

export type LexiconErrorCode = 'duplicate_id' | 'empty_pattern' | 'exception_without_pattern';

/** A lexicon that cannot be compiled (raised by createPhraseChecker, naming the rule). */
export class LexiconError extends Error {
  constructor(
    readonly code: LexiconErrorCode,
    readonly ruleId: string,
    message: string,
  ) {
    super(message);
    this.name = 'LexiconError';
  }
}

interface Candidate {
  readonly start: number;
  readonly end: number;
  readonly rule: number;
}

export function createPhraseChecker(rules: readonly PhraseRule[], options: PhraseCheckerOptions): PhraseChecker {
  const normalizer = createTextNormalizer(options.toSimplified);
  const fold = normalizer.fold;
  const ctx: ContextSettings = {
    leads: new Set((options.clauseLeads ?? DEFAULT_CLAUSE_LEADS).map(fold)),
    particles: new Set(options.modalParticles ?? DEFAULT_MODAL_PARTICLES),
  };

  // Distinct folded patterns, each with the rules that use it.
  const patternIndex = new Map<string, number>();
  const patterns: string[] = [];
  const uses: PatternUse[][] = [];
  const ids = new Set<string>();
  rules.forEach((rule, r) => {
    if (ids.has(rule.id)) throw new LexiconError('duplicate_id', rule.id, `duplicate rule id ${rule.id}`);
    ids.add(rule.id);
    const exceptions = (rule.exceptions ?? []).map(fold);
    const unlessAfter = (rule.unlessAfter ?? []).map(fold).filter((s) => s.length > 0);
    const exceptionUsed = exceptions.map(() => false);
    for (const raw of rule.patterns ?? [rule.phrase]) {
      const normalized = normalizer.normalize(raw);
      const pattern = normalized.text();
      if (pattern.length === 0) throw new LexiconError('empty_pattern', rule.id, `rule ${rule.id}: pattern "${raw}" is empty once folded`);
      const placed: { text: string; offset: number }[] = [];
      exceptions.forEach((e, k) => {
        for (const offset of offsetsOf(e, pattern)) {
          placed.push({ text: e, offset });
          exceptionUsed[k] = true;
        }
      });
      let p = patternIndex.get(pattern);
      if (p === undefined) {
        p = patterns.length;
        patternIndex.set(pattern, p);
        patterns.push(pattern);
        uses.push([]);
      }
      uses[p]!.push({
        rule: r,
        length: pattern.length,
        withinClause: normalized.breaks.length === 0,
        scope: rule.scope ?? 'anywhere',
        exceptions: placed,
        unlessAfter,
      });
    }
    const orphan = exceptionUsed.indexOf(false);
    if (orphan >= 0) {
      throw new LexiconError('exception_without_pattern', rule.id, `rule ${rule.id}: exception "${rule.exceptions?.[orphan]}" contains none of its patterns`);
    }
  });
  const automaton = buildAutomaton(patterns);

  function check(text: string): PhraseHit[] {
    const t = normalizer.normalizeTransient(text);
    const found: Candidate[] = [];
    automaton.scan(t.units, t.length, (p, end) => {
      for (const use of uses[p]!) {
        const start = end - use.length;
        if (acceptsMatch(t, use, start, end, ctx)) found.push({ start, end, rule: use.rule });
      }
    });
    if (found.length === 0) return [];
    return dropContained(found).map((c) => {
      const rule = rules[c.rule]!;
      const start = t.origin[c.start]!;
      const end = t.origin[c.end - 1]! + 1;
      return {
        ruleId: rule.id,
        phrase: rule.phrase,
        group: rule.group,
        severity: rule.severity,
        start,
        end,
        matchedText: text.slice(start, end),
        suggestion: rule.suggestion,
      };
    });
  }

  return { rules, check, fold };
}

/**
 * Keeps partial overlaps, drops a candidate lying inside another one: after
 * sorting by start, then longest first, then lexicon order, every container of
 * a candidate comes before it, so "inside" means end <= the furthest end kept.
 * Identical spans keep the rule listed first in the lexicon; overlapping
 * matches of one rule ("喂、喂、喂" matching "喂喂" twice) merge into one hit.
 */
function dropContained(found: Candidate[]): Candidate[] {
  found.sort((a, b) => a.start - b.start || b.end - a.end || a.rule - b.rule);
  const kept: Candidate[] = [];
  let furthest = -1;
  for (const c of found) {
    if (c.end <= furthest) continue;
    const last = kept[kept.length - 1];
    if (last && last.rule === c.rule && c.start < last.end) {
      kept[kept.length - 1] = { start: last.start, end: c.end, rule: c.rule };
    } else {
      kept.push(c);
    }
    furthest = c.end;
  }
  return kept;
}

/**
 * The baseline the automaton is measured against: a `String.includes` loop
 * over every pattern as written. It sees neither traditional script nor spaced
 * or re-punctuated text and applies no context rules; it reports rule ids only.
 */
export function naiveIncludesScan(rules: readonly PhraseRule[], text: string): string[] {
  const ids: string[] = [];
  for (const rule of rules) {
    for (const pattern of rule.patterns ?? [rule.phrase]) {
      if (text.includes(pattern)) {
        ids.push(rule.id);
        break;
      }
    }
  }
  return ids;
}
