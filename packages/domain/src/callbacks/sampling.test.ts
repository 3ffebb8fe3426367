import { describe, expect, it } from 'vitest';
import {
  isSampled,
  monthlySeed,
  requiredSampleCount,
  sampledCount,
  sampleMonth,
  SAMPLING_MODES,
  type SamplingMode,
} from './sampling.js';

/** A tiny deterministic PRNG for the test's own choices (month sizes, seeds), so failures replay. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const RATE = 0.3;
const ceil30 = (k: number): number => Math.ceil((3 * k) / 10); // integer arithmetic: no float trap
const floor30 = (k: number): number => Math.floor((3 * k) / 10);

describe('monthlySeed', () => {
  it('is a stable 16-hex-digit string per (org seed, month)', () => {
    const a = monthlySeed('org-7f3a', '2025-10');
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(monthlySeed('org-7f3a', '2025-10')).toBe(a);
    expect(monthlySeed('org-7f3a', '2025-11')).not.toBe(a);
    expect(monthlySeed('org-7f3b', '2025-10')).not.toBe(a);
  });
  it.each(['2025-13', '2025-1', '2025-00', '202510', ''])('refuses month %j', (month) => {
    expect(() => monthlySeed('org', month)).toThrow(RangeError);
  });
  it('refuses an empty org seed', () => {
    expect(() => monthlySeed('', '2025-10')).toThrow(RangeError);
  });
});

describe('requiredSampleCount', () => {
  it.each([
    [0, 0.3, 0],
    [1, 0.3, 1],
    [10, 0.3, 3],
    [11, 0.3, 4],
    [30, 0.1, 3], // 0.1 × 30 is 3.0000000000000004 in floating point; naive Math.ceil says 4
    [10, 0.7, 7],
    [500, 0.3, 150],
    [7, 0, 0],
    [7, 1, 7],
  ])('n=%i rate=%f → %i', (n, rate, expected) => {
    expect(requiredSampleCount(n, rate)).toBe(expected);
  });
  it.each([[-0.1], [1.01], [Number.NaN], [Infinity]])('refuses rate %f', (rate) => {
    expect(() => requiredSampleCount(10, rate)).toThrow(RangeError);
  });
});

describe('the exact schedule', () => {
  it('picks where ceil(0.3 k) steps up: 1, 4, 7, 11, 14, 17 of 20', () => {
    expect(sampleMonth('any', 20, RATE, 'exact')).toEqual([1, 4, 7, 11, 14, 17]);
    expect(sampleMonth('another seed', 20, RATE, 'exact')).toEqual([1, 4, 7, 11, 14, 17]);
  });
});

describe('1,000 simulated months, n = 0…500', () => {
  const rng = mulberry32(20251009);
  const months = Array.from({ length: 1000 }, (_, i) => ({
    seed: monthlySeed(`org-${Math.floor(rng() * 1e9)}`, `20${10 + (i % 90)}-${String((i % 12) + 1).padStart(2, '0')}`),
    n: i < 3 ? [0, 1, 500][i]! : Math.floor(rng() * 501),
  }));

  it.each(SAMPLING_MODES.map((m) => [m]))('%s: every prefix keeps the rate, every decision is (seed, k) only', (mode: SamplingMode) => {
    const overshoot = [0, 0];
    const rates: number[] = [];
    const failures: string[] = []; // one expect at the end: 250,000 expect() calls would dominate the run time
    for (const { seed, n } of months) {
      const picks = sampleMonth(seed, n, RATE, mode);
      const set = new Set(picks);
      let running = 0;
      for (let k = 1; k <= n; k++) {
        const picked = isSampled(seed, k, RATE, mode);
        if (picked !== set.has(k)) failures.push(`${seed} k=${k}: isSampled disagrees with sampleMonth`);
        if (picked) running++;
        // Required prefix property (≥ floor) and the stronger one this scheme gives (≥ ceil, ≤ ceil + 1).
        const high = ceil30(k) + (mode === 'exact' ? 0 : 1);
        if (running < floor30(k) || running < ceil30(k) || running > high) failures.push(`${seed} k=${k}: ${running} picked`);
        if (sampledCount(seed, k, RATE, mode) !== running) failures.push(`${seed} k=${k}: sampledCount disagrees`);
      }
      expect(picks.length).toBe(running);
      const extra = picks.length - ceil30(n);
      if (mode === 'exact') expect(extra).toBe(0);
      else expect([0, 1]).toContain(extra);
      overshoot[extra] = (overshoot[extra] ?? 0) + 1;
      if (n > 0) rates.push(picks.length / n);
    }
    expect(failures).toEqual([]);
    printDistribution(mode, rates, overshoot);
  });

  it('is reproducible, and different seeds pick differently', () => {
    for (const { seed, n } of months) {
      expect(sampleMonth(seed, n, RATE)).toEqual(sampleMonth(seed, n, RATE));
    }
    const big = months.filter((m) => m.n >= 50);
    const distinct = new Set(big.map((m) => sampleMonth(m.seed, 50, RATE).join(',')));
    expect(distinct.size).toBe(new Set(big.map((m) => m.seed)).size);
  });
});

describe('jittered picks', () => {
  it('do not depend on the order decisions are asked in (restart, second server)', () => {
    const seed = monthlySeed('org', '2025-10');
    const forward = Array.from({ length: 200 }, (_, i) => isSampled(seed, i + 1, RATE));
    const order = Array.from({ length: 200 }, (_, i) => 200 - i);
    const backward = new Map(order.map((k) => [k, isSampled(seed, k, RATE)]));
    expect(forward).toEqual(Array.from({ length: 200 }, (_, i) => backward.get(i + 1)));
  });

  it('spread evenly inside a window, so the pick cannot be guessed (window 2 = complaints 2, 3, 4)', () => {
    const counts = [0, 0, 0];
    for (let s = 0; s < 3000; s++) {
      const pick = sampleMonth(`seed-${s}`, 4, RATE).find((k) => k > 1)!;
      counts[pick - 2]!++;
    }
    for (const c of counts) expect(c).toBeGreaterThan(850); // ≈ 1000 each
  });

  it.each([[0.01], [0.05], [1 / 3], [0.5], [0.999999], [1]])('hold the prefix bounds at rate %f', (rate) => {
    for (let s = 0; s < 20; s++) {
      const seed = `rate-${rate}-${s}`;
      const picks = new Set(sampleMonth(seed, 400, rate));
      let running = 0;
      for (let k = 1; k <= 400; k++) {
        if (picks.has(k)) running++;
        const need = requiredSampleCount(k, rate);
        expect(running).toBeGreaterThanOrEqual(need);
        expect(running).toBeLessThanOrEqual(need + 1);
      }
    }
  });

  it('never pick at rate 0 and always pick at rate 1', () => {
    expect(sampleMonth('s', 100, 0)).toEqual([]);
    expect(isSampled('s', 5, 0)).toBe(false);
    expect(sampleMonth('s', 5, 1)).toEqual([1, 2, 3, 4, 5]);
  });

  it('refuse indices outside the month', () => {
    expect(() => isSampled('s', 0, RATE)).toThrow(RangeError);
    expect(() => isSampled('s', 1.5, RATE)).toThrow(RangeError);
    expect(() => sampleMonth('s', -1, RATE)).toThrow(RangeError);
  });
});

function printDistribution(mode: string, rates: number[], overshoot: number[]): void {
  const buckets = new Map<string, number>();
  for (const r of rates) {
    const low = Math.min(Math.floor(r * 100), 100);
    const key = low >= 40 ? '≥40%' : `${low}–${low + 1}%`;
    buckets.set(key, (buckets.get(key) ?? 0) + 1);
  }
  const lines = [...buckets.entries()]
    .sort(([a], [b]) => (a.startsWith('≥') ? 1 : b.startsWith('≥') ? -1 : parseInt(a) - parseInt(b)))
    .map(([k, v]) => `  ${k.padEnd(8)} ${String(v).padStart(4)} ${'#'.repeat(Math.ceil(v / 10))}`);
  const min = Math.min(...rates);
  console.log(
    `[callback sampling, ${mode}] achieved rate over ${rates.length} non-empty months (target 30%), ` +
      `min ${(min * 100).toFixed(2)}%, months at ceil(0.3n): ${overshoot[0] ?? 0}, at ceil+1: ${overshoot[1] ?? 0}\n${lines.join('\n')}`,
  );
}
