import { crc32, inflateSync } from 'node:zlib';

/**
 * A customer's signature arrives as a PNG data URL from a signature pad. "Must
 * decode as PNG" is taken literally: every chunk's CRC, a valid header, and the
 * image data inflating to exactly the size the header promises. A decoded
 * signature is never rendered by us, but it is printed on the complaint form and
 * handed back to browsers, so nothing else may pass as one.
 */
export type PngProblem = 'not_a_png_data_url' | 'too_large' | 'not_png' | 'corrupt' | 'too_many_pixels';

export type PngCheck =
  | { ok: true; bytes: Buffer; width: number; height: number }
  | { ok: false; problem: PngProblem; detail: string };

const PREFIX = 'data:image/png;base64,';
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** A signature pad image is far smaller; the cap bounds what a small file may inflate to. */
export const MAX_SIGNATURE_PIXELS = 4_000_000;

const CHANNELS: Record<number, { channels: number; depths: number[] }> = {
  0: { channels: 1, depths: [1, 2, 4, 8, 16] },
  2: { channels: 3, depths: [8, 16] },
  3: { channels: 1, depths: [1, 2, 4, 8] },
  4: { channels: 2, depths: [8, 16] },
  6: { channels: 4, depths: [8, 16] },
};
const ADAM7 = [
  [0, 0, 8, 8], [4, 0, 8, 8], [0, 4, 4, 8], [2, 0, 4, 4], [0, 2, 2, 4], [1, 0, 2, 2], [0, 1, 1, 2],
] as const;

const fail = (problem: PngProblem, detail: string): PngCheck => ({ ok: false, problem, detail });

/** Rows of filtered scanlines: [row count, bytes per row] per pass (one pass unless interlaced). */
function passes(width: number, height: number, bitsPerPixel: number, interlaced: boolean): [number, number][] {
  const rowBytes = (w: number) => 1 + Math.ceil((w * bitsPerPixel) / 8);
  if (!interlaced) return [[height, rowBytes(width)]];
  return ADAM7.map(([x0, y0, dx, dy]) => {
    const w = width > x0 ? Math.ceil((width - x0) / dx) : 0;
    const h = height > y0 ? Math.ceil((height - y0) / dy) : 0;
    return [w === 0 ? 0 : h, rowBytes(w)] as [number, number];
  });
}

export function checkPngDataUrl(value: string, maxBytes: number): PngCheck {
  if (!value.startsWith(PREFIX)) return fail('not_a_png_data_url', 'expected data:image/png;base64,…');
  const base64 = value.slice(PREFIX.length);
  if (base64.length % 4 !== 0 || !BASE64.test(base64)) return fail('not_a_png_data_url', 'the data is not base64');
  const size = (base64.length / 4) * 3 - (base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0);
  if (size > maxBytes) return fail('too_large', `the image has ${size} bytes; at most ${maxBytes} are accepted`);
  return checkPng(Buffer.from(base64, 'base64'));
}

export function checkPng(bytes: Buffer): PngCheck {
  if (bytes.length < SIGNATURE.length + 12 || !bytes.subarray(0, 8).equals(SIGNATURE)) return fail('not_png', 'no PNG signature');
  let offset = 8;
  let header: { width: number; height: number; depth: number; colour: number; interlaced: boolean } | null = null;
  let palette = false;
  const data: Buffer[] = [];
  let ended = false;
  while (offset < bytes.length) {
    if (offset + 12 > bytes.length) return fail('corrupt', 'truncated chunk');
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    const end = offset + 12 + length;
    if (!/^[A-Za-z]{4}$/.test(type) || end > bytes.length) return fail('corrupt', `bad chunk at byte ${offset}`);
    const body = bytes.subarray(offset + 8, offset + 8 + length);
    if (crc32(bytes.subarray(offset + 4, offset + 8 + length)) !== bytes.readUInt32BE(offset + 8 + length)) {
      return fail('corrupt', `CRC mismatch in ${type}`);
    }
    if (header === null && type !== 'IHDR') return fail('corrupt', 'IHDR must come first');
    if (type === 'IHDR') {
      if (header !== null || length !== 13) return fail('corrupt', 'bad IHDR');
      header = { width: body.readUInt32BE(0), height: body.readUInt32BE(4), depth: body[8]!, colour: body[9]!, interlaced: body[12] === 1 };
      const kind = CHANNELS[header.colour];
      if (!kind || !kind.depths.includes(header.depth) || body[10] !== 0 || body[11] !== 0 || body[12]! > 1) return fail('corrupt', 'unsupported IHDR values');
      if (header.width === 0 || header.height === 0) return fail('corrupt', 'empty image');
      if (header.width * header.height > MAX_SIGNATURE_PIXELS) return fail('too_many_pixels', `${header.width}×${header.height} is larger than a signature needs`);
    }
    if (type === 'PLTE') palette = true;
    if (type === 'IDAT') data.push(body);
    offset = end;
    if (type === 'IEND') {
      ended = true;
      break;
    }
  }
  if (!header || !ended || offset !== bytes.length) return fail('corrupt', 'missing IEND or data after it');
  if (data.length === 0) return fail('corrupt', 'no image data');
  if (header.colour === 3 && !palette) return fail('corrupt', 'palette image without PLTE');
  const rows = passes(header.width, header.height, CHANNELS[header.colour]!.channels * header.depth, header.interlaced);
  const expected = rows.reduce((sum, [n, bytesPerRow]) => sum + n * bytesPerRow, 0);
  let raw: Buffer;
  try {
    raw = inflateSync(Buffer.concat(data), { maxOutputLength: expected + 1 });
  } catch {
    return fail('corrupt', 'the image data does not inflate to the size in the header');
  }
  if (raw.length !== expected) return fail('corrupt', 'the image data does not match the header');
  let at = 0;
  for (const [n, bytesPerRow] of rows) {
    for (let row = 0; row < n; row++, at += bytesPerRow) if (raw[at]! > 4) return fail('corrupt', 'unknown scanline filter');
  }
  return { ok: true, bytes, width: header.width, height: header.height };
}
