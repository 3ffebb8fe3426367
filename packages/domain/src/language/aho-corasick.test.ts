import { describe, expect, it } from 'vitest';
import { buildAutomaton } from './aho-corasick.js';

function matches(patterns: string[], text: string): [string, number][] {
  const found: [string, number][] = [];
  const units = Array.from(text, (ch) => ch.charCodeAt(0));
  buildAutomaton(patterns).scan(units, units.length, (p, end) => found.push([patterns[p]!, end]));
  return found;
}

/** Every occurrence by brute force, in the automaton's order (end, then longest first). */
function bruteForce(patterns: string[], text: string): [string, number][] {
  const distinct = [...new Set(patterns)];
  const found: [string, number][] = [];
  for (let end = 1; end <= text.length; end++) {
    const here = distinct.filter((p) => p.length <= end && text.startsWith(p, end - p.length));
    here.sort((a, b) => b.length - a.length);
    for (const p of here) found.push([p, end]);
  }
  return found;
}

/** Small deterministic PRNG so the random test is repeatable. */
function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('Aho–Corasick automaton', () => {
  it('finds the textbook example he / she / his / hers in "ushers"', () => {
    expect(matches(['he', 'she', 'his', 'hers'], 'ushers')).toEqual([
      ['she', 4],
      ['he', 4],
      ['hers', 6],
    ]);
  });

  it('reports overlapping and nested CJK patterns', () => {
    expect(matches(['我问谁', '问谁', '你问我', '我问'], '你问我问谁')).toEqual([
      ['你问我', 3],
      ['我问', 4],
      ['我问谁', 5],
      ['问谁', 5],
    ]);
  });

  it('reports a duplicate pattern under its first index only', () => {
    const found: number[] = [];
    const units = Array.from('不归我管', (ch) => ch.charCodeAt(0));
    buildAutomaton(['归我管', 'x', '归我管']).scan(units, units.length, (p) => found.push(p));
    expect(found).toEqual([0]);
  });

  it('rejects an empty pattern', () => {
    expect(() => buildAutomaton(['a', ''])).toThrow(RangeError);
  });

  it('agrees with brute force on random texts over a small alphabet (deep failure chains)', () => {
    const rand = mulberry32(7);
    const alphabet = '不知道我你问谁';
    const pick = (n: number) => Array.from({ length: n }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
    for (let round = 0; round < 200; round++) {
      const patterns = Array.from({ length: 1 + Math.floor(rand() * 12) }, () => pick(1 + Math.floor(rand() * 4)));
      const text = pick(Math.floor(rand() * 60));
      expect(matches(patterns, text)).toEqual(bruteForce(patterns, text));
    }
  });

  it('uses binary search on a state with many edges and still agrees with brute force', () => {
    const wide = Array.from({ length: 300 }, (_, i) => `前${String.fromCharCode(0x4e00 + i * 7)}`);
    const text = `前${String.fromCharCode(0x4e00 + 7 * 123)}后前前${String.fromCharCode(0x4e00 + 7 * 299)}`;
    expect(matches(wide, text)).toEqual(bruteForce(wide, text));
    expect(matches(wide, text)).toHaveLength(2);
  });

  it('returns to the root on units that occur in no pattern', () => {
    expect(matches(['你问'], '你x问你问')).toEqual([['你问', 5]]);
  });
});
