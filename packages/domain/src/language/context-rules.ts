/**
 * The context a raw pattern match must satisfy before it counts as a hit.
 * Runs only on matches (rare in ordinary text), so it may use plain string
 * operations on the normalised text.
 */
import type { MatchScope } from './types.js';
import { clauseEnd, segmentStart, spansBreak, type NormalizedText } from './text-normalizer.js';

/**
 * What may stand in front of a 'wholeClause' pattern: a short subject, so
 * "我不能。" and "这个我也不清楚啊" count as the bare answer, while
 * "恐怕我不能帮助您" or "这方面的问题我也不清楚" (S2's prescribed wording) do not.
 */
export const DEFAULT_CLAUSE_LEADS: readonly string[] = [
  '我', '我也', '我们', '我们也', '这个', '这个我', '这个我也', '这个我们', '这', '那', '那我', '你', '您',
];

/** Modal particles that may trail a 'wholeClause' pattern ("不行啊", "不知道呢"). */
export const DEFAULT_MODAL_PARTICLES = '啊呀啦吧了哦呢嘛哈哇的';

/**
 * Apologies that license a refusal later in the same sentence: S3 teaches
 * "说‘对不起’，然后再对具体问题进行表达" and prescribes "很抱歉，按规定实在不能退换".
 */
export const APOLOGY_SOFTENERS: readonly string[] = ['对不起', '抱歉', '不好意思', '很遗憾', '请原谅', '请您谅解'];

/** A rule's view of one pattern, folded and ready to test. */
export interface PatternUse {
  readonly rule: number;
  readonly length: number;
  /** The pattern contains no clause punctuation, so a match may not cross a clause break. */
  readonly withinClause: boolean;
  readonly scope: MatchScope;
  /** Exception strings with every offset at which this pattern sits inside them. */
  readonly exceptions: readonly { readonly text: string; readonly offset: number }[];
  readonly unlessAfter: readonly string[];
}

export interface ContextSettings {
  readonly leads: ReadonlySet<string>;
  readonly particles: ReadonlySet<string>;
}

/**
 * How far back a softener may stand: the same sentence, and at most this many
 * characters — an apology a paragraph earlier does not soften a refusal, and a
 * bound keeps a long unpunctuated text from being rescanned per match.
 */
export const SOFTENER_LOOKBACK = 64;

export function acceptsMatch(t: NormalizedText, use: PatternUse, start: number, end: number, ctx: ContextSettings): boolean {
  if (use.withinClause && spansBreak(t, start, end)) return false;
  if (use.scope === 'clauseStart' && segmentStart(t, start) !== start) return false;
  if (use.scope === 'wholeClause' && !isWholeClause(t, start, end, ctx)) return false;
  for (const e of use.exceptions) {
    const at = start - e.offset;
    if (at >= 0 && t.slice(at, at + e.text.length) === e.text) return false;
  }
  if (use.unlessAfter.length > 0) {
    const before = t.slice(Math.max(segmentStart(t, start, true), start - SOFTENER_LOOKBACK), start);
    if (use.unlessAfter.some((s) => before.includes(s))) return false;
  }
  return true;
}

function isWholeClause(t: NormalizedText, start: number, end: number, ctx: ContextSettings): boolean {
  const from = segmentStart(t, start);
  if (from < start && !ctx.leads.has(t.slice(from, start))) return false;
  const to = clauseEnd(t, end);
  for (let i = end; i < to; i++) if (!ctx.particles.has(String.fromCharCode(t.units[i]!))) return false;
  return true;
}

/** Every offset at which needle occurs in haystack (overlapping occurrences included). */
export function offsetsOf(haystack: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) found.push(at);
  return found;
}
