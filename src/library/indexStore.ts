import type * as vscode from 'vscode';
import { readLibraryCache, Slicer, writeLibraryCache, type CacheEntry } from '../core/library';
import { StorageFile } from '../common/storageFile';

/**
 * The Library's index in the workspace storage, so a new window re-reads only
 * files whose size or mtime changed. No storage (no folder open): memory only.
 * A damaged file means a cold start, said once in the output channel; it is
 * overwritten by the next save. Written and read a slice at a time (JSON Lines).
 */
export class LibraryIndexStore {
  private readonly file: StorageFile;

  constructor(storageUri: vscode.Uri | undefined, private readonly output: vscode.OutputChannel) {
    this.file = new StorageFile(storageUri, 'library-index.json', 1_000, "the Library's index", output);
  }

  get uri(): vscode.Uri | undefined {
    return this.file.uri;
  }

  async load(): Promise<CacheEntry[]> {
    const text = await this.file.read();
    if (text === undefined) {
      return []; // never saved: a cold start
    }
    const loaded = await readLibraryCache(text, new Slicer());
    if (loaded.problems.length > 0) {
      this.output.appendLine(`[${new Date().toISOString()}] The Library's stored index was partly unreadable (${loaded.problems.join('; ')}); those files are read again.`);
    }
    return loaded.entries;
  }

  /** Saves what `entries` returns a moment from now (a scan ends, files change in bursts). */
  saveSoon(entries: () => CacheEntry[]): void {
    this.file.saveSoon(() => writeLibraryCache(entries(), new Slicer()));
  }

  flush(): Promise<void> {
    return this.file.flush();
  }
}
