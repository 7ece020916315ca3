import * as vscode from 'vscode';
import { HEAD_BYTES, looksLikeDigest, summarizeDigest, type DigestSummary } from '../core/library';
import { excludePattern, includePattern, isCandidate, statAll } from './candidates';
import type { HeadReader } from './headReader';
import { LibraryIndexStore } from './indexStore';
import type { Known, LibraryEntry, ScanProgress, ScanReport } from './types';

export type { LibraryEntry, ScanProgress, ScanReport } from './types';

/** Work between yields to the event loop: the extension host stays responsive. */
const SLICE_MS = 12;
const CHANGE_EVENT_MS = 250;
const WATCH_DELAY_MS = 150;

/**
 * Every digest file in the workspace folders, found by content, newest
 * first, kept current by a file system watcher and stored in the workspace
 * storage so that reopening VS Code re-reads only what changed.
 */
export class Library implements vscode.Disposable {
  private readonly known = new Map<string, Known>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly fileRead = new vscode.EventEmitter<{ uri: vscode.Uri; text: string }>();
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
  private scan: { promise: Promise<void>; cancel: vscode.CancellationTokenSource } | undefined;
  private lastChangeEvent = 0;
  private changeTimer: ReturnType<typeof setTimeout> | undefined;
  private watcher: vscode.FileSystemWatcher | undefined;
  private readonly watched = new Map<string, vscode.Uri>();
  private readonly inFlight = new Map<string, Promise<DigestSummary | undefined>>();
  private watchTimer: ReturnType<typeof setTimeout> | undefined;
  private watching: Promise<void> = Promise.resolve();
  private disposed = false;
  lastScan: ScanReport | undefined;
  progress: ScanProgress | undefined;

  constructor(
    storageUri: vscode.Uri | undefined,
    private readonly readHead: HeadReader,
    private readonly output: vscode.OutputChannel,
  ) {
    this.store = new LibraryIndexStore(storageUri, output);
  }

  /** Where the index is stored (undefined: no workspace storage, memory only). */
  get cacheUri(): vscode.Uri | undefined {
    return this.store.uri;
  }

  /** Lists what the stored index knows at once, then scans the workspace. */
  async start(): Promise<void> {
    await this.loadStored();
    this.watchFiles();
    this.disposables.push(this.watchWorkspace());
    return this.rescan();
  }

  entries(): LibraryEntry[] {
    const entries: LibraryEntry[] = [];
    for (const known of this.known.values()) {
      if (known.summary) {
        entries.push({ uri: known.uri, size: known.size, mtime: known.mtime, summary: known.summary, fromCache: known.fromCache });
      }
    }
    return entries;
  }

  get indexing(): boolean {
    return this.scan !== undefined;
  }

  async readText(uri: vscode.Uri): Promise<string> {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  }

