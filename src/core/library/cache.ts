/**
 * The Library's index as stored in the workspace storage: one entry per
 * candidate file, keyed by URI, valid while its size and mtime are unchanged.
 * A file that is no digest is stored too (summary null), so a warm start
 * does not read it again. Damaged stored data never throws: each readable
 * entry is kept, the rest is left out and re-read.
 */
import { isArxivId } from '../digest/arxiv';
import type { DigestSummary } from './summary';

export const LIBRARY_CACHE_FORMAT = 'digest-reader.library';
/** 2: an arXiv digest's articles without an id are keyed as the parser keys them (summaries of version 1 are read again). */
export const LIBRARY_CACHE_VERSION = 2;

export interface CacheEntry {
  uri: string;
  size: number;
  mtime: number;
  /** null: the file was looked at and is no digest. */
  summary: DigestSummary | null;
}

export interface StoredLibraryCache {
  format: typeof LIBRARY_CACHE_FORMAT;
  version: typeof LIBRARY_CACHE_VERSION;
  entries: CacheEntry[];
}

export interface LoadedLibraryCache {
  entries: CacheEntry[];
  /** Why the stored value (or some of its entries) could not be used. */
  problems: string[];
}

export function encodeLibraryCache(entries: Iterable<CacheEntry>): StoredLibraryCache {
  return { format: LIBRARY_CACHE_FORMAT, version: LIBRARY_CACHE_VERSION, entries: [...entries] };
}

/** Reads a stored cache (already JSON-parsed, or its text). Anything unreadable means: start cold for it. */
export function decodeLibraryCache(stored: unknown): LoadedLibraryCache {
  if (typeof stored === 'string') {
    try {
      stored = JSON.parse(stored) as unknown;
    } catch {
      return { entries: [], problems: ['the cache is not JSON'] };
    }
  }
  if (!isRecord(stored) || stored.format !== LIBRARY_CACHE_FORMAT) {
    return { entries: [], problems: ['the cache is not a Digest Reader library index'] };
  }
  if (stored.version !== LIBRARY_CACHE_VERSION) {
    return { entries: [], problems: [`the cache has version ${String(stored.version)}, this one reads ${LIBRARY_CACHE_VERSION}`] };
  }
  if (!Array.isArray(stored.entries)) {
    return { entries: [], problems: ['the cache has no entry list'] };
  }
  const entries: CacheEntry[] = [];
  let damaged = 0;
  const seen = new Set<string>();
  for (const value of stored.entries as unknown[]) {
    const entry = readEntry(value);
    if (entry && !seen.has(entry.uri)) {
      seen.add(entry.uri);
      entries.push(entry);
    } else {
      damaged++;
    }
  }
  return { entries, problems: damaged > 0 ? [`${damaged} damaged or repeated entries were left out`] : [] };
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
