/**
 * A term's postings in a stored segment, packed in blocks of up to 128:
 * per block, the bit width of its gaps, its distinct field masks (a block of
 * abstract hits has one), then every gap less one in `width` bits and every
 * mask as a code into that list, bits least significant first. A dense
 * term (a common Han character) costs a few bits a document, a rare one a
 * few bytes. Gaps are from the previous document (the first from -1), so
 * they are at least 1. Ids stay below 2^24 (a gap fits 24 bits; reads take
 * 32 bits at a time).
 */

export const BLOCK = 128;
export const MAX_DOCS = 1 << 24;

/** Appends bytes, growing its buffer. */
export class ByteWriter {
  bytes = new Uint8Array(1 << 12);
  length = 0;

  private room(extra: number): void {
    if (this.length + extra > this.bytes.length) {
      const grown = new Uint8Array(Math.max(this.length + extra, this.bytes.length * 2));
      grown.set(this.bytes.subarray(0, this.length));
      this.bytes = grown;
    }
  }

  byte(value: number): void {
    this.room(1);
    this.bytes[this.length++] = value;
  }

  /** `count` values of `width` bits each, packed least significant bit first, padded to a byte. */
  bits(values: ArrayLike<number>, count: number, width: number): void {
    if (width === 0) {
      return;
    }
    const size = Math.ceil((count * width) / 8);
    this.room(size + 4);
    this.bytes.fill(0, this.length, this.length + size + 4);
    let bit = this.length * 8;
    for (let i = 0; i < count; i++) {
      let value = values[i];
      let at = bit;
      for (let left = width; left > 0; ) {
        const byte = at >> 3;
        const offset = at & 7;
        const take = Math.min(8 - offset, left);
        this.bytes[byte] |= (value & ((1 << take) - 1)) << offset;
        value >>>= take;
        left -= take;
        at += take;
      }
      bit += width;
    }
    this.length += size;
  }

  finish(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }
}

const gaps = new Int32Array(BLOCK);
const codes = new Int32Array(BLOCK);

/** Bits needed for values up to `max`. */
function widthOf(max: number): number {
  return max === 0 ? 0 : 32 - Math.clz32(max);
}

/** Writes a term's postings (docs ascending, each with its field mask). */
export function encodePostings(out: ByteWriter, docs: ArrayLike<number>, masks: ArrayLike<number>, count: number): void {
  let previous = -1;
  for (let start = 0; start < count; start += BLOCK) {
    const n = Math.min(BLOCK, count - start);
    let maxGap = 0;
    const dictionary: number[] = [];
    for (let i = 0; i < n; i++) {
      const doc = docs[start + i];
      gaps[i] = doc - previous - 1;
      previous = doc;
      maxGap = Math.max(maxGap, gaps[i]);
      let code = dictionary.indexOf(masks[start + i]);
      if (code < 0) {
        code = dictionary.push(masks[start + i]) - 1;
      }
      codes[i] = code;
    }
    const width = widthOf(maxGap);
    out.byte(width);
    out.byte(dictionary.length);
    for (const mask of dictionary) {
      out.byte(mask);
    }
    out.bits(gaps, n, width);
    out.bits(codes, n, widthOf(dictionary.length - 1));
  }
}

/** `width` bits at bit `bit` of `bytes` (width ≤ 25). */
function readBits(bytes: Uint8Array, bit: number, width: number): number {
  const at = bit >> 3;
  const word = (bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16) | (bytes[at + 3] << 24)) >>> 0;
  return (word >>> (bit & 7)) & ((1 << width) - 1);
}

const blockDocs = new Int32Array(BLOCK);

/** A block's head and documents: fills `blockDocs` with its `n` ids (after `doc`) and answers where its masks' codes start. */
function readBlock(bytes: Uint8Array, pos: number, n: number, doc: number): { dictionary: number; size: number; codes: number; doc: number } {
  const width = bytes[pos] > 25 ? 25 : bytes[pos];
  const size = bytes[pos + 1] || 1;
  const dictionary = pos + 2;
  let bit = (dictionary + size) * 8;
  for (let i = 0; i < n; i++) {
    doc += (width === 0 ? 0 : readBits(bytes, bit, width)) + 1;
    blockDocs[i] = doc;
    bit += width;
  }
  return { dictionary, size, codes: dictionary + size + Math.ceil((n * width) / 8), doc };
}

/**
 * Calls `visit` with each (doc, mask) of a term's postings at `start`.
 * Damaged bytes never throw or loop: at worst they give wrong ids, which
 * callers bound by their document count.
 */
export function decodePostings(bytes: Uint8Array, start: number, count: number, visit: (doc: number, mask: number) => void): void {
  let pos = start;
  let doc = -1;
  for (let done = 0; done < count; done += BLOCK) {
    const n = Math.min(BLOCK, count - done);
    const block = readBlock(bytes, pos, n, doc);
    doc = block.doc;
    const codeWidth = widthOf(block.size - 1);
    let bit = block.codes * 8;
    for (let i = 0; i < n; i++) {
      visit(blockDocs[i], bytes[block.dictionary + (codeWidth === 0 ? 0 : readBits(bytes, bit, codeWidth))]);
      bit += codeWidth;
    }
    pos = block.codes + Math.ceil((n * codeWidth) / 8);
  }
}

/** ORs each posting's mask into `masks[doc]` (the query's inner loop: no callback). Ids past `masks` are ignored. */
export function orPostingMasks(bytes: Uint8Array, start: number, count: number, masks: Uint8Array): void {
  let pos = start;
  let doc = -1;
  const limit = masks.length;
  for (let done = 0; done < count; done += BLOCK) {
    const n = Math.min(BLOCK, count - done);
    const block = readBlock(bytes, pos, n, doc);
    doc = block.doc;
    const codeWidth = widthOf(block.size - 1);
    if (codeWidth === 0) {
      const mask = bytes[block.dictionary];
      for (let i = 0; i < n; i++) {
        if (blockDocs[i] < limit) {
          masks[blockDocs[i]] |= mask;
        }
      }
    } else {
      let bit = block.codes * 8;
      for (let i = 0; i < n; i++) {
        if (blockDocs[i] < limit) {
          masks[blockDocs[i]] |= bytes[block.dictionary + readBits(bytes, bit, codeWidth)];
        }
        bit += codeWidth;
      }
    }
    pos = block.codes + Math.ceil((n * codeWidth) / 8);
  }
}
