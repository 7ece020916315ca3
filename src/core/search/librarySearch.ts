/**
 * Full-text search over every digest of the library, with MiniSearch (BM25+)
 * and our own tokenizer (tokenize.ts). The index keeps postings only: titles
 * are kept to list the hits, abstracts are not (the file is read again to
 * show an article).
 */
import MiniSearch, { type Options, type SearchResult } from 'minisearch';
import type { Article, Digest } from '../model';
import { indexTokens, isHanCharacter, queryTokens } from './tokenize';

/** The indexed fields: a title per language, authors, the arXiv id, an abstract per language. */
export const FIELDS = ['titleEn', 'titleDe', 'titleZh', 'authors', 'arxivId', 'abstractEn', 'abstractDe', 'abstractZh'] as const;
export type SearchField = (typeof FIELDS)[number];
export type SearchLanguage = 'en' | 'de' | 'zh';
/** Which kind of field matched, best first: ranking puts title hits before author/id hits before abstract hits. */
export type MatchKind = 'title' | 'authors' | 'arxivId' | 'abstract';

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
const BOOST: Record<SearchField, number> = { titleEn: 3, titleDe: 3, titleZh: 3, authors: 2, arxivId: 2, abstractEn: 1, abstractDe: 1, abstractZh: 1 };
const LANGUAGES: readonly SearchLanguage[] = ['en', 'de', 'zh'];

/** What the index keeps of an article to list and open it: no abstracts. */
export interface IndexedArticle {
  file: string;
  /** Position in `digest.articles` (also right in a file of several days, where `index` repeats). */
  position: number;
  /** The N of "Article N". */
  index: number;
  line: number;
  arxivId?: string;
  /** The article's date, else its digest's. */
  date: string;
  subject: string;
  digestDate: string;
  titles: Partial<Record<SearchLanguage, string>>;
}

export interface SearchHit extends IndexedArticle {
  /** The field that matched most of the query (ties: title, authors, id, abstract). */
  field: MatchKind;
  language: SearchLanguage;
  /** The title in the language that matched, else English, else any. */
  title: string;
  score: number;
}

/** A digest file to index. */
export interface SearchDocument {
  uri: string;
  digest: Digest;
}

export type IndexedDoc = { id: number } & Partial<Record<SearchField, string>>;

/** No stored fields (the side table keeps what a hit shows); terms come folded from our tokenizer. */
export const MINISEARCH_OPTIONS: Options<IndexedDoc> = {
  fields: [...FIELDS],
  storeFields: [],
  tokenize: indexTokens,
  processTerm: (term) => term,
  // search() passes the query's tokens joined by spaces.
  searchOptions: { tokenize: (query) => query.split(' '), processTerm: (term) => term },
};

export function newMiniSearch(): MiniSearch<IndexedDoc> {
  return new MiniSearch<IndexedDoc>(MINISEARCH_OPTIONS);
}

export class LibrarySearch {
  /** Indexed articles by document id; removed ones leave a hole. */
  protected readonly articles: (IndexedArticle | undefined)[] = [];
  /** Document ids per file URI. */
  protected readonly byFile = new Map<string, number[]>();

  constructor(protected readonly index: MiniSearch<IndexedDoc> = newMiniSearch(), articles: readonly (IndexedArticle | undefined)[] = []) {
    articles.forEach((article, id) => {
      this.articles[id] = article;
      if (article) {
        const ids = this.byFile.get(article.file) ?? [];
        ids.push(id);
        this.byFile.set(article.file, ids);
      }
    });
  }

  /** For a cache: the index's postings and the articles' side table (see searchCache.ts). */
  toJSON(): { index: unknown; articles: (IndexedArticle | null)[] } {
    return { index: this.index.toJSON(), articles: this.articles.map((article) => article ?? null) };
  }

  get fileCount(): number {
    return this.byFile.size;
  }

