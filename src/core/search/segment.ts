/**
 * A stored segment of the search index: the articles of one month (or any
 * set of files) in one binary buffer that is used as it is read, typed
 * arrays over its sections, no JSON and nothing rebuilt on load. It holds
 * what a hit shows (files, days, positions, titles and arXiv ids as UTF-8),
 * the terms sorted by their UTF-8 bytes, and each term's postings packed in
 * blocks (postingCodec.ts). Immutable: a file removed or changed is hidden
 * (`hideFile`) until the segment is written again.
 */
import { BLOCK, ByteWriter, decodePostings, encodePostings, MAX_DOCS, orPostingMasks } from './postingCodec';
import type { IndexPart } from './part';
import type { IndexedArticle, SearchLanguage } from './types';

const MAGIC = 0x47535244; // "DRSG"
export const SEGMENT_VERSION = 1;
const HEADER_WORDS = 12;
/** Per document: file, position, index, line, day (subject and digest date), date. */
const DOC_WORDS = 6;
/** Per document: the arXiv id and the title in each language. */
const TEXTS = ['arxivId', 'en', 'de', 'zh'] as const;
/** A text's end with this bit: the text is absent (not empty). */
const ABSENT = 0x80000000;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** What a segment is written from: its files (with their stamps), articles and terms with postings. */
export interface SegmentSource {
  files: readonly { uri: string; stamp: string }[];
  /** The articles in document order (the ids the postings use). */
  articles: readonly IndexedArticle[];
  /** Terms in any order; `postings(i)` gives term i's documents ascending and their masks. */
  terms: readonly string[];
  postings(term: number): { docs: ArrayLike<number>; masks: ArrayLike<number>; count: number };
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (a[i] !== b[i]) {
      return a[i] - b[i];
    }
  }
  return a.length - b.length;
}

/** A list of strings as one UTF-8 blob and their ends. */
class StringsWriter {
  readonly out = new ByteWriter();
  readonly ends: number[] = [];
  private readonly ids = new Map<string, number>();
  push(bytes: Uint8Array): void {
    for (const byte of bytes) {
      this.out.byte(byte);
    }
    this.ends.push(this.out.length);
  }
  /** A string kept once, by number. */
  idOf(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.ends.length;
      this.ids.set(value, id);
      this.push(encoder.encode(value));
    }
    return id;
  }
}

/**
 * Writes a segment, yielding every few hundred terms so the caller can give
 * the event loop a turn; its return value is the bytes.
 */
