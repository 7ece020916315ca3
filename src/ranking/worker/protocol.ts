import type { InboxPaper } from '../../core/ranking';

/**
 * Messages between the extension and the ranking worker, which holds every
 * digest's features, trains the model and answers More like this, off the
 * extension host's thread. Each request has an id; the answer carries it.
 */

/** An article's score and the features that pushed it up and down. */
export interface Explained {
  raw: number;
  /** 0–1, what the row shows as a percentage. */
  shown: number;
  up: [feature: number, weight: number][];
  down: [feature: number, weight: number][];
}

/** What the worker returns for an article: its score and the features that pushed it up and down. */
export interface ScoredRow {
  position: number;
  raw: number;
  /** 0–1, what the row shows as a percentage. */
  shown: number;
  up: [feature: number, weight: number][];
  down: [feature: number, weight: number][];
}

export interface SimilarRow {
  key: string;
  file: string;
  position: number;
  index: number;
  title: string;
  subject: string;
  digestDate: string;
  date: string;
  /** Every digest that lists the paper, as `subject digestDate`. */
  listedIn: string[];
  score: number;
  shared: [feature: number, weight: number][];
}

/** A paper of the inbox: what its row shows, where it is listed, and its score when a model ranks. */
export interface InboxRow extends InboxPaper {
  raw?: number;
  shown?: number;
}

export interface ModelSummary {
  kind: 'none' | 'similar' | 'learned';
  positives: number;
  negatives: number;
  weak: number;
  papers: number;
}

export type RankingRequest =
  | { id: number; type: 'file'; uri: string; text: string }
  /** A stored segment (encodeSegment's bytes) of a digest whose file has not changed since. */
  | { id: number; type: 'segment'; uri: string; bytes: Uint8Array }
  | { id: number; type: 'remove'; uri: string }
  | { id: number; type: 'train'; starred: string[]; notInterested: string[]; read: string[]; texts: [key: string, title: string, abstract: string, authors: string[]][] }
  | { id: number; type: 'score'; uri: string; text?: string }
  /** More like this: the paper by its key when the library has it, else by its text (a star whose digest is gone, a digest outside the library). */
  | { id: number; type: 'inbox'; days: number }
  /** One paper's score and why (the panel): by its key when the library has it, else by its text. */
  | { id: number; type: 'explain'; key: string; article: { title: string; abstract: string; authors: string[] } }
  | { id: number; type: 'similar'; key: string; article: { title: string; abstract: string; authors: string[] }; limit: number };

export type RankingResponse =
  /** `bytes`: the segment just built from a file's text, for the extension to store. */
  | { id: number; type: 'done'; papers: number; bytes?: Uint8Array }
  | { id: number; type: 'model'; model: ModelSummary }
  | { id: number; type: 'scores'; model: ModelSummary; rows: ScoredRow[] }
  | { id: number; type: 'similar'; rows: SimilarRow[] }
  | { id: number; type: 'inbox'; model: ModelSummary; rows: InboxRow[]; newest?: string; oldest?: string }
  /** `row` is absent while no model ranks. */
  | { id: number; type: 'explained'; model: ModelSummary; row?: Explained }
  | { id: number; type: 'error'; message: string };

/** Checks the shape of what the worker sends before the extension trusts it. */
export function isRankingResponse(value: unknown): value is RankingResponse {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const { id, type } = value as { id?: unknown; type?: unknown };
  if (typeof id !== 'number' || typeof type !== 'string') {
    return false;
  }
  const v = value as Record<string, unknown>;
  switch (type) {
    case 'done':
      return typeof v.papers === 'number' && (v.bytes === undefined || v.bytes instanceof Uint8Array);
    case 'model':
      return isSummary(v.model);
    case 'scores':
      return isSummary(v.model) && Array.isArray(v.rows);
    case 'similar':
      return Array.isArray(v.rows);
    case 'inbox':
      return isSummary(v.model) && Array.isArray(v.rows);
    case 'explained':
      return isSummary(v.model) && (v.row === undefined || (typeof v.row === 'object' && v.row !== null));
    case 'error':
      return typeof v.message === 'string';
    default:
      return false;
  }
}

function isSummary(value: unknown): value is ModelSummary {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const { kind, positives, negatives, weak, papers } = value as Record<string, unknown>;
  return (kind === 'none' || kind === 'similar' || kind === 'learned') && [positives, negatives, weak, papers].every((n) => typeof n === 'number');
}
