/**
 * CC-CEDICT at run time, from its compact form (see cedict.ts). What it
 * holds: the simplified headwords as one string, the entries' bodies as the
 * UTF-8 bytes they came in (decoded only when looked up), and a trie of
 * the headwords kept as a hash table over one Int32Array (a node is the slot
 * of the edge into it: its parent and the character), so the words at a
 * place in a text are found one probe per character, with no string
 * compared and nothing allocated until an entry is wanted. Loading is a generator that yields every few thousand entries, so
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
  /**
   * As matchLengthsAt, into `out` (room for maxWordLength), answering how many: segmentation's hot loop, with no array resized.
   * With `ids`, each match's word id too (see ChineseDictionary.entryIndexAt), or −1 where the lookup numbers no words.
   */
  matchesInto(text: string, start: number, limit: number, out: Int32Array, ids?: Int32Array): number;
}

const NEWLINE = 10;
/** 2^19 slots for about 171,000 nodes (every prefix of a headword): a third full, so a probe rarely takes a second step. */
const TRIE_BITS = 19;
const SLICE = 8192;

/** The trie's slots, three numbers each: the parent node plus one (0: an empty slot), the character, the first entry plus one (0: no word ends here). */
const STRIDE = 3;

function slotOf(parent: number, code: number): number {
  return (Math.imul(parent, 0x9e3779b1) ^ Math.imul(code + 1, 0x85ebca77)) >>> (32 - TRIE_BITS);
}

/**
 * 2^20 bits (128 KB, which stays in the processor's cache, unlike the trie's 6 MB) for about 171,000 edges
 * below the root: a sixth set, so five in six look-ups of an edge that is not there need no probe of the trie.
 */
const EDGE_BITS = 20;

function edgeBit(parent: number, code: number): number {
  return (Math.imul(parent ^ Math.imul(code, 0x27d4eb2d), 0x165667b1) >>> (32 - EDGE_BITS));
}

export class DictionaryFormatError extends Error {}

export class ChineseDictionary implements WordLookup {
  private readonly decoder = new TextDecoder();
  /** matchLengthsAt's scratch: the panel's slice asks at every Han character, so no new array each time. */
  private lengths: Int32Array | undefined;

  private constructor(
    /** Every entry's simplified headword, one per line, in entry order. */
    private readonly headwords: string,
    /** Where entry k's headword starts in `headwords`; one more at the end. */
    private readonly headwordStarts: Int32Array,
    private readonly bytes: Uint8Array,
    /** Where entry k's body starts in `bytes`; one more at the end. */
    private readonly bodyStarts: Int32Array,
    /** The headwords' trie: node n (n ≥ 1) is slot n − 1; node 0 is the root. */
    private readonly trie: Int32Array,
    readonly size: number,
    /** The CC-CEDICT release, `YYYY-MM-DD`. */
    readonly date: string,
    readonly maxWordLength: number,
    /** The root's children by character (a UTF-16 code unit): the node, or 0. */
    private readonly firstCharacters: Int32Array,
    /** One bit per hashed (node, character) edge: clear means no such edge (see edgeBit). */
    private readonly edgeBits: Int32Array,
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
    const trie = new Int32Array(STRIDE << TRIE_BITS);
    const mask = (1 << TRIE_BITS) - 1;
    for (let k = 0; k < size; k++) {
      const start = headwordStarts[k];
      const end = headwordStarts[k + 1] - 1;
      let node = 0;
      for (let i = start; i < end; i++) {
        const code = headwords.charCodeAt(i);
        let slot = slotOf(node, code);
        while (trie[slot * STRIDE] !== 0 && (trie[slot * STRIDE] !== node + 1 || trie[slot * STRIDE + 1] !== code)) {
          slot = (slot + 1) & mask;
        }
        if (trie[slot * STRIDE] === 0) {
          trie[slot * STRIDE] = node + 1;
          trie[slot * STRIDE + 1] = code;
        }
        node = slot + 1;
      }
      if (end > start && trie[(node - 1) * STRIDE + 2] === 0) {
        trie[(node - 1) * STRIDE + 2] = k + 1; // the first entry of the headword; later ones follow it in entry order
      }
      if (k % SLICE === 0 && k > 0) {
        yield 0.4 + 0.6 * (k / size);
      }
    }
    const date = /^\d{4}-\d{2}-\d{2}$/.test(head[2] ?? '') ? head[2] : '';
    const firstCharacters = new Int32Array(0x10000);
    const edgeBits = new Int32Array(1 << (EDGE_BITS - 5));
    for (let slot = 0; slot <= mask; slot++) {
      if (trie[slot * STRIDE] === 1) {
        firstCharacters[trie[slot * STRIDE + 1]] = slot + 1;
      } else if (trie[slot * STRIDE] !== 0) {
        const bit = edgeBit(trie[slot * STRIDE] - 1, trie[slot * STRIDE + 1]);
        edgeBits[bit >>> 5] |= 1 << (bit & 31);
      }
    }
    return new ChineseDictionary(headwords, headwordStarts, bytes, bodyStarts, trie, size, date, maxWordLength, firstCharacters, edgeBits);
  }