export function* writeSegment(source: SegmentSource): Generator<void, Uint8Array, void> {
  if (source.articles.length >= MAX_DOCS) {
    throw new Error(`a segment holds fewer than ${MAX_DOCS} articles`);
  }
  const strings = new StringsWriter();
  const fileIndex = new Map(source.files.map((file, i) => [file.uri, i]));
  const files = source.files.flatMap((file) => [strings.idOf(file.uri), strings.idOf(file.stamp)]);
  const docs = new Uint32Array(source.articles.length * DOC_WORDS);
  const texts = new StringsWriter();
  const textEnds = new Uint32Array(source.articles.length * TEXTS.length);
  source.articles.forEach((article, doc) => {
    const at = doc * DOC_WORDS;
    docs[at] = fileIndex.get(article.file) ?? 0;
    docs[at + 1] = article.position;
    docs[at + 2] = article.index;
    docs[at + 3] = article.line;
    docs[at + 4] = strings.idOf(`${article.subject}\n${article.digestDate}`);
    docs[at + 5] = strings.idOf(article.date);
    TEXTS.forEach((field, i) => {
      const text = field === 'arxivId' ? article.arxivId : article.titles[field];
      texts.push(encoder.encode(text ?? ''));
      textEnds[doc * TEXTS.length + i] = texts.ends[texts.ends.length - 1] | (text === undefined ? ABSENT : 0);
    });
  });
  yield;
  const encoded = source.terms.map((term) => encoder.encode(term));
  const order = Int32Array.from(encoded.keys()).sort((a, b) => compareBytes(encoded[a], encoded[b]));
  yield;
  const termBytes = new StringsWriter();
  const postingStarts: number[] = [];
  const counts: number[] = [];
  const postings = new ByteWriter();
  for (let i = 0; i < order.length; i++) {
    const { docs: termDocs, masks, count } = source.postings(order[i]);
    if (count === 0 || (i > 0 && compareBytes(encoded[order[i - 1]], encoded[order[i]]) === 0)) {
      continue;
    }
    termBytes.push(encoded[order[i]]);
    postingStarts.push(postings.length);
    counts.push(count);
    encodePostings(postings, termDocs, masks, count);
    if (i % 512 === 511) {
      yield;
    }
  }
  postingStarts.push(postings.length);
  const sections: Uint8Array[] = [
    u8(Uint32Array.from(strings.ends)), u8(Uint32Array.from(files)), u8(docs), u8(textEnds),
    u8(Uint32Array.from(termBytes.ends)), u8(Uint32Array.from(postingStarts)), u8(Uint32Array.from(counts)),
    strings.out.finish(), texts.out.finish(), termBytes.out.finish(), postings.finish(),
  ];
  const header = Uint32Array.from([
    MAGIC, SEGMENT_VERSION, source.articles.length, counts.length, strings.ends.length, source.files.length,
    sections[7].length, sections[8].length, sections[9].length, sections[10].length, 0, 0,
  ]);
  let size = header.byteLength;
  for (const section of sections) {
    size += align(section.length);
  }
  const out = new Uint8Array(size + 4);
  out.set(u8(header));
  let at = header.byteLength;
  for (const section of sections) {
    out.set(section, at);
    at += align(section.length);
  }
  new DataView(out.buffer).setUint32(at, checksum(out.subarray(0, at)), true);
  return out;
}

function u8(array: Uint32Array): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

const align = (length: number) => (length + 3) & ~3;

/** FNV-1a over the bytes, 32 bits: a damaged or cut file is refused, not half used. */
export function checksum(bytes: Uint8Array): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) {
    hash = Math.imul(hash ^ bytes[i], 0x01000193);
  }
  return hash >>> 0;
}

export class Segment implements IndexPart {
  private readonly hidden: Uint8Array;
  private readonly hiddenFiles = new Set<number>();
  private readonly dayCache = new Map<number, number>();

  private constructor(
    /** The bytes as stored. */
    readonly bytes: Uint8Array,
    readonly docCount: number,
    private readonly stringEnds: Uint32Array,
    private readonly fileStrings: Uint32Array,
    private readonly docs: Uint32Array,
    private readonly textEnds: Uint32Array,
    private readonly termEnds: Uint32Array,
    private readonly postingStarts: Uint32Array,
    private readonly counts: Uint32Array,
    private readonly strings: Uint8Array,
    private readonly texts: Uint8Array,
    private readonly termBytes: Uint8Array,
    private readonly postings: Uint8Array,
  ) {
    this.hidden = new Uint8Array(docCount);
  }

