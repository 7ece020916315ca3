/**
 * The postings of every term in one growable byte arena: per term, its
 * documents' ids ascending, each as a varint delta from the previous one and
 * followed by a one-byte field mask. A term's bytes live in a chain of blocks
 * (`[next: u32][capacity: u32][payload]`) that grow by half as the term
 * grows, so appending never moves other terms; a compacted arena holds one
 * block per term. About 2–3 bytes per posting, ~30 bytes per term.
 */

import { U32List } from './growable';

const HEADER = 8;
const FIRST_CAPACITY = 8;
const MAX_CAPACITY = 1 << 14;
/** Offset 0 is never a block, so 0 means "no block". */
const NONE = 0;

/** What a cache keeps of an arena: every term's postings bytes one after the other, and how many postings each has. */
export interface PostingData {
  bytes: Uint8Array;
  counts: Uint32Array;
}

export class PostingArena {
  private bytes: Uint8Array = new Uint8Array(1 << 12);
  private used = HEADER; // skip offset 0
  private readonly heads = new U32List();
  private readonly tails = new U32List();
  /** Bytes written in each term's tail block. */
  private readonly tailUsed = new U32List();
  private readonly counts = new U32List();
  private readonly lastDocs = new U32List();
  /** Posting bytes written, without headers and unused room: what `pack` shrinks the arena to (plus a header per term). */
  private payload = 0;

  get termCount(): number {
    return this.heads.length;
  }

  get byteLength(): number {
    return this.used;
  }

  /** The arena's buffer size: `byteLength` and room to grow. */
  get capacity(): number {
    return this.bytes.length;
  }

  /** The postings' own bytes (what `toData` keeps). */
  get payloadLength(): number {
    return this.payload;
  }

  /**
   * Rewrites the arena with each term's chain of blocks as one block of
   * exactly its size: drops the headers of the chains and the unused room of
   * their last blocks and of the buffer. Appending goes on as before (a
   * term's next posting starts a new block).
   */
  pack(): void {
    const packed = new Uint8Array(HEADER * (this.termCount + 1) + this.payload);
    let at = HEADER;
    for (let term = 0; term < this.termCount; term++) {
      const start = at;
      at += HEADER;
      const tail = this.tails.data[term];
      for (let block = this.heads.data[term]; ; block = readU32(this.bytes, block)) {
        const length = block === tail ? this.tailUsed.data[term] : readU32(this.bytes, block + 4);
        packed.set(this.bytes.subarray(block + HEADER, block + HEADER + length), at);
        at += length;
        if (block === tail) {
          break;
        }
      }
      writeU32(packed, start, NONE);
      writeU32(packed, start + 4, at - start - HEADER);
      this.heads.data[term] = start;
      this.tails.data[term] = start;
      this.tailUsed.data[term] = at - start - HEADER;
    }
    this.bytes = packed;
    this.used = at;
    for (const list of [this.heads, this.tails, this.tailUsed, this.counts, this.lastDocs]) {
      list.trim();
    }
  }

  /** Number of documents listed for a term. */
  count(term: number): number {
    return this.counts.data[term];
  }

  /** Adds a term with no postings; answers its id. */
  newTerm(): number {
    const block = this.allocate(FIRST_CAPACITY);
    this.heads.push(block);
    this.tails.push(block);
    this.tailUsed.push(0);
    this.counts.push(0);
    this.lastDocs.push(0);
    return this.heads.length - 1;
  }

  /** Appends a posting; `doc` must be larger than the term's last one (or the term empty). */
  append(term: number, doc: number, mask: number): void {
    let delta = this.counts.data[term] === 0 ? doc : doc - this.lastDocs.data[term];
    while (delta >= 0x80) {
      this.put(term, (delta & 0x7f) | 0x80);
      delta = Math.floor(delta / 128);
    }
    this.put(term, delta);
    this.put(term, mask);
    this.counts.data[term]++;
    this.lastDocs.data[term] = doc;
  }

  /**
   * Marks that `doc` holds the term in the fields of `mask`: ORs into the
   * term's last posting when that is `doc`'s (its mask is the tail's last
   * byte), else appends one. So a document's tokens need no dedupe first.
   */
  mark(term: number, doc: number, mask: number): void {
    if (this.counts.data[term] > 0 && this.lastDocs.data[term] === doc) {
      this.bytes[this.tails.data[term] + HEADER + this.tailUsed.data[term] - 1] |= mask;
    } else {
      this.append(term, doc, mask);
    }
  }

  /** Calls `visit` with each (doc, mask) of a term, ids ascending. */
  forEach(term: number, visit: (doc: number, mask: number) => void): void {
    const bytes = this.bytes;
    let block = this.heads.data[term];
    const tail = this.tails.data[term];
    let pos = block + HEADER;
    let end = block === tail ? pos + this.tailUsed.data[term] : pos + readU32(bytes, block + 4);
    const next = (): number => {
      while (pos === end) {
        block = readU32(bytes, block);
        pos = block + HEADER;
        end = block === tail ? pos + this.tailUsed.data[term] : pos + readU32(bytes, block + 4);
      }
      return bytes[pos++];
    };
    let doc = 0;
    const count = this.counts.data[term];
    for (let i = 0; i < count; i++) {
      let delta = 0;
      let scale = 1;
      let byte = next();
      while (byte >= 0x80) {
        delta += (byte & 0x7f) * scale;
        scale *= 128;
        byte = next();
      }
      delta += byte * scale;
      doc = i === 0 ? delta : doc + delta;
      visit(doc, next());
    }
  }

