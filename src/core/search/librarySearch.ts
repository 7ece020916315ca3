/**
 * The part of the search index being built: our own compact inverted index
 * (terms.ts, postings.ts, documents.ts) fed by our tokenizer (tokenize.ts),
 * growable, searched like a stored segment (part.ts) and written as one
 * (segment.ts) when it is done. It keeps postings and titles, not texts:
 * the file is read again to show an article.
 */
import type { Article, Digest } from '../digest/model';
import { DocumentTable, LANGUAGES } from './documents';
import { searchParts, type IndexPart } from './part';
import { PostingArena } from './postings';
import type { Segment } from './segment';
import type { SegmentSource } from './segmentWriter';
import { TermDictionary } from './terms';
import { forEachIndexToken } from './tokenize';
import type { IndexedArticle, SearchHit, SearchLanguage } from './types';

export { FIELDS, type IndexedArticle, type MatchKind, type SearchField, type SearchHit, type SearchLanguage } from './types';
export { PREFIX_MIN_POSTINGS, PREFIX_POSTINGS_PER_DOC } from './part';

/** Compact when this share of the documents is removed. */
const COMPACT_SHARE = 1 / 3;

/** A digest file to index; `stamp` (size and mtime) is kept with it, to see later whether it changed. */
export interface SearchDocument {
  uri: string;
  digest: Digest;
  stamp?: string;
}

export class LibrarySearch implements IndexPart {
  private documents = new DocumentTable();
  private terms = new TermDictionary();
  private postings = new PostingArena();
  /** Document ids per file URI. */
  private readonly byFile = new Map<string, number[]>();
  private readonly stamps = new Map<string, string>();

  /** The parts, for measurements. */
  get parts(): { documents: DocumentTable; terms: TermDictionary; postings: PostingArena } {
    return { documents: this.documents, terms: this.terms, postings: this.postings };
  }

  get fileCount(): number {
    return this.byFile.size;
  }

  get articleCount(): number {
    return this.documents.count - this.documents.removedCount;
  }

  get docCount(): number {
    return this.documents.count;
  }

  has(uri: string): boolean {
    return this.byFile.has(uri);
  }

  /** Its files and their stamps. */
  files(): { uri: string; stamp: string }[] {
    return [...this.byFile.keys()].map((uri) => ({ uri, stamp: this.stamps.get(uri) ?? '' }));
  }

  /**
   * Indexes a file's articles, `chunk` at a time or fewer when they took
   * `stepMs` already (an article of a long abstract in Chinese takes a
   * millisecond or two): iterate to go on, and yield to the event loop
   * between steps. Replaces what was indexed for the URI. Each step yields
   * the number of articles indexed so far.
   */
  *addFile(document: SearchDocument, chunk = 250, stepMs = Infinity): Generator<number, void, void> {
    this.removeFile(document.uri);
    const { uri, digest } = document;
    const ids: number[] = [];
    this.byFile.set(uri, ids);
    this.stamps.set(uri, document.stamp ?? '');
    let inStep = 0;
    let stepStart = performance.now();
    for (let position = 0; position < digest.articles.length; position++) {
      const article = digest.articles[position];
      const id = this.documents.add(indexedArticle(uri, digest, article, position));
      ids.push(id);
      fieldTexts(article).forEach((text, field) => {
        if (text !== undefined) {
          forEachIndexToken(text, (token) => this.postings.mark(this.terms.get(token) ?? this.newTerm(token), id, 1 << field));
        }
      });
      if (++inStep === chunk || performance.now() - stepStart >= stepMs) {
        yield position + 1;
        inStep = 0;
        stepStart = performance.now();
      }
    }
    // The terms new in this file take their place in the sorted order now, a few at a time (a segment is written in that order).
    this.terms.sortNewTerms();
  }

  /**
   * Takes in a stored segment's live articles with their postings, as they
   * are (no file read, no text tokenized): how a month's segment is written
   * again with one file changed. Yields every few hundred terms. Call it on
   * an empty index, before `addFile`.
   */
  *absorb(segment: Segment): Generator<void, void, void> {
    const newIds = new Int32Array(segment.docCount).fill(-1);
    const stamps = new Map(segment.files().map((file) => [file.uri, file.stamp]));
    for (let doc = 0; doc < segment.docCount; doc++) {
      if (segment.isLive(doc)) {
        const article = segment.article(doc);
        if (!this.byFile.has(article.file)) {
          this.byFile.set(article.file, []);
          this.stamps.set(article.file, stamps.get(article.file) ?? '');
        }
        newIds[doc] = this.documents.add(article);
        this.byFile.get(article.file)?.push(newIds[doc]);
      }
      if (doc % 128 === 127) {
        yield;
      }
    }
    yield;
    let postings = 0;
    for (let term = 0; term < segment.termCount; term++) {
      let id: number | undefined;
      segment.forEachPosting(term, (doc, mask) => {
        const newId = doc < newIds.length ? newIds[doc] : -1;
        if (newId >= 0) {
          id ??= this.terms.get(segment.termOf(term)) ?? this.newTerm(segment.termOf(term));
          this.postings.mark(id, newId, mask);
        }
      });
      postings += segment.postingCount(term);
      if (term % 256 === 255 || postings > 20_000) {
        postings = 0;
        yield;
      }
    }
    // The segment's terms come sorted: no sort to redo.
    this.terms.addedInOrder();
  }

