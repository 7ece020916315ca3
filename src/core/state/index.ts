/** What the reader keeps: the store (records that merge), read state and stars, their 0.5.0 stored form, triage order. */
export * from './store';
export { ReadingState, starParts, type Marking, type StarredArticle } from './readingState';
export { NOT_INTERESTED_SCHEMA, READ_SCHEMA, STAR_SCHEMA, STAR_TEXT_SCHEMA, asTranslations, type StarRecord, type StarText } from './readSchemas';
export { decodeReadingState, encodeReadingState, asStarredArticle, STATE_FORMAT, STATE_VERSION, type StoredReadingState, type LoadedReadingState } from './readingStateStore';
export { nextUnread, stepInReadingOrder, triageOf, unreadCounts, type TriageDigest, type UnreadCounts } from './triage';
export { migrateFilters, migrateReadingState, migrateStudyList, migrateStudyNotes, type Migrated, type MigratedByShard } from './legacy';
