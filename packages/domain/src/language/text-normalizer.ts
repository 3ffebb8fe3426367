/**
 * One pass over a text that produces the form phrases are matched in, plus a
 * map back to the original offsets.
 *
 * Per UTF-16 code unit: full-width ASCII folds to half-width, ASCII letters to
 * lower case, traditional characters to simplified; spaces, symbols and
 * punctuation are dropped, so "你 问 我 , 我-问-谁" reads "你问我我问谁".
 * Dropped clause punctuation (，。！？、；： and their half-width forms, line
 * breaks) is remembered as a break position, because the context rules need
 * clause and sentence bounds.
 *
 * Traditional → simplified is done character by character through the caller's
 * converter (opencc in the server), cached in a 64k-entry table, so the hot
 * loop is one table lookup per code unit. Why not convert the whole string:
 * the result may change length (≈180 BMP CJK characters convert to a
 * surrogate pair) and the offset map would break; it is also 2–4× slower than
 * this whole pass. A character whose conversion is not exactly one code unit is
 * kept as written. The price: phrase-only conversions (回覆 → 回复) are not
 * made; no lexicon pattern depends on one (text-normalizer.test.ts checks).
 * Patterns go through the same function, so text and patterns always agree.
 */

export type ToSimplified = (s: string) => string;

/** Kind of a dropped punctuation mark. Sentence breaks also end a clause. */
export const BREAK_CLAUSE = 1;
export const BREAK_SENTENCE = 2;

export interface NormalizedText {
  /** Folded code units, units[0 … length). */
  readonly units: Uint16Array;
  readonly length: number;
  /** origin[i] = index in the original text of units[i]. */
  readonly origin: Uint32Array;
  /** Sorted normalised positions p: a clause ends between units p-1 and p. Never 0 or length. */
  readonly breaks: readonly number[];
  /** BREAK_CLAUSE or BREAK_SENTENCE, parallel to breaks. */
  readonly breakKinds: readonly number[];
  /** units[from … to) as a string; cheap for the short spans context rules look at. */
  slice(from: number, to: number): string;
  /** The folded units as a string (built on first use). */
  text(): string;
}

/*
 * One table lookup per code unit. Values: 0 drop, 1 clause break, 2 sentence
 * break, 3 high surrogate, 0xFFFF "kept, fold not known yet" (resolved through
 * the converter on first sight), anything else the folded unit itself. Codes
 * 1–3 and U+FFFF are control / non-characters, never kept, so they are free.
 */
const DROP = 0;
const HIGH_SURROGATE = 3;
const UNRESOLVED = 0xffff;

let baseTable: Uint16Array | undefined;

/** Built once per process (~65k regexp tests, a few ms); each normalizer copies it. */
function baseFoldTable(): Uint16Array {
  if (baseTable) return baseTable;
  const table = new Uint16Array(65536);
  const word = /[\p{L}\p{N}]/u;
  for (let c = 0; c < 65536; c++) {
    if (c >= 0xd800 && c <= 0xdbff) table[c] = HIGH_SURROGATE;
    else if (c >= 0xdc00 && c <= 0xdfff) table[c] = DROP; // a lone low surrogate
    else {
      const f = foldWidthAndCase(c);
      if (word.test(String.fromCharCode(f))) table[c] = f < 0x80 ? f : UNRESOLVED;
    }
  }
  for (const ch of '，、；：,;:…') table[ch.charCodeAt(0)] = BREAK_CLAUSE;
  for (const ch of '。！？!?.｡\n\r\u2028\u2029') table[ch.charCodeAt(0)] = BREAK_SENTENCE;
  // Full-width forms of the ASCII breaks ("．" …) break like their half-width twins.
  for (let c = 0xff01; c <= 0xff5e; c++) {
    const half = table[c - 0xfee0]!;
    if (half === BREAK_CLAUSE || half === BREAK_SENTENCE) table[c] = half;
  }
  baseTable = table;
  return table;
}

/** Full-width ASCII (U+FF01–U+FF5E) to half-width, ideographic space to space, A–Z to a–z. */
function foldWidthAndCase(c: number): number {
  if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
  else if (c === 0x3000) return 0x20;
  if (c >= 0x41 && c <= 0x5a) c += 0x20;
  return c;
}

const astralWord = /^[\p{L}\p{N}]$/u;

export interface TextNormalizer {
  normalize(text: string): NormalizedText;
  /**
   * Same result, written into buffers that the next call of this method
   * overwrites: the checker's hot path, where a chat turn of 30 characters
   * should not cost four fresh arrays.
   */
  normalizeTransient(text: string): NormalizedText;
  /** Shorthand for normalize(text).text(). */
  fold(text: string): string;
}

/** Growable buffers behind a NormalizedText. */
class Normalized implements NormalizedText {
  units: Uint16Array;
  origin: Uint32Array;
  length = 0;
  readonly breaks: number[] = [];
  readonly breakKinds: number[] = [];
  private cached: string | undefined;

  constructor(capacity: number) {
    this.units = new Uint16Array(capacity);
    this.origin = new Uint32Array(capacity);
  }