  /**
   * Scans the workspace again (a running scan is cancelled first). With
   * `fromStoredCache`, forgets what it knows and starts from the stored
   * index, as a new window does.
   */
  async rescan(options: { fromStoredCache?: boolean } = {}): Promise<void> {
    const previous = this.scan;
    previous?.cancel.cancel();
    await previous?.promise;
    if (options.fromStoredCache) {
      await this.store.flush();
      this.known.clear();
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

  /** Cancels the running scan, if any (what the progress notification's Cancel does). */
  cancelScan(): void {
    this.scan?.cancel.cancel();
  }

  /** Resolves when no scan is running and the watcher's work is done. */
  async whenIdle(): Promise<void> {
    while (this.scan || this.watchTimer !== undefined) {
      await this.scan?.promise;
      await new Promise((resolve) => setTimeout(resolve, WATCH_DELAY_MS));
      await this.watching;
    }
    await this.watching;
  }

  private async loadStored(): Promise<void> {
    for (const entry of await this.store.load()) {
      this.known.set(entry.uri, { uri: vscode.Uri.parse(entry.uri), size: entry.size, mtime: entry.mtime, summary: entry.summary, fromCache: true });
    }
    if (this.known.size > 0) {
      this.fireChange(true);
    }
  }

  private async runScan(token: vscode.CancellationToken): Promise<void> {
    const started = Date.now();
    const report: ScanReport = { candidates: 0, read: 0, ms: 0, cancelled: false };
    const found = await vscode.workspace.findFiles(includePattern(), excludePattern(), undefined, token);
    const files = await statAll(found.filter((uri) => isCandidate(uri)), token);
    report.candidates = files.length;
    // Newest first: the digests a reader wants today are usable first.
    files.sort((a, b) => b.mtime - a.mtime || (a.uri.path < b.uri.path ? -1 : a.uri.path > b.uri.path ? 1 : 0));
    if (!token.isCancellationRequested) {
      this.forgetAllBut(new Set(files.map((file) => file.uri.toString())));
    }
    let sliceStart = Date.now();
    this.setProgress({ done: 0, total: files.length });
    for (let done = 0; done < files.length && !token.isCancellationRequested; done++) {
      const file = files[done];
      const known = this.known.get(file.uri.toString());
      if (!known || known.size !== file.size || known.mtime !== file.mtime) {
        report.read++;
        const summary = await this.index(file.uri, file.size, file.mtime);
        if (summary && report.firstListedMs === undefined) {
          report.firstListedMs = Date.now() - started;
          this.fireChange(true);
        }
        this.fireChange(false);
      }
      if (Date.now() - sliceStart >= SLICE_MS) {
        this.setProgress({ done: done + 1, total: files.length });
        await new Promise((resolve) => setTimeout(resolve, 0));
        sliceStart = Date.now();
      }
    }
    report.cancelled = token.isCancellationRequested;
    report.ms = Date.now() - started;
    this.lastScan = report;
    this.setProgress(undefined);
    this.fireChange(true);
    this.saveSoon();
  }

  /** Reads one file once, even when a scan and a watcher event ask for it at the same moment. */
  private index(uri: vscode.Uri, size: number, mtime: number): Promise<DigestSummary | undefined> {
    const version = `${size}:${mtime}:${uri.toString()}`;
    let reading = this.inFlight.get(version);
    if (!reading) {
      reading = this.readAndSummarize(uri, size, mtime).finally(() => this.inFlight.delete(version));
      this.inFlight.set(version, reading);
    }
    return reading;
  }

  /** Reads one file: its head first, the rest only when it is a digest. */
  private async readAndSummarize(uri: vscode.Uri, size: number, mtime: number): Promise<DigestSummary | undefined> {
    const key = uri.toString();
    let summary: DigestSummary | null = null;
    let text: string | undefined;
    try {
      const { head, whole } = await this.readHead(uri, HEAD_BYTES);
      if (looksLikeDigest(new TextDecoder().decode(head))) {
        text = new TextDecoder().decode(whole ?? (await vscode.workspace.fs.readFile(uri)));
        summary = summarizeDigest(text) ?? null;
      }
    } catch {
      summary = null; // unreadable now: tried again when it changes
    }
    const before = this.known.get(key);
    this.known.set(key, { uri, size, mtime, summary, fromCache: false });
    if (summary && text !== undefined) {
      this.fileRead.fire({ uri, text });
    } else if (before?.summary) {
      this.fileRemoved.fire(uri);
    }
    return summary ?? undefined;
  }

  private forgetAllBut(keep: ReadonlySet<string>): void {
    for (const [key, known] of [...this.known]) {
      if (!keep.has(key)) {
        this.forget(key, known);
      }
    }
  }

  private forget(key: string, known: Known): void {
    this.known.delete(key);
    if (known.summary) {
      this.fileRemoved.fire(known.uri);
      this.fireChange(false);
    }
  }

  /** Rescans when the folders or the settings that choose the files change. */
  private watchWorkspace(): vscode.Disposable {
    const rescan = () => void this.rescan();
    return vscode.Disposable.from(
      vscode.workspace.onDidChangeWorkspaceFolders(rescan),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('digestReader.library.include') || event.affectsConfiguration('files.exclude') || event.affectsConfiguration('search.exclude')) {
          this.watchFiles(); // its pattern follows the include setting
          rescan();
        }
      }),
    );
  }

  private watchFiles(): void {
    this.watcher?.dispose();
    const watcher = vscode.workspace.createFileSystemWatcher(includePattern());
    watcher.onDidCreate((uri) => this.watchSoon(uri));
    watcher.onDidChange((uri) => this.watchSoon(uri));
    watcher.onDidDelete((uri) => this.watchSoon(uri));
    this.watcher = watcher;
  }

  /** File events come in bursts (a save is several): handled together a moment later. */
  private watchSoon(uri: vscode.Uri): void {
    this.watched.set(uri.toString(), uri);
    if (this.watchTimer === undefined) {
      this.watchTimer = setTimeout(() => {
        const uris = [...this.watched.values()];
        this.watched.clear();
        this.watching = this.watching
          .then(() => this.updateFiles(uris))
          .then(undefined, (error: unknown) => this.output.appendLine(`[${new Date().toISOString()}] The Library could not update ${uris.length} changed files: ${String(error)}`))
          .finally(() => (this.watchTimer = undefined));
      }, WATCH_DELAY_MS);
    }
  }

  /** A created, changed or deleted file (or folder): indexed again, or forgotten. */
  private async updateFiles(uris: readonly vscode.Uri[]): Promise<void> {
    for (const uri of uris) {
      const stat = await Promise.resolve(vscode.workspace.fs.stat(uri)).then((found) => found, () => undefined);
      if (!stat || (stat.type & vscode.FileType.File) === 0) {
        this.forgetUnder(uri);
        continue;
      }
      const included = isCandidate(uri);
      const known = this.known.get(uri.toString());
      if (!included) {
        if (known) {
          this.forget(uri.toString(), known);
        }
      } else if (!known || known.size !== stat.size || known.mtime !== stat.mtime) {
        await this.index(uri, stat.size, stat.mtime);
        this.fireChange(true);
      }
    }
    this.fireChange(true);
    this.saveSoon();
  }

  /** A deleted file, or every file under a deleted folder. */
  private forgetUnder(uri: vscode.Uri): void {
    const key = uri.toString();
    const folderPrefix = key.endsWith('/') ? key : `${key}/`;
    for (const [candidate, known] of [...this.known]) {
      if (candidate === key || candidate.startsWith(folderPrefix)) {
        this.forget(candidate, known);
      }
    }
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
    this.store.saveSoon(() =>
      [...this.known.values()].map((known) => ({ uri: known.uri.toString(), size: known.size, mtime: known.mtime, summary: known.summary })),
    );
  }

  dispose(): void {
    this.disposed = true;
    this.scan?.cancel.cancel();
    clearTimeout(this.changeTimer);
    clearTimeout(this.watchTimer);
    this.watcher?.dispose();
    void this.store.flush();
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
