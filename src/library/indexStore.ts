import * as vscode from 'vscode';
import { decodeLibraryCache, encodeLibraryCache, type CacheEntry } from '../core/library';

const FILE_NAME = 'library-index.json';
const SAVE_DELAY_MS = 1_000;

/**
 * The Library's index in the workspace storage (`context.storageUri`), so a
 * new window re-reads only files whose size or mtime changed. No storage
 * (no folder open): memory only. A damaged file means a cold start, said once
 * in the output channel; it is overwritten by the next save.
 */
export class LibraryIndexStore {
  readonly uri: vscode.Uri | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pending: (() => CacheEntry[]) | undefined;
  private saving: Promise<void> = Promise.resolve();

  constructor(
    private readonly storageUri: vscode.Uri | undefined,
    private readonly output: vscode.OutputChannel,
  ) {
    this.uri = storageUri && vscode.Uri.joinPath(storageUri, FILE_NAME);
  }

  async load(): Promise<CacheEntry[]> {
    if (!this.uri) {
      return [];
    }
    let text: string;
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(this.uri));
    } catch {
      return []; // never saved: a cold start
    }
    const loaded = decodeLibraryCache(text);
    if (loaded.problems.length > 0) {
      this.output.appendLine(`[${new Date().toISOString()}] The Library's stored index was partly unreadable (${loaded.problems.join('; ')}); those files are read again.`);
    }
    return loaded.entries;
  }

  /** Saves what `entries` returns a moment from now (a scan ends, files change in bursts). */
  saveSoon(entries: () => CacheEntry[]): void {
    this.pending = entries;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), SAVE_DELAY_MS);
  }

  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const entries = this.pending;
    this.pending = undefined;
    if (entries && this.uri && this.storageUri) {
      const target = this.uri;
      const folder = this.storageUri;
      this.saving = this.saving
        .then(async () => {
          await vscode.workspace.fs.createDirectory(folder);
          await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(JSON.stringify(encodeLibraryCache(entries()))));
        })
        .then(undefined, (error: unknown) => this.output.appendLine(`[${new Date().toISOString()}] Could not save the Library's index: ${String(error)}`));
    }
    return this.saving;
  }
}
