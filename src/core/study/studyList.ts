/**
 * The study list: sentences and terms the reader keeps to learn, each in
 * every language its article has. Stored versioned and read defensively like
 * the reading state: damaged entries are dropped and said, never thrown.
 */
import { arxivIdWithoutVersion } from '../digest/articleKey';
import { isArxivId } from '../digest/arxiv';
import type { Translations } from '../digest/model';
import type { MapSchema } from '../state/store/schema';

export const STUDY_FORMAT = 'digest-reader-study';
export const STUDY_VERSION = 1;

export interface StudyEntry {
  kind: 'sentence' | 'term';
  /** The article's key (see articleKey): the arXiv id without version, or a news key. */
  articleKey: string;
  /** With version, as the digest printed it; absent for news. */
  arxivId?: string;
  /** 1-based number of the (first) source sentence in the article's abstract; sentences only. */
  sentence?: number;
  /** The sentence or term by language (`en`, `de`, `zh`, …); at least one. */
  texts: Translations;
  /** Digest subject (`cs.DC`) and date (`YYYY-MM-DD`) the entry was taken from. */
  subject: string;
  digestDate: string;
  /** When it was added (ms since 1970). */
  addedAt: number;
  /** A term saved from the word pop-up: its reading, meaning and the sentence it came from. */
  word?: StudyWord;
}

/** What a flashcard of a word needs beyond the word itself. */
export interface StudyWord {
  /** Pinyin with tone marks (Chinese words); empty for German. */
  pinyin?: string;
  /** The dictionary's meaning when saved, or the learner's own (editable). */
  meaning?: string;
  /** The sentence (or title) the word was taken from, in every language the article has it: the cloze and its translation. */
  context?: Translations;
}

export interface StoredStudyList {
  format: typeof STUDY_FORMAT;
  version: typeof STUDY_VERSION;
  entries: StudyEntry[];
}

export interface LoadedStudyList {
  entries: StudyEntry[];
  /** Sentences for the output channel: what was skipped and why; empty when all was read. */
  problems: string[];
  /** False when the value is not a study list at all: an import must then change nothing. */
  recognized: boolean;
}

const MAX_KEY_LENGTH = 1000;
const MAX_TEXT_LENGTH = 20_000;
const MAX_ENTRIES = 100_000;
const LANGUAGE = /^[a-z]{2,3}(?:-[A-Za-z]{2,4})?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The entry's stable id, the first field of an Anki note, so a second import
 * updates the note instead of adding one: `2505.23710#s3` for sentence 3.
 * A term is named by its own text: `2505.23710#t:parallel algorithm` (English
 * if present, else its first language; case, blanks and Unicode forms folded).
 * No hash: the id stays readable in Anki's browser, cannot collide, and needs
 * no digest of text that may later be edited.
 */
export function studyEntryId(entry: Pick<StudyEntry, 'kind' | 'articleKey' | 'sentence' | 'texts'>): string {
  if (entry.kind === 'sentence') {
    return `${entry.articleKey}#s${entry.sentence ?? 0}`;
  }
  const term = entry.texts.en ?? Object.values(entry.texts).find((text) => text !== undefined) ?? '';
  return `${entry.articleKey}#t:${term.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim()}`;
}

export function encodeStudyList(entries: readonly StudyEntry[]): StoredStudyList {
  return { format: STUDY_FORMAT, version: STUDY_VERSION, entries: [...entries] };
}

/** Reads stored or imported study lists; the first of two entries with one id is kept. */
export function decodeStudyList(value: unknown): LoadedStudyList {
  const result: LoadedStudyList = { entries: [], problems: [], recognized: false };
  if (value === undefined) {
    result.recognized = true; // nothing stored yet
    return result;
  }
  if (typeof value !== 'object' || value === null || (value as { format?: unknown }).format !== STUDY_FORMAT) {
    result.problems.push(`It is not a Digest Reader study list (no "format": "${STUDY_FORMAT}").`);
    return result;
  }
  result.recognized = true;
  const data = value as { version?: unknown; entries?: unknown };
  if (data.version !== STUDY_VERSION) {
    result.problems.push(`It was written in format version ${JSON.stringify(data.version)}; this version reads version ${STUDY_VERSION}, and kept what it could read.`);
  }
  if (!Array.isArray(data.entries)) {
    result.problems.push('The study entries were not a list and were skipped.');
    return result;
  }
  const seen = new Set<string>();
  let damaged = 0;
  let repeated = 0;
  for (const item of data.entries.slice(0, MAX_ENTRIES)) {
    const entry = asStudyEntry(item);
    if (!entry) {
      damaged++;
      continue;
    }
    const id = studyEntryId(entry);
    if (seen.has(id)) {
      repeated++;
      continue;
    }
    seen.add(id);
    result.entries.push(entry);
  }
  if (damaged > 0) {
    result.problems.push(`${damaged} study ${damaged === 1 ? 'entry was' : 'entries were'} damaged and skipped.`);
  }
  if (repeated > 0) {
    result.problems.push(`${repeated} study ${repeated === 1 ? 'entry was' : 'entries were'} repeated and skipped.`);
  }
  if (data.entries.length > MAX_ENTRIES) {
    result.problems.push(`Only the first ${MAX_ENTRIES} study entries were read.`);
  }
  return result;
}

