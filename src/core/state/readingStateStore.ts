/**
 * The stored and exported shape of the reading state, versioned, compact,
 * and read defensively: stored state may be damaged, hand-edited or written
 * by another version, and an import file may be anything. What can be read
 * is kept; the rest is reported, never thrown.
 */
import { isArxivId } from '../digest/arxiv';
import type { StarredArticle } from './readingState';
import { asTranslations } from './readSchemas';
import { arxivNumberWidth } from './store/codec';

export const STATE_FORMAT = 'digest-reader-state';
export const STATE_VERSION = 1;

export interface StoredReadingState {
  format: typeof STATE_FORMAT;
  version: typeof STATE_VERSION;
  /** New-style arXiv ids by month (`2505`), as sorted numbers delta-coded in base 36; everything else as it is. */
  read: { arxiv: Record<string, string>; other: string[] };
  starred: StarredArticle[];
}

export interface LoadedReadingState {
  read: string[];
  starred: StarredArticle[];
  /** Sentences for the output channel: what was skipped and why. Empty when all was read. */
  problems: string[];
}

const NEW_STYLE = /^(\d{4})\.(\d{4,5})$/;
const MONTH = /^\d{4}$/;
const DELTAS = /^[0-9a-z]{1,8}(?:,[0-9a-z]{1,8})*$/;
const MAX_KEY_LENGTH = 1000;
const MAX_TEXT_LENGTH = 100_000;

export function encodeReadingState(read: Iterable<string>, starred: readonly StarredArticle[]): StoredReadingState {
  return { format: STATE_FORMAT, version: STATE_VERSION, read: encodeKeys(read), starred: [...starred] };
}

/** A set of article keys, compactly: new-style arXiv ids by month as base-36 deltas, the rest as they are. */
export function encodeKeys(read: Iterable<string>): StoredReadingState['read'] {
  const months = new Map<string, number[]>();
  const other: string[] = [];
  for (const key of read) {
    const match = NEW_STYLE.exec(key);
    if (match && match[2].length === arxivNumberWidth(match[1])) {
      let numbers = months.get(match[1]);
      if (!numbers) {
        numbers = [];
        months.set(match[1], numbers);
      }
      numbers.push(Number(match[2]));
    } else {
      other.push(key);
    }
  }
  const arxiv: Record<string, string> = {};
  for (const month of [...months.keys()].sort()) {
    const numbers = [...new Set(months.get(month))].sort((a, b) => a - b);
    let previous = 0;
    arxiv[month] = numbers.map((n) => {
      const delta = n - previous;
      previous = n;
      return delta.toString(36);
    }).join(',');
  }
  return { arxiv, other: other.sort() };
}

/** Reads what encodeKeys wrote, skipping (and saying) what is damaged. */
export function decodeKeys(value: unknown, problems: string[]): string[] {
  const read: ReadKeysByMonth = { months: [], other: [] };
  readReadMonths(value, read, problems);
  return readKeysOf(read);
}

/** Reads stored or imported state. `recognized` is false when the value is not this format at all: an import must then change nothing. */
export function decodeReadingState(value: unknown): LoadedReadingState & { recognized: boolean } {
  const { read, ...rest } = decodeReadingStateParts(value);
  return { ...rest, read: readKeysOf(read) };
}

/** New-style arXiv ids by month as numbers (not yet made into strings), and every other key as it is. */
export interface ReadKeysByMonth {
  months: { month: string; numbers: number[] }[];
  other: string[];
}

/** The read ids of `read`, as strings. */
export function readKeysOf(read: ReadKeysByMonth): string[] {
  const keys: string[] = [];
  for (const { month, numbers } of read.months) {
    const width = arxivNumberWidth(month);
    for (const n of numbers) {
      keys.push(`${month}.${String(n).padStart(width, '0')}`);
    }
  }
  keys.push(...read.other);
  return keys;
}

/**
 * decodeReadingState without making 100,000 id strings: a profile upgraded
 * from 0.5.0 reads its value at every start, and makes ids only for the shard
 * a view asks for (see migrateReadingState).
 */
