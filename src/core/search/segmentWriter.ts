/**
 * Writes a stored segment (see segment.ts for what it holds), in steps: a
 * few hundred documents or terms, or 256 KB of copying, at a time.
 */
import { ByteWriter, encodePostings, MAX_DOCS } from './postingCodec';
import { ABSENT, align, BYTES_PER_STEP, checksumOf, DOC_WORDS, DOCS_PER_STEP, MAGIC, POSTING_BYTES_PER_STEP, SEGMENT_VERSION, TERMS_PER_STEP } from './segmentFormat';
import { TitleWriter, writeVarint } from './titleCoding';
import type { IndexedArticle } from './types';

const encoder = new TextEncoder();

/** What a segment is written from: its files (with their stamps), articles and terms with postings. */
export interface SegmentSource {
  files: readonly { uri: string; stamp: string }[];
  articleCount: number;
  /** The article of a document id (the ids the postings use), 0 … articleCount - 1. */
  article(doc: number): IndexedArticle;
  /** Every term, sorted as JavaScript sorts strings. */
  sortedTerms(): string[];
  /** A term's documents ascending, their masks, and how many (0: the term is left out). */
  postings(term: string): { docs: ArrayLike<number>; masks: ArrayLike<number>; count: number };
}

/** Strings as one UTF-8 blob and their ends. */
class StringsWriter {
  readonly out = new ByteWriter();
  readonly ends: number[] = [];
  private readonly ids = new Map<string, number>();
  push(text: string): void {
    for (const byte of encoder.encode(text)) {
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
      this.push(value);
    }
    return id;
  }
}

function u8(array: Uint32Array): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

/** Writes a segment in steps; the generator's value is its bytes. */
export function* writeSegment(source: SegmentSource): Generator<void, Uint8Array, void> {
  if (source.articleCount >= MAX_DOCS) {
    throw new Error(`a segment holds fewer than ${MAX_DOCS} articles`);
  }
  const strings = new StringsWriter();
  const fileIndex = new Map(source.files.map((file, i) => [file.uri, i]));
  const files = source.files.flatMap((file) => [strings.idOf(file.uri), strings.idOf(file.stamp)]);
  const docs = new Uint32Array(source.articleCount * DOC_WORDS);
  const titles = new TitleWriter();
  const texts = new ByteWriter();
  const textStarts = new Uint32Array(source.articleCount);
  const ids = new StringsWriter();
  const idEnds = new Uint32Array(source.articleCount);
  for (let doc = 0; doc < source.articleCount; doc++) {
    const article = source.article(doc);
    const at = doc * DOC_WORDS;
    docs[at] = fileIndex.get(article.file) ?? 0;
    docs[at + 1] = article.position;
    docs[at + 2] = article.index;
    docs[at + 3] = article.line;
    docs[at + 4] = strings.idOf(`${article.subject}\n${article.digestDate}`);
    docs[at + 5] = strings.idOf(article.date);
    textStarts[doc] = texts.length;
    for (const language of ['en', 'de', 'zh'] as const) {
      titles.write(texts, article.titles[language]);
    }
    ids.push(article.arxivId ?? '');
    idEnds[doc] = ids.out.length | (article.arxivId === undefined ? ABSENT : 0);
    if (doc % DOCS_PER_STEP === DOCS_PER_STEP - 1) {
      yield;
    }
  }
  const sorted = source.sortedTerms();
  yield;
  const terms = new StringsWriter();
  const postingStarts: number[] = [];
  const postings = new ByteWriter();
  let stepStart = 0;
  for (let i = 0; i < sorted.length; i++) {
    const { docs: termDocs, masks, count } = source.postings(sorted[i]);
    if (count > 0) {
      terms.push(sorted[i]);
      postingStarts.push(postings.length);
      writeVarint(postings, count);
      encodePostings(postings, termDocs, masks, count);
    }
    if (i % TERMS_PER_STEP === TERMS_PER_STEP - 1 || postings.length - stepStart > POSTING_BYTES_PER_STEP) {
      stepStart = postings.length;
      yield;
    }
  }
  postingStarts.push(postings.length);
  const words = [
    Uint32Array.from(strings.ends), Uint32Array.from(files), docs, textStarts, idEnds, Uint32Array.from(titles.ends),
    Uint32Array.from(terms.ends), Uint32Array.from(postingStarts),
  ];
  const raw = [strings.out.finish(), texts.finish(), ids.out.finish(), titles.tokens.finish(), terms.out.finish(), postings.finish()];
  const header = Uint32Array.from([
    MAGIC, SEGMENT_VERSION, source.articleCount, terms.ends.length, strings.ends.length, source.files.length, titles.ends.length,
    ...raw.map((section) => section.length), 0, 0, 0,
  ]);
  const size = header.byteLength + words.reduce((sum, section) => sum + section.byteLength, 0) + raw.reduce((sum, section) => sum + align(section.length), 0);
  yield;
  const out = new Uint8Array(size + 4);
  out.set(u8(header));
  let at = header.byteLength;
  // Word sections are whole words long; byte sections are padded to a word.
  const sections = [...words.map((section) => ({ bytes: u8(section), size: section.byteLength })), ...raw.map((section) => ({ bytes: section, size: align(section.length) }))];
  for (const { bytes, size } of sections) {
    for (let from = 0; from < bytes.length; from += BYTES_PER_STEP) {
      out.set(bytes.subarray(from, from + BYTES_PER_STEP), at + from);
      yield;
    }
    at += size;
  }
  const hash = yield* checksumOf(out.subarray(0, at));
  new DataView(out.buffer).setUint32(at, hash, true);
  return out;
}

