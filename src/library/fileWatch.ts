import * as vscode from 'vscode';
import { BurstSchedule } from '../core/library/bursts';

/** File events come in bursts (a save is several): handled together this long after the first. */
export const WATCH_DELAY_MS = 150;
/** When a file that could not be read is tried again (a network blip in VS Code for the Web passes). */
const RETRY_DELAYS_MS = [1_000, 5_000, 30_000];

/**
 * What the Library does with a burst of file events: `uris` the files its pattern names, created, changed or
 * deleted; `deleted` and `created` every other path deleted or created (folders among them: their files have no events).
 */
export type FilesChanged = (uris: readonly vscode.Uri[], deleted: ReadonlySet<string>, created: readonly vscode.Uri[]) => Promise<void>;

/**
 * The Library's watch on the workspace's files: created, changed and
 * deleted files in bursts, deleted folders (one event each, with none for
 * the files in them), and files that could not be read, tried again a few
 * times. Each burst is handed over once the one before it is done.
 */
export class LibraryFileWatch implements vscode.Disposable {
  private watcher: vscode.Disposable | undefined;
  private readonly pending = new Map<string, vscode.Uri>();
  private deletedFolders = new Set<string>();
  private createdPaths = new Map<string, vscode.Uri>();
  /** Files that could not be read, by how many times they were tried again. */
  private readonly retries = new Map<string, number>();
  private readonly bursts = new BurstSchedule(
    () => this.handleBurst(),
    () => this.pending.size > 0 || this.deletedFolders.size > 0 || this.createdPaths.size > 0,
    WATCH_DELAY_MS,
  );
  private disposed = false;

  constructor(
    private readonly changed: FilesChanged,
    private readonly output: vscode.OutputChannel,
  ) {}

  /** Watches the files `pattern` names (it follows the include setting), and every deleted folder. */
  watch(pattern: string): void {
    this.watcher?.dispose();
    const files = vscode.workspace.createFileSystemWatcher(pattern);
    files.onDidCreate((uri) => this.soon(uri));
    files.onDidChange((uri) => this.soon(uri));
    files.onDidDelete((uri) => this.soon(uri));
    // The pattern names files: a folder of digests deleted, or moved in whole, matches it not (one event, for
    // the folder), and its digests would stay listed, or never be.
    const folders = vscode.workspace.createFileSystemWatcher('**/*', false, true, false);
    folders.onDidDelete((uri) => {
      this.deletedFolders.add(uri.toString());
      this.soon(undefined);
    });
    folders.onDidCreate((uri) => {
      this.createdPaths.set(uri.toString(), uri);
      this.soon(undefined);
    });
    this.watcher = vscode.Disposable.from(files, folders);
  }

  /** Events wait, or are being handled. */
  get busy(): boolean {
    return this.bursts.busy;
  }

  /** Resolves when the burst being handled is done. */
  get idle(): Promise<void> {
    return this.bursts.idle;
  }

  /** The file was read: it is no longer tried again. */
  wasRead(uri: vscode.Uri): void {
    this.retries.delete(uri.toString());
  }

  /** A file that could not be read is read again a little later, a few times (then at the next scan or change). */
  retryLater(uri: vscode.Uri): void {
    const key = uri.toString();
    const attempt = this.retries.get(key) ?? 0;
    this.output.appendLine(`[${new Date().toISOString()}] The Library could not read ${key}${attempt < RETRY_DELAYS_MS.length ? `; trying again in ${RETRY_DELAYS_MS[attempt] / 1000} s` : ''}.`);
    if (attempt >= RETRY_DELAYS_MS.length || this.disposed) {
      this.retries.delete(key);
      return;
    }
    this.retries.set(key, attempt + 1);
    setTimeout(() => {
      if (!this.disposed) {
        this.soon(uri);
      }
    }, RETRY_DELAYS_MS[attempt]);
  }

  private soon(uri: vscode.Uri | undefined): void {
    if (uri) {
      this.pending.set(uri.toString(), uri);
    }
    this.bursts.poke();
  }

  /** Takes the events gathered so far and hands them to the Library. */
  private async handleBurst(): Promise<void> {
    const uris = [...this.pending.values()];
    const named = new Set(this.pending.keys());
    this.pending.clear();
    const deletedFolders = this.deletedFolders;
    this.deletedFolders = new Set();
    // A created path the files' pattern names is one of `uris` already.
    const created = [...this.createdPaths.entries()].filter(([key]) => !named.has(key)).map(([, uri]) => uri);
    this.createdPaths = new Map();
    try {
      await this.changed(uris, deletedFolders, created);
    } catch (error) {
      this.output.appendLine(`[${new Date().toISOString()}] The Library could not update ${uris.length} changed files: ${String(error)}`);
    }
  }

  dispose(): void {
    this.disposed = true;
    this.bursts.dispose();
    this.watcher?.dispose();
  }
}
