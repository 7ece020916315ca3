/**
 * 0.5.0 stored each kind of record as one whole value under one key. These
 * read such a value (with 0.5.0's own checks) as entries of the store, so an
 * upgrade loses nothing, and a machine still on 0.5.0 keeps adding to it.
 */
import { decodeFilters, type FilterRecord } from '../filters/store';
import { decodeStudyList, studyEntryId, type StudyEntry } from '../study/studyList';
import { decodeStudyNotes, noteKey, type StudyNote } from '../study/notes';
import { starParts } from './readingState';
import type { StarRecord, StarText } from './readSchemas';
import { decodeReadingState } from './readingStateStore';
import { clockMinutes, type Entry } from './store/lww';

export interface Migrated<V> {
  entries: [string, Entry<V>][];
  /** Sentences for the output channel: what 0.5.0's value held that could not be read. */
  problems: string[];
}

/**
 * 0.5.0 kept no time for a read mark: it reads as written at time 0, so any
 * marking made since (on any machine, read or unread) wins over it.
 */
const BEFORE_ANY_MARKING = 0;

export function migrateReadingState(stored: unknown): { read: Migrated<true>; stars: Migrated<StarRecord>; starTexts: Migrated<StarText> } {
  const loaded = decodeReadingState(stored);
  const problems = loaded.recognized ? loaded.problems : [...loaded.problems];
  const stars: [string, Entry<StarRecord>][] = [];
  const texts: [string, Entry<StarText>][] = [];
  for (const star of loaded.starred) {
    const { record, text } = starParts(star);
    const t = clockMinutes(star.starredAt);
    stars.push([star.key, { t, value: record }]);
    texts.push([star.key, { t, value: text }]);
  }
  return {
    read: { entries: loaded.read.map((key) => [key, { t: BEFORE_ANY_MARKING, value: true }]), problems },
    stars: { entries: stars, problems: [] },
    starTexts: { entries: texts, problems: [] },
  };
}

export function migrateFilters(stored: unknown): Migrated<FilterRecord> {
  const loaded = decodeFilters(stored);
  return { entries: loaded.filters.map((filter, order) => [filter.query, { t: BEFORE_ANY_MARKING, value: filter.name ? { name: filter.name, order } : { order } }]), problems: loaded.problems };
}

export function migrateStudyList(stored: unknown): Migrated<StudyEntry> {
  const loaded = decodeStudyList(stored);
  return { entries: loaded.entries.map((entry) => [studyEntryId(entry), { t: clockMinutes(entry.addedAt), value: entry }]), problems: loaded.problems };
}

export function migrateStudyNotes(stored: unknown): Migrated<StudyNote> {
  const loaded = decodeStudyNotes(stored);
  const entries: [string, Entry<StudyNote>][] = [];
  for (const [articleKey, languages] of Object.entries(loaded.notes)) {
    for (const [language, note] of Object.entries(languages)) {
      entries.push([noteKey(articleKey, language), { t: clockMinutes(note.updatedAt), value: note }]);
    }
  }
  return { entries, problems: loaded.problems };
}
