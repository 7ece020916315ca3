/**
 * CC-CEDICT at run time, from its compact form (see cedict.ts). What it
 * holds: the simplified headwords as one string, the entries' bodies as the
 * UTF-8 bytes they came in (decoded only when looked up), and an open-
 * addressing hash table of the headwords over Int32Arrays, so a look-up and
 * the longest match at a place in a text allocate nothing until an entry is
 * wanted. Loading is a generator that yields every few thousand entries, so
 * the extension host can load it in slices of a few milliseconds.
 */
import { COMPACT_MAGIC } from './cedict';
import { pinyinWithMarks } from './toneMarks';

export interface DictionaryEntry {
  simplified: string;
  traditional: string;
  /** With tone marks: `chē liàng`. */
  pinyin: string;
  /** As CC-CEDICT writes it: `che1 liang4`. */
  pinyinNumbered: string;
  senses: string[];
}

/** What segmentation needs of a dictionary (the webview's slice of one article has it too). */
export interface WordLookup {
  /** Longest headword, in UTF-16 code units. */
  readonly maxWordLength: number;
  /** Whether `text[start, end)` is a headword. */
  isWordAt(text: string, start: number, end: number): boolean;
  /** Lengths of every headword that starts at `start` of `text` and ends by `limit`, shortest first (into `out` when given, emptied first). */
  matchLengthsAt(text: string, start: number, limit?: number, out?: number[]): number[];
}

const NEWLINE = 10;
/** 2^22 bits (512 KB) for about 400,000 prefixes: one in ten misses passes the filter and is looked up. */
const PREFIX_BITS = 1 << 22;
const SLICE = 8192;

function hashStep(hash: number, code: number): number {
  return Math.imul(hash ^ code, 16777619);
}
const HASH_START = 2166136261 | 0;

export class DictionaryFormatError extends Error {}

export class ChineseDictionary implements WordLookup {
  private readonly decoder = new TextDecoder();

  private constructor(
    /** Every entry's simplified headword, one per line, in entry order. */
    private readonly headwords: string,
    /** Where entry k's headword starts in `headwords`; one more at the end. */
    private readonly headwordStarts: Int32Array,
    private readonly bytes: Uint8Array,
    /** Where entry k's body starts in `bytes`; one more at the end. */
    private readonly bodyStarts: Int32Array,
    /** Open addressing: the first entry of a headword, plus one (0 is an empty slot), and its hash. */
    private readonly slots: Int32Array,
    private readonly hashes: Int32Array,
    /** A bit per hash of every headword's every prefix: extending a match stops where no headword goes on. */
    private readonly prefixes: Int32Array,
    readonly size: number,
    /** The CC-CEDICT release, `YYYY-MM-DD`. */
    readonly date: string,
    readonly maxWordLength: number,
  ) {}

  /** Loads the compact form; throws DictionaryFormatError when it is not one. */
  static load(bytes: Uint8Array): ChineseDictionary {
    const steps = ChineseDictionary.loading(bytes);
    for (let step = steps.next(); ; step = steps.next()) {
      if (step.done) {
        return step.value;
      }
    }
  }

  /** Loads in slices: each `next()` does a few milliseconds of work and yields the share done (0–1). */
  static *loading(bytes: Uint8Array): Generator<number, ChineseDictionary> {
    const decoder = new TextDecoder();
    const headEnd = bytes.indexOf(NEWLINE);
    const head = decoder.decode(bytes.subarray(0, Math.max(headEnd, 0))).split('\t');
    const size = Number(head[1]);
    if (headEnd < 0 || head[0] !== COMPACT_MAGIC || !Number.isSafeInteger(size) || size <= 0) {
      throw new DictionaryFormatError('This is not a compact CC-CEDICT file.');
    }
    // The headwords: from the line after the head to the empty line.
    let blockEnd = headEnd;
    for (let count = 0; count < size; count++) {
      blockEnd = bytes.indexOf(NEWLINE, blockEnd + 1);
      if (blockEnd < 0) {
        throw new DictionaryFormatError('The compact CC-CEDICT file ends inside its headwords.');
      }
    }
    const headwords = decoder.decode(bytes.subarray(headEnd + 1, blockEnd + 1));
    const headwordStarts = new Int32Array(size + 1);
    let at = 0;
    let maxWordLength = 0;
    for (let k = 0; k < size; k++) {
      headwordStarts[k] = at;
      const end = headwords.indexOf('\n', at);
      maxWordLength = Math.max(maxWordLength, end - at);
      at = end + 1;
    }
    headwordStarts[size] = at;
    yield 0.2;
    const bodyStarts = new Int32Array(size + 1);
    let bodyAt = blockEnd + 2; // past the empty line
    for (let k = 0; k < size; k++) {
      bodyStarts[k] = bodyAt;
      const end = bytes.indexOf(NEWLINE, bodyAt);
      if (end < 0) {
        throw new DictionaryFormatError('The compact CC-CEDICT file ends inside its entries.');
      }
      bodyAt = end + 1;
      if (k % (SLICE * 4) === 0 && k > 0) {
        yield 0.2 + 0.2 * (k / size);
      }
    }
    bodyStarts[size] = bodyAt;
    yield 0.4;
    let capacity = 1;
    while (capacity < size * 2) {
      capacity *= 2;
    }
    const slots = new Int32Array(capacity);
    const hashes = new Int32Array(capacity);
    const prefixes = new Int32Array(PREFIX_BITS / 32);
    const mask = capacity - 1;
    for (let k = 0; k < size; k++) {
      const start = headwordStarts[k];
      const end = headwordStarts[k + 1] - 1;
      if (k > 0 && end - start === headwordStarts[k] - 1 - headwordStarts[k - 1] && headwords.startsWith(headwords.slice(start, end), headwordStarts[k - 1])) {
        continue; // another entry of the same headword: the first one is in the table
      }
      let hash = HASH_START;
      for (let i = start; i < end; i++) {
        hash = hashStep(hash, headwords.charCodeAt(i));
        const bit = hash & (PREFIX_BITS - 1);
        prefixes[bit >>> 5] |= 1 << (bit & 31);
      }
      let slot = hash & mask;
      while (slots[slot] !== 0) {
        slot = (slot + 1) & mask;
      }
      slots[slot] = k + 1;
      hashes[slot] = hash;
      if (k % SLICE === 0 && k > 0) {
        yield 0.4 + 0.6 * (k / size);
      }
    }
    const date = /^\d{4}-\d{2}-\d{2}$/.test(head[2] ?? '') ? head[2] : '';
    return new ChineseDictionary(headwords, headwordStarts, bytes, bodyStarts, slots, hashes, prefixes, size, date, maxWordLength);
  }