  /** What a segment is written from: the live articles, renumbered, and every term with postings. */
  segmentSource(): SegmentSource {
    const live: number[] = [];
    const newIds = new Int32Array(this.documents.count).fill(-1);
    for (let doc = 0; doc < this.documents.count; doc++) {
      if (!this.documents.isRemoved(doc)) {
        newIds[doc] = live.push(doc) - 1;
      }
    }
    const docs: number[] = [];
    const masks: number[] = [];
    return {
      files: this.files(),
      articleCount: live.length,
      article: (doc) => this.documents.article(live[doc]),
      sortedTerms: () => this.terms.sortedTerms(),
      postings: (term) => {
        docs.length = 0;
        masks.length = 0;
        const id = this.terms.get(term);
        if (id !== undefined) {
          this.postings.forEach(id, (doc, mask) => {
            if (newIds[doc] >= 0) {
              docs.push(newIds[doc]);
              masks.push(mask);
            }
          });
        }
        return { docs, masks, count: docs.length };
      },
    };
  }

  /**
   * Drops the postings arena's unused room: when indexing goes quiet (a
   * build's end), not after each file: a packed term's next block is sized
   * from its whole length, so packing again soon after would pay little.
   */
  pack(): void {
    this.postings.pack();
  }

  /** Forgets a file's articles. */
  removeFile(uri: string): void {
    const ids = this.byFile.get(uri);
    if (!ids) {
      return;
    }
    for (const id of ids) {
      this.documents.remove(id);
    }
    this.byFile.delete(uri);
    this.stamps.delete(uri);
    if (this.documents.removedCount >= this.documents.count * COMPACT_SHARE) {
      this.compact();
    }
  }

  /**
   * The best `limit` hits for a typed query: every word must match (the last
   * one as a prefix while it is being typed); title hits first, then author
   * and id hits, then abstract hits, each newest first.
   */
  search(query: string, limit = 50): SearchHit[] {
    return searchParts([this], query, limit);
  }

  isLive(doc: number): boolean {
    return !this.documents.isRemoved(doc);
  }

  termId(term: string): number | undefined {
    return this.terms.get(term);
  }

  termsWithPrefix(prefix: string): number[] {
    return this.terms.withPrefix(prefix);
  }

  postingCount(term: number): number {
    return this.postings.count(term);
  }

  orMasks(term: number, masks: Uint8Array): void {
    this.postings.orMasks(term, masks);
  }

  daysOf(doc: number): number {
    return this.documents.daysOf(doc);
  }

  article(doc: number): IndexedArticle {
    return this.documents.article(doc);
  }

  private newTerm(token: string): number {
    this.terms.add(ownCopy(token));
    return this.postings.newTerm();
  }

  /** Renumbers the live documents and drops the removed ones' postings (and terms left without any). */
  private compact(): void {
    const { table, newIds } = this.documents.compacted();
    const { arena, termIds } = this.postings.compacted((doc) => newIds[doc]);
    const terms = new TermDictionary();
    termIds.forEach((newId, oldId) => {
      if (newId >= 0) {
        terms.add(this.terms.termOf(oldId));
      }
    });
    this.documents = table;
    this.postings = arena;
    this.terms = terms;
    this.byFile.clear();
    for (let id = 0; id < this.documents.count; id++) {
      const file = this.documents.fileOf(id);
      const ids = this.byFile.get(file) ?? [];
      ids.push(id);
      this.byFile.set(file, ids);
    }
  }
}

/** The article's texts in the order of FIELDS. */
function fieldTexts(article: Article): (string | undefined)[] {
  const { titles, abstracts } = article;
  return [titles.en, titles.de, titles.zh, article.authors.join(', '), article.arxivId, abstracts.en, abstracts.de, abstracts.zh];
}

/** The subject and date of the day the article is listed under (a file may hold several days). */
function dayOf(digest: Digest, position: number): { subject: string; date: string } {
  const section = digest.sections?.find((s) => position >= s.firstArticle && position < s.firstArticle + s.articleCount);
  return section ?? digest;
}

export function indexedArticle(file: string, digest: Digest, article: Article, position: number): IndexedArticle {
  const day = dayOf(digest, position);
  const titles: Partial<Record<SearchLanguage, string>> = {};
  for (const language of LANGUAGES) {
    const title = article.titles[language];
    if (title !== undefined) {
      titles[language] = detach(title);
    }
  }
  if (LANGUAGES.every((l) => titles[l] === undefined)) {
    const original = article.titles[article.sourceLanguage];
    if (original !== undefined) {
      titles.en = detach(original);
    }
  }
  return {
    file, position, index: article.index, line: article.line, arxivId: article.arxivId && detach(article.arxivId),
    date: detach(article.date ?? day.date), subject: detach(day.subject), digestDate: detach(day.date), titles,
  };
}

/**
 * A flat copy of a term as V8 keeps it smallest: a word cut from a text with
 * Han in it is stored two bytes a character (and, when long, as a slice over
 * a copy); JSON's round trip makes a fresh string, one byte a character when
 * it can be. Once per new term, so its cost does not count.
 */
function ownCopy(term: string): string {
  return JSON.parse(JSON.stringify(term)) as string;
}

/**
 * A copy of a string that does not hold on to the text it was cut from: V8
 * keeps a slice of a file's text as a view on the whole text, so one kept
 * title would keep the whole file alive.
 */
export function detach(text: string): string {
  return (' ' + text).slice(1);
}