  /** The node reached from `node` by the character `code`, or 0 when no headword goes on so. */
  private child(node: number, code: number): number {
    if (node === 0) {
      return this.firstCharacters[code]; // every look-up starts here: one read, no probe
    }
    const bit = edgeBit(node, code);
    if ((this.edgeBits[bit >>> 5] & (1 << (bit & 31))) === 0) {
      return 0; // most walks end on an edge that is not there: known from the small table, without a probe of the large one
    }
    const trie = this.trie;
    const mask = (1 << TRIE_BITS) - 1;
    for (let slot = slotOf(node, code); trie[slot * STRIDE] !== 0; slot = (slot + 1) & mask) {
      if (trie[slot * STRIDE] === node + 1 && trie[slot * STRIDE + 1] === code) {
        return slot + 1;
      }
    }
    return 0;
  }

  /**
   * The first entry whose headword is `text[start, end)`, or -1. Its number
   * names the word (the same for every entry of one headword): a word id.
   */
  entryIndexAt(text: string, start: number, end: number): number {
    let node = 0;
    for (let i = start; i < end && (i === start || node !== 0); i++) {
      node = this.child(node, text.charCodeAt(i));
    }
    return end > start && node !== 0 ? this.trie[(node - 1) * STRIDE + 2] - 1 : -1;
  }

  /** The simplified headword of an entry (see entryIndexAt). */
  headwordAt(k: number): string {
    return this.headwords.slice(this.headwordStarts[k], this.headwordStarts[k + 1] - 1);
  }

  isWordAt(text: string, start: number, end: number): boolean {
    return end - start <= this.maxWordLength && this.entryIndexAt(text, start, end) >= 0;
  }

  has(word: string): boolean {
    return this.isWordAt(word, 0, word.length);
  }

  /** Lengths of every headword that starts at `start` of `text` (ending by `limit`), shortest first. */
  matchLengthsAt(text: string, start: number, limit = text.length, out?: number[]): number[] {
    const found = (this.lengths ??= new Int32Array(this.maxWordLength));
    const count = this.matchesInto(text, start, limit, found);
    const lengths = out ?? [];
    lengths.length = 0;
    for (let k = 0; k < count; k++) {
      lengths.push(found[k]);
    }
    return lengths;
  }

  matchesInto(text: string, start: number, limit: number, out: Int32Array, ids?: Int32Array): number {
    const last = Math.min(limit, text.length, start + this.maxWordLength);
    const trie = this.trie;
    let count = 0;
    let node = 0;
    for (let end = start + 1; end <= last; end++) {
      node = this.child(node, text.charCodeAt(end - 1));
      if (node === 0) {
        break; // no headword starts with text[start, end)
      }
      const entry = trie[(node - 1) * STRIDE + 2];
      if (entry !== 0) {
        if (ids) {
          ids[count] = entry - 1;
        }
        out[count++] = end - start;
      }
    }
    return count;
  }

  /** Every entry of `word` (a simplified headword), in CC-CEDICT's order; empty when it has none. */
  lookup(word: string): DictionaryEntry[] {
    const first = this.entryIndexAt(word, 0, word.length);
    if (first < 0) {
      return [];
    }
    const entries: DictionaryEntry[] = [];
    for (let k = first; k < this.size && this.headwordAt(k) === word; k++) {
      entries.push(this.entryAt(k));
    }
    return entries;
  }

  private entryAt(k: number): DictionaryEntry {
    const simplified = this.headwordAt(k);
    const [traditional = '', numbered = '', senses = ''] = this.decoder.decode(this.bytes.subarray(this.bodyStarts[k], this.bodyStarts[k + 1] - 1)).split('\t');
    return { simplified, traditional: traditional || simplified, pinyin: pinyinWithMarks(numbered), pinyinNumbered: numbered, senses: senses.split('/') };
  }
}