  get articleCount(): number {
    return this.index.documentCount;
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
      const docs: IndexedDoc[] = [];
      for (let position = start; position < end; position++) {
        const id = this.articles.length;
        const article = digest.articles[position];
        this.articles.push(indexedArticle(uri, digest, article, position));
        ids.push(id);
        docs.push(documentOf(id, article));
      }
      this.index.addAll(docs);
      yield end;
    }
  }

  /** Forgets a file's articles. */
  removeFile(uri: string): void {
    const ids = this.byFile.get(uri);
    if (!ids) {
      return;
    }
    for (const id of ids) {
      this.index.discard(id);
      this.articles[id] = undefined;
    }
    this.byFile.delete(uri);
  }

  /**
   * The best `limit` hits for a typed query: every word must match (the last
   * one as a prefix while it is being typed); title hits first, then author
   * and id hits, then abstract hits, each newest first.
   */
  search(query: string, limit = 50): SearchHit[] {
    const { tokens, partial } = queryTokens(query);
    if (tokens.length === 0) {
      return [];
    }
    const last = tokens.length - 1;
    // A one-letter prefix would expand to a large part of the vocabulary; a Han character is a word.
    const prefixLast = isHanCharacter(tokens[last]) || (partial && tokens[last].length >= 2);
    const results = this.index.search(tokens.join(' '), {
      combineWith: 'AND',
      boost: BOOST,
      prefix: (_term, i) => prefixLast && i === last,
    });
    const hits: SearchHit[] = [];
    for (const result of results) {
      const article = this.articles[result.id as number];
      if (article) {
        hits.push(hitOf(article, result, tokens, prefixLast));
      }
    }
    hits.sort((a, b) => FIELD_TIER[a.field] - FIELD_TIER[b.field] || compareDesc(a.date, b.date) || b.score - a.score);
    return hits.slice(0, limit);
  }
}

const FIELD_TIER: Record<MatchKind, number> = { title: 0, authors: 1, arxivId: 1, abstract: 2 };

function compareDesc(a: string, b: string): number {
  return a < b ? 1 : a > b ? -1 : 0;
}

/**
 * The field that holds the most of the query's words; ties go to the better
 * tier, then the earlier field. `result.terms` are index terms: each is a
 * query word, or extends the last one when that is searched as a prefix.
 */
function bestField(result: SearchResult, tokens: readonly string[], prefixLast: boolean): SearchField {
  const last = tokens[tokens.length - 1];
  const words = new Map<SearchField, Set<string>>();
  for (const term of result.terms) {
    const word = tokens.includes(term) ? term : prefixLast && term.startsWith(last) ? last : term;
    for (const field of (result.match[term] ?? []) as SearchField[]) {
      const set = words.get(field) ?? new Set<string>();
      set.add(word);
      words.set(field, set);
    }
  }
  let best: SearchField = 'titleEn';
  let bestCount = -1;
  for (const field of FIELDS) {
    const count = words.get(field)?.size ?? 0;
    if (count > bestCount) {
      best = field;
      bestCount = count;
    }
  }
  return best;
}

function hitOf(article: IndexedArticle, result: SearchResult, tokens: readonly string[], prefixLast: boolean): SearchHit {
  const field = bestField(result, tokens, prefixLast);
  const { kind, language } = FIELD_INFO[field];
  const title = article.titles[language] ?? article.titles.en ?? LANGUAGES.map((l) => article.titles[l]).find(Boolean) ?? '';
  const shownLanguage = article.titles[language] !== undefined ? language : (LANGUAGES.find((l) => article.titles[l] === title) ?? 'en');
  return { ...article, field: kind, language: shownLanguage, title, score: result.score };
}

function documentOf(id: number, article: Article): IndexedDoc {
  const { titles, abstracts } = article;
  return {
    id, titleEn: titles.en, titleDe: titles.de, titleZh: titles.zh, authors: article.authors.join(', '), arxivId: article.arxivId,
    abstractEn: abstracts.en, abstractDe: abstracts.de, abstractZh: abstracts.zh,
  };
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
 * A copy of a string that does not hold on to the text it was cut from: V8
 * keeps a slice of a file's text as a view on the whole text, so one kept
 * title would keep the whole file alive.
 */
export function detach(text: string): string {
  return (' ' + text).slice(1);
}
