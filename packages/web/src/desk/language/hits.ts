import type { Hit } from './types';

/**
 * Moves hits found in `before` onto `after` across one edit (what changed is
 * the middle between their common prefix and suffix). Hits wholly outside the
 * edit keep marking the same words while the next check is on its way, so the
 * underline does not flicker at every keystroke; hits touched by the edit are
 * dropped until the server has looked again.
 */
export function rebaseHits(before: string, after: string, hits: readonly Hit[]): Hit[] {
  if (before === after) return [...hits];
  let prefix = 0;
  const shorter = Math.min(before.length, after.length);
  while (prefix < shorter && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (suffix < shorter - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
  const editEnd = before.length - suffix;
  const delta = after.length - before.length;
  return hits.flatMap((h) => {
    if (h.end <= prefix) return [h];
    if (h.start >= editEnd) return [{ ...h, start: h.start + delta, end: h.end + delta }];
    return [];
  });
}

export interface Segment { text: string; hit: Hit | null }

/** The text cut into plain runs and marked runs; a hit overlapping an earlier one widens that mark. */
export function segmentsOf(text: string, hits: readonly Hit[]): Segment[] {
  const sorted = [...hits].filter((h) => h.start >= 0 && h.end <= text.length && h.start < h.end).sort((a, b) => a.start - b.start);
  const marks: { start: number; end: number; hit: Hit }[] = [];
  for (const hit of sorted) {
    const last = marks[marks.length - 1];
    if (last && hit.start < last.end) last.end = Math.max(last.end, hit.end);
    else marks.push({ start: hit.start, end: hit.end, hit });
  }
  const segments: Segment[] = [];
  let at = 0;
  for (const mark of marks) {
    if (mark.start > at) segments.push({ text: text.slice(at, mark.start), hit: null });
    segments.push({ text: text.slice(mark.start, mark.end), hit: mark.hit });
    at = mark.end;
  }
  if (at < text.length) segments.push({ text: text.slice(at), hit: null });
  return segments;
}

/** Filler words (口头禅) have advice, not a phrase, as their suggestion: the fix is to drop them. */
export const removesOnly = (hit: Hit) => hit.category === '口头禅';

const ENDS_SENTENCE = /[。！？.!?]$/;
const PUNCTUATION = /^[。！？，、；.!?,;]$/;

/** The text with the hit's span replaced by its suggestion (or removed), and where the caret goes. */
export function applySuggestion(text: string, hit: Hit): { text: string; select: [number, number] } {
  const replacement = removesOnly(hit) ? '' : hit.suggestion;
  // The suggestion is a whole sentence with its own stop: the hit's "？" or "，" after it would double it.
  const end = ENDS_SENTENCE.test(replacement) && PUNCTUATION.test(text[hit.end] ?? '') ? hit.end + 1 : hit.end;
  const next = text.slice(0, hit.start) + replacement + text.slice(end);
  // A suggestion with a gap ("按规定实在不能……") selects the gap so the agent types over it.
  const gap = replacement.indexOf('……');
  const select: [number, number] = gap >= 0 ? [hit.start + gap, hit.start + gap + 2] : [hit.start + replacement.length, hit.start + replacement.length];
  return { text: next, select };
}
