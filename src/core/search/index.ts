/** Search across every digest of the library (no `vscode` import). */
export { LibrarySearch, PREFIX_TERMS, type IndexedArticle, type MatchKind, type SearchDocument, type SearchHit, type SearchLanguage } from './librarySearch';
export { cacheOf, searchFromJSON, SEARCH_CACHE_VERSION, type SearchCache } from './searchCache';
export { fold, indexTokens, queryTokens } from './tokenize';
