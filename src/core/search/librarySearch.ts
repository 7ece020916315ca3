/**
 * Full-text search over every digest of the library: a compact inverted
 * index of our own (terms.ts, postings.ts, documents.ts) fed by our
 * tokenizer (tokenize.ts). It keeps postings and titles, not texts: the file
 * is read again to show an article. Every query word must match (the last
 * one by its start while typed); a hit's best field decides its class
 * (title, then authors/id, then abstract), newer first within a class.
 */
import type { Article, Digest } from '../digest/model';
import { DocumentTable, LANGUAGES } from './documents';
import { PostingArena } from './postings';
import { bestField, FIELD_COUNTS, MAX_COUNTED_WORDS, TopHits } from './ranking';
import { TermDictionary } from './terms';
import { indexTokens, isHanCharacter, queryTokens } from './tokenize';
import { FIELDS, type IndexedArticle, type MatchKind, type SearchField, type SearchHit, type SearchLanguage } from './types';

export { FIELDS, type IndexedArticle, type MatchKind, type SearchField, type SearchHit, type SearchLanguage } from './types';

const FIELD_INFO: Record<SearchField, { kind: MatchKind; language: SearchLanguage; tier: number }> = {
  titleEn: { kind: 'title', language: 'en', tier: 0 },
  titleDe: { kind: 'title', language: 'de', tier: 0 },
  titleZh: { kind: 'title', language: 'zh', tier: 0 },
  authors: { kind: 'authors', language: 'en', tier: 1 },
  arxivId: { kind: 'arxivId', language: 'en', tier: 1 },
  abstractEn: { kind: 'abstract', language: 'en', tier: 2 },
  abstractDe: { kind: 'abstract', language: 'de', tier: 2 },
  abstractZh: { kind: 'abstract', language: 'zh', tier: 2 },
};
/** Per field: its class as a score, above any date in days (title 200,000, authors/id 100,000, abstract 0). */
const TIER_SCORE = FIELDS.map((field) => (2 - FIELD_INFO[field].tier) * 100_000);
/** A prefix expands to at most this many terms, the most frequent: a short prefix stays fast. */
export const PREFIX_TERMS = 200;
/** Compact when this share of the documents is removed. */
const COMPACT_SHARE = 1 / 3;

/** A digest file to index. */
export interface SearchDocument {
  uri: string;
  digest: Digest;
}

/** The three parts of an index, as a cache reads them back. */
export interface IndexParts {
  documents: DocumentTable;
  terms: TermDictionary;
  postings: PostingArena;
}

export class LibrarySearch {
  private documents: DocumentTable;
  private terms: TermDictionary;
  private postings: PostingArena;
  /** Document ids per file URI. */
  private readonly byFile = new Map<string, number[]>();

  constructor(parts?: IndexParts) {
    this.documents = parts?.documents ?? new DocumentTable();
    this.terms = parts?.terms ?? new TermDictionary();
    this.postings = parts?.postings ?? new PostingArena();
    this.indexFiles();
  }

  /** The parts, for a cache (see searchCache.ts). */
  get parts(): Readonly<IndexParts> {
    return { documents: this.documents, terms: this.terms, postings: this.postings };
  }

  get fileCount(): number {
    return this.byFile.size;
  }

  get articleCount(): number {
    return this.documents.count - this.documents.removedCount;
  }

  has(uri: string): boolean {
    return this.byFile.has(uri);
  }

