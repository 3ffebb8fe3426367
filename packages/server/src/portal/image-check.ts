/**
 * What a portal photo is, read from its own bytes: the magic number decides the
 * type (never the file name or the Content-Type the browser claims), and the
 * header gives the dimensions. A file whose header is missing, truncated or
 * claims absurd dimensions is refused before anything else looks at it.
 */
export type ImageType = 'image/png' | 'image/jpeg' | 'image/webp';

export type ImageCheck =
  | { ok: true; mime: ImageType; width: number; height: number }
  | { ok: false; reason: 'unknown_type' | 'truncated' | 'bad_dimensions' | 'too_large' };

export interface ImageLimits {
  maxBytes: number;
  maxSide: number;
}

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const startsWith = (bytes: Uint8Array, magic: number[], at = 0) => magic.every((b, i) => bytes[at + i] === b);
const ascii = (bytes: Uint8Array, at: number, length: number) => String.fromCharCode(...bytes.subarray(at, at + length));

export function checkImage(bytes: Uint8Array, limits: ImageLimits): ImageCheck {
  if (bytes.length > limits.maxBytes) return { ok: false, reason: 'too_large' };
  const found = sniff(bytes);
  if (!found.ok) return found;
  const { width, height } = found;
  if (width < 1 || height < 1 || width > limits.maxSide || height > limits.maxSide) return { ok: false, reason: 'bad_dimensions' };
  // A 1×10000 strip is no photo of a broken lift.
  if (Math.max(width, height) / Math.min(width, height) > 20) return { ok: false, reason: 'bad_dimensions' };
  return found;
}

function sniff(bytes: Uint8Array): ImageCheck {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (startsWith(bytes, PNG)) {
    if (bytes.length < 33 || ascii(bytes, 12, 4) !== 'IHDR') return { ok: false, reason: 'truncated' };
    return { ok: true, mime: 'image/png', width: view.getUint32(16), height: view.getUint32(20) };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return jpegSize(bytes, view);
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return webpSize(bytes, view);
  return { ok: false, reason: 'unknown_type' };
}

/** Walk the JPEG segments to the first start-of-frame marker, which holds the size. */
function jpegSize(bytes: Uint8Array, view: DataView): ImageCheck {
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return { ok: false, reason: 'truncated' };
    const marker = bytes[at + 1]!;
    if (marker === 0xff) { at += 1; continue; } // fill byte
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) { at += 2; continue; }
    const length = view.getUint16(at + 2);
    if (length < 2) return { ok: false, reason: 'truncated' };
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) {
      if (at + 9 > bytes.length) return { ok: false, reason: 'truncated' };
      return { ok: true, mime: 'image/jpeg', height: view.getUint16(at + 5), width: view.getUint16(at + 7) };
    }
    at += 2 + length;
  }
  return { ok: false, reason: 'truncated' };
}

function webpSize(bytes: Uint8Array, view: DataView): ImageCheck {
  if (bytes.length < 30) return { ok: false, reason: 'truncated' };
  const chunk = ascii(bytes, 12, 4);
  if (chunk === 'VP8X') {
    const w = 1 + (bytes[24]! | (bytes[25]! << 8) | (bytes[26]! << 16));
    const h = 1 + (bytes[27]! | (bytes[28]! << 8) | (bytes[29]! << 16));
    return { ok: true, mime: 'image/webp', width: w, height: h };
  }
  if (chunk === 'VP8 ') {
    if (!startsWith(bytes, [0x9d, 0x01, 0x2a], 23)) return { ok: false, reason: 'truncated' };
    return { ok: true, mime: 'image/webp', width: view.getUint16(26, true) & 0x3fff, height: view.getUint16(28, true) & 0x3fff };
  }
  if (chunk === 'VP8L') {
    if (bytes[20] !== 0x2f) return { ok: false, reason: 'truncated' };
    const bits = view.getUint32(21, true);
    return { ok: true, mime: 'image/webp', width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
  }
  return { ok: false, reason: 'truncated' };
}
