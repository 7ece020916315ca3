/**
 * The Library's index as stored in the workspace storage: one entry per
 * candidate file, keyed by URI, valid while its size and mtime are unchanged.
 * A file that is no digest is stored too (summary null), so a warm start
 * does not read it again. Damaged stored data never throws: each readable
 * entry is kept, the rest is left out and re-read.
 *
 * Version 2 is JSON Lines: a first line `{"format":…,"version":2}`, then one
 * entry per line, so that a year's index (1.5 MB) is written and read a
 * slice at a time (`writeLibraryCache`, `readLibraryCache`), never in one
 * long `JSON.stringify` or `JSON.parse`. Version 1 (0.5.0: one JSON object)
 * is still read, once, and the next save writes version 2.
 */
import { isArxivId } from '../digest/arxiv';
import type { Slicer } from './slicer';
import type { DigestSummary } from './summary';

export const LIBRARY_CACHE_FORMAT = 'digest-reader.library';
/** What 0.5.0 wrote: one JSON object with every entry. */
export const LIBRARY_CACHE_VERSION_1 = 1;
export const LIBRARY_CACHE_VERSION = 2;

export interface CacheEntry {
  uri: string;
  size: number;
  mtime: number;
  /** null: the file was looked at and is no digest. */
  summary: DigestSummary | null;
}

/** Version 1, as 0.5.0 stored it. */
export interface StoredLibraryCache {
  format: typeof LIBRARY_CACHE_FORMAT;
  version: typeof LIBRARY_CACHE_VERSION_1;
  entries: CacheEntry[];
}

export interface LoadedLibraryCache {
  entries: CacheEntry[];
  /** Why the stored value (or some of its entries) could not be used. */
  problems: string[];
}

/** Version 1 (0.5.0's one object): tests, and the bench's figure for what it cost. */
export function encodeLibraryCache(entries: Iterable<CacheEntry>): StoredLibraryCache {
  return { format: LIBRARY_CACHE_FORMAT, version: LIBRARY_CACHE_VERSION_1, entries: [...entries] };
}

const HEADER_LINE = JSON.stringify({ format: LIBRARY_CACHE_FORMAT, version: LIBRARY_CACHE_VERSION });

/** The stored text of version 2, an entry per line, a slice at a time. */
export async function writeLibraryCache(entries: readonly CacheEntry[], slicer: Slicer): Promise<string> {
  const lines = [HEADER_LINE];
  for (const entry of entries) {
    lines.push(JSON.stringify(entry));
    await slicer.tick();
  }
  return lines.join('\n') + '\n';
}

/** Reads a stored cache's text (version 2, or 0.5.0's version 1), a slice at a time. Anything unreadable means: start cold for it. */
export async function readLibraryCache(text: string, slicer: Slicer): Promise<LoadedLibraryCache> {
  const firstLineEnd = text.indexOf('\n');
  const header = parseJson(firstLineEnd < 0 ? text : text.slice(0, firstLineEnd));
  if (!isRecord(header) || header.version !== LIBRARY_CACHE_VERSION || header.format !== LIBRARY_CACHE_FORMAT) {
    return decodeLibraryCache(text); // version 1, or not an index at all: said in its problems
  }
  const reader = new EntryReader();
  for (let at = firstLineEnd + 1; at < text.length; ) {
    let end = text.indexOf('\n', at);
    if (end < 0) {
      end = text.length;
    }
    if (end > at) {
      reader.take(parseJson(text.slice(at, end)));
    }
    at = end + 1;
    await slicer.tick();
  }
  return reader.result();
}

/** Reads a stored cache at once (already JSON-parsed, or its text; either version). Anything unreadable means: start cold for it. */
export function decodeLibraryCache(stored: unknown): LoadedLibraryCache {
  if (typeof stored === 'string') {
    const lines = stored.split('\n');
    const header = parseJson(lines[0]);
    if (isRecord(header) && header.format === LIBRARY_CACHE_FORMAT && header.version === LIBRARY_CACHE_VERSION) {
      const reader = new EntryReader();
      lines.slice(1).filter((line) => line !== '').forEach((line) => reader.take(parseJson(line)));
      return reader.result();
    }
    stored = parseJson(stored);
    if (stored === NOT_JSON) {
      return { entries: [], problems: ['the cache is not JSON'] };
    }
  }
  if (!isRecord(stored) || stored.format !== LIBRARY_CACHE_FORMAT) {
    return { entries: [], problems: ['the cache is not a Digest Reader library index'] };
  }
  if (stored.version !== LIBRARY_CACHE_VERSION_1) {
    return { entries: [], problems: [`the cache has version ${String(stored.version)}, this one reads ${LIBRARY_CACHE_VERSION_1} and ${LIBRARY_CACHE_VERSION}`] };
  }
  if (!Array.isArray(stored.entries)) {
    return { entries: [], problems: ['the cache has no entry list'] };
  }
  // 0.5.0 left an arXiv article without an id out of the keys (it read as "all read"): such a file is read again.
  const reader = new EntryReader((entry) => entry.summary?.kind !== 'arxiv' || entry.summary.keys.length >= entry.summary.articleCount);
  for (const value of stored.entries as unknown[]) {
    reader.take(value);
  }
  return reader.result();
}

const NOT_JSON = Symbol('not JSON');

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return NOT_JSON;
  }
}

/** Keeps each readable entry once, counts the rest. */
class EntryReader {
  /** `current`: false for an entry that is sound but stale (read again, not counted as damaged). */
  constructor(private readonly current: (entry: CacheEntry) => boolean = () => true) {}

  private readonly entries: CacheEntry[] = [];
  private readonly seen = new Set<string>();
  private damaged = 0;

  take(value: unknown): void {
    const entry = readEntry(value);
    if (entry && !this.current(entry)) {
      return;
    }
    if (entry && !this.seen.has(entry.uri)) {
      this.seen.add(entry.uri);
      this.entries.push(entry);
    } else {
      this.damaged++;
    }
  }

  result(): LoadedLibraryCache {
    return { entries: this.entries, problems: this.damaged > 0 ? [`${this.damaged} damaged or repeated entries were left out`] : [] };
  }
}

function readEntry(value: unknown): CacheEntry | undefined {
  if (!isRecord(value) || typeof value.uri !== 'string' || value.uri === '' || !isCount(value.size) || !Number.isFinite(value.mtime)) {
    return undefined;
  }
  const summary = value.summary === null ? null : readSummary(value.summary);
  return summary === undefined ? undefined : { uri: value.uri, size: value.size, mtime: value.mtime as number, summary };
}

function readSummary(value: unknown): DigestSummary | undefined {
  if (!isRecord(value)) {
    return undefined;
  }
  const { kind, format, subject, date, dates, articleCount, keys } = value;
  if ((kind !== 'arxiv' && kind !== 'news') || (format !== 'text' && format !== 'markdown') || typeof subject !== 'string' || typeof date !== 'string') {
    return undefined;
  }
  if (!isCount(articleCount) || !isStringArray(dates) || !isStringArray(keys)) {
    return undefined;
  }
  // arXiv keys must be ids (they build no URLs here, but they are matched against read state).
  if (kind === 'arxiv' && !keys.every((key) => isArxivId(key))) {
    return undefined;
  }
  return { kind, format, subject, date, dates, articleCount, keys };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}