  /**
   * Indexes a file's articles, `chunk` at a time: iterate to go on, and yield
   * to the event loop between steps. Replaces what was indexed for the URI.
   * Each step yields the number of articles indexed so far.
   */
  *addFile(document: SearchDocument, chunk = 250): Generator<number, void, void> {
    this.removeFile(document.uri);
    const { uri, digest } = document;
    const ids: number[] = [];
    this.byFile.set(uri, ids);
    for (let start = 0; start < digest.articles.length; start += chunk) {
      const end = Math.min(start + chunk, digest.articles.length);
      for (let position = start; position < end; position++) {
        const article = digest.articles[position];
        const id = this.documents.add(indexedArticle(uri, digest, article, position));
        ids.push(id);
        fieldTexts(article).forEach((text, field) => {
          for (const token of text === undefined ? [] : indexTokens(text)) {
            this.postings.mark(this.terms.get(token) ?? this.newTerm(token), id, 1 << field);
          }
        });
      }
      yield end;
    }
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
    const { tokens, partial } = queryTokens(query);
    if (tokens.length === 0 || limit <= 0) {
      return [];
    }
    const last = tokens.length - 1;
    // A one-letter prefix would expand to a large part of the vocabulary; a Han character is a word.
    const prefixLast = isHanCharacter(tokens[last]) || (partial && tokens[last].length >= 2);
    const words = [...new Set(tokens.slice(0, last))].map((token) => this.exact(token));
    words.push(prefixLast ? this.prefixed(tokens[last]) : this.exact(tokens[last]));
    // The rarest word first: it makes the fewest candidates.
    words.sort((a, b) => this.postingCount(a) - this.postingCount(b));

    // Candidates and, per candidate, how many words each field holds (4 bits per field).
    const masks = new Uint8Array(this.documents.count);
    let candidates = new Int32Array(0);
    let counts = new Uint32Array(0);
    let n = 0;
    for (let w = 0; w < words.length; w++) {
      masks.fill(0);
      for (const term of words[w]) {
        this.postings.orMasks(term, masks);
      }
      if (w === 0) {
        candidates = new Int32Array(masks.length);
        counts = new Uint32Array(masks.length);
        for (let doc = 0; doc < masks.length; doc++) {
          if (masks[doc] !== 0 && !this.documents.isRemoved(doc)) {
            candidates[n] = doc;
            counts[n++] = FIELD_COUNTS[masks[doc]];
          }
        }
        continue;
      }
      const counted = w < MAX_COUNTED_WORDS;
      let kept = 0;
      for (let i = 0; i < n; i++) {
        const mask = masks[candidates[i]];
        if (mask !== 0) {
          candidates[kept] = candidates[i];
          counts[kept++] = counted ? counts[i] + FIELD_COUNTS[mask] : counts[i];
        }
      }
      n = kept;
    }

    const top = new TopHits(limit);
    for (let i = 0; i < n; i++) {
      const field = bestField(counts[i]);
      top.offer(candidates[i], TIER_SCORE[field] + this.documents.daysOf(candidates[i]), field);
    }
    return top.best().map(({ doc, score, field }) => hitOf(this.documents.article(doc), FIELDS[field], score));
  }

  private newTerm(token: string): number {
    this.terms.add(ownCopy(token));
    return this.postings.newTerm();
  }

  private exact(token: string): number[] {
    const id = this.terms.get(token);
    return id === undefined ? [] : [id];
  }

  /** The terms a prefix stands for: its most frequent ones. */
  private prefixed(prefix: string): number[] {
    const ids = this.terms.withPrefix(prefix);
    if (ids.length <= PREFIX_TERMS) {
      return ids;
    }
    // Sort keys: count above, position in `ids` below (a numeric sort, no comparator).
    const keys = Float64Array.from(ids, (id, i) => this.postings.count(id) * 2 ** 24 + (2 ** 24 - 1 - i)).sort().reverse();
    return Array.from(keys.subarray(0, PREFIX_TERMS), (key) => ids[2 ** 24 - 1 - (key % 2 ** 24)]);
  }

  private postingCount(termIds: readonly number[]): number {
    return termIds.reduce((sum, term) => sum + this.postings.count(term), 0);
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
    this.indexFiles();
  }

  private indexFiles(): void {
    this.byFile.clear();
    for (let id = 0; id < this.documents.count; id++) {
      if (!this.documents.isRemoved(id)) {
        const file = this.documents.fileOf(id);
        const ids = this.byFile.get(file) ?? [];
        ids.push(id);
        this.byFile.set(file, ids);
      }
    }
  }
}

function hitOf(article: IndexedArticle, field: SearchField, score: number): SearchHit {
  const { kind, language } = FIELD_INFO[field];
  const title = article.titles[language] ?? article.titles.en ?? LANGUAGES.map((l) => article.titles[l]).find(Boolean) ?? '';
  const shownLanguage = article.titles[language] !== undefined ? language : (LANGUAGES.find((l) => article.titles[l] === title) ?? 'en');
  return { ...article, field: kind, language: shownLanguage, title, score };
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
