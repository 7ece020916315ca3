import * as vscode from 'vscode';
import { parseDigest, type Digest } from '../core';
import { LibrarySearch } from '../core/search';
import type { SearchSource, SourceFile } from './source';

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
  readonly search = new LibrarySearch();
  private readonly subscriptions: vscode.Disposable[];
  /** Files listed but not indexed yet; undefined until listed. */
  private pending: vscode.Uri[] | undefined;
  private total = 0;
  /** Updates run one after another, so a file's old and new text never interleave. */
  private updates: Promise<void> = Promise.resolve();

  constructor(private readonly source: SearchSource, private readonly output?: vscode.OutputChannel) {
    this.subscriptions = [
      source.onDidReadFile((file) => this.queue(() => this.update(file))),
      source.onDidRemoveFile((uri) => this.queue(async () => this.search.removeFile(uri.toString()))),
    ];
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
      const files = await this.source.files();
      this.pending ??= [...files];
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
      if (text !== undefined && !this.search.has(uri.toString())) {
        await this.queue(() => this.update({ uri, text }, token));
      }
      if (!token.isCancellationRequested || this.search.has(uri.toString())) {
        pending.shift();
      }
    }
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
      this.search.removeFile(uri);
      return;
    }
    const steps = this.search.addFile({ uri, digest }, CHUNK);
    while (!steps.next().done) {
      await yieldToHost();
      if (token?.isCancellationRequested) {
        this.search.removeFile(uri);
        return;
      }
    }
  }

  dispose(): void {
    for (const subscription of this.subscriptions) {
      subscription.dispose();
    }
  }
}
