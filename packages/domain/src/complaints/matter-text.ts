/**
 * "Same matter" (同一事项) between two complaint texts.
 *
 * Steps, each for a reason:
 * 1. NFKC + lower case + traditional → simplified (injected): customers write
 *    3栋的電梯 and ３号楼 as often as 3号楼的电梯.
 * 2. Locations become canonical tokens before anything else: 三号楼 / 3号楼 /
 *    3栋 / 3幢 / 第三栋 / 3#楼 → [b3]; 2单元 → [u2]; 12楼 / 十二层 → [f12]. A
 *    different building is a different matter even when every other word agrees.
 *    Floors are kept in the text but ignored: neighbours on different floors
 *    complain about the same lift.
 * 3. Objects and problems come from the lexicon by longest substring match
 *    (see matter-lexicon.ts for why not from the segmenter).
 * 4. What is left is segmented (injected, e.g. jieba) into context words; stop
 *    words, numbers and one-character debris are dropped.
 *
 * Comparison = hard conflicts first (category, building, unit, object,
 * problem: both sides name one and none is shared), then a weighted cosine over
 * the concepts and words, where objects weigh most and free words least.
 */
import { DEFAULT_MATTER_LEXICON, type MatterLexicon } from './matter-lexicon.js';

export interface MatterDeps {
  /** Word segmentation, e.g. jieba `cut(text, true)`. */
  readonly segment: (text: string) => string[];
  /** Traditional → simplified, e.g. opencc-js `Converter({ from: 'tw', to: 'cn' })`. */
  readonly toSimplified: (text: string) => string;
}

export interface MatterFeatures {
  /** Canonical building ids: '3', 'a'. */
  readonly buildings: readonly string[];
  readonly units: readonly string[];
  /** `obj:…` concept codes. */
  readonly objects: readonly string[];
  /** `prob:…` concept codes. */
  readonly problems: readonly string[];
  /** Context words left after the above. */
  readonly words: readonly string[];
  /** The normalised text with location tokens, for display and debugging. */
  readonly normalised: string;
}

export type MatterConflict = 'different_category' | 'different_building' | 'different_unit' | 'different_object' | 'different_problem';

export interface MatterComparison {
  /** Compatible and score ≥ threshold. */
  readonly same: boolean;
  /** Weighted cosine in [0, 1]; 0 when there is a conflict. */
  readonly score: number;
  readonly conflict: MatterConflict | null;
}

/**
 * Changes whenever `matterFeatures` would give a different answer for the same
 * text (new lexicon entries, another normalisation): stored features of an
 * older version are computed again rather than compared with new ones.
 */
export const MATTER_FEATURES_VERSION = 1;

/** Weights of the similarity vector: objects decide, verbs and context help. */
export const MATTER_WEIGHTS = { object: 4, problem: 2, building: 2, unit: 1, word: 1 } as const;

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_NUM = '[零〇一二两三四五六七八九十百]+';
const NUM = `(?:\\d+|${CN_NUM})`;

/**
 * Chinese numerals as written in addresses: 三 → 3, 十二 → 12, 二十三 → 23,
 * 一百零五 → 105, and digit strings 一五零二 → 1502. Arabic digits pass through.
 * Null when the string is not a number.
 */
export function parseChineseNumber(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  if (!new RegExp(`^${CN_NUM}$`).test(text)) return null;
  if (!/[十百]/.test(text)) {
    let n = 0;
    for (const ch of text) n = n * 10 + (DIGITS[ch] ?? 0);
    return n;
  }
  let total = 0;
  let digit = 0;
  for (const ch of text) {
    if (ch === '百') {
      total += (digit || 1) * 100;
      digit = 0;
    } else if (ch === '十') {
      total += (digit || 1) * 10;
      digit = 0;
    } else digit = DIGITS[ch] ?? 0;
  }
  return total + digit;
}

const idOf = (raw: string): string => {
  const n = parseChineseNumber(raw);
  return n === null ? raw.toLowerCase() : String(n);
};

// Order matters: the building-unit-room triple and buildings go first, so that
// the 楼 of 3号楼 is never read as a floor.
const TRIPLE = /(\d+)-(\d+)-(\d+)/g;
const BUILDING = new RegExp(`第?(${NUM}|[a-z])\\s*(?:号楼|号栋|号幢|#楼|#|栋|幢|座)`, 'g');
const UNIT = new RegExp(`第?(${NUM})\\s*单元`, 'g');
const FLOOR = new RegExp(`(?:负|地下|b)?(${NUM})\\s*(?:层|楼(?![道梯下上顶房]))`, 'g');
const ROOM = /\d{3,4}\s*(?:室|号房|房)/g;

/**
 * Folds the script and width, then replaces locations with canonical tokens
 * ([b3] building, [u2] unit, [f12] floor; room numbers are dropped).
 */
export function normaliseMatterText(text: string, toSimplified: (text: string) => string): string {
  return toSimplified(text.normalize('NFKC'))
    .toLowerCase()
    .replace(TRIPLE, (_m, b: string, u: string) => ` [b${idOf(b)}] [u${idOf(u)}] `)
    .replace(BUILDING, (_m, b: string) => ` [b${idOf(b)}] `)
    .replace(UNIT, (_m, u: string) => ` [u${idOf(u)}] `)
    .replace(FLOOR, (_m, f: string) => ` [f${idOf(f)}] `)
    .replace(ROOM, ' ');
}

