/**
 * The search index as a cache: `cacheOf` writes it, `searchFromJSON` reads it
 * back and answers undefined for anything damaged or of another version
 * (the caller then indexes again); it never throws.
 */
import MiniSearch from 'minisearch';
import { LibrarySearch, MINISEARCH_OPTIONS, type IndexedArticle, type IndexedDoc, type SearchLanguage } from './librarySearch';

export const SEARCH_CACHE_VERSION = 1;

export interface SearchCache {
  format: 'digest-reader-search';
  version: number;
  index: unknown;
  articles: (IndexedArticle | null)[];
}

export function cacheOf(search: LibrarySearch): SearchCache {
  return { format: 'digest-reader-search', version: SEARCH_CACHE_VERSION, ...search.toJSON() };
}

export function searchFromJSON(json: unknown): LibrarySearch | undefined {
  if (!isRecord(json) || json.format !== 'digest-reader-search' || json.version !== SEARCH_CACHE_VERSION || !Array.isArray(json.articles)) {
    return undefined;
  }
  const articles: (IndexedArticle | undefined)[] = [];
  for (const item of json.articles as unknown[]) {
    if (item === null) {
      articles.push(undefined);
      continue;
    }
    const article = asIndexedArticle(item);
    if (!article) {
      return undefined;
    }
    articles.push(article);
  }
  try {
    const index = MiniSearch.loadJS<IndexedDoc>(json.index as Parameters<typeof MiniSearch.loadJS>[0], MINISEARCH_OPTIONS);
    // Every live article must be a document of the index, and nothing else.
    const live = articles.filter(Boolean).length;
    if (index.documentCount !== live || articles.some((article, id) => article !== undefined && !index.has(id))) {
      return undefined;
    }
    return new LibrarySearch(index, articles);
  } catch {
    return undefined;
  }
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
