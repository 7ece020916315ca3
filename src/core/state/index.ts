/** What the reader keeps: read state and stars, their stored form, triage order, papers seen in earlier digests. */
export { ReadingState, type Marking, type StarredArticle } from './readingState';
export { decodeReadingState, encodeReadingState, asStarredArticle, STATE_FORMAT, STATE_VERSION, type StoredReadingState, type LoadedReadingState } from './readingStateStore';
export { nextUnread, stepInReadingOrder, triageOf, unreadCounts, type TriageDigest, type UnreadCounts } from './triage';
export { SeenIndex, type StoredSeenIndex } from './seenIndex';
