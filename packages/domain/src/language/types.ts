/**
 * Shared vocabulary of the service-language module: lexicon rules, hits, seeds.
 * Rules are plain data so an organisation can edit, add or disable entries
 * (the seed lexicon is only the default).
 */

/** Seed manuals the phrases come from (see shared/DOMAIN.md: S0 = 000_f19f…, S1 = 001_817a…, …). */
export type SeedId = 'S0' | 'S1' | 'S2' | 'S3' | 'S4';

/** Where a phrase is written in a seed, so a reviewer can check it against the source. */
export interface SeedRef {
  readonly seed: SeedId;
  /** Part / section / item in the seed's own numbering, in Chinese as written there. */
  readonly at: string;
}

/**
 * The four kinds of 服务禁语 named in S1 part 3 (蔑视语, 烦躁语, 否定语, 斗气语)
 * plus vague answers (模糊用语), filler words (口头禅) and other non-standard
 * phrasing (不规范用语, e.g. "喂" or "我问你贵姓").
 */
export const PHRASE_GROUPS = ['蔑视语', '烦躁语', '否定语', '斗气语', '模糊用语', '口头禅', '不规范用语'] as const;
export type PhraseGroup = (typeof PHRASE_GROUPS)[number];

/**
 * 'forbidden': listed as 服务禁语 / 服务忌语 / 禁忌用语 — must never be said.
 * 'nonStandard': listed as 不规范服务用语 or "忌/不得用" style advice — should be replaced.
 */
export type PhraseSeverity = 'forbidden' | 'nonStandard';

/**
 * Where in a clause a pattern may stand (a clause is the text between
 * ，、；：。！？ and line breaks, whatever their width):
 * - 'anywhere': the pattern is unambiguous on its own ("你问我，我问谁").
 * - 'clauseStart': only at the start of a clause — fillers like "就是说"
 *   must not fire inside "也就是说".
 * - 'wholeClause': the pattern is the whole clause, apart from a short
 *   subject in front ("我", "我们也", "这个"…) and modal particles behind
 *   ("啊", "了", "呢"…). Used for bare words such as "不能" or "喂" that are
 *   offensive as a curt answer and harmless inside a sentence
 *   ("不能及时到达的话…", "宠物喂养").
 */
export type MatchScope = 'anywhere' | 'clauseStart' | 'wholeClause';

export interface PhraseRule {
  /** Stable id: seed, section, item ("s1-ban-05"). */
  readonly id: string;
  /** The phrase as the seed writes it, in simplified script; "*" / "×" stand for the seed's placeholders. */
  readonly phrase: string;
  readonly group: PhraseGroup;
  readonly severity: PhraseSeverity;
  readonly sources: readonly SeedRef[];
  /** The standard phrase to say instead (from the seeds wherever they offer one). */
  readonly suggestion: string;
  /**
   * What is actually searched for; default [phrase]. Long seed sentences are
   * cut into their distinctive parts so a partial quote still hits. Patterns
   * are normalised like the text (punctuation and spaces dropped, t→s), so a
   * pattern written with a comma also matches text without one.
   */
  readonly patterns?: readonly string[];
  /** Default 'anywhere'. */
  readonly scope?: MatchScope;
  /**
   * Longer strings containing a pattern in which it is ordinary language
   * ("应该是吧台" for "应该是吧"): a hit inside one of them is dropped.
   */
  readonly exceptions?: readonly string[];
  /**
   * Softeners that make the phrase acceptable when one of them occurs
   * earlier in the same sentence ("很抱歉，按规定实在不能退换" — S3
   * prescribes the apology-first refusal).
   */
  readonly unlessAfter?: readonly string[];
  /** Why the context rule exists; shown to whoever edits the lexicon. */
  readonly note?: string;
}

/** One finding of the checker. Offsets are UTF-16 indices into the ORIGINAL text. */
export interface PhraseHit {
  readonly ruleId: string;
  readonly phrase: string;
  readonly group: PhraseGroup;
  readonly severity: PhraseSeverity;
  /** First code unit of the match in the original text. */
  readonly start: number;
  /** One past the last code unit of the match in the original text. */
  readonly end: number;
  /** text.slice(start, end): what was written, spaces and traditional characters included. */
  readonly matchedText: string;
  readonly suggestion: string;
}
