import type * as vscode from 'vscode';
import { StorageFile } from '../common/storageFile';
import { cacheOf, searchFromJSON, type LibrarySearch } from '../core/search';

/** The search index as stored, with the stamp (size and mtime) of each file it holds. */
export interface StoredSearch {
  search: LibrarySearch;
  stamps: Map<string, string>;
}

/**
 * The search index in the workspace storage (`context.storageUri`), so a new
 * window searches at once and indexes only files whose stamp changed. No
 * storage: memory only. Anything damaged or of another version is a cold
 * start, said in the output channel, and overwritten by the next save.
 */
export class SearchIndexStore {
  private readonly file: StorageFile;

  constructor(storageUri: vscode.Uri | undefined, private readonly output?: vscode.OutputChannel) {
    this.file = new StorageFile(storageUri, 'search-index.json', 5_000, 'the search index', output);
  }

  /** Where it is stored; undefined with no workspace storage. */
  get uri(): vscode.Uri | undefined {
    return this.file.uri;
  }

  async load(): Promise<StoredSearch | undefined> {
    const text = await this.file.read();
    if (text === undefined) {
      return undefined; // never saved: index from the files
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    const record = typeof json === 'object' && json !== null ? (json as { stamps?: unknown; index?: unknown }) : {};
    const search = searchFromJSON(record.index);
    const stamps = asStamps(record.stamps);
    if (!search || !stamps) {
      this.output?.appendLine(`[${new Date().toISOString()}] The stored search index was unreadable or of another version; every digest is indexed again.`);
      return undefined;
    }
    return { search, stamps };
  }

  /** Saves what `stored` returns a moment from now (indexing comes in bursts). */
  saveSoon(stored: () => StoredSearch): void {
    this.file.saveSoon(() => {
      const { search, stamps } = stored();
      return JSON.stringify({ stamps: Object.fromEntries(stamps), index: cacheOf(search) });
    });
  }

  flush(): Promise<void> {
    return this.file.flush();
  }
}

function asStamps(value: unknown): Map<string, string> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return undefined;
  }
  const stamps = new Map<string, string>();
  for (const [uri, stamp] of Object.entries(value)) {
    if (typeof stamp !== 'string') {
      return undefined;
    }
    stamps.set(uri, stamp);
  }
  return stamps;
}