  /**
   * A segment from stored bytes, or undefined when they are not one (another
   * version, damaged, cut short). Checks the checksum and every offset, so
   * nothing read later can point outside its section.
   */
  static read(bytes: Uint8Array): Segment | undefined {
    if (bytes.length < HEADER_WORDS * 4 + 4 || bytes.length % 4 !== 0) {
      return undefined;
    }
    const buffer = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
    const view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    if (view.getUint32(0, true) !== MAGIC || view.getUint32(4, true) !== SEGMENT_VERSION) {
      return undefined;
    }
    if (view.getUint32(buffer.length - 4, true) !== checksum(buffer.subarray(0, buffer.length - 4))) {
      return undefined;
    }
    const [docCount, termCount, stringCount, fileCount, stringsLength, textsLength, termsLength, postingsLength] = Array.from({ length: 8 }, (_, i) => view.getUint32(8 + 4 * i, true));
    let at = HEADER_WORDS * 4;
    const words = (count: number): Uint32Array | undefined => {
      if (at + count * 4 > buffer.length - 4) {
        return undefined;
      }
      const array = new Uint32Array(buffer.buffer, buffer.byteOffset + at, count);
      at += count * 4;
      return array;
    };
    const raw = (length: number): Uint8Array | undefined => {
      if (at + length > buffer.length - 4) {
        return undefined;
      }
      const array = buffer.subarray(at, at + length);
      at += align(length);
      return array;
    };
    const stringEnds = words(stringCount);
    const fileStrings = words(fileCount * 2);
    const docs = words(docCount * DOC_WORDS);
    const textEnds = words(docCount * TEXTS.length);
    const termEnds = words(termCount);
    const postingStarts = words(termCount + 1);
    const counts = words(termCount);
    const strings = raw(stringsLength);
    const texts = raw(textsLength);
    const termBytes = raw(termsLength);
    const postings = raw(postingsLength);
    if (!stringEnds || !fileStrings || !docs || !textEnds || !termEnds || !postingStarts || !counts || !strings || !texts || !termBytes || !postings || at !== buffer.length - 4) {
      return undefined;
    }
    const ascending = (ends: Uint32Array, limit: number, flag = 0) => {
      let previous = 0;
      for (let i = 0; i < ends.length; i++) {
        const end = ends[i] & ~flag;
        if (end < previous || end > limit) {
          return false;
        }
        previous = (ends[i] & ~flag) >>> 0;
      }
      return true;
    };
    const validDocs = () => {
      for (let doc = 0; doc < docCount; doc++) {
        const d = doc * DOC_WORDS;
        if (docs[d] >= fileCount || docs[d + 4] >= stringCount || docs[d + 5] >= stringCount) {
          return false;
        }
      }
      return fileStrings.every((id) => id < stringCount);
    };
    if (docCount >= MAX_DOCS || !ascending(stringEnds, stringsLength) || !ascending(textEnds, textsLength, ABSENT) || !ascending(termEnds, termsLength) || !ascending(postingStarts, postingsLength) || !validDocs()) {
      return undefined;
    }
    return new Segment(buffer, docCount, stringEnds, fileStrings, docs, textEnds, termEnds, postingStarts, counts, strings, texts, termBytes, postings);
  }

  get termCount(): number {
    return this.counts.length;
  }

  /** Its files and their stamps (size and mtime when indexed). */
  files(): { uri: string; stamp: string }[] {
    return Array.from({ length: this.fileStrings.length / 2 }, (_, i) => ({ uri: this.string(this.fileStrings[2 * i]), stamp: this.string(this.fileStrings[2 * i + 1]) }));
  }

  /** Hides a file's articles from searches (removed, or indexed anew elsewhere). */
  hideFile(uri: string): void {
    for (let i = 0; i < this.fileStrings.length / 2; i++) {
      if (!this.hiddenFiles.has(i) && this.string(this.fileStrings[2 * i]) === uri) {
        this.hiddenFiles.add(i);
        for (let doc = 0; doc < this.docCount; doc++) {
          if (this.docs[doc * DOC_WORDS] === i) {
            this.hidden[doc] = 1;
          }
        }
      }
    }
  }

  /** Articles not hidden. */
  get liveCount(): number {
    let count = 0;
    for (let doc = 0; doc < this.docCount; doc++) {
      count += 1 - this.hidden[doc];
    }
    return count;
  }

  isLive(doc: number): boolean {
    return doc < this.docCount && this.hidden[doc] === 0;
  }

  termId(term: string): number | undefined {
    const bytes = encoder.encode(term);
    const at = this.lowerBound(bytes);
    return at < this.termCount && this.compareTerm(at, bytes) === 0 ? at : undefined;
  }

  termsWithPrefix(prefix: string): number[] {
    const bytes = encoder.encode(prefix);
    const found: number[] = [];
    for (let at = this.lowerBound(bytes); at < this.termCount && this.startsWith(at, bytes); at++) {
      found.push(at);
    }
    return found;
  }