  /**
   * ORs each of a term's postings' mask into `masks[doc]`: the query's inner
   * loop, so no callback; ids stay below 2^28 (four varint bytes).
   */
  orMasks(term: number, masks: Uint8Array): void {
    const bytes = this.bytes;
    const tail = this.tails.data[term];
    const tailUsed = this.tailUsed.data[term];
    let block = this.heads.data[term];
    let pos = block + HEADER;
    let end = pos + (block === tail ? tailUsed : readU32(bytes, block + 4));
    let doc = 0;
    const count = this.counts.data[term];
    for (let i = 0; i < count; i++) {
      let delta = 0;
      let shift = 0;
      let byte: number;
      do {
        if (pos === end) {
          block = readU32(bytes, block);
          pos = block + HEADER;
          end = pos + (block === tail ? tailUsed : readU32(bytes, block + 4));
        }
        byte = bytes[pos++];
        delta |= (byte & 0x7f) << shift;
        shift += 7;
      } while (byte >= 0x80);
      doc = i === 0 ? delta : doc + delta;
      if (pos === end) {
        block = readU32(bytes, block);
        pos = block + HEADER;
        end = pos + (block === tail ? tailUsed : readU32(bytes, block + 4));
      }
      masks[doc] |= bytes[pos++];
    }
  }

  /**
   * A copy that keeps only the terms and documents `keep` maps (old id →
   * new id, or -1 to drop), one block per term; terms left without postings
   * are dropped. Answers the copy and the new id of each old term (-1: dropped).
   */
  compacted(keepDoc: (doc: number) => number): { arena: PostingArena; termIds: Int32Array } {
    const arena = new PostingArena();
    const termIds = new Int32Array(this.termCount).fill(-1);
    const docs: number[] = [];
    const masks: number[] = [];
    for (let term = 0; term < this.termCount; term++) {
      docs.length = 0;
      masks.length = 0;
      this.forEach(term, (doc, mask) => {
        const kept = keepDoc(doc);
        if (kept >= 0) {
          docs.push(kept);
          masks.push(mask);
        }
      });
      if (docs.length > 0) {
        termIds[term] = arena.addExact(docs, masks);
      }
    }
    return { arena, termIds };
  }

  /** The postings without the blocks, as a cache keeps them (removed documents' postings too). */
  toData(): PostingData {
    const size = this.used; // at most: the payloads are the arena without headers
    const out = new Uint8Array(size);
    let at = 0;
    for (let term = 0; term < this.termCount; term++) {
      const tail = this.tails.data[term];
      for (let block = this.heads.data[term]; ; block = readU32(this.bytes, block)) {
        const length = block === tail ? this.tailUsed.data[term] : readU32(this.bytes, block + 4);
        out.set(this.bytes.subarray(block + HEADER, block + HEADER + length), at);
        at += length;
        if (block === tail) {
          break;
        }
      }
    }
    return { bytes: out.slice(0, at), counts: this.counts.trimmed() };
  }

  /** A new term whose postings are given whole: one block of exactly their size. */
  private addExact(docs: readonly number[], masks: readonly number[]): number {
    let size = 0;
    for (let i = 0; i < docs.length; i++) {
      size += varintSize(i === 0 ? docs[0] : docs[i] - docs[i - 1]) + 1;
    }
    const block = this.allocate(size);
    this.heads.push(block);
    this.tails.push(block);
    this.tailUsed.push(0);
    this.counts.push(0);
    this.lastDocs.push(0);
    const term = this.heads.length - 1;
    for (let i = 0; i < docs.length; i++) {
      this.append(term, docs[i], masks[i]);
    }
    return term;
  }

  private put(term: number, byte: number): void {
    const tail = this.tails.data[term];
    let used = this.tailUsed.data[term];
    let block = tail;
    if (used === readU32(this.bytes, tail + 4)) {
      // Blocks grow by half: the last block's unused part is the arena's main waste.
      const capacity = Math.min(MAX_CAPACITY, Math.max(FIRST_CAPACITY, Math.ceil(readU32(this.bytes, tail + 4) * 1.5)));
      block = this.allocate(capacity);
      writeU32(this.bytes, tail, block);
      this.tails.data[term] = block;
      used = 0;
    }
    this.bytes[block + HEADER + used] = byte;
    this.tailUsed.data[term] = used + 1;
    this.payload++;
  }

  private allocate(capacity: number): number {
    const size = HEADER + capacity;
    if (this.used + size > this.bytes.length) {
      // Grow by an eighth: the arena is the largest part of the index, doubling would leave up to half of it unused.
      const grown = new Uint8Array(Math.max(this.used + size, Math.ceil(this.bytes.length * 1.125)));
      grown.set(this.bytes.subarray(0, this.used));
      this.bytes = grown;
    }
    const block = this.used;
    writeU32(this.bytes, block, NONE);
    writeU32(this.bytes, block + 4, capacity);
    this.used += size;
    return block;
  }
}

function varintSize(value: number): number {
  let size = 1;
  while (value >= 0x80) {
    value = Math.floor(value / 128);
    size++;
  }
  return size;
}

function readU32(bytes: Uint8Array, at: number): number {
  return (bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16)) + bytes[at + 3] * 0x1000000;
}

function writeU32(bytes: Uint8Array, at: number, value: number): void {
  bytes[at] = value & 0xff;
  bytes[at + 1] = (value >>> 8) & 0xff;
  bytes[at + 2] = (value >>> 16) & 0xff;
  bytes[at + 3] = (value >>> 24) & 0xff;
}