function isText(value: unknown, max = MAX_TEXT_LENGTH): value is string {
  return typeof value === 'string' && value.length <= max;
}

function asTexts(value: unknown): Translations | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return undefined;
  }
  const texts: Translations = {};
  let count = 0;
  for (const [language, text] of Object.entries(value)) {
    if (!LANGUAGE.test(language) || !isText(text)) {
      return undefined;
    }
    if (text.trim() !== '') {
      texts[language] = text;
      count++;
    }
  }
  return count > 0 ? texts : undefined;
}

/** One entry from storage: every field checked, unknown fields dropped. */
export function asStudyEntry(value: unknown): StudyEntry | undefined {
  if (typeof value !== 'object' || value === null) {
    return undefined;
  }
  const v = value as Record<string, unknown>;
  const texts = asTexts(v.texts);
  const sentenceOk = v.kind === 'sentence'
    ? typeof v.sentence === 'number' && Number.isSafeInteger(v.sentence) && v.sentence >= 1
    : v.kind === 'term' && v.sentence === undefined;
  if (
    !texts || !sentenceOk ||
    !isText(v.articleKey, MAX_KEY_LENGTH) || v.articleKey.trim() === '' ||
    (v.arxivId !== undefined && (!isArxivId(v.arxivId) || arxivIdWithoutVersion(v.arxivId) !== v.articleKey)) ||
    !isText(v.subject, MAX_KEY_LENGTH) || typeof v.digestDate !== 'string' || !DATE.test(v.digestDate) ||
    typeof v.addedAt !== 'number' || !Number.isFinite(v.addedAt)
  ) {
    return undefined;
  }
  const entry: StudyEntry = {
    kind: v.kind as StudyEntry['kind'], articleKey: v.articleKey, texts,
    subject: v.subject, digestDate: v.digestDate, addedAt: v.addedAt,
  };
  if (v.arxivId !== undefined) {
    entry.arxivId = v.arxivId;
  }
  if (entry.kind === 'sentence') {
    entry.sentence = v.sentence as number;
  }
  const word = entry.kind === 'term' ? asStudyWord(v.word) : undefined;
  if (word) {
    entry.word = word;
  }
  return entry;
}

const MAX_PINYIN_LENGTH = 500;
const MAX_MEANING_LENGTH = 2_000;

/** The word fields of a term, each checked; a bad field is left out, the rest kept. */
function asStudyWord(value: unknown): StudyWord | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return undefined;
  }
  const v = value as Record<string, unknown>;
  const word: StudyWord = {};
  if (isText(v.pinyin, MAX_PINYIN_LENGTH) && v.pinyin.trim() !== '') {
    word.pinyin = v.pinyin;
  }
  if (isText(v.meaning, MAX_MEANING_LENGTH) && v.meaning.trim() !== '') {
    word.meaning = v.meaning;
  }
  const context = asTexts(v.context);
  if (context) {
    word.context = context;
  }
  return Object.keys(word).length > 0 ? word : undefined;
}

function copyOfWord(word: StudyWord): StudyWord {
  return { ...word, ...(word.context ? { context: { ...word.context } } : {}) };
}

/** Study entries as records of the store, keyed by `studyEntryId`; the value is the entry as stored (unknown fields kept). */
export const STUDY_SCHEMA: MapSchema<StudyEntry> = {
  kind: 'map',
  name: 'study',
  shards: 8,
  isKey: (id) => id.length <= MAX_KEY_LENGTH * 2 && id.includes('#'),
  encode: (entry) => ({ ...entry, texts: { ...entry.texts }, ...(entry.word ? { word: copyOfWord(entry.word) } : {}) }),
  decode: asStudyEntry,
};

/** The live entries in the order they were added (then by id, so every window lists them alike). */
export function studyEntriesOf(records: Iterable<[string, StudyEntry]>): StudyEntry[] {
  return [...records].sort(([ia, a], [ib, b]) => a.addedAt - b.addedAt || (ia < ib ? -1 : ia > ib ? 1 : 0)).map(([, entry]) => entry);
}
