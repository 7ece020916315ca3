/**
 * Bytes as base64 text and back, for the search cache (JSON). Our own: no
 * `Buffer` in the web worker, and `btoa` wants a string of bytes first. The
 * text is ASCII, so TextDecoder/TextEncoder (Node and web worker alike)
 * turn its character codes into a string and back fast.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const CODES = Uint8Array.from(ALPHABET, (char) => char.charCodeAt(0));
const VALUES = new Int16Array(256).fill(-1);
CODES.forEach((code, value) => (VALUES[code] = value));
const PAD = 61; // '='

export function encodeBase64(bytes: Uint8Array): string {
  const out = new Uint8Array(Math.ceil(bytes.length / 3) * 4);
  let at = 0;
  for (let i = 0; i < bytes.length; i += 3) {
    const rest = bytes.length - i;
    const triple = (bytes[i] << 16) | ((rest > 1 ? bytes[i + 1] : 0) << 8) | (rest > 2 ? bytes[i + 2] : 0);
    out[at++] = CODES[triple >> 18];
    out[at++] = CODES[(triple >> 12) & 63];
    out[at++] = rest > 1 ? CODES[(triple >> 6) & 63] : PAD;
    out[at++] = rest > 2 ? CODES[triple & 63] : PAD;
  }
  return new TextDecoder().decode(out);
}

/** The bytes of a base64 text, or undefined for anything that is not base64. */
export function decodeBase64(text: string): Uint8Array | undefined {
  const codes = new TextEncoder().encode(text);
  if (codes.length % 4 !== 0 || codes.length !== text.length) {
    return undefined;
  }
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const bytes = new Uint8Array((codes.length / 4) * 3 - padding);
  let out = 0;
  for (let i = 0; i < codes.length; i += 4) {
    let triple = 0;
    for (let k = 0; k < 4; k++) {
      const code = codes[i + k];
      const value = code === PAD && i + 4 === codes.length && k >= 4 - padding ? 0 : VALUES[code];
      if (value < 0) {
        return undefined;
      }
      triple = (triple << 6) | value;
    }
    for (let k = 0; k < 3 && out < bytes.length; k++) {
      bytes[out++] = (triple >> (16 - 8 * k)) & 0xff;
    }
  }
  return bytes;
}

/** Numbers below 2^32 as base64 of their varints: a term's posting count is mostly one byte. */
export function encodeCounts(values: Uint32Array): string {
  const bytes = new Uint8Array(values.length * 5);
  let at = 0;
  for (let value of values) {
    while (value >= 0x80) {
      bytes[at++] = (value & 0x7f) | 0x80;
      value >>>= 7;
    }
    bytes[at++] = value;
  }
  return encodeBase64(bytes.subarray(0, at));
}

export function decodeCounts(text: string): Uint32Array | undefined {
  const bytes = decodeBase64(text);
  if (!bytes) {
    return undefined;
  }
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const byte of bytes) {
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) {
      if (value >= 2 ** 32) {
        return undefined;
      }
      values.push(value);
      value = 0;
      shift = 0;
    } else if (shift > 28) {
      return undefined;
    }
  }
  return shift === 0 ? Uint32Array.from(values) : undefined;
}
