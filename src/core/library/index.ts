/** The Library's pure logic: which files are digests, what they hold, their order, the stored index, the scan. */
export { HEAD_BYTES, looksLikeDigest, summarizeDigest, summarizeDigestSteps, type DigestSummary } from './summary';
export { groupBySubject, type SubjectGroup } from './group';
export { decodeLibraryCache, encodeLibraryCache, LIBRARY_CACHE_FORMAT, LIBRARY_CACHE_VERSION, LIBRARY_CACHE_VERSION_1, readLibraryCache, writeLibraryCache, type CacheEntry, type LoadedLibraryCache, type StoredLibraryCache } from './cache';
export { CandidateRules, DEFAULT_INCLUDES, DIGEST_NAME_INCLUDES, excludeGlob, excludeGlobs, includeGlobs, joinGlobs } from './globs';
export { globStates, isExcludedPath, matchesGlob } from './globMatch';
export { LibraryScanner, type CancellationLike, type FileStamp, type KnownFile, type ReadCount, type ScanHost, type ScanListener, type ScanProgress, type ScanReport } from './scanner';
export { Slicer } from './slicer';
export { BurstSchedule, type BurstTimer } from './bursts';
export { DigestListings, listingAny } from './listings';
