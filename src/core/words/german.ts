/**
 * A German–English dictionary the learner brings (none ships: FreeDict's
 * deu-eng is GPL-3+, which an MIT extension cannot bundle). Two formats:
 *
 * - dictd, as FreeDict and Debian's `dict-freedict-deu-eng` ship it: an
 *   `.index` (`headword \t offset \t length`, numbers in dictd's base64) and
 *   a `.dict` or dictzip `.dict.dz` beside it. A `.dict.dz` is read chunk by
 *   chunk (dictzip's random access: about 58 KB inflated per look-up, never
 *   the whole 100 MB), through an `inflateRaw` the caller passes in.
 * - TSV: `German \t English [\t more]` per line, as dict.cc's download and
 *   most word lists are; `#` lines are comments.
 *
 * Look-ups fold case and, when the word itself is not there, try it without
 * the common inflection endings (Verteiltes → verteilt) and a compound's last
 * part (Multi-Domain-Angriffsbedrohungen → Angriffsbedrohungen).
 */

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** dictd's numbers: base64 digits, most significant first. */
export function dictdNumber(text: string): number {
  let value = 0;
  for (const character of text) {
    const digit = BASE64.indexOf(character);
    if (digit < 0) {
      return Number.NaN;
    }
    value = value * 64 + digit;
  }
  return value;
}

export interface DictzipLayout {
  /** Inflated bytes per chunk. */
  chunkLength: number;
  /** Where each chunk's deflated bytes start in the file, and one more at the end. */
  chunkStarts: number[];
}

/** The random-access table of a dictzip file's gzip header; undefined for a plain gzip or anything else. */
export function dictzipLayout(bytes: Uint8Array): DictzipLayout | undefined {
  const FEXTRA = 4;
  const FNAME = 8;
  const FCOMMENT = 16;
  const FHCRC = 2;
  if (bytes.length < 12 || bytes[0] !== 0x1f || bytes[1] !== 0x8b || bytes[2] !== 8 || (bytes[3] & FEXTRA) === 0) {
    return undefined;
  }
  const flags = bytes[3];
  const u16 = (at: number): number => bytes[at] | (bytes[at + 1] << 8);
  const extraLength = u16(10);
  let layout: { chunkLength: number; sizes: number[] } | undefined;
  for (let at = 12; at + 4 <= 12 + extraLength;) {
    const length = u16(at + 2);
    if (bytes[at] === 0x52 && bytes[at + 1] === 0x41 && length >= 6 && u16(at + 4) === 1) {
      const count = u16(at + 8);
      if (6 + count * 2 <= length) {
        layout = { chunkLength: u16(at + 6), sizes: Array.from({ length: count }, (_, k) => u16(at + 10 + k * 2)) };
      }
    }
    at += 4 + length;
  }
  if (!layout) {
    return undefined;
  }
  let at = 12 + extraLength;
  for (const flag of [FNAME, FCOMMENT]) {
    if (flags & flag) {
      at = bytes.indexOf(0, at) + 1;
    }
  }
  if (flags & FHCRC) {
    at += 2;
  }
  const chunkStarts = [at];
  for (const size of layout.sizes) {
    chunkStarts.push(chunkStarts[chunkStarts.length - 1] + size);
  }
  return { chunkLength: layout.chunkLength, chunkStarts };
}

/** Inflates raw deflate data to its end (the caller's: zlib in Node, DecompressionStream on the web). */
export type InflateRaw = (bytes: Uint8Array) => Promise<Uint8Array>;

/** An empty final deflate block: a dictzip chunk ends on a full flush, and this closes it as a whole stream. */
const FINAL_BLOCK = [0x03, 0x00];

function hashOf(text: string): number {
  let hash = 2166136261 | 0;
  for (let i = 0; i < text.length; i++) {
    hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  }
  return hash;
}

/** The forms to try for a word in a title, most exact first. */
export function germanCandidates(word: string): string[] {
  const lower = word.normalize('NFC').toLocaleLowerCase('de');
  const forms = [lower];
  const parts = lower.split(/[-‐]/).filter(Boolean);
  if (parts.length > 1) {
    forms.push(parts[parts.length - 1]);
  }
  for (const form of [...forms]) {
    for (const ending of ['es', 'en', 'er', 'em', 'e', 's', 'n']) {
      if (form.length > ending.length + 2 && form.endsWith(ending)) {
        forms.push(form.slice(0, -ending.length));
      }
    }
  }
  return [...new Set(forms)];
}

export interface GermanEntry {
  /** The headword as the dictionary has it. */
  headword: string;
  /** The entry's text, as written (plain text; never markup). */
  text: string;
}

/** Lines of an index or TSV file, hashed by their first field (case folded) for look-ups without a map of strings. */
class LineTable {
  private readonly starts: number[] = [];
  private slots = new Int32Array(0);

  constructor(private readonly text: string) {}

