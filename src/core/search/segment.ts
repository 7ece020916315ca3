/**
 * A stored segment of the search index: the articles of one month (or any
 * set of files) in one binary buffer that is searched as it is read, typed
 * arrays over its sections, no JSON and nothing rebuilt on load. It holds
 * what a hit shows (files, days, positions, arXiv ids, titles as token
 * numbers: titleCoding.ts), the terms in sorted order, and each term's
 * postings packed in blocks (postingCodec.ts). Immutable: a file removed or
 * changed is hidden (`hideFile`) until the segment is written again.
 * Written (segmentWriter.ts) and read in steps (generators), so no step
 * holds the event loop.
 */
import { daysOf } from './documents';
import { BLOCK, decodePostings, MAX_DOCS, orPostingMasks } from './postingCodec';
import { ABSENT, align, checksumOf, DOC_WORDS, DOCS_PER_STEP, HEADER_WORDS, MAGIC, SEGMENT_VERSION } from './segmentFormat';
import type { IndexPart } from './part';
import { readTitle, readVarint } from './titleCoding';
import type { IndexedArticle, SearchLanguage } from './types';

const decoder = new TextDecoder();

/** Whether `ends` (masked with `~flag`) never decrease and stay within `limit`. */
function ascending(ends: Uint32Array, limit: number, flag = 0): boolean {
  let previous = 0;
  for (let i = 0; i < ends.length; i++) {
    const end = (ends[i] & ~flag) >>> 0;
    if (end < previous || end > limit) {
      return false;
    }
    previous = end;
  }
  return true;
}

/**
 * Reads a segment in steps; the generator's value is the segment, or
 * undefined when the bytes are not one (another version, damaged, cut
 * short). Checks the checksum and every offset, so nothing read later can
 * point outside its section.
 */
export function* readSegment(bytes: Uint8Array): Generator<void, Segment | undefined, void> {
  if (bytes.length < HEADER_WORDS * 4 + 4 || bytes.length % 4 !== 0) {
    return undefined;
  }
  const buffer = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
  const view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  if (view.getUint32(0, true) !== MAGIC || view.getUint32(4, true) !== SEGMENT_VERSION) {
    return undefined;
  }
  if (view.getUint32(buffer.length - 4, true) !== (yield* checksumOf(buffer.subarray(0, buffer.length - 4)))) {
    return undefined;
  }
  const header = Array.from({ length: HEADER_WORDS - 2 }, (_, i) => view.getUint32(8 + 4 * i, true));
  const [docCount, termCount, stringCount, fileCount, vocabCount, ...lengths] = header;
  let at = HEADER_WORDS * 4;
  const end = buffer.length - 4;
  const words = (count: number): Uint32Array | undefined => {
    if (count > (end - at) / 4) {
      return undefined;
    }
    const array = new Uint32Array(buffer.buffer, buffer.byteOffset + at, count);
    at += count * 4;
    return array;
  };
  const raw = (length: number): Uint8Array | undefined => {
    if (length > end - at) {
      return undefined;
    }
    const array = buffer.subarray(at, at + length);
    at += align(length);
    return array;
  };
  const stringEnds = words(stringCount);
  const fileStrings = words(fileCount * 2);
  const docs = words(docCount * DOC_WORDS);
  const textStarts = words(docCount);
  const idEnds = words(docCount);
  const vocabEnds = words(vocabCount);
  const termEnds = words(termCount);
  const postingStarts = words(termCount + 1);
  const [strings, texts, ids, vocab, terms, postings] = lengths.slice(0, 6).map(raw);
  if (!stringEnds || !fileStrings || !docs || !textStarts || !idEnds || !vocabEnds || !termEnds || !postingStarts || !strings || !texts || !ids || !vocab || !terms || !postings || at !== end) {
    return undefined;
  }
  if (docCount >= MAX_DOCS || !ascending(stringEnds, strings.length) || !ascending(textStarts, texts.length) || !ascending(idEnds, ids.length, ABSENT)
    || !ascending(vocabEnds, vocab.length) || !ascending(termEnds, terms.length) || !ascending(postingStarts, postings.length) || !fileStrings.every((id) => id < stringCount)) {
    return undefined;
  }
  yield;
  for (let doc = 0; doc < docCount; doc++) {
    const d = doc * DOC_WORDS;
    if (docs[d] >= fileCount || docs[d + 4] >= stringCount || docs[d + 5] >= stringCount) {
      return undefined;
    }
    if (doc % (DOCS_PER_STEP * 16) === 0) {
      yield;
    }
  }
  return new Segment({ bytes: buffer, docCount, stringEnds, fileStrings, docs, textStarts, idEnds, vocabEnds, termEnds, postingStarts, strings, texts, ids, vocab, terms, postings });
}

interface Sections {
  bytes: Uint8Array;
  docCount: number;
  stringEnds: Uint32Array;
  fileStrings: Uint32Array;
  docs: Uint32Array;
  textStarts: Uint32Array;
  idEnds: Uint32Array;
  vocabEnds: Uint32Array;
  termEnds: Uint32Array;
  postingStarts: Uint32Array;
  strings: Uint8Array;
  texts: Uint8Array;
  ids: Uint8Array;
  vocab: Uint8Array;
  terms: Uint8Array;
  postings: Uint8Array;
}

