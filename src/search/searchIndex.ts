import * as vscode from 'vscode';
import { parseDigest, type Digest } from '../core';
import { LibrarySearch } from '../core/search';
import type { SearchSource, SourceFile } from './source';
import type { SearchIndexStore } from './searchStore';

/** Articles indexed between two yields to the extension host's event loop. */
const CHUNK = 200;

const yieldToHost = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** A text is kept when it parses as a digest: a header and at least one article. */
function digestOf(text: string): Digest | undefined {
  const digest = parseDigest(text);
  return digest.subject !== '' && digest.articles.length > 0 ? digest : undefined;
}

/**
 * The library's search index, built on first use from a SearchSource, in
 * chunks that yield to the extension host, and kept up to date with the
 * source's events. A build that is cancelled keeps what it indexed and goes
 * on from there next time.
 */
export class SearchIndex implements vscode.Disposable {
  private current = new LibrarySearch();
  /** Each indexed file's stamp (size and mtime) when it was read: what a stored index is checked against. */
  private stamps = new Map<string, string>();
  private readonly subscriptions: vscode.Disposable[];
  /** Files listed but not indexed yet; undefined until listed. */
  private pending: vscode.Uri[] | undefined;
  private total = 0;
  /** Updates run one after another, so a file's old and new text never interleave. */
  private updates: Promise<void> = Promise.resolve();

  constructor(
    private readonly source: SearchSource,
    private readonly output?: vscode.OutputChannel,
    private readonly store?: SearchIndexStore,
  ) {
    // The stored index first: every change the source reports applies on top of it.
    if (store) {
      void this.queue(() => this.restore(store));
    }
    this.subscriptions = [
      source.onDidReadFile((file) => this.queue(() => this.update(file))),
      source.onDidRemoveFile((uri) => this.queue(async () => this.remove(uri.toString()))),
    ];
  }

  get search(): LibrarySearch {
    return this.current;
  }

  private async restore(store: SearchIndexStore): Promise<void> {
    const stored = await store.load();
    if (stored) {
      this.current = stored.search;
      this.stamps = stored.stamps;
    }
  }

  private remove(uri: string): void {
    this.current.removeFile(uri);
    this.stamps.delete(uri);
    this.changed();
  }

  private changed(): void {
    this.store?.saveSoon(() => ({ search: this.current, stamps: this.stamps }));
  }

  /** Where the index is stored between sessions (tests). */
  get storedUri(): vscode.Uri | undefined {
    return this.store?.uri;
  }

  /** Saves a pending change now (deactivation, tests). */
  flush(): Promise<void> {
    return this.store?.flush() ?? Promise.resolve();
  }

  /** Whether every listed file is indexed. */
  get complete(): boolean {
    return this.pending !== undefined && this.pending.length === 0;
  }

  /**
   * Indexes what is not indexed yet; `progress` hears (files done, files in
   * all). Resolves true when complete, false when cancelled.
   */
  async build(progress: (done: number, total: number) => void, token: vscode.CancellationToken): Promise<boolean> {
    if (!this.pending) {
      await this.updates; // the stored index is in
      const files = await this.source.files();
      const listed = new Set(files.map((uri) => uri.toString()));
      // Stored files the source no longer has go; listed ones whose stamp changed are read again.
      for (const uri of [...this.stamps.keys()]) {
        if (!listed.has(uri)) {
          await this.queue(async () => this.remove(uri));
        }
      }
      this.pending ??= files.filter((uri) => !this.current.has(uri.toString()) || this.stamps.get(uri.toString()) !== this.source.stampOf(uri));
      this.total = this.pending.length;
    }
    const pending = this.pending;
    while (pending.length > 0) {
      if (token.isCancellationRequested) {
        return false;
      }
      progress(this.total - pending.length, this.total);
      const uri = pending[0];
      const text = await this.source.read(uri).then(undefined, () => undefined);
      if (text !== undefined && (!this.current.has(uri.toString()) || this.stamps.get(uri.toString()) !== this.source.stampOf(uri))) {
        await this.queue(() => this.update({ uri, text }, token));
      }
      if (!token.isCancellationRequested || this.current.has(uri.toString())) {
        pending.shift();
      }
    }
    // Indexing goes quiet: the postings arena gives back its unused room.
    await this.queue(async () => this.current.pack());
    progress(this.total, this.total);
    return true;
  }

  private queue(update: () => Promise<void>): Promise<void> {
    this.updates = this.updates.then(update).catch((error: unknown) => this.output?.appendLine(`Search index: ${String(error)}`));
    return this.updates;
  }

  /** (Re)indexes one file, yielding between chunks; a cancelled file is left out whole. */
  private async update(file: SourceFile, token?: vscode.CancellationToken): Promise<void> {
    const uri = file.uri.toString();
    const digest = digestOf(file.text);
    if (!digest) {
      this.remove(uri);
      return;
    }
    const stamp = this.source.stampOf(file.uri);
    const steps = this.current.addFile({ uri, digest }, CHUNK);
    while (!steps.next().done) {
      await yieldToHost();
      if (token?.isCancellationRequested) {
        this.remove(uri);
        return;
      }
    }
    this.stamps.set(uri, stamp ?? '');
    this.changed();
  }

  dispose(): void {
    for (const subscription of this.subscriptions) {
      subscription.dispose();
    }
  }
}