  *build(): Generator<number, void> {
    const hashes: number[] = [];
    for (let at = 0; at < this.text.length;) {
      const end = this.text.indexOf('\n', at);
      const next = end < 0 ? this.text.length : end + 1;
      const tab = this.text.indexOf('\t', at);
      if (this.text[at] !== '#' && tab > at && tab < next) {
        this.starts.push(at);
        hashes.push(hashOf(this.key(at)));
        if (this.starts.length % 20_000 === 0) {
          yield at / this.text.length;
        }
      }
      at = next;
    }
    let capacity = 1;
    while (capacity < this.starts.length * 2) {
      capacity *= 2;
    }
    this.slots = new Int32Array(capacity);
    const mask = capacity - 1;
    hashes.forEach((hash, k) => {
      let slot = hash & mask;
      while (this.slots[slot] !== 0) {
        slot = (slot + 1) & mask;
      }
      this.slots[slot] = k + 1;
    });
  }

  /** A line's first field, case folded (files are taken to be in NFC, as both formats are written). */
  private key(start: number): string {
    return this.text.slice(start, this.text.indexOf('\t', start)).toLocaleLowerCase('de');
  }

  /** The fields of every line whose first field is `key` (case folded). */
  lines(key: string): string[][] {
    const mask = this.slots.length - 1;
    const found: string[][] = [];
    if (this.slots.length === 0) {
      return found;
    }
    for (let slot = hashOf(key) & mask; this.slots[slot] !== 0; slot = (slot + 1) & mask) {
      const start = this.starts[this.slots[slot] - 1];
      if (this.key(start) === key) {
        const end = this.text.indexOf('\n', start);
        found.push(this.text.slice(start, end < 0 ? undefined : end).replace(/\r$/, '').split('\t'));
      }
    }
    return found;
  }

  get size(): number {
    return this.starts.length;
  }
}

const MAX_ENTRIES = 5;
const MAX_ENTRY_LENGTH = 2_000;

/** A German–English dictionary of either format. */
export class GermanDictionary {
  private constructor(
    private readonly table: LineTable,
    private readonly data: { kind: 'tsv' } | { kind: 'dict'; bytes: Uint8Array } | { kind: 'dictzip'; bytes: Uint8Array; layout: DictzipLayout },
    private readonly inflateRaw?: InflateRaw,
  ) {}

  /** A TSV word list. */
  static *tsv(text: string): Generator<number, GermanDictionary> {
    const table = new LineTable(text);
    yield* table.build();
    return new GermanDictionary(table, { kind: 'tsv' });
  }

  /** A dictd dictionary: its index text and its `.dict` (plain) or `.dict.dz` bytes. */
  static *dictd(index: string, data: Uint8Array, inflateRaw: InflateRaw): Generator<number, GermanDictionary> {
    const table = new LineTable(index);
    yield* table.build();
    const layout = dictzipLayout(data);
    if (!layout && data[0] === 0x1f && data[1] === 0x8b) {
      throw new Error('This .dict.dz is gzip without dictzip\'s random-access table: unpack it (gunzip) and give the .dict.');
    }
    return new GermanDictionary(table, layout ? { kind: 'dictzip', bytes: data, layout } : { kind: 'dict', bytes: data }, inflateRaw);
  }

  get size(): number {
    return this.table.size;
  }

  /** The entries for a word of a German text: the word itself, else its likeliest base forms; at most five. */
  async lookup(word: string): Promise<GermanEntry[]> {
    for (const form of germanCandidates(word)) {
      const lines = this.table.lines(form);
      if (lines.length > 0) {
        const entries: GermanEntry[] = [];
        for (const fields of lines.slice(0, MAX_ENTRIES)) {
          const text = this.data.kind === 'tsv' ? fields.slice(1).join(' — ') : await this.entryText(dictdNumber(fields[1]), dictdNumber(fields[2]));
          entries.push({ headword: fields[0], text: text.trim().slice(0, MAX_ENTRY_LENGTH) });
        }
        return entries;
      }
    }
    return [];
  }

  private async entryText(offset: number, length: number): Promise<string> {
    if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(length) || length <= 0 || length > 1_000_000) {
      return '';
    }
    const decoder = new TextDecoder();
    if (this.data.kind === 'dict') {
      return decoder.decode(this.data.bytes.subarray(offset, offset + length));
    }
    if (this.data.kind !== 'dictzip' || !this.inflateRaw) {
      return '';
    }
    const { bytes, layout } = this.data;
    const first = Math.floor(offset / layout.chunkLength);
    const last = Math.floor((offset + length - 1) / layout.chunkLength);
    const parts: Uint8Array[] = [];
    for (let chunk = first; chunk <= last && chunk < layout.chunkStarts.length - 1; chunk++) {
      const deflated = bytes.subarray(layout.chunkStarts[chunk], layout.chunkStarts[chunk + 1]);
      const closed = new Uint8Array(deflated.length + FINAL_BLOCK.length);
      closed.set(deflated);
      closed.set(FINAL_BLOCK, deflated.length);
      parts.push(await this.inflateRaw(closed));
    }
    const joined = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
    parts.reduce((at, part) => (joined.set(part, at), at + part.length), 0);
    const start = offset - first * layout.chunkLength;
    return decoder.decode(joined.subarray(start, start + length));
  }
}

/** Runs a loading generator to its end (tests, scripts). */
export function finish<T>(steps: Generator<number, T>): T {
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) {
      return step.value;
    }
  }
}
