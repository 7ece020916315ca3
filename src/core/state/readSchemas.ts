/**
 * The schemas of what triage keeps: read flags, stars (synced: what a star
 * is), "not interested" marks (synced), and each star's display text (this
 * machine only: titles, authors and abstracts are refilled from the digest
 * when it is seen again).
 */
import { isArxivId } from '../digest/arxiv';
import type { Translations } from '../digest/model';
import { splitNewStyleId } from './store/codec';
import { hashKey, isPlainKey, type MapSchema, type SetSchema } from './store/schema';

/** Read articles by key (arXiv id without version, or a news key). */
export const READ_SCHEMA: SetSchema = {
  kind: 'set',
  name: 'read',
  shards: 16,
  /**
   * A run of READ_RUN (2,048) consecutive arXiv numbers of a month stays in one shard:
   * a day's digest (papers submitted over a day or two) is one or two shards,
   * and the ids of a shard stay close, so their deltas stay short.
   */
  shardOf(key) {
    const id = splitNewStyleId(key);
    return id ? readShardOfArxiv(id[0], id[1]) : hashKey(key) % 16;
  },
  isKey: isPlainKey,
};

/**
 * Papers marked "not interested" (the triage key `x`): negative examples for
 * the ranking (issue 18). A flag per key, like read marks; a user marks few,
 * so four shards stay small.
 */
export const NOT_INTERESTED_SCHEMA: SetSchema = { kind: 'set', name: 'notInterested', shards: 4, isKey: isPlainKey };

/** How many consecutive arXiv numbers of a month share a read-mark shard. */
export const READ_RUN = 2048;

/** The read-mark shard of a new-style arXiv id, from its month (`2505`) and number. */
export function readShardOfArxiv(month: string, number: number): number {
  const months = Number(month.slice(0, 2)) * 12 + Number(month.slice(2));
  return (months + Math.floor(number / READ_RUN)) % READ_SCHEMA.shards;
}

/** A star, as every machine needs it: which article, of which digest, when. */
export interface StarRecord {
  kind: 'arxiv' | 'news';
  subject: string;
  digestDate: string;
  index: number;
  /** With version, as the digest printed it. */
  arxivId?: string;
  /** When it was starred (ms since 1970). */
  starredAt: number;
}

const MAX_TEXT = 100_000;

function isText(value: unknown, max = MAX_TEXT): value is string {
  return typeof value === 'string' && value.length <= max;
}

export const STAR_SCHEMA: MapSchema<StarRecord> = {
  kind: 'map',
  name: 'stars',
  shards: 4,
  isKey: isPlainKey,
  encode: (star) => ({ k: star.kind === 'news' ? 'n' : 'a', s: star.subject, d: star.digestDate, i: star.index, ...(star.arxivId ? { id: star.arxivId } : {}), at: star.starredAt }),
  decode(stored) {
    if (typeof stored !== 'object' || stored === null) {
      return undefined;
    }
    const { k, s, d, i, id, at } = stored as Record<string, unknown>;
    if ((k !== 'a' && k !== 'n') || !isText(s, 1000) || !isText(d, 100) || typeof i !== 'number' || !Number.isSafeInteger(i) || i < 0 ||
      (id !== undefined && !isArxivId(id)) || typeof at !== 'number' || !Number.isFinite(at)) {
      return undefined;
    }
    return { kind: k === 'n' ? 'news' : 'arxiv', subject: s, digestDate: d, index: i, ...(id !== undefined ? { arxivId: id } : {}), starredAt: at };
  },
};

/** What the Starred view and the panel show of a star; kept on this machine only. */
export interface StarText {
  sourceLanguage: string;
  titles: Translations;
  authors: string[];
  abstracts: Translations;
  /** The article's own date, when the digest gives one. */
  date?: string;
}

export function asTranslations(value: unknown): Translations | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return undefined;
  }
  const result: Translations = {};
  for (const [language, text] of Object.entries(value)) {
    if (!/^[a-z]{2,3}(?:-[A-Za-z]{2,4})?$/.test(language) || !isText(text)) {
      return undefined;
    }
    result[language] = text;
  }
  return result;
}

export const STAR_TEXT_SCHEMA: MapSchema<StarText> = {
  kind: 'map',
  name: 'starText',
  // Local files only (not synced keys): many small ones, so a star rewrites tens of KB, not the 3 MB of 1,000 stars' abstracts.
  shards: 64,
  isKey: isPlainKey,
  encode: (text) => ({ ...text }),
  decode(stored) {
    if (typeof stored !== 'object' || stored === null) {
      return undefined;
    }
    const v = stored as Record<string, unknown>;
    const titles = asTranslations(v.titles);
    const abstracts = asTranslations(v.abstracts);
    const authors = Array.isArray(v.authors) && v.authors.length <= 10_000 && v.authors.every((a) => isText(a)) ? v.authors : undefined;
    if (!titles || !abstracts || !authors || !isText(v.sourceLanguage, 20) || (v.date !== undefined && !isText(v.date, 100))) {
      return undefined;
    }
    return { sourceLanguage: v.sourceLanguage, titles, authors, abstracts, ...(v.date !== undefined ? { date: v.date } : {}) };
  },
};