interface CompiledLexicon {
  /** First character → surfaces starting with it, longest first. */
  readonly byFirst: ReadonlyMap<string, readonly { surface: string; concepts: readonly string[] }[]>;
  readonly stop: ReadonlySet<string>;
}

const compiled = new WeakMap<MatterLexicon, CompiledLexicon>();

function compile(lexicon: MatterLexicon): CompiledLexicon {
  const cached = compiled.get(lexicon);
  if (cached) return cached;
  const byFirst = new Map<string, { surface: string; concepts: readonly string[] }[]>();
  for (const entry of lexicon.entries) {
    for (const surface of entry.surfaces) {
      const first = surface[0];
      if (!first) continue;
      const list = byFirst.get(first) ?? [];
      list.push({ surface, concepts: entry.concepts });
      byFirst.set(first, list);
    }
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.surface.length - a.surface.length);
  const result = { byFirst, stop: new Set(lexicon.stopWords) };
  compiled.set(lexicon, result);
  return result;
}

const USEFUL_WORD = /[\p{Script=Han}a-z]/u;

/** Extracts the features of one complaint text. Pure given pure deps. */
export function matterFeatures(text: string, deps: MatterDeps, lexicon: MatterLexicon = DEFAULT_MATTER_LEXICON): MatterFeatures {
  const normalised = normaliseMatterText(text, deps.toSimplified);
  const buildings = new Set<string>();
  const units = new Set<string>();
  const rest = normalised.replace(/\[([buf])([0-9a-z]+)\]/g, (_m, kind: string, id: string) => {
    if (kind === 'b') buildings.add(id);
    else if (kind === 'u') units.add(id);
    return ' ';
  });

  const { byFirst, stop } = compile(lexicon);
  const objects = new Set<string>();
  const problems = new Set<string>();
  let leftover = '';
  for (let i = 0; i < rest.length; ) {
    const hit = byFirst.get(rest[i]!)?.find((c) => rest.startsWith(c.surface, i));
    if (!hit) {
      leftover += rest[i];
      i++;
      continue;
    }
    for (const concept of hit.concepts) (concept.startsWith('obj:') ? objects : problems).add(concept);
    leftover += ' '; // keep the neighbours apart for the segmenter
    i += hit.surface.length;
  }

  const words = new Set<string>();
  for (const raw of deps.segment(leftover)) {
    const word = raw.trim();
    if (word.length < 2 || stop.has(word) || !USEFUL_WORD.test(word) || /^[\d.]+$/.test(word)) continue;
    words.add(word);
  }
  return {
    buildings: [...buildings],
    units: [...units],
    objects: [...objects],
    problems: [...problems],
    words: [...words],
    normalised: normalised.replace(/\s+/g, ' ').trim(),
  };
}

const disjoint = (a: readonly string[], b: readonly string[]): boolean =>
  a.length > 0 && b.length > 0 && !a.some((x) => b.includes(x));

const vectors = new WeakMap<MatterFeatures, Map<string, number>>();

function vector(f: MatterFeatures): Map<string, number> {
  const cached = vectors.get(f);
  if (cached) return cached;
  const v = new Map<string, number>();
  for (const o of f.objects) v.set(o, MATTER_WEIGHTS.object);
  for (const p of f.problems) v.set(p, MATTER_WEIGHTS.problem);
  for (const b of f.buildings) v.set(`b:${b}`, MATTER_WEIGHTS.building);
  for (const u of f.units) v.set(`u:${u}`, MATTER_WEIGHTS.unit);
  for (const w of f.words) if (!v.has(w)) v.set(w, MATTER_WEIGHTS.word);
  vectors.set(f, v);
  return v;
}

function cosine(a: Map<string, number>, b: Map<string, number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [k, w] of a) {
    na += w * w;
    const other = b.get(k);
    if (other !== undefined) dot += w * other;
  }
  for (const w of b.values()) nb += w * w;
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

/** The first hard conflict between two complaints, or null when they may be the same matter. */
export function matterConflict(
  a: MatterFeatures,
  b: MatterFeatures,
  categories: { a?: string | null; b?: string | null } = {},
): MatterConflict | null {
  if (categories.a && categories.b && categories.a !== categories.b) return 'different_category';
  if (disjoint(a.buildings, b.buildings)) return 'different_building';
  if (disjoint(a.units, b.units)) return 'different_unit';
  if (disjoint(a.objects, b.objects)) return 'different_object';
  if (disjoint(a.problems, b.problems)) return 'different_problem';
  return null;
}

/** Similarity in [0, 1] ignoring conflicts. */
export function matterSimilarity(a: MatterFeatures, b: MatterFeatures): number {
  return cosine(vector(a), vector(b));
}

export function compareMatters(
  a: MatterFeatures,
  b: MatterFeatures,
  threshold: number,
  categories: { a?: string | null; b?: string | null } = {},
): MatterComparison {
  const conflict = matterConflict(a, b, categories);
  if (conflict) return { same: false, score: 0, conflict };
  const score = matterSimilarity(a, b);
  return { same: score >= threshold, score, conflict: null };
}
