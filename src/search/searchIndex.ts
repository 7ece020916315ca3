import * as vscode from 'vscode';
import { parseDigest, type Digest } from '../core';
import { SegmentedIndex, type SearchHit } from '../core/search';
import type { SegmentStore } from './segmentStore';
import { TaskClock } from './slices';
import type { SearchSource, SourceFile } from './source';

/** Articles held in builders before the largest is written as a segment: bounds the heap while a library is first indexed. */
const BUILDING_ARTICLES = 15_000;
/** A change is written this long after the last one (changes come in bursts). */
const WRITE_DELAY_MS = 2_000;

/** A text is kept when it parses as a digest: a header and at least one article. */
function digestOf(text: string): Digest | undefined {
  const digest = parseDigest(text);
  return digest.subject !== '' && digest.articles.length > 0 ? digest : undefined;
}

/** What the Quick Pick and the tests ask of the index. */
export interface SearchView {
  search(query: string, limit?: number): SearchHit[];
  readonly articleCount: number;
  readonly fileCount: number;
}

/**
 * The library's search index: nothing is loaded or held until the first
 * search (or the Library view is shown). Then the stored segments are read,
 * files whose stamp changed are indexed, and changes the Library reports
 * are followed. All work on the extension host's thread runs in steps of a
 * few milliseconds with turns of the event loop between them, each timed
 * (TaskClock); searches answer from what is indexed so far.
 */
export class SearchIndex implements vscode.Disposable {
  private readonly index = new SegmentedIndex();
  private readonly subscriptions: vscode.Disposable[];
  private started: Promise<void> | undefined;
  /** Listed files not indexed yet; undefined until listed. */
  private pending: vscode.Uri[] | undefined;
  private total = 0;
  private building = false;
  /** Changes run one after another, so a file's old and new text never interleave. */
  private updates: Promise<void> = Promise.resolve();
  private writeTimer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;
  readonly clock: TaskClock;

  constructor(
    private readonly source: SearchSource,
    private readonly output?: vscode.OutputChannel,
    private readonly store?: SegmentStore,
    clock?: TaskClock,
  ) {
    this.clock = clock ?? new TaskClock(output);
    this.subscriptions = [
      source.onDidReadFile((file) => this.started && void this.queue(() => this.update(file))),
      source.onDidRemoveFile((uri) => this.started && void this.queue(async () => this.remove(uri.toString()))),
    ];
  }

  /** Whether anything was loaded or indexed yet (nothing is before the first search). */
  get isStarted(): boolean {
    return this.started !== undefined;
  }

  /** The index as it is now, each search timed. */
  get search(): SearchView {
    const index = this.index;
    const clock = this.clock;
    return {
      search: (query, limit) => clock.time('search', () => index.search(query, limit)),
      get articleCount() {
        return index.articleCount;
      },
      get fileCount() {
        return index.fileCount;
      },
    };
  }

  /** Where the segments are stored between sessions (tests). */
  get storedUri(): vscode.Uri | undefined {
    return this.store?.folder;
  }

  /** Whether every listed file is indexed. */
  get complete(): boolean {
    return this.pending !== undefined && this.pending.length === 0 && !this.building;
  }

  /** Files indexed of those listed, while a build runs. */
  get progress(): { done: number; total: number } | undefined {
    return this.pending && this.building ? { done: this.total - this.pending.length, total: this.total } : undefined;
  }

