/**
 * Bytes as base64 text and back, for the search cache (JSON). Our own: no
 * `Buffer` in the web worker, and `btoa` wants a string of bytes first.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VALUES = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) {
  VALUES[ALPHABET.charCodeAt(i)] = i;
}
/** Characters made per String.fromCharCode call (its arguments are limited). */
const CHUNK = 0x6000;

export function encodeBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  const codes = new Uint16Array(CHUNK);
  let n = 0;
  const flush = () => {
    parts.push(String.fromCharCode(...codes.subarray(0, n)));
    n = 0;
  };
  for (let i = 0; i < bytes.length; i += 3) {
    const rest = bytes.length - i;
    const triple = (bytes[i] << 16) | ((rest > 1 ? bytes[i + 1] : 0) << 8) | (rest > 2 ? bytes[i + 2] : 0);
    codes[n++] = ALPHABET.charCodeAt(triple >> 18);
    codes[n++] = ALPHABET.charCodeAt((triple >> 12) & 63);
    codes[n++] = rest > 1 ? ALPHABET.charCodeAt((triple >> 6) & 63) : 61; // '='
    codes[n++] = rest > 2 ? ALPHABET.charCodeAt(triple & 63) : 61;
    if (n === CHUNK) {
      flush();
    }
  }
  flush();
  return parts.join('');
}

/** The bytes of a base64 text, or undefined for anything that is not base64. */
export function decodeBase64(text: string): Uint8Array | undefined {
  if (text.length % 4 !== 0) {
    return undefined;
  }
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const bytes = new Uint8Array((text.length / 4) * 3 - padding);
  let out = 0;
  for (let i = 0; i < text.length; i += 4) {
    let triple = 0;
    for (let k = 0; k < 4; k++) {
      const code = text.charCodeAt(i + k);
      const isPad = code === 61 && i + 4 === text.length && k >= 4 - padding;
      const value = isPad ? 0 : code < 128 ? VALUES[code] : -1;
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

/** Numbers below 2^32 as base64 of their little-endian bytes. */
export function encodeU32(values: Uint32Array): string {
  const bytes = new Uint8Array(values.length * 4);
  const view = new DataView(bytes.buffer);
  values.forEach((value, i) => view.setUint32(i * 4, value, true));
  return encodeBase64(bytes);
}

export function decodeU32(text: string): Uint32Array | undefined {
  const bytes = decodeBase64(text);
  if (!bytes || bytes.length % 4 !== 0) {
    return undefined;
  }
  const view = new DataView(bytes.buffer);
  return Uint32Array.from({ length: bytes.length / 4 }, (_, i) => view.getUint32(i * 4, true));
}