export function decodeReadingStateParts(value: unknown): Omit<LoadedReadingState, 'read'> & { read: ReadKeysByMonth; recognized: boolean } {
  const problems: string[] = [];
  const result = { read: { months: [], other: [] } as ReadKeysByMonth, starred: [] as StarredArticle[], problems, recognized: false };
  if (value === undefined) {
    result.recognized = true; // nothing stored yet
    return result;
  }
  if (typeof value !== 'object' || value === null || (value as { format?: unknown }).format !== STATE_FORMAT) {
    problems.push('It is not Digest Reader reading state (no "format": "digest-reader-state").');
    return result;
  }
  result.recognized = true;
  const data = value as { version?: unknown; read?: unknown; starred?: unknown };
  if (data.version !== STATE_VERSION) {
    problems.push(`It was written in format version ${JSON.stringify(data.version)}; this version reads version ${STATE_VERSION}, and kept what it could read.`);
  }
  readReadMonths(data.read, result.read, problems);
  if (Array.isArray(data.starred)) {
    let skipped = 0;
    const seen = new Set<string>();
    for (const entry of data.starred) {
      const star = asStarredArticle(entry);
      if (star && !seen.has(star.key)) {
        seen.add(star.key);
        result.starred.push(star);
      } else {
        skipped++;
      }
    }
    if (skipped > 0) {
      problems.push(`${skipped} starred ${skipped === 1 ? 'entry was' : 'entries were'} damaged or repeated and skipped.`);
    }
  } else if (data.starred !== undefined) {
    problems.push('The starred articles were not a list and were skipped.');
  }
  return result;
}

function readReadMonths(value: unknown, into: ReadKeysByMonth, problems: string[]): void {
  if (value === undefined) {
    return;
  }
  if (typeof value !== 'object' || value === null) {
    problems.push('The read articles were damaged and skipped.');
    return;
  }
  const { arxiv, other } = value as { arxiv?: unknown; other?: unknown };
  let skippedMonths = 0;
  if (typeof arxiv === 'object' && arxiv !== null) {
    for (const [month, deltas] of Object.entries(arxiv)) {
      const width = arxivNumberWidth(month);
      if (!MONTH.test(month) || typeof deltas !== 'string' || !DELTAS.test(deltas)) {
        skippedMonths++;
        continue;
      }
      let n = 0;
      const numbers: number[] = [];
      for (const delta of deltas.split(',')) {
        n += parseInt(delta, 36);
        numbers.push(n);
      }
      if (n >= 10 ** width) {
        skippedMonths++;
        continue;
      }
      into.months.push({ month, numbers });
    }
  } else if (arxiv !== undefined) {
    problems.push('The read arXiv articles were damaged and skipped.');
  }
  if (skippedMonths > 0) {
    problems.push(`The read articles of ${skippedMonths} ${skippedMonths === 1 ? 'month were' : 'months were'} damaged and skipped.`);
  }
  if (Array.isArray(other)) {
    const good = other.filter((key): key is string => typeof key === 'string' && key.length > 0 && key.length <= MAX_KEY_LENGTH);
    into.other.push(...good);
    if (good.length < other.length) {
      problems.push(`${other.length - good.length} read ${other.length - good.length === 1 ? 'entry was' : 'entries were'} damaged and skipped.`);
    }
  } else if (other !== undefined) {
    problems.push('The other read articles were not a list and were skipped.');
  }
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_TEXT_LENGTH;
}

/** A starred entry from storage: every field checked, unknown fields dropped. */
export function asStarredArticle(value: unknown): StarredArticle | undefined {
  if (typeof value !== 'object' || value === null) {
    return undefined;
  }
  const v = value as Record<string, unknown>;
  const titles = asTranslations(v.titles);
  const abstracts = asTranslations(v.abstracts);
  const authors = Array.isArray(v.authors) && v.authors.length <= 10_000 && v.authors.every(isText) ? (v.authors) : undefined;
  if (
    typeof v.key !== 'string' || v.key.length === 0 || v.key.length > MAX_KEY_LENGTH ||
    typeof v.starredAt !== 'number' || !Number.isFinite(v.starredAt) ||
    (v.kind !== 'arxiv' && v.kind !== 'news') ||
    !isText(v.subject) || !isText(v.digestDate) || typeof v.sourceLanguage !== 'string' ||
    typeof v.index !== 'number' || !Number.isSafeInteger(v.index) || v.index < 0 ||
    (v.date !== undefined && !isText(v.date)) ||
    (v.arxivId !== undefined && !isArxivId(v.arxivId)) ||
    !titles || !abstracts || !authors
  ) {
    return undefined;
  }
  return {
    key: v.key, starredAt: v.starredAt, kind: v.kind, subject: v.subject, digestDate: v.digestDate, index: v.index,
    date: v.date, arxivId: v.arxivId, sourceLanguage: v.sourceLanguage,
    titles, authors, abstracts,
  };
}
