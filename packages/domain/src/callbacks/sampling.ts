/**
 * Sampled callbacks for assistance complaints (S1 4.6.3.3(3): 抽样回访, 回访率不低于30%).
 *
 * Scheme: quota windows with a seeded pick ("jittered systematic sampling").
 * Number a month's sampling-frame complaints k = 1, 2, 3, … in the order their
 * results are given. Let L(k) = ceil(rate × k), the least count that keeps the
 * rate at k. The j-th pick is due by D(j), the first k with L(k) ≥ j, so the
 * indices fall into consecutive windows W(j) = [D(j-1)+1, D(j)] and exactly one
 * complaint of each window is picked, at a position drawn from hash(seed, j).
 *
 * Consequences, for every prefix k (and so for whatever n the month ends at):
 * - count(k) ≥ ceil(rate × k): every window that has closed has had its pick,
 *   so the rate never dips below the setting during the month;
 * - count(k) ≤ ceil(rate × k) + 1: only the one open window can be ahead;
 * - the decision for k needs only (seed, k, rate): O(1), no stored state, so a
 *   restart or a second server gives the same answer.
 *
 * Why not exactly ceil(rate × n) at month end in the seeded mode: the month's
 * n is unknown while deciding, so exactness at every possible n forces
 * count(k) = ceil(rate × k) for all k, which fixes every pick and leaves no
 * room for a seed. `exact` mode is that deterministic schedule (the pick is
 * always the last index of its window); `jittered` trades at most one extra
 * callback a month for picks the handlers cannot predict. Either way, the
 * first complaint of a month is always picked: ceil(rate × 1) = 1.
 *
 * Rates are held as integer parts per million, so there is no floating-point
 * rounding in any comparison (0.3 × 10 is exactly 3 here).
 */
import { draw32, hashString32, hex32, seedWords } from './seeded-hash.js';

export const SAMPLING_MODES = ['jittered', 'exact'] as const;
export type SamplingMode = (typeof SAMPLING_MODES)[number];

/** Rates are rounded to parts per million. */
export const RATE_SCALE = 1_000_000;
/** Keeps rate × index below 2^53 so integer arithmetic on doubles stays exact. */
export const MAX_INDEX_IN_MONTH = 1_000_000_000;

const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * The seed of one site-month (or organisation-month), derived from a stored
 * organisation seed. Store the result with the month's rate and mode so that
 * the month can be re-audited even after the settings change.
 */
export function monthlySeed(orgSeed: string, month: string): string {
  if (orgSeed.length === 0) throw new RangeError('orgSeed must not be empty');
  if (!MONTH_PATTERN.test(month)) throw new RangeError(`month must look like YYYY-MM, got "${month}"`);
  const text = `${orgSeed}\u0000${month}`;
  return hex32(hashString32(text, 0x13198a2e)) + hex32(hashString32(text, 0x03707344));
}

/** Rate in [0, 1] → integer parts per million. */
export function rateToParts(rate: number): number {
  if (!Number.isFinite(rate) || rate < 0 || rate > 1) throw new RangeError(`sampling rate must be within [0, 1], got ${rate}`);
  return Math.round(rate * RATE_SCALE);
}

/** The least number of samples that meets `rate` among `n` complaints: ceil(rate × n), exactly. */
export function requiredSampleCount(n: number, rate: number): number {
  checkIndex(n, 'n', 0);
  return ceilDiv(rateToParts(rate) * n, RATE_SCALE);
}

/** Whether the k-th complaint of the month (1-based) is picked. Depends only on (seed, k, rate, mode). */
export function isSampled(seed: string, indexInMonth: number, rate: number, mode: SamplingMode = 'jittered'): boolean {
  checkIndex(indexInMonth, 'indexInMonth', 1);
  const parts = rateToParts(rate);
  if (parts === 0) return false;
  const window = windowOf(indexInMonth, parts);
  return pickIn(window, seedWords(seed), mode) === indexInMonth;
}

/** How many of complaints 1..k are picked; O(1). For audits and the monthly report. */
export function sampledCount(seed: string, k: number, rate: number, mode: SamplingMode = 'jittered'): number {
  checkIndex(k, 'k', 0);
  const parts = rateToParts(rate);
  if (parts === 0 || k === 0) return 0;
  const window = windowOf(k, parts);
  // Every earlier window has closed and had its pick; the open one may be ahead.
  return window.quota - 1 + (pickIn(window, seedWords(seed), mode) <= k ? 1 : 0);
}

/** The picked indices (1-based, ascending) among the first n complaints of the month. */
export function sampleMonth(seed: string, n: number, rate: number, mode: SamplingMode = 'jittered'): number[] {
  checkIndex(n, 'n', 0);
  const parts = rateToParts(rate);
  const picks: number[] = [];
  if (parts === 0) return picks;
  const words = seedWords(seed);
  for (let quota = 1; ; quota++) {
    const window = windowFor(quota, parts);
    if (window.start > n) return picks;
    const pick = pickIn(window, words, mode);
    if (pick <= n) picks.push(pick);
  }
}

interface QuotaWindow {
  /** j: this window holds the j-th pick of the month. */
  readonly quota: number;
  readonly start: number;
  /** D(j): the pick must have happened by this index. */
  readonly end: number;
}

/** The window holding index k: j = L(k-1) + 1. */
function windowOf(k: number, parts: number): QuotaWindow {
  return windowFor(ceilDiv(parts * (k - 1), RATE_SCALE) + 1, parts);
}

/** D(j) = floor((j-1) / rate) + 1: the first k with ceil(rate × k) ≥ j; D(0) = 0. */
function windowFor(quota: number, parts: number): QuotaWindow {
  const dueBy = (j: number): number => (j === 0 ? 0 : floorDiv((j - 1) * RATE_SCALE, parts) + 1);
  return { quota, start: dueBy(quota - 1) + 1, end: dueBy(quota) };
}

function pickIn(window: QuotaWindow, words: readonly [number, number], mode: SamplingMode): number {
  if (mode === 'exact') return window.end;
  const size = window.end - window.start + 1;
  // size ≤ 10^6 + 1, so draw × size < 2^53: the product and the division are exact.
  return window.start + Math.floor((draw32(words, window.quota) * size) / 0x1_0000_0000);
}

/** floor(a / b) for non-negative integers below 2^53, corrected for division rounding. */
function floorDiv(a: number, b: number): number {
  let q = Math.floor(a / b);
  if (q * b > a) q -= 1;
  else if ((q + 1) * b <= a) q += 1;
  return q;
}

function ceilDiv(a: number, b: number): number {
  const q = floorDiv(a, b);
  return q * b === a ? q : q + 1;
}

function checkIndex(value: number, name: string, min: number): void {
  if (!Number.isInteger(value) || value < min || value > MAX_INDEX_IN_MONTH) {
    throw new RangeError(`${name} must be an integer in [${min}, ${MAX_INDEX_IN_MONTH}], got ${value}`);
  }
}
