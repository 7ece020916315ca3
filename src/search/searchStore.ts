import * as vscode from 'vscode';
import { cacheOf, searchFromJSON, type LibrarySearch } from '../core/search';

const FILE_NAME = 'search-index.json';
const SAVE_DELAY_MS = 5_000;

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
  /** Where it is stored; undefined with no workspace storage. */
  readonly uri: vscode.Uri | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pending: (() => StoredSearch) | undefined;
  private saving: Promise<void> = Promise.resolve();

  constructor(
    private readonly storageUri: vscode.Uri | undefined,
    private readonly output?: vscode.OutputChannel,
  ) {
    this.uri = storageUri && vscode.Uri.joinPath(storageUri, FILE_NAME);
  }

  async load(): Promise<StoredSearch | undefined> {
    if (!this.uri) {
      return undefined;
    }
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(this.uri)));
    } catch {
      return undefined; // never saved (or unreadable): index from the files
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
    this.pending = stored;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), SAVE_DELAY_MS);
  }

  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const stored = this.pending;
    this.pending = undefined;
    if (stored && this.uri && this.storageUri) {
      const target = this.uri;
      const folder = this.storageUri;
      this.saving = this.saving
        .then(async () => {
          const { search, stamps } = stored();
          const text = JSON.stringify({ stamps: Object.fromEntries(stamps), index: cacheOf(search) });
          await vscode.workspace.fs.createDirectory(folder);
          await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
        })
        .then(undefined, (error: unknown) => this.output?.appendLine(`[${new Date().toISOString()}] Could not save the search index: ${String(error)}`));
    }
    return this.saving;
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
