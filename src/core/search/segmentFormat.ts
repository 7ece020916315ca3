/** The stored segment's layout, shared by its writer (segmentWriter.ts) and reader (segment.ts). */

export const MAGIC = 0x47535244; // "DRSG"
export const SEGMENT_VERSION = 2;
export const HEADER_WORDS = 16;
/** Per document: file, position, index, line, day (subject and digest date), date. */
export const DOC_WORDS = 6;
/** An arXiv id's end with this bit: the article has none. */
export const ABSENT = 0x80000000;
/** Documents, terms, posting bytes and bytes handled per step: each a few milliseconds at most. */
export const DOCS_PER_STEP = 128;
export const TERMS_PER_STEP = 256;
export const POSTING_BYTES_PER_STEP = 32 * 1024;
export const BYTES_PER_STEP = 256 * 1024;

export const align = (length: number) => (length + 3) & ~3;

/** FNV-1a, 32 bits, over `bytes` from `hash` on: call it chunk by chunk. */
function fnv(bytes: Uint8Array, hash = 0x811c9dc5): number {
  for (let i = 0; i < bytes.length; i++) {
    hash = Math.imul(hash ^ bytes[i], 0x01000193);
  }
  return hash >>> 0;
}

/** The checksum of `bytes`, a step per 256 KB. */
export function* checksumOf(bytes: Uint8Array): Generator<void, number, void> {
  let hash = 0x811c9dc5;
  for (let at = 0; at < bytes.length; at += BYTES_PER_STEP) {
    hash = fnv(bytes.subarray(at, at + BYTES_PER_STEP), hash);
    yield;
  }
  return hash;
}