  reset(capacity: number): void {
    if (this.units.length < capacity) {
      this.units = new Uint16Array(capacity);
      this.origin = new Uint32Array(capacity);
    }
    this.length = 0;
    this.breaks.length = 0;
    this.breakKinds.length = 0;
    this.cached = undefined;
  }

  slice(from: number, to: number): string {
    return unitsToString(this.units, Math.max(0, from), Math.min(this.length, to));
  }

  text(): string {
    return (this.cached ??= unitsToString(this.units, 0, this.length));
  }
}

export function createTextNormalizer(toSimplified: ToSimplified): TextNormalizer {
  const table = baseFoldTable().slice();
  const transient = new Normalized(256);

  /**
   * Follows the converter to a fixed point: opencc's tw→cn turns 麼 into 么
   * but a lone 么 into 幺, so one step would fold "怎麼" and "怎么" apart. The
   * fixed point (幺 for both) is a matching key, not display text; a cycle, if
   * a converter had one, folds to its smallest member.
   */
  function resolve(code: number): number {
    const chain = [foldWidthAndCase(code)];
    for (;;) {
      const last = chain[chain.length - 1]!;
      const s = toSimplified(String.fromCharCode(last));
      const next = s.length === 1 ? s.charCodeAt(0) : last;
      const seen = chain.indexOf(next);
      if (seen === chain.length - 1) break; // fixed point
      if (seen >= 0) {
        chain.push(Math.min(...chain.slice(seen)));
        break;
      }
      chain.push(next);
    }
    let out = chain[chain.length - 1]!;
    if (out <= HIGH_SURROGATE || out === UNRESOLVED) out = foldWidthAndCase(code); // never alias a marker
    table[code] = out;
    return out;
  }

  function run(text: string, into: Normalized): Normalized {
    const n = text.length;
    into.reset(n);
    const { units, origin, breaks, breakKinds } = into;
    let len = 0;
    let pending = 0; // strongest break seen since the last kept unit
    for (let i = 0; i < n; i++) {
      let u = table[text.charCodeAt(i)]!;
      if (u > HIGH_SURROGATE) {
        if (u === UNRESOLVED) u = resolve(text.charCodeAt(i));
        if (pending !== 0) {
          if (len > 0) {
            breaks.push(len);
            breakKinds.push(pending);
          }
          pending = 0;
        }
        units[len] = u;
        origin[len++] = i;
      } else if (u === BREAK_CLAUSE) {
        if (pending === 0) pending = BREAK_CLAUSE;
      } else if (u === BREAK_SENTENCE) {
        pending = BREAK_SENTENCE;
      } else if (u === HIGH_SURROGATE && i + 1 < n) {
        // Astral letters (CJK extension B…) are kept unconverted; emoji are dropped.
        const lo = text.charCodeAt(i + 1);
        if (lo >= 0xdc00 && lo <= 0xdfff) {
          if (astralWord.test(text.slice(i, i + 2))) {
            if (pending !== 0 && len > 0) {
              breaks.push(len);
              breakKinds.push(pending);
            }
            pending = 0;
            units[len] = text.charCodeAt(i);
            origin[len++] = i;
            units[len] = lo;
            origin[len++] = i + 1;
          }
          i++;
        }
      }
    }
    into.length = len;
    return into;
  }

  return {
    normalize: (text) => run(text, new Normalized(text.length)),
    normalizeTransient: (text) => run(text, transient),
    fold: (text) => run(text, transient).text(),
  };
}

const utf16 = typeof TextDecoder === 'function' ? new TextDecoder('utf-16le') : undefined;

function unitsToString(units: Uint16Array, from: number, to: number): string {
  if (to <= from) return '';
  if (to - from > 64 && utf16) return utf16.decode(units.subarray(from, to));
  let out = '';
  const CHUNK = 4096; // keeps fromCharCode's argument list small
  for (let i = from; i < to; i += CHUNK) {
    out += String.fromCharCode.apply(null, units.subarray(i, Math.min(to, i + CHUNK)) as unknown as number[]);
  }
  return out;
}

/** Index of the first break > pos (breaks.length if none). */
function firstBreakAfter(breaks: readonly number[], pos: number): number {
  let lo = 0;
  let hi = breaks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (breaks[mid]! <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** True when a clause break lies strictly inside [start, end). */
export function spansBreak(t: NormalizedText, start: number, end: number): boolean {
  const k = firstBreakAfter(t.breaks, start);
  return k < t.breaks.length && t.breaks[k]! < end;
}

/** Start of the clause (or, with sentence = true, the sentence) containing pos. */
export function segmentStart(t: NormalizedText, pos: number, sentence = false): number {
  for (let k = firstBreakAfter(t.breaks, pos) - 1; k >= 0; k--) {
    if (!sentence || t.breakKinds[k] === BREAK_SENTENCE) return t.breaks[k]!;
  }
  return 0;
}

/** End (exclusive) of the clause whose last unit is end-1. */
export function clauseEnd(t: NormalizedText, end: number): number {
  const k = firstBreakAfter(t.breaks, end - 1);
  return k < t.breaks.length ? t.breaks[k]! : t.length;
}
