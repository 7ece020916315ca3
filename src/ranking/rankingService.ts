/**
 * The extension's side of the ranking: starts the worker when "For you" or
 * More like this is first used, gives it every digest of the Library (and
 * each one the Library reads or drops later), trains it again when the
 * user's stars or "not interested" marks change, and asks it for scores and
 * similar papers. Nothing heavier than reading files and posting messages
 * runs on the extension host.
 */
import * as vscode from 'vscode';
import type { ArticleText } from '../core/ranking';
import type { LibraryLike } from '../search/source';
import type { FeatureStore } from './featureStore';
import type { LabelSource } from './labels';
import { RankingWorkerClient } from './workerClient';
import type { Explained, InboxRow, ModelSummary, ScoredRow, SimilarRow } from './worker/protocol';

const RETRAIN_DELAY_MS = 300;

function stampOf(entry: { size: number; mtime: number }): string {
  return `${entry.size}:${entry.mtime}`;
}

export class RankingService implements vscode.Disposable {
  private readonly client: RankingWorkerClient;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fired when the model changed (trained again, or the library it ranks with grew). */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];
  private started: Promise<void> | undefined;
  /** Library files already given to the worker, by uri. */
  private readonly fed = new Set<string>();
  private updates: Promise<unknown> = Promise.resolve();
  private retrainTimer: ReturnType<typeof setTimeout> | undefined;
  private trainedMarks = '';
  private training: Promise<void> | undefined;
  summary: ModelSummary = { kind: 'none', positives: 0, negatives: 0, weak: 0, papers: 0 };
  /** Digests whose features came from the store at this window's start (tests). */
  loadedFromStore = 0;

  constructor(
    extensionUri: vscode.Uri,
    private readonly library: LibraryLike & { readonly onDidChange: vscode.Event<void> },
    private readonly labels: LabelSource,
    private readonly output: vscode.OutputChannel,
    private readonly store?: FeatureStore,
  ) {
    this.client = new RankingWorkerClient(extensionUri, output);
    this.disposables.push(this.client, this.changed);
  }

  /** Starts the worker and gives it the Library (once); resolves when every digest listed now is in and a model trained. */
  start(): Promise<void> {
    this.started ??= this.feedLibrary();
    return this.started;
  }

  get isStarted(): boolean {
    return this.started !== undefined;
  }

  private async feedLibrary(): Promise<void> {
    this.disposables.push(
      this.library.onDidReadFile((file) => this.queue(async () => {
        this.fed.add(file.uri.toString());
        await this.feedText(file.uri, file.pages.join(''));
        this.retrainSoon(true);
      })),
      this.library.onDidRemoveFile((uri) => this.queue(async () => {
        this.fed.delete(uri.toString());
        await this.client.request({ type: 'remove', uri: uri.toString() });
        await this.store?.remove(uri.toString());
        this.retrainSoon(true);
      })),
      this.labels.onDidChange(() => this.retrainSoon(false)),
      // After a scan: digests listed from the Library's stored index are never read again, so they are never announced.
      this.library.onDidChange(() => void this.sync().then((changed) => changed && this.retrainSoon(true))),
    );
    await this.library.whenScanned(); // starts the lazy Library if nothing has yet
    await this.sync();
    await this.train();
  }

  /**
   * Gives the worker every digest the Library lists and it does not have yet
   * (a stored segment when the file is unchanged, else the text), and drops
   * those the Library no longer lists. True when anything changed.
   */
  private async sync(): Promise<boolean> {
    const listed = new Map(this.library.entries().map((entry) => [entry.uri.toString(), entry]));
    let changed = false;
    for (const uri of [...this.fed]) {
      if (!listed.has(uri)) {
        changed = true;
        this.fed.delete(uri);
        await this.queue(() => this.client.request({ type: 'remove', uri }));
      }
    }
    for (const [uri, entry] of listed) {
      if (this.fed.has(uri)) {
        continue;
      }
      changed = true;
      await this.queue(async () => {
        // A stored segment of the same size and mtime spares reading and parsing the digest.
        const stored = await this.store?.load(uri, stampOf(entry));
        if (stored && !this.fed.has(uri)) {
          const answer = await this.client.request({ type: 'segment', uri, bytes: stored });
          if (answer.type === 'done') {
            this.fed.add(uri);
            this.loadedFromStore++;
            return;
          }
        }
        const text = await this.library.readPages(entry.uri).then((pages) => pages.join(''), () => undefined);
        if (text !== undefined && !this.fed.has(uri)) {
          this.fed.add(uri);
          await this.feedText(entry.uri, text);
        }
      });
    }
    return changed;
  }

  /** Gives the worker a digest's text, and stores the segment it built. */
  private async feedText(uri: vscode.Uri, text: string): Promise<void> {
    const answer = await this.client.request({ type: 'file', uri: uri.toString(), text });
    const entry = this.library.entries().find((e) => e.uri.toString() === uri.toString());
    if (answer.type === 'done' && answer.bytes && entry) {
      await this.store?.save(uri.toString(), stampOf(entry), answer.bytes);
    }
  }

  private queue<T>(update: () => Promise<T>): Promise<T | undefined> {
    const run = this.updates.then(update).catch((error: unknown) => {
      this.output.appendLine(`Ranking: ${String(error)}`);
      return undefined;
    });
    this.updates = run;
    return run;
  }

  /** The marks as trained: stars and "not interested" (reading alone does not retrain, so rows do not move while a user reads). */
  private marksSignature(): string {
    const labels = this.labels.labels();
    return `${labels.starred.sort().join(',')}|${labels.notInterested.sort().join(',')}`;
  }

  private retrainSoon(libraryChanged: boolean): void {
    if (!libraryChanged && this.marksSignature() === this.trainedMarks) {
      return;
    }
    clearTimeout(this.retrainTimer);
    this.retrainTimer = setTimeout(() => {
      this.retrainTimer = undefined;
      void this.train();
    }, RETRAIN_DELAY_MS);
  }

  /** Trains from the marks as they are now; resolves when the model is in use. */
  train(): Promise<void> {
    const run = async () => {
      await this.updates;
      const labels = this.labels.labels();
      this.trainedMarks = this.marksSignature();
      const response = await this.client.request({ type: 'train', ...labels });
      if (response.type === 'model') {
        this.summary = response.model;
        this.changed.fire();
      } else if (response.type === 'error') {
        this.output.appendLine(`Ranking: training failed: ${response.message}`);
      }
    };
    this.training = (this.training ?? Promise.resolve()).then(run, run);
    return this.training;
  }

  /** Resolves when no file is being given to the worker and no training is pending (tests). */
  async whenIdle(): Promise<void> {
    await this.started;
    while (this.retrainTimer !== undefined) {
      await new Promise((resolve) => setTimeout(resolve, RETRAIN_DELAY_MS));
    }
    await this.updates;
    await this.training;
  }

  /** Scores of a digest's articles (by position); `text` for a digest the Library does not have. */
  async scores(uri: vscode.Uri, text?: string): Promise<{ model: ModelSummary; rows: ScoredRow[] }> {
    await this.start();
    await this.training;
    const response = await this.client.request({ type: 'score', uri: uri.toString(), text: this.fed.has(uri.toString()) ? undefined : text });
    return response.type === 'scores' ? { model: response.model, rows: response.rows } : { model: this.summary, rows: [] };
  }

  /** Every paper of the Library's recent digests (one row per paper), with scores when a model ranks. */
  async inbox(days: number): Promise<{ model: ModelSummary; rows: InboxRow[]; newest?: string; oldest?: string }> {
    await this.start();
    await this.training;
    const response = await this.client.request({ type: 'inbox', days });
    return response.type === 'inbox' ? response : { model: this.summary, rows: [] };
  }

  /** One paper's score and why under the model in use (undefined while none ranks); starts nothing. */
  async explain(key: string, article: ArticleText): Promise<Explained | undefined> {
    if (!this.started) {
      return undefined;
    }
    await this.training;
    const response = await this.client.request({ type: 'explain', key, article: { title: article.title, abstract: article.abstract, authors: [...article.authors] } });
    return response.type === 'explained' ? response.row : undefined;
  }

  /** The papers of the whole Library most like one paper (by its key when the Library has it, else by its text). */
  async similar(key: string, article: ArticleText, limit = 20): Promise<SimilarRow[]> {
    await this.start();
    const response = await this.client.request({ type: 'similar', key, article: { title: article.title, abstract: article.abstract, authors: [...article.authors] }, limit });
    return response.type === 'similar' ? response.rows : [];
  }

  dispose(): void {
    clearTimeout(this.retrainTimer);
    for (const disposable of this.disposables) {
      disposable.dispose();
    }
  }
}
