/**
 * 0.5.0 stored each kind of record as one whole value under one key. These
 * read such a value (with 0.5.0's own checks) as entries of the store, so an
 * upgrade loses nothing, and a machine still on 0.5.0 keeps adding to it.
 */
import { decodeFilters, type FilterRecord } from '../filters/store';
import { decodeStudyList, studyEntryId, type StudyEntry } from '../study/studyList';
import { decodeStudyNotes, noteKey, type StudyNote } from '../study/notes';
import { starParts } from './readingState';
import { READ_RUN, READ_SCHEMA, readShardOfArxiv, type StarRecord, type StarText } from './readSchemas';
import { decodeReadingStateParts, type ReadKeysByMonth } from './readingStateStore';
import { arxivNumberWidth } from './store/codec';
import { clockMinutes, type Entry } from './store/lww';
import { shardOf } from './store/schema';

/** One shard's entries, made when that shard is read. */
export type ShardEntries<V> = (shard: number) => Iterable<[string, Entry<V>]>;

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

/** A value too large to read in one task: each shard's entries are made when that shard is read. */
export interface MigratedByShard<V> {
  entriesOf: ShardEntries<V>;
  problems: string[];
}

export function migrateReadingState(stored: unknown): { read: MigratedByShard<true>; stars: Migrated<StarRecord>; starTexts: Migrated<StarText> } {
  const loaded = decodeReadingStateParts(stored);
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
    read: { entriesOf: readMarksByShard(loaded.read), problems },
    stars: { entries: stars, problems: [] },
    starTexts: { entries: texts, problems: [] },
  };
}

/**
 * 0.5.0's read marks, one shard's at a time: at 100,000 ids making every id
 * string at once was one task of 50–70 ms at each start of an upgraded
 * profile (the value is never deleted: a machine still on 0.5.0 may sync it).
 * A shard's ids are made when it is read (a view asks, or one per task).
 */
function readMarksByShard(read: ReadKeysByMonth): ShardEntries<true> {
  return function* (shard) {
    for (const { month, numbers } of read.months) {
      const width = arxivNumberWidth(month);
      // The numbers are sorted and a run of READ_RUN numbers shares a shard: runs of other shards are skipped whole.
      for (let i = 0; i < numbers.length;) {
        const runEnd = firstAtLeast(numbers, (Math.floor(numbers[i] / READ_RUN) + 1) * READ_RUN, i);
        if (readShardOfArxiv(month, numbers[i]) === shard) {
          for (let j = i; j < runEnd; j++) {
            yield [`${month}.${String(numbers[j]).padStart(width, '0')}`, { t: BEFORE_ANY_MARKING, value: true }];
          }
        }
        i = runEnd;
      }
    }
    for (const key of read.other) {
      if (shardOf(READ_SCHEMA, key) === shard) {
        yield [key, { t: BEFORE_ANY_MARKING, value: true }];
      }
    }
  };
}

/** The first index from `from` on whose number is at least `value` (`numbers` sorted). */
function firstAtLeast(numbers: readonly number[], value: number, from: number): number {
  let low = from;
  let high = numbers.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (numbers[mid] < value) {
      low = mid + 1;
    } else {
      high = mid;
    }
  }
  return low;
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