export class Segment implements IndexPart {
  private readonly hidden: Uint8Array;
  private readonly hiddenFiles = new Set<number>();
  private readonly dayCache = new Map<number, number>();
  /** The few strings of the string table (files, stamps, days, dates) once decoded. */
  private readonly stringCache: (string | undefined)[] = [];
  readonly docCount: number;

  constructor(private readonly s: Sections) {
    this.docCount = s.docCount;
    this.hidden = new Uint8Array(s.docCount);
  }

  /** A segment from stored bytes at once (tests, scripts); see readSegment. */
  static read(bytes: Uint8Array): Segment | undefined {
    const steps = readSegment(bytes);
    for (;;) {
      const step = steps.next();
      if (step.done) {
        return step.value;
      }
    }
  }

  /** The bytes as stored. */
  get bytes(): Uint8Array {
    return this.s.bytes;
  }

  get termCount(): number {
    return this.s.termEnds.length;
  }

  /** Its files and their stamps (size and mtime when indexed). */
  files(): { uri: string; stamp: string }[] {
    const files = this.s.fileStrings;
    return Array.from({ length: files.length / 2 }, (_, i) => ({ uri: this.string(files[2 * i]), stamp: this.string(files[2 * i + 1]) }));
  }

  /** Hides a file's articles from searches (removed, or indexed anew elsewhere). */
  hideFile(uri: string): void {
    for (let i = 0; i < this.s.fileStrings.length / 2; i++) {
      if (!this.hiddenFiles.has(i) && this.string(this.s.fileStrings[2 * i]) === uri) {
        this.hiddenFiles.add(i);
        for (let doc = 0; doc < this.docCount; doc++) {
          if (this.s.docs[doc * DOC_WORDS] === i) {
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
    const at = this.lowerBound(term);
    return at < this.termCount && this.termOf(at) === term ? at : undefined;
  }

  termsWithPrefix(prefix: string): number[] {
    const found: number[] = [];
    for (let at = this.lowerBound(prefix); at < this.termCount && this.termOf(at).startsWith(prefix); at++) {
      found.push(at);
    }
    return found;
  }

  postingCount(term: number): number {
    return this.head(term).count;
  }

  orMasks(term: number, masks: Uint8Array): void {
    const { count, start } = this.head(term);
    orPostingMasks(this.s.postings, start, count, masks);
  }

  /** Each (doc, mask) of a term. */
  forEachPosting(term: number, visit: (doc: number, mask: number) => void): void {
    const { count, start } = this.head(term);
    decodePostings(this.s.postings, start, count, visit);
  }

  termOf(term: number): string {
    const ends = this.s.termEnds;
    return decoder.decode(this.s.terms.subarray(term === 0 ? 0 : ends[term - 1], ends[term]));
  }

  daysOf(doc: number): number {
    const date = this.s.docs[doc * DOC_WORDS + 5];
    let days = this.dayCache.get(date);
    if (days === undefined) {
      days = daysOf(this.string(date));
      this.dayCache.set(date, days);
    }
    return days;
  }

  fileOf(doc: number): string {
    return this.string(this.s.fileStrings[2 * this.s.docs[doc * DOC_WORDS]]);
  }

  article(doc: number): IndexedArticle {
    const { docs, idEnds, ids, texts, vocab, vocabEnds } = this.s;
    const d = doc * DOC_WORDS;
    const [subject, digestDate] = this.string(docs[d + 4]).split('\n');
    const titles: Partial<Record<SearchLanguage, string>> = {};
    let at = this.s.textStarts[doc];
    for (const language of ['en', 'de', 'zh'] as const) {
      const { text, next } = readTitle(texts, at, vocab, vocabEnds);
      at = next;
      if (text !== undefined) {
        titles[language] = text;
      }
    }
    const idEnd = idEnds[doc];
    const idStart = doc === 0 ? 0 : (idEnds[doc - 1] & ~ABSENT) >>> 0;
    const arxivId = idEnd & ABSENT ? undefined : decoder.decode(ids.subarray(idStart, idEnd));
    return {
      file: this.fileOf(doc), position: docs[d + 1], index: docs[d + 2], line: docs[d + 3],
      ...(arxivId === undefined ? {} : { arxivId }), date: this.string(docs[d + 5]), subject, digestDate: digestDate ?? '', titles,
    };
  }

  /** A term's number of postings (stored before them) and where its blocks start; bounded by its bytes, so damage cannot make a decode run on. */
  private head(term: number): { count: number; start: number } {
    const { value, next } = readVarint(this.s.postings, this.s.postingStarts[term]);
    const length = this.s.postingStarts[term + 1] - next;
    return { count: Math.min(value, Math.max(0, Math.floor(length / 2)) * BLOCK), start: next };
  }

  private string(id: number): string {
    let text = this.stringCache[id];
    if (text === undefined) {
      const ends = this.s.stringEnds;
      text = decoder.decode(this.s.strings.subarray(id === 0 ? 0 : ends[id - 1], ends[id]));
      this.stringCache[id] = text;
    }
    return text;
  }

  /** The first term not below `term` (JavaScript's string order, as written). */
  private lowerBound(term: string): number {
    let low = 0;
    let high = this.termCount;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.termOf(middle) < term) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }
}
