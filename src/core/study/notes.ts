/**
 * Exercise notes: the reader's own translation where a digest has none (the
 * pipeline writes `nan`), per article and language. Stored versioned and read
 * like the study list: every note checked, a bad one dropped and said, never
 * thrown; sizes bounded so a damaged or hostile value cannot fill the state.
 */
import type { MapSchema } from '../state/store/schema';

export const NOTES_FORMAT = 'digest-reader-study-notes';
export const NOTES_VERSION = 1;

export interface StudyNote {
  text: string;
  /** When it was last written (ms since 1970). */
  updatedAt: number;
}

/** Notes by article key, then by language. */
export type StudyNotes = Record<string, Record<string, StudyNote>>;

export interface StoredStudyNotes {
  format: typeof NOTES_FORMAT;
  version: typeof NOTES_VERSION;
  notes: StudyNotes;
}

export interface LoadedStudyNotes {
  notes: StudyNotes;
  /** Sentences for the output channel; empty when all was read. */
  problems: string[];
  /** False when the value is not a notes store at all. */
  recognized: boolean;
}

export const MAX_NOTE_LENGTH = 20_000;
const MAX_KEY_LENGTH = 1000;
const MAX_ARTICLES = 50_000;
/** An article has a handful of languages; more is damage. */
const MAX_LANGUAGES = 20;
const LANGUAGE = /^[a-z]{2,3}(?:-[A-Za-z]{2,4})?$/;

export function isNoteLanguage(language: string): boolean {
  return LANGUAGE.test(language);
}

export function isNoteKey(key: string): boolean {
  return key.trim() !== '' && key.length <= MAX_KEY_LENGTH;
}

/** A fresh record without a prototype: a key such as `__proto__` from storage is then just a key. */
function record<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

export function emptyNotes(): StudyNotes {
  return record<Record<string, StudyNote>>();
}

export function encodeStudyNotes(notes: StudyNotes): StoredStudyNotes {
  const copy = emptyNotes();
  for (const [key, languages] of Object.entries(notes)) {
    copy[key] = Object.assign(record<StudyNote>(), languages);
  }
  return { format: NOTES_FORMAT, version: NOTES_VERSION, notes: copy };
}

export function asNote(value: unknown): StudyNote | undefined {
  if (typeof value !== 'object' || value === null) {
    return undefined;
  }
  const { text, updatedAt } = value as { text?: unknown; updatedAt?: unknown };
  if (typeof text !== 'string' || text.length > MAX_NOTE_LENGTH || text.trim() === '' || typeof updatedAt !== 'number' || !Number.isFinite(updatedAt)) {
    return undefined;
  }
  return { text, updatedAt };
}

/** Reads stored notes: what is valid is kept; each kind of damage is one sentence in `problems`. */
export function decodeStudyNotes(value: unknown): LoadedStudyNotes {
  const result: LoadedStudyNotes = { notes: emptyNotes(), problems: [], recognized: false };
  if (value === undefined) {
    result.recognized = true; // nothing stored yet
    return result;
  }
  if (typeof value !== 'object' || value === null || (value as { format?: unknown }).format !== NOTES_FORMAT) {
    result.problems.push(`It is not a Digest Reader notes store (no "format": "${NOTES_FORMAT}").`);
    return result;
  }
  result.recognized = true;
  const data = value as { version?: unknown; notes?: unknown };
  if (data.version !== NOTES_VERSION) {
    result.problems.push(`It was written in format version ${JSON.stringify(data.version)}; this version reads version ${NOTES_VERSION}, and kept what it could read.`);
  }
  if (typeof data.notes !== 'object' || data.notes === null || Array.isArray(data.notes)) {
    result.problems.push('The notes were not an object and were skipped.');
    return result;
  }
  const articles = Object.entries(data.notes);
  let damaged = 0;
  for (const [key, languages] of articles.slice(0, MAX_ARTICLES)) {
    if (!isNoteKey(key) || typeof languages !== 'object' || languages === null || Array.isArray(languages)) {
      damaged++;
      continue;
    }
    const entries = Object.entries(languages as Record<string, unknown>);
    const kept = record<StudyNote>();
    let count = 0;
    for (const [language, raw] of entries.slice(0, MAX_LANGUAGES)) {
      const note = isNoteLanguage(language) ? asNote(raw) : undefined;
      if (note) {
        kept[language] = note;
        count++;
      } else {
        damaged++;
      }
    }
    damaged += Math.max(0, entries.length - MAX_LANGUAGES);
    if (count > 0) {
      result.notes[key] = kept;
    }
  }
  if (damaged > 0) {
    result.problems.push(`${damaged} ${damaged === 1 ? 'note was' : 'notes were'} damaged and skipped.`);
  }
  if (articles.length > MAX_ARTICLES) {
    result.problems.push(`Only the notes of the first ${MAX_ARTICLES} articles were read.`);
  }
  return result;
}

/**
 * The notes with one note written (or, for blank text, removed); the input
 * is left as it was. Throws on a key, language or text no store could keep.
 */
export function withNote(notes: StudyNotes, key: string, language: string, text: string, now: number): StudyNotes {
  if (!isNoteKey(key) || !isNoteLanguage(language)) {
    throw new RangeError(`Not a note's article key and language: ${JSON.stringify(key.slice(0, 100))}, ${JSON.stringify(language.slice(0, 20))}`);
  }
  if (text.length > MAX_NOTE_LENGTH) {
    throw new RangeError(`A note holds at most ${MAX_NOTE_LENGTH} characters.`);
  }
  const next: StudyNotes = Object.assign(emptyNotes(), notes);
  const languages: Record<string, StudyNote> = Object.assign(record<StudyNote>(), notes[key]);
  if (text.trim() === '') {
    delete languages[language];
  } else {
    languages[language] = { text, updatedAt: now };
  }
  if (Object.keys(languages).length > 0) {
    next[key] = languages;
  } else {
    delete next[key];
  }
  return next;
}

/** A note's key in the store: the article key, `#`, the language (a language has no `#`). */
export function noteKey(articleKey: string, language: string): string {
  return `${articleKey}#${language}`;
}

export function splitNoteKey(key: string): { articleKey: string; language: string } | undefined {
  const at = key.lastIndexOf('#');
  const articleKey = key.slice(0, at);
  const language = key.slice(at + 1);
  return at > 0 && isNoteKey(articleKey) && isNoteLanguage(language) ? { articleKey, language } : undefined;
}

/** Exercise notes as records of the store, one per article and language. */
export const NOTES_SCHEMA: MapSchema<StudyNote> = {
  kind: 'map',
  name: 'notes',
  shards: 8,
  isKey: (key) => splitNoteKey(key) !== undefined,
  encode: (note) => ({ ...note }),
  decode: asNote,
};
