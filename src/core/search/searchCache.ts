/**
 * The search index as a cache: `cacheOf` writes it, `searchFromJSON` reads it
 * back and answers undefined for anything damaged or of another version
 * (the caller then indexes again); it never throws. Postings are base64 of
 * the arena's bytes; terms a list in id order; articles what a hit shows.
 */
import { decodeBase64, decodeU32, encodeBase64, encodeU32 } from './base64';
import { DocumentTable } from './documents';
import { LibrarySearch, type IndexedArticle, type SearchLanguage } from './librarySearch';
import { PostingArena } from './postings';
import { TermDictionary } from './terms';

/** 2: the compact index (1 was MiniSearch's). */
export const SEARCH_CACHE_VERSION = 2;

export interface SearchCache {
  format: 'digest-reader-search';
  version: number;
  /** By document id; null for a removed one. */
  articles: (IndexedArticle | null)[];
  terms: string[];
  postings: { bytes: string; heads: string; counts: string; lastDocs: string };
}

export function cacheOf(search: LibrarySearch): SearchCache {
  const { documents, terms, postings } = search.parts;
  const data = postings.toData();
  // toData drops terms without postings and keeps the others in order.
  const kept: string[] = [];
  for (let term = 0; term < postings.termCount; term++) {
    if (postings.count(term) > 0) {
      kept.push(terms.termOf(term));
    }
  }
  return {
    format: 'digest-reader-search', version: SEARCH_CACHE_VERSION, articles: documents.toArticles(), terms: kept,
    postings: { bytes: encodeBase64(data.bytes), heads: encodeU32(data.heads), counts: encodeU32(data.counts), lastDocs: encodeU32(data.lastDocs) },
  };
}

export function searchFromJSON(json: unknown): LibrarySearch | undefined {
  try {
    if (!isRecord(json) || json.format !== 'digest-reader-search' || json.version !== SEARCH_CACHE_VERSION) {
      return undefined;
    }
    const articles = Array.isArray(json.articles) ? (json.articles as unknown[]).map((item) => (item === null ? null : asIndexedArticle(item))) : undefined;
    const documents = articles && !articles.includes(undefined) ? DocumentTable.fromArticles(articles as (IndexedArticle | null)[]) : undefined;
    const terms = asTerms(json.terms);
    const postings = isRecord(json.postings) && documents && terms ? asPostings(json.postings, documents.count) : undefined;
    if (!documents || !terms || !postings || postings.termCount !== terms.size) {
      return undefined;
    }
    return new LibrarySearch({ documents, terms, postings });
  } catch {
    return undefined;
  }
}

function asPostings(value: Record<string, unknown>, docCount: number): PostingArena | undefined {
  const { bytes, heads, counts, lastDocs } = value;
  if (!isString(bytes) || !isString(heads) || !isString(counts) || !isString(lastDocs)) {
    return undefined;
  }
  const data = { bytes: decodeBase64(bytes), heads: decodeU32(heads), counts: decodeU32(counts), lastDocs: decodeU32(lastDocs) };
  if (!data.bytes || !data.heads || !data.counts || !data.lastDocs) {
    return undefined;
  }
  return PostingArena.fromData({ bytes: data.bytes, heads: data.heads, counts: data.counts, lastDocs: data.lastDocs }, docCount);
}

function asTerms(value: unknown): TermDictionary | undefined {
  if (!Array.isArray(value) || !value.every(isString)) {
    return undefined;
  }
  const terms = new TermDictionary();
  for (const term of value) {
    if (terms.get(term) !== undefined) {
      return undefined;
    }
    terms.add(term);
  }
  return terms;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

function asIndexedArticle(value: unknown): IndexedArticle | undefined {
  if (!isRecord(value)) {
    return undefined;
  }
  const { file, position, index, line, arxivId, date, subject, digestDate, titles } = value;
  if (!isString(file) || !isCount(position) || !isCount(index) || !isCount(line) || !isString(date) || !isString(subject) || !isString(digestDate)) {
    return undefined;
  }
  if ((arxivId !== undefined && !isString(arxivId)) || !isRecord(titles)) {
    return undefined;
  }
  const kept: Partial<Record<SearchLanguage, string>> = {};
  for (const language of ['en', 'de', 'zh'] as const) {
    const title = titles[language];
    if (title !== undefined && !isString(title)) {
      return undefined;
    }
    if (title !== undefined) {
      kept[language] = title;
    }
  }
  return { file, position, index, line, arxivId, date, subject, digestDate, titles: kept };
}
