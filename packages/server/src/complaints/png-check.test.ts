import { crc32, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { checkPng, checkPngDataUrl } from './png-check.js';

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A real PNG: width × height RGBA (colour type 6) or grey (0), filter 0 on every row. */
function makePng(width: number, height: number, options: { colour?: 0 | 6; interlaced?: boolean; raw?: Buffer } = {}): Buffer {
  const colour = options.colour ?? 6;
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = colour;
  ihdr[12] = options.interlaced ? 1 : 0;
  const bpp = colour === 6 ? 4 : 1;
  const raw = options.raw ?? Buffer.concat(Array.from({ length: height }, () => Buffer.concat([Buffer.from([0]), Buffer.alloc(width * bpp, 0x80)])));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const url = (bytes: Buffer) => `data:image/png;base64,${bytes.toString('base64')}`;

describe('checkPngDataUrl', () => {
  it('accepts a real PNG and reads its size', () => {
    expect(checkPngDataUrl(url(makePng(3, 2)), 200 * 1024)).toMatchObject({ ok: true, width: 3, height: 2 });
  });

  it('accepts an interlaced PNG (Adam7 pass sizes)', () => {
    // 3×3 grey, interlaced: only the passes whose origin lies inside the image carry rows.
    const rows: Buffer[] = [];
    for (const [x0, y0, dx, dy] of [[0, 0, 8, 8], [4, 0, 8, 8], [0, 4, 4, 8], [2, 0, 4, 4], [0, 2, 2, 4], [1, 0, 2, 2], [0, 1, 1, 2]] as const) {
      const w = 3 > x0 ? Math.ceil((3 - x0) / dx) : 0;
      const h = 3 > y0 ? Math.ceil((3 - y0) / dy) : 0;
      if (w > 0) for (let i = 0; i < h; i++) rows.push(Buffer.concat([Buffer.from([0]), Buffer.alloc(w, 7)]));
    }
    expect(checkPng(makePng(3, 3, { colour: 0, interlaced: true, raw: Buffer.concat(rows) }))).toMatchObject({ ok: true });
  });

  it.each([
    ['another image type', 'data:image/jpeg;base64,/9j/4AAQ', 'not_a_png_data_url'],
    ['not base64', 'data:image/png;base64,@@@@', 'not_a_png_data_url'],
    ['base64 of text', url(Buffer.from('hello, I am not a picture')), 'not_png'],
  ] as const)('refuses %s', (_name, value, problem) => {
    expect(checkPngDataUrl(value, 200 * 1024)).toMatchObject({ ok: false, problem });
  });

  it('refuses more bytes than the limit before decoding them', () => {
    expect(checkPngDataUrl(url(makePng(3, 2)), 50)).toMatchObject({ ok: false, problem: 'too_large' });
  });

  it('refuses a PNG whose chunk was damaged (CRC)', () => {
    const png = makePng(3, 2);
    png[20] ^= 0xff; // inside IHDR's width
    expect(checkPng(png)).toMatchObject({ ok: false, problem: 'corrupt' });
  });

  it('refuses a truncated file and data after IEND', () => {
    const png = makePng(3, 2);
    expect(checkPng(png.subarray(0, png.length - 5))).toMatchObject({ ok: false, problem: 'corrupt' });
    expect(checkPng(Buffer.concat([png, Buffer.from('extra')]))).toMatchObject({ ok: false, problem: 'corrupt' });
  });

  it('refuses image data that does not match the header', () => {
    const short = Buffer.concat([Buffer.from([0]), Buffer.alloc(12)]); // one row of a 3×2 RGBA image
    expect(checkPng(makePng(3, 2, { raw: short }))).toMatchObject({ ok: false, problem: 'corrupt' });
    const badFilter = Buffer.concat([Buffer.from([9]), Buffer.alloc(12), Buffer.from([0]), Buffer.alloc(12)]);
    expect(checkPng(makePng(3, 2, { raw: badFilter }))).toMatchObject({ ok: false, problem: 'corrupt' });
  });

  it('refuses a small file that would inflate to a huge image', () => {
    const header = makePng(1, 1);
    // Rewrite IHDR to 5000×5000 with a valid CRC: the size check comes before any inflating.
    const ihdr = Buffer.from(header.subarray(16, 29));
    ihdr.writeUInt32BE(5000, 0);
    ihdr.writeUInt32BE(5000, 4);
    const png = Buffer.concat([header.subarray(0, 8), chunk('IHDR', ihdr), header.subarray(33)]);
    expect(checkPng(png)).toMatchObject({ ok: false, problem: 'too_many_pixels' });
  });
});