  /** The first entry whose headword is `text[start, end)`, or -1; `hash` is that text's. */
  private find(text: string, start: number, end: number, hash: number): number {
    const mask = this.slots.length - 1;
    const length = end - start;
    for (let slot = hash & mask; this.slots[slot] !== 0; slot = (slot + 1) & mask) {
      if (this.hashes[slot] !== hash) {
        continue;
      }
      const entry = this.slots[slot] - 1;
      const at = this.headwordStarts[entry];
      if (this.headwordStarts[entry + 1] - 1 - at !== length) {
        continue;
      }
      let same = true;
      for (let i = 0; i < length; i++) {
        if (this.headwords.charCodeAt(at + i) !== text.charCodeAt(start + i)) {
          same = false;
          break;
        }
      }
      if (same) {
        return entry;
      }
    }
    return -1;
  }

  private firstEntry(text: string, start: number, end: number): number {
    let hash = HASH_START;
    for (let i = start; i < end; i++) {
      hash = hashStep(hash, text.charCodeAt(i));
    }
    return this.find(text, start, end, hash);
  }

  isWordAt(text: string, start: number, end: number): boolean {
    return end > start && end - start <= this.maxWordLength && this.firstEntry(text, start, end) >= 0;
  }

  has(word: string): boolean {
    return this.isWordAt(word, 0, word.length);
  }

  /** Lengths of every headword that starts at `start` of `text` (ending by `limit`), shortest first. */
  matchLengthsAt(text: string, start: number, limit = text.length, out?: number[]): number[] {
    const lengths = out ?? [];
    lengths.length = 0;
    const last = Math.min(limit, text.length, start + this.maxWordLength);
    let hash = HASH_START;
    for (let end = start + 1; end <= last; end++) {
      hash = hashStep(hash, text.charCodeAt(end - 1));
      const bit = hash & (PREFIX_BITS - 1);
      if ((this.prefixes[bit >>> 5] & (1 << (bit & 31))) === 0) {
        break; // no headword starts with text[start, end)
      }
      if (this.find(text, start, end, hash) >= 0) {
        lengths.push(end - start);
      }
    }
    return lengths;
  }

  /** Every entry of `word` (a simplified headword), in CC-CEDICT's order; empty when it has none. */
  lookup(word: string): DictionaryEntry[] {
    const first = word === '' ? -1 : this.firstEntry(word, 0, word.length);
    if (first < 0) {
      return [];
    }
    const entries: DictionaryEntry[] = [];
    for (let k = first; k < this.size && this.headwordAt(k) === word; k++) {
      entries.push(this.entryAt(k));
    }
    return entries;
  }

  private headwordAt(k: number): string {
    return this.headwords.slice(this.headwordStarts[k], this.headwordStarts[k + 1] - 1);
  }

  private entryAt(k: number): DictionaryEntry {
    const simplified = this.headwordAt(k);
    const [traditional = '', numbered = '', senses = ''] = this.decoder.decode(this.bytes.subarray(this.bodyStarts[k], this.bodyStarts[k + 1] - 1)).split('\t');
    return { simplified, traditional: traditional || simplified, pinyin: pinyinWithMarks(numbered), pinyinNumbered: numbered, senses: senses.split('/') };
  }
}
