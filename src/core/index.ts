/** The digest library: plain TypeScript, no `vscode` import, usable from any Node script. */
export * from './model';
export { parseDigest } from './parse';
export { arxivUrls, isArxivId, type ArxivUrls } from './arxiv';
export { groupByDate, articleAtLine, articleForLine, weekdayName, type DateGroup } from './group';
export { isoWeekday } from './text';
export { addressOf, findArticle, sameAddress, type ArticleAddress } from './address';
export { findMath, type MathSpan } from './math';
export { articleKey, arxivIdWithoutVersion } from './articleKey';
export { ReadingState, type Marking, type StarredArticle } from './readingState';
export { decodeReadingState, encodeReadingState, asStarredArticle, STATE_FORMAT, STATE_VERSION, type StoredReadingState, type LoadedReadingState } from './readingStateStore';
export { nextUnread, stepInReadingOrder, triageOf, unreadCounts, type TriageDigest, type UnreadCounts } from './triage';
export { SeenIndex, type StoredSeenIndex } from './seenIndex';
export { bibtexEntries, bibtexEntry, bibtexOf, citationKey, formatBibtex, uniqueKeys, type BibtexEntry, type CitedArticle } from './bibtex';
export { cslItem, cslName, type CslItem, type CslName } from './citation';
export * from './exports';
export * from './filters';
