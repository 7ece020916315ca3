/**
 * Saved filters: their schema in the store, and the 0.5.0 stored list (read
 * once, to migrate it, and still the shape of an import). Versioned, and read defensively (stored
 * state may be damaged, hand-edited or from another version): entries that
 * cannot be read are dropped and said, the rest kept.
 */
import { compileQuery, MAX_QUERY_LENGTH } from './query';
import type { MapSchema } from '../state/store/schema';

export const FILTERS_FORMAT = 'digest-reader-filters';
export const FILTERS_VERSION = 1;
export const MAX_FILTERS = 100;
export const MAX_NAME_LENGTH = 200;

export interface SavedFilter {
  /** What the Articles view calls it; the query when absent. */
  name?: string;
  query: string;
}

export interface StoredFilters {
  format: typeof FILTERS_FORMAT;
  version: typeof FILTERS_VERSION;
  filters: SavedFilter[];
}

export interface LoadedFilters {
  filters: SavedFilter[];
  /** Sentences for the output channel: what was dropped and why. */
  problems: string[];
}

export function encodeFilters(filters: readonly SavedFilter[]): StoredFilters {
  return { format: FILTERS_FORMAT, version: FILTERS_VERSION, filters: filters.map((f) => (f.name ? { name: f.name, query: f.query } : { query: f.query })) };
}

export function filterLabel(filter: SavedFilter): string {
  return filter.name || filter.query;
}

export function decodeFilters(stored: unknown): LoadedFilters {
  if (stored === undefined) {
    return { filters: [], problems: [] };
  }
  if (typeof stored !== 'object' || stored === null || (stored as { format?: unknown }).format !== FILTERS_FORMAT) {
    return { filters: [], problems: ['The stored filters are not in a format this version knows: none could be read.'] };
  }
  const value = stored as Partial<StoredFilters>;
  if (value.version !== FILTERS_VERSION) {
    return { filters: [], problems: [`The stored filters are version ${String(value.version)}; this version reads version ${FILTERS_VERSION}.`] };
  }
  if (!Array.isArray(value.filters)) {
    return { filters: [], problems: ['The stored filters have no list of filters.'] };
  }
  const filters: SavedFilter[] = [];
  const problems: string[] = [];
  const queries = new Set<string>();
  (value.filters as unknown[]).forEach((entry, position) => {
    const problem = entryProblem(entry, queries);
    if (problem) {
      problems.push(`Filter ${position + 1} was dropped: ${problem}`);
    } else if (filters.length >= MAX_FILTERS) {
      problems.push(`Filter ${position + 1} was dropped: at most ${MAX_FILTERS} filters are kept.`);
    } else {
      const { name, query } = entry as SavedFilter;
      queries.add(query);
      filters.push(name ? { name, query } : { query });
    }
  });
  return { filters, problems };
}

function entryProblem(entry: unknown, queries: Set<string>): string | undefined {
  if (typeof entry !== 'object' || entry === null) {
    return 'it is not an object.';
  }
  const { name, query } = entry as { name?: unknown; query?: unknown };
  if (typeof query !== 'string' || query.length === 0 || query.length > MAX_QUERY_LENGTH) {
    return 'its query is not a text of 1 to 2000 characters.';
  }
  if (name !== undefined && (typeof name !== 'string' || name.length > MAX_NAME_LENGTH)) {
    return `its name is not a text of at most ${MAX_NAME_LENGTH} characters.`;
  }
  if (queries.has(query)) {
    return 'the same query is saved before it.';
  }
  const compiled = compileQuery(query);
  return compiled.ok ? undefined : compiled.message;
}

/** A saved filter in the store: keyed by its query; `order` keeps the list's order across machines. */
export interface FilterRecord {
  name?: string;
  order: number;
}

/** Saved filters as records of the store (one shard: a hundred filters at most). */
export const FILTER_SCHEMA: MapSchema<FilterRecord> = {
  kind: 'map',
  name: 'filters',
  shards: 1,
  // Any query is kept (a newer version may read more than this one); filtersOf lists those this version can run.
  isKey: (query) => query.trim().length > 0 && query.length <= MAX_QUERY_LENGTH,
  encode: (filter) => (filter.name ? { n: filter.name, o: filter.order } : { o: filter.order }),
  decode(stored) {
    if (typeof stored !== 'object' || stored === null) {
      return undefined;
    }
    const { n, o } = stored as { n?: unknown; o?: unknown };
    if (typeof o !== 'number' || !Number.isFinite(o) || (n !== undefined && (typeof n !== 'string' || n.length > MAX_NAME_LENGTH))) {
      return undefined;
    }
    return n ? { name: n, order: o } : { order: o };
  },
};

/** The filters of the records that this version can run, in their order (the query breaks ties, so every window lists them alike). */
export function filtersOf(records: Iterable<[string, FilterRecord]>): SavedFilter[] {
  return [...records]
    .filter(([query]) => compileQuery(query).ok)
    .sort(([qa, a], [qb, b]) => a.order - b.order || (qa < qb ? -1 : qa > qb ? 1 : 0))
    .slice(0, MAX_FILTERS)
    .map(([query, record]) => (record.name ? { name: record.name, query } : { query }));
}
