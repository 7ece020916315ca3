/**
 * The search index as a cache: `cacheOf` writes it, `searchFromJSON` reads it
 * back and answers undefined for anything damaged or of another version
 * (the caller then indexes again); it never throws. Postings are base64 of
 * the arena's bytes; terms a list in id order; articles what a hit shows.
 */
import { decodeBase64, decodeCounts, encodeBase64, encodeCounts } from './base64';
import { DocumentTable } from './documents';
import { LibrarySearch, type IndexedArticle, type SearchLanguage } from './librarySearch';
import { PostingArena } from './postings';
import { TermDictionary } from './terms';

/** 3: Han terms as raw characters (2 spelled them `~` and hex; 1 was MiniSearch's). */
export const SEARCH_CACHE_VERSION = 3;

export interface SearchCache {
  format: 'digest-reader-search';
  version: number;
  /** By document id; null for a removed one. */
  articles: (IndexedArticle | null)[];
  terms: string[];
  /** Base64 of the postings' bytes, and of each term's number of postings (varints). */
  postings: { bytes: string; counts: string };
}

export function cacheOf(search: LibrarySearch): SearchCache {
  const { documents, terms, postings } = search.parts;
  const data = postings.toData();
  const termList = Array.from({ length: terms.size }, (_, id) => terms.termOf(id));
  return {
    format: 'digest-reader-search', version: SEARCH_CACHE_VERSION, articles: documents.toArticles(), terms: termList,
    postings: { bytes: encodeBase64(data.bytes), counts: encodeCounts(data.counts) },
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
  const bytes = isString(value.bytes) ? decodeBase64(value.bytes) : undefined;
  const counts = isString(value.counts) ? decodeCounts(value.counts) : undefined;
  return bytes && counts ? PostingArena.fromData({ bytes, counts }, docCount) : undefined;
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