  /** Reads the stored segments, once: the first search (or the Library view) calls it. */
  start(): Promise<void> {
    this.started ??= this.queue(async () => {
      if (!this.store) {
        return;
      }
      await this.store.removeLegacy();
      for (const key of await this.store.keys()) {
        const bytes = await this.store.read(key);
        if (this.disposed) {
          return;
        }
        if (!bytes || !(await this.clock.run('load', this.index.addStored(key, bytes)))) {
          await this.store.discard(key);
        }
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
    });
    return this.started;
  }

  /**
   * Indexes what is not indexed yet; `progress` hears (files done, files in
   * all). Resolves true when complete, false when cancelled. One build runs
   * at a time: a second caller joins it, and it stops only when every
   * caller cancelled.
   */
  build(progress: (done: number, total: number) => void, token: vscode.CancellationToken): Promise<boolean> {
    const caller = { progress, token };
    this.callers.add(caller);
    this.running ??= this.runBuild().finally(() => {
      this.running = undefined;
      this.callers.clear();
    });
    return this.running.then((done) => done && !token.isCancellationRequested);
  }

  private readonly callers = new Set<{ progress: (done: number, total: number) => void; token: vscode.CancellationToken }>();
  private running: Promise<boolean> | undefined;

  private get cancelled(): boolean {
    return this.disposed || [...this.callers].every((caller) => caller.token.isCancellationRequested);
  }

  private tell(done: number, total: number): void {
    for (const caller of this.callers) {
      caller.progress(done, total);
    }
  }

  private async runBuild(): Promise<boolean> {
    await this.start();
    this.building = true;
    const isCancelled = () => this.cancelled;
    try {
      if (!this.pending) {
        await this.updates;
        const files = await this.source.files();
        const listed = new Set(files.map((uri) => uri.toString()));
        // Stored files the source no longer has go; listed ones whose stamp changed are read again.
        for (const uri of this.index.fileUris()) {
          if (!listed.has(uri)) {
            await this.queue(async () => this.remove(uri));
          }
        }
        this.pending ??= files.filter((uri) => this.index.stampOf(uri.toString()) !== this.source.stampOf(uri));
        this.total = this.pending.length;
      }
      const pending = this.pending;
      while (pending.length > 0) {
        if (isCancelled()) {
          return false;
        }
        this.tell(this.total - pending.length, this.total);
        const uri = pending[0];
        const text = await this.source.read(uri).then(undefined, () => undefined);
        if (text !== undefined && this.index.stampOf(uri.toString()) !== this.source.stampOf(uri)) {
          await this.queue(() => this.update({ uri, text }, isCancelled));
        }
        if (!isCancelled() || this.index.stampOf(uri.toString()) !== undefined) {
          pending.shift();
        }
      }
      this.tell(this.total, this.total);
      await this.queue(() => this.writeChanged());
      return true;
    } finally {
      this.building = false;
    }
  }

  /** Writes every change now (deactivation, tests). */
  async flush(): Promise<void> {
    clearTimeout(this.writeTimer);
    await this.queue(() => this.writeChanged());
    await this.store?.flushed();
  }

  private queue(update: () => Promise<void>): Promise<void> {
    this.updates = this.updates.then(update).catch((error: unknown) => this.output?.appendLine(`[${new Date().toISOString()}] Search index: ${String(error)}`));
    return this.updates;
  }

  /** (Re)indexes one file in steps; a cancelled file is left out whole. */
  private async update(file: SourceFile, cancelled?: () => boolean): Promise<void> {
    const uri = file.uri.toString();
    const digest = this.clock.time('index', () => digestOf(file.text));
    if (!digest) {
      this.remove(uri);
      return;
    }
    const stamp = this.source.stampOf(file.uri) ?? '';
    await this.clock.run('index', this.index.addFile({ uri, digest, stamp }));
    if (cancelled?.()) {
      this.remove(uri);
      return;
    }
    // The Library may read a whole library while the index follows it: months are written as they fill the heap.
    if (this.index.buildingArticles > BUILDING_ARTICLES) {
      await this.writeChanged(1);
    }
    this.writeSoon();
  }

  private remove(uri: string): void {
    if (this.index.stampOf(uri) !== undefined) {
      this.index.removeFile(uri);
      this.writeSoon();
    }
  }

  private writeSoon(): void {
    if (this.building) {
      return; // a build writes when it ends
    }
    clearTimeout(this.writeTimer);
    this.writeTimer = setTimeout(() => void this.queue(() => this.writeChanged()), WRITE_DELAY_MS);
  }

  /** Writes changed months (at most `limit`, the largest builders first): each a segment in steps, then its file. */
  private async writeChanged(limit = Infinity): Promise<void> {
    for (const key of this.index.changedKeys().slice(0, limit)) {
      const phase = this.index.isBuilding(key) ? 'save' : 'compact';
      const bytes = await this.clock.run(phase, this.index.write(key));
      await this.store?.write(key, bytes);
    }
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.writeTimer);
    for (const subscription of this.subscriptions) {
      subscription.dispose();
    }
  }
}
