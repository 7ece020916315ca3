/** The Library's pure logic: which files are digests, what they hold, their order, the stored index. */
export { HEAD_BYTES, looksLikeDigest, summarizeDigest, type DigestSummary } from './summary';
export { groupBySubject, type SubjectGroup } from './group';
export { decodeLibraryCache, encodeLibraryCache, LIBRARY_CACHE_FORMAT, LIBRARY_CACHE_VERSION, type CacheEntry, type LoadedLibraryCache, type StoredLibraryCache } from './cache';
export { DEFAULT_INCLUDES, excludeGlob, excludeGlobs, includeGlobs, joinGlobs } from './globs';
export { globStates, isExcludedPath, matchesGlob } from './globMatch';