  postingCount(term: number): number {
    return this.counts[term];
  }

  orMasks(term: number, masks: Uint8Array): void {
    orPostingMasks(this.postings, this.postingStarts[term], Math.min(this.counts[term], this.maxPostings(term)), masks);
  }

  /** Each (doc, mask) of a term. */
  forEachPosting(term: number, visit: (doc: number, mask: number) => void): void {
    decodePostings(this.postings, this.postingStarts[term], Math.min(this.counts[term], this.maxPostings(term)), visit);
  }

  /** The term of an id (tests, merging). */
  termOf(term: number): string {
    return decoder.decode(this.termBytes.subarray(term === 0 ? 0 : this.termEnds[term - 1], this.termEnds[term]));
  }

  daysOf(doc: number): number {
    const date = this.docs[doc * DOC_WORDS + 5];
    let days = this.dayCache.get(date);
    if (days === undefined) {
      days = daysOf(this.string(date));
      this.dayCache.set(date, days);
    }
    return days;
  }

  fileOf(doc: number): string {
    return this.string(this.fileStrings[2 * this.docs[doc * DOC_WORDS]]);
  }

  article(doc: number): IndexedArticle {
    const d = doc * DOC_WORDS;
    const [subject, digestDate] = this.string(this.docs[d + 4]).split('\n');
    const text = (i: number): string | undefined => {
      const at = doc * TEXTS.length + i;
      const end = this.textEnds[at];
      const start = at === 0 ? 0 : this.textEnds[at - 1] & ~ABSENT;
      return end & ABSENT ? undefined : decoder.decode(this.texts.subarray(start, end));
    };
    const titles: Partial<Record<SearchLanguage, string>> = {};
    (['en', 'de', 'zh'] as const).forEach((language, i) => {
      const title = text(i + 1);
      if (title !== undefined) {
        titles[language] = title;
      }
    });
    const arxivId = text(0);
    return {
      file: this.fileOf(doc), position: this.docs[d + 1], index: this.docs[d + 2], line: this.docs[d + 3],
      ...(arxivId === undefined ? {} : { arxivId }), date: this.string(this.docs[d + 5]), subject, digestDate: digestDate ?? '', titles,
    };
  }

  /** Postings a term can hold at most, from its bytes (a damaged count cannot make a decode run on). */
  private maxPostings(term: number): number {
    const length = this.postingStarts[term + 1] - this.postingStarts[term];
    return Math.floor(length / 2) * BLOCK;
  }

  private string(id: number): string {
    return decoder.decode(this.strings.subarray(id === 0 ? 0 : this.stringEnds[id - 1], this.stringEnds[id]));
  }

  private compareTerm(term: number, bytes: Uint8Array): number {
    const start = term === 0 ? 0 : this.termEnds[term - 1];
    const end = this.termEnds[term];
    const n = Math.min(end - start, bytes.length);
    for (let i = 0; i < n; i++) {
      const difference = this.termBytes[start + i] - bytes[i];
      if (difference !== 0) {
        return difference;
      }
    }
    return end - start - bytes.length;
  }

  private startsWith(term: number, bytes: Uint8Array): boolean {
    const start = term === 0 ? 0 : this.termEnds[term - 1];
    if (this.termEnds[term] - start < bytes.length) {
      return false;
    }
    for (let i = 0; i < bytes.length; i++) {
      if (this.termBytes[start + i] !== bytes[i]) {
        return false;
      }
    }
    return true;
  }

  private lowerBound(bytes: Uint8Array): number {
    let low = 0;
    let high = this.termCount;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.compareTerm(middle, bytes) < 0) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }
}

/** Days since 1970 of a `YYYY-MM-DD` date; 0 (oldest) for anything else. */
export function daysOf(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) {
    return 0;
  }
  const time = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isFinite(time) && time > 0 ? Math.floor(time / 86_400_000) : 0;
}
