/**
 * The stored list of saved filters: versioned, and read defensively (stored
 * state may be damaged, hand-edited or from another version): entries that
 * cannot be read are dropped and said, the rest kept.
 */
import { compileQuery, MAX_QUERY_LENGTH } from './query';

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
