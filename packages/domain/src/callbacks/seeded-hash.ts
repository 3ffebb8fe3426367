/**
 * Small integer hashes for reproducible sampling. Only `Math.imul`, `^` and
 * `>>>` are used: these are exact 32-bit operations, so every JavaScript engine
 * (a restarted server, a second server, a browser) computes the same bits.
 * No floating point, no `Math.random`, no `node:crypto` (the domain package
 * has no platform imports).
 *
 * These are not cryptographic. They only have to make sampling picks look
 * arbitrary to the staff being sampled; the seed itself is stored for audit.
 */

/** MurmurHash3's finaliser: every input bit affects every output bit. */
export function fmix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Hash a string (UTF-16 code units) to an unsigned 32-bit integer; `salt` picks an independent hash. */
export function hashString32(text: string, salt: number): number {
  let h = fmix32(salt ^ 0x9e3779b9);
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 0x5bd1e995);
    h ^= h >>> 15;
  }
  return fmix32(h ^ text.length);
}

/** Two independent 32-bit words derived from a seed string (64 bits of state). */
export function seedWords(seed: string): readonly [number, number] {
  return [hashString32(seed, 0x243f6a88), hashString32(seed, 0x85a308d3)];
}

/** A uniform-looking unsigned 32-bit draw for counter `n` under a seed. */
export function draw32(words: readonly [number, number], n: number): number {
  const h = fmix32(Math.imul(n >>> 0, 0x9e3779b1) ^ words[0]);
  return fmix32(h ^ words[1] ^ Math.floor(n / 0x1_0000_0000));
}

/** Eight lower-case hex digits. */
export function hex32(value: number): string {
  return (value >>> 0).toString(16).padStart(8, '0');
}
