import { describe, expect, it } from 'vitest';
import { checkImage } from './image-check.js';
import { tinyJpeg, tinyPng, tinyWebp } from './image-fixtures.js';

const limits = { maxBytes: 5 * 1024 * 1024, maxSide: 12_000 };

describe('portal photo check', () => {
  it('reads type and size from PNG, JPEG and WebP headers', () => {
    expect(checkImage(tinyPng(640, 480), limits)).toEqual({ ok: true, mime: 'image/png', width: 640, height: 480 });
    expect(checkImage(tinyJpeg(800, 600), limits)).toEqual({ ok: true, mime: 'image/jpeg', width: 800, height: 600 });
    expect(checkImage(tinyWebp(320, 200), limits)).toEqual({ ok: true, mime: 'image/webp', width: 320, height: 200 });
  });

  it('refuses what is not one of the three types, whatever its name says', () => {
    expect(checkImage(Buffer.from('GIF89a............................'), limits)).toMatchObject({ ok: false, reason: 'unknown_type' });
    expect(checkImage(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), limits)).toMatchObject({ ok: false, reason: 'unknown_type' });
  });

  it('refuses truncated headers and absurd dimensions', () => {
    expect(checkImage(tinyPng(10, 10).subarray(0, 20), limits)).toMatchObject({ ok: false, reason: 'truncated' });
    expect(checkImage(tinyJpeg(10, 10).subarray(0, 6), limits)).toMatchObject({ ok: false, reason: 'truncated' });
    expect(checkImage(tinyPng(0, 10), limits)).toMatchObject({ ok: false, reason: 'bad_dimensions' });
    expect(checkImage(tinyPng(60_000, 60_000), limits)).toMatchObject({ ok: false, reason: 'bad_dimensions' });
    expect(checkImage(tinyPng(10_000, 10), limits)).toMatchObject({ ok: false, reason: 'bad_dimensions' });
  });

  it('refuses files over the size limit', () => {
    const big = Buffer.concat([tinyPng(100, 100), Buffer.alloc(2000)]);
    expect(checkImage(big, { ...limits, maxBytes: 1000 })).toMatchObject({ ok: false, reason: 'too_large' });
  });
});
