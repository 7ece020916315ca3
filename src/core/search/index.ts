/** Search across every digest of the library (no `vscode` import). */
export { LibrarySearch, PREFIX_MIN_POSTINGS, PREFIX_POSTINGS_PER_DOC, type IndexedArticle, type MatchKind, type SearchDocument, type SearchHit, type SearchLanguage } from './librarySearch';
export { searchParts, type IndexPart } from './part';
export { readSegment, Segment } from './segment';
export { SEGMENT_VERSION } from './segmentFormat';
export { writeSegment, type SegmentSource } from './segmentWriter';
export { fold, forEachIndexToken, indexTokens, queryWords, spelledOut, type QueryWord } from './tokenize';
export { isSegmentKey, segmentKeyOf, SegmentedIndex } from './segmentedIndex';
export { drain } from './steps';
export { groupByPaper, paperKey, type PaperHit } from './papers';
