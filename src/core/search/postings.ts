/**
 * The postings of every term in one growable byte arena: per term, its
 * documents' ids ascending, each as a varint delta from the previous one and
 * followed by a one-byte field mask. A term's bytes live in a chain of blocks
 * (`[next: u32][capacity: u32][payload]`) that double in size as the term
 * grows, so appending never moves other terms; a compacted arena holds one
 * block per term. About 2–3 bytes per posting, ~30 bytes per term.
 */

const HEADER = 8;
const FIRST_CAPACITY = 8;
const MAX_CAPACITY = 1 << 16;
/** Offset 0 is never a block, so 0 means "no block". */
const NONE = 0;

/** A growable typed array of unsigned 32-bit numbers. */
class U32List {
  data: Uint32Array;
  length = 0;
  constructor(data?: Uint32Array) {
    this.data = data ?? new Uint32Array(1024);
    this.length = data?.length ?? 0;
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Uint32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }
  trimmed(): Uint32Array {
    return this.data.slice(0, this.length);
  }
}

/** What a cache keeps of an arena (see `PostingArena.toData` and `fromData`). */
export interface PostingData {
  bytes: Uint8Array;
  /** Per term: offset of its only block. */
  heads: Uint32Array;
  /** Per term: number of postings. */
  counts: Uint32Array;
  /** Per term: the last (largest) document id, to encode the next delta. */
  lastDocs: Uint32Array;
}

export class PostingArena {
  private bytes: Uint8Array = new Uint8Array(1 << 16);
  private used = HEADER; // skip offset 0
  private readonly heads = new U32List();
  private readonly tails = new U32List();
  /** Bytes written in each term's tail block. */
  private readonly tailUsed = new U32List();
  private readonly counts = new U32List();
  private readonly lastDocs = new U32List();

  get termCount(): number {
    return this.heads.length;
  }

  get byteLength(): number {
    return this.used;
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

  /** The arena with one block per term, as a cache keeps it. */
  toData(): PostingData {
    const { arena } = this.compacted((doc) => doc);
    return { bytes: arena.bytes.slice(0, arena.used), heads: arena.heads.trimmed(), counts: arena.counts.trimmed(), lastDocs: arena.lastDocs.trimmed() };
  }

  /**
   * An arena from a cache, or undefined when its blocks, postings or ids do
   * not hold together (every term's postings are decoded and checked).
   */
  static fromData(data: PostingData, docCount: number): PostingArena | undefined {
    const { bytes, heads, counts, lastDocs } = data;
    const terms = heads.length;
    if (counts.length !== terms || lastDocs.length !== terms || bytes.length < HEADER) {
      return undefined;
    }
    const arena = new PostingArena();
    arena.bytes = bytes;
    arena.used = bytes.length;
    for (let term = 0; term < terms; term++) {
      const head = heads[term];
      if (head < HEADER || head + HEADER > bytes.length || readU32(bytes, head) !== NONE) {
        return undefined;
      }
      const capacity = readU32(bytes, head + 4);
      if (head + HEADER + capacity > bytes.length || counts[term] === 0 || counts[term] > capacity / 2) {
        return undefined;
      }
      arena.heads.push(head);
      arena.tails.push(head);
      arena.tailUsed.push(capacity);
      arena.counts.push(counts[term]);
      arena.lastDocs.push(lastDocs[term]);
      if (!arena.checkTerm(term, docCount)) {
        return undefined;
      }
    }
    return arena;
  }

  /** Whether a term's bytes decode to exactly its postings: ids ascending, below `docCount`, ending on its last doc. */
  private checkTerm(term: number, docCount: number): boolean {
    const start = this.heads.data[term] + HEADER;
    const end = start + this.tailUsed.data[term];
    let pos = start;
    let doc = -1;
    for (let i = 0; i < this.counts.data[term]; i++) {
      let delta = 0;
      let scale = 1;
      for (;;) {
        if (pos >= end || scale > 2 ** 28) {
          return false;
        }
        const byte = this.bytes[pos++];
        delta += (byte & 0x7f) * scale;
        scale *= 128;
        if (byte < 0x80) {
          break;
        }
      }
      if ((i > 0 && delta === 0) || pos >= end) {
        return false;
      }
      doc = i === 0 ? delta : doc + delta;
      pos++; // the mask: any byte is a mask
    }
    return pos === end && doc < docCount && doc === this.lastDocs.data[term];
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
      const capacity = Math.min(MAX_CAPACITY, Math.max(FIRST_CAPACITY, readU32(this.bytes, tail + 4) * 2));
      block = this.allocate(capacity);
      writeU32(this.bytes, tail, block);
      this.tails.data[term] = block;
      used = 0;
    }
    this.bytes[block + HEADER + used] = byte;
    this.tailUsed.data[term] = used + 1;
  }

  private allocate(capacity: number): number {
    const size = HEADER + capacity;
    if (this.used + size > this.bytes.length) {
      // Grow by half: the arena is the largest part of the index, doubling would waste up to half of it.
      const grown = new Uint8Array(Math.max(this.used + size, Math.ceil(this.bytes.length * 1.5)));
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
