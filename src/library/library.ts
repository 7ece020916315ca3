import * as vscode from 'vscode';
import { decodePages, type TextPages } from '../core';
import { LibraryScanner, listingAny, Slicer, type FileStamp, type ReadCount } from '../core/library';
import { candidatesInCreatedFolders, listCandidates, relativeInFolder, rulesFor, watchPattern } from './candidates';
import { LibraryFileWatch, WATCH_DELAY_MS } from './fileWatch';
import type { HeadReader } from './headReader';
import { LibraryIndexStore } from './indexStore';
import { fileRead, type LibraryEntry, type LibraryFileRead, type ScanProgress, type ScanReport } from './types';

export type { LibraryEntry, LibraryFileRead, ReadCount, ScanProgress, ScanReport } from './types';

const CHANGE_EVENT_MS = 250;

/**
 * Every digest file in the workspace folders, found by content, newest
 * first, kept current by a file system watcher and stored in the workspace
 * storage so that reopening VS Code re-reads only what changed.
 *
 * Lazy: nothing is read until something needs the Library (its view is
 * shown, a digest is opened, a search lists the files: `whenScanned`).
 * The scan itself is LibraryScanner (src/core/library), in slices that yield.
 */
export class Library implements vscode.Disposable {
  private readonly scanner: LibraryScanner<vscode.Uri>;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly fileRead = new vscode.EventEmitter<LibraryFileRead>();
  /** Fired whenever a digest's full text was read to (re)index it. */
  readonly onDidReadFile = this.fileRead.event;
  private readonly fileRemoved = new vscode.EventEmitter<vscode.Uri>();
  /** Fired when a digest left the Library (deleted, excluded, no longer a digest). */
  readonly onDidRemoveFile = this.fileRemoved.event;
  private readonly progressed = new vscode.EventEmitter<ScanProgress | undefined>();
  /** The running scan's progress; undefined when it ends. */
  readonly onDidProgress = this.progressed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed, this.fileRead, this.fileRemoved, this.progressed];
  private readonly store: LibraryIndexStore;
  private readonly files: LibraryFileWatch;
  private startup: Promise<void> | undefined;
  private firstScan: Promise<void> | undefined;
  private scan: { promise: Promise<void>; cancel: vscode.CancellationTokenSource } | undefined;
  private lastChangeEvent = 0;
  private changeTimer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;
  lastScan: ScanReport | undefined;
  progress: ScanProgress | undefined;

  constructor(
    storageUri: vscode.Uri | undefined,
    private readonly heads: HeadReader,
    private readonly output: vscode.OutputChannel,
  ) {
    this.store = new LibraryIndexStore(storageUri, output);
    this.files = new LibraryFileWatch((uris, deleted, created) => this.updateFiles(uris, deleted, created), output);
    this.scanner = new LibraryScanner<vscode.Uri>(
      { list: (token) => listCandidates((folder) => this.digestNamesOnly(folder), token as vscode.CancellationToken), readHead: (uri, bytes) => heads.read(uri, bytes), readWhole: (uri) => Promise.resolve(vscode.workspace.fs.readFile(uri)), fileOf: (key) => vscode.Uri.parse(key, true) },
      {
        read: (uri, pages) => {
          this.files.wasRead(uri);
          this.fileRead.fire(fileRead(uri, pages));
        },
        removed: (uri) => this.fileRemoved.fire(uri),
        changed: (now) => this.fireChange(now),
        progress: (progress) => this.setProgress(progress),
        unreadable: (uri) => this.files.retryLater(uri),
      },
    );
  }

  /** Where the index is stored (undefined: no workspace storage, memory only). */
  get cacheUri(): vscode.Uri | undefined {
    return this.store.uri;
  }

  /** Whether anything asked for the Library yet (until then nothing is read). */
  get started(): boolean {
    return this.startup !== undefined;
  }

  /** What the Library read in this session, all told (its own reads and the texts it gave the search). */
  get reads(): Readonly<ReadCount> {
    return { ...this.scanner.reads };
  }

  /**
   * True when some workspace folder can only be read whole (a virtual
   * workspace, VS Code for the Web): there only files named like digests, and
   * those `digestReader.library.include` names, are looked at.
   */
  get limitedToDigestNames(): boolean {
    return (vscode.workspace.workspaceFolders ?? []).some((folder) => this.digestNamesOnly(folder));
  }

  private digestNamesOnly(folder: vscode.WorkspaceFolder | undefined): boolean {
    return folder !== undefined && !this.heads.readsHeadOnly(folder.uri);
  }

  /**
   * Starts the Library if nothing has yet (the stored index, the watcher, a
   * scan), and resolves when it is idle: what needs every digest calls this.
   */
  async whenScanned(): Promise<void> {
    this.firstScan ??= this.rescan();
    await this.firstScan;
    await this.whenIdle();
  }

  private ensureStarted(): Promise<void> {
    this.startup ??= this.start();
    return this.startup;
  }

  private async start(): Promise<void> {
    this.setProgress({ done: 0, total: 0 }); // the view says it is looking, from the first moment
    await this.loadStored();
    this.watchFiles();
    this.disposables.push(this.watchWorkspace());
  }

  entries(): LibraryEntry[] {
    return this.scanner.digests().map((known) => ({ uri: known.file, size: known.size, mtime: known.mtime, summary: known.summary as LibraryEntry['summary'], fromCache: known.fromCache }));
  }

  /** The rows of the Library: its digests, and the new ones the first scan knows from their heads so far. */
  listedEntries(): LibraryEntry[] {
    const fromHeads = this.scanner.headsOnly().map((known) => ({ uri: known.file, size: known.size, mtime: known.mtime, summary: known.fromHead as LibraryEntry['summary'], fromCache: false, headOnly: true }));
    return [...this.entries(), ...fromHeads];
  }

  /** Files that list these papers: one per paper, as few as cover them (the Library as known now, scanned or not). */
  filesListing(keys: readonly string[]): vscode.Uri[] {
    return listingAny(this.entries(), (entry) => entry.summary.keys, keys, { cover: true }).map((entry) => entry.uri);
  }

  get indexing(): boolean {
    return this.scan !== undefined;
  }

  /** A digest's text in pages, decoded in slices that yield (a huge digest is never one string: see TextPages). */
  async readPages(uri: vscode.Uri): Promise<TextPages> {
    const bytes = await vscode.workspace.fs.readFile(uri);
    this.scanner.count(bytes.byteLength, true);
    return new Slicer().run(decodePages(bytes));
  }

  /** A digest's text as one string (tests and small files; `readPages` for anything that may be huge). */
  async readText(uri: vscode.Uri): Promise<string> {
    return (await this.readPages(uri)).join('');
  }

  /**
   * Scans the workspace again (a running scan is cancelled first; a Library
   * not started yet starts). With `fromStoredCache`, forgets what it knows
   * and starts from the stored index, as a new window does.
   */
  async rescan(options: { fromStoredCache?: boolean } = {}): Promise<void> {
    await this.ensureStarted();
    const previous = this.scan;
    previous?.cancel.cancel();
    await previous?.promise;
    if (options.fromStoredCache) {
      await this.store.flush();
      this.scanner.clear();
      await this.loadStored();
    }
    const cancel = new vscode.CancellationTokenSource();
    const promise = this.runScan(cancel.token).finally(() => {
      cancel.dispose();
      if (this.scan?.cancel === cancel) {
        this.scan = undefined;
      }
    });
    this.scan = { promise, cancel };
    return promise;
  }

  /** Writes the index's pending save now, so what the next window reads is known (tests). */
  saveIndexNow(): Promise<void> {
    return this.store.flush();
  }

  /** Cancels the running scan, if any (what the progress notification's Cancel does). */
  cancelScan(): void {
    this.scan?.cancel.cancel();
  }

  /** Resolves when no scan is running and the watcher's work is done (starts nothing). */
  async whenIdle(): Promise<void> {
    while (this.scan || this.files.busy) {
      await this.scan?.promise;
      await new Promise((resolve) => setTimeout(resolve, WATCH_DELAY_MS));
      await this.files.idle;
    }
    await this.files.idle;
  }

  private async loadStored(): Promise<void> {
    await this.scanner.restore(await this.store.load());
  }

  private async runScan(token: vscode.CancellationToken): Promise<void> {
    try {
      this.lastScan = await this.scanner.scan(token);
    } catch (error) {
      this.setProgress(undefined);
      this.output.appendLine(`[${new Date().toISOString()}] The Library could not scan the workspace: ${String(error)}`);
    }
    this.saveSoon();
  }

  /** Rescans when the folders or the settings that choose the files change. */
  private watchWorkspace(): vscode.Disposable {
    const rescan = () => void this.rescan();
    return vscode.Disposable.from(
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        this.watchFiles();
        rescan();
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('digestReader.library.include') || event.affectsConfiguration('files.exclude') || event.affectsConfiguration('search.exclude')) {
          this.watchFiles(); // its pattern follows the include setting
          rescan();
        }
      }),
    );
  }

  private watchFiles(): void {
    this.files.watch(watchPattern((folder) => this.digestNamesOnly(folder)));
  }

  /** A created, changed or deleted file (or folder): indexed again, or forgotten. */
  private async updateFiles(named: readonly vscode.Uri[], deleted: ReadonlySet<string>, created: readonly vscode.Uri[]): Promise<void> {
    const gone = new Set(deleted);
    const present: [vscode.Uri, vscode.FileStat][] = [];
    const moved = await candidatesInCreatedFolders(created, (folder) => this.digestNamesOnly(folder));
    const uris = new Map([...named, ...moved].map((uri) => [uri.toString(), uri]));
    for (const uri of uris.values()) {
      const stat = await Promise.resolve(vscode.workspace.fs.stat(uri)).then((found) => found, () => undefined);
      if (!stat || (stat.type & vscode.FileType.File) === 0) {
        gone.add(uri.toString());
      } else {
        present.push([uri, stat]);
      }
    }
    // Forgotten first: a folder deleted and made again at once (a checkout) has its new files' events in `uris`.
    for (const [uri] of present) {
      gone.delete(uri.toString()); // a save that replaces the file is a delete, then a create
    }
    let forgotten = this.scanner.forgetUnder(gone) > 0;
    const accepted: FileStamp<vscode.Uri>[] = [];
    for (const [uri, stat] of present) {
      const file: FileStamp<vscode.Uri> = { file: uri, key: uri.toString(), size: stat.size, mtime: stat.mtime };
      const where = relativeInFolder(uri);
      if (where && rulesFor(where.folder, this.digestNamesOnly(where.folder)).accepts(where.path)) {
        accepted.push(file);
      } else {
        forgotten = this.scanner.forget(file.key) || forgotten;
      }
    }
    if (accepted.length === 0 && !forgotten) {
      return; // no candidate in the burst (a build's output, say): nothing to redraw or to store
    }
    await this.scanner.update(accepted);
    this.fireChange(true);
    this.saveSoon();
  }

  private setProgress(progress: ScanProgress | undefined): void {
    this.progress = progress;
    this.progressed.fire(progress);
  }

  /** Change events at most every 250 ms while indexing (the view redraws on each); `now` sends one at once. */
  private fireChange(now: boolean): void {
    if (this.disposed) {
      return;
    }
    const wait = this.lastChangeEvent + CHANGE_EVENT_MS - Date.now();
    if (now || wait <= 0) {
      clearTimeout(this.changeTimer);
      this.changeTimer = undefined;
      this.lastChangeEvent = Date.now();
      this.changed.fire();
    } else if (this.changeTimer === undefined) {
      this.changeTimer = setTimeout(() => {
        this.changeTimer = undefined;
        this.fireChange(true);
      }, wait);
    }
  }

  private saveSoon(): void {
    this.store.saveSoon(() => this.scanner.cacheEntries());
  }

  dispose(): void {
    this.disposed = true;
    this.scan?.cancel.cancel();
    clearTimeout(this.changeTimer);
    this.files.dispose();
    void this.store.flush();
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
