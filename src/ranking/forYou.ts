/**
 * Sort by "For you" in the Articles view: a toggle in the view's title,
 * remembered across windows and reloads. While on, the shown digest's
 * articles are scored by the worker; the tree orders each date's articles by
 * score, shows the score on the row, and says why in the tooltip. The view's
 * message says which model is in use and what it learned from.
 */
import * as vscode from 'vscode';
import type { Article, Digest } from '../core';
import { articleTerms, rankingText } from '../core/ranking';
import { setContext } from '../common/context';
import type { DigestDocuments, DigestEntry } from '../digests';
import type { RankingService } from './rankingService';
import type { ModelSummary, ScoredRow } from './worker/protocol';

const ENABLED_KEY = 'digestReader.forYou';

/** Why an article scored as it did, named from its own text. */
export interface RowWhy {
  up: string[];
  down: string[];
}

/** What the Articles view asks of the ranking (src/tree knows nothing more of it). */
export interface RowRanking {
  readonly enabled: boolean;
  /** The score an article of the shown digest has (0–1 as shown, raw to sort), if scored. */
  scoreOf(digest: Digest, article: Article): { shown: number; raw: number } | undefined;
  whyOf(digest: Digest, article: Article): RowWhy | undefined;
  /** One line for the view's message: the model in use and its examples, or how to start. */
  readonly note: string | undefined;
  readonly onDidChange: vscode.Event<void>;
}

/** "similarity to 3 starred papers", "learned from 6 starred, 2 not interested, 40 read": the view says which model ranks. */
export function describeModel(model: ModelSummary): string {
  switch (model.kind) {
    case 'none':
      return vscode.l10n.t('For you: star a paper you like (s), and the others are ranked by it.');
    case 'similar':
      return model.positives === 1
        ? vscode.l10n.t('For you: by similarity to 1 starred paper.')
        : vscode.l10n.t('For you: by similarity to {0} starred papers (from 5 stars and a paper read, a classifier learns).', model.positives);
    case 'learned':
      return model.negatives > 0
        ? vscode.l10n.t('For you: a classifier learned from {0} starred, {1} not interested and {2} read papers.', model.positives, model.negatives, model.weak)
        : vscode.l10n.t('For you: a classifier learned from {0} starred and {1} read papers.', model.positives, model.weak);
  }
}

export function percent(shown: number): string {
  return `${Math.round(shown * 100)}%`;
}

export class ForYou implements RowRanking, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private scored: { digest: Digest; rows: Map<number, ScoredRow>; positions: Map<Article, number> } | undefined;
  private model: ModelSummary | undefined;
  private request = 0;

  constructor(
    private readonly memento: vscode.Memento,
    private readonly documents: DigestDocuments,
    private readonly service: RankingService,
  ) {
    this.disposables.push(
      documents.onDidChangeActive((entry) => this.enabled && void this.score(entry)),
      service.onDidChange(() => this.enabled && void this.score(documents.active)),
    );
    void setContext('digestReader.forYou', this.enabled);
    if (this.enabled) {
      void this.score(documents.active);
    }
  }

  get enabled(): boolean {
    return this.memento.get<boolean>(ENABLED_KEY, false);
  }

  async setEnabled(enabled: boolean): Promise<void> {
    await this.memento.update(ENABLED_KEY, enabled);
    await setContext('digestReader.forYou', enabled);
    if (enabled) {
      await this.score(this.documents.active);
    } else {
      this.changed.fire();
    }
  }

  get note(): string | undefined {
    return this.enabled ? (this.model ? describeModel(this.model) : vscode.l10n.t('For you: reading the Library…')) : undefined;
  }

  /** Asks the worker for the digest's scores; a newer request makes an older answer moot. */
  private async score(entry: DigestEntry | undefined): Promise<void> {
    const request = ++this.request;
    if (!entry) {
      this.scored = undefined;
      this.changed.fire();
      return;
    }
    const { model, rows } = await this.service.scores(entry.document.uri, entry.document.getText());
    if (request !== this.request || entry.digest !== this.documents.active?.digest) {
      return;
    }
    this.model = model;
    this.scored = {
      digest: entry.digest,
      rows: new Map(rows.map((row) => [row.position, row])),
      positions: new Map(entry.digest.articles.map((article, position) => [article, position])),
    };
    this.changed.fire();
  }

  /** Resolves when the shown digest's scores are in (tests). */
  async whenScored(): Promise<void> {
    await this.service.whenIdle();
    await this.score(this.documents.active);
  }

  private rowOf(digest: Digest, article: Article): ScoredRow | undefined {
    const scored = this.scored;
    if (!this.enabled || !scored || scored.digest !== digest) {
      return undefined;
    }
    const position = scored.positions.get(article);
    return position === undefined ? undefined : scored.rows.get(position);
  }

  scoreOf(digest: Digest, article: Article): { shown: number; raw: number } | undefined {
    const row = this.rowOf(digest, article);
    return row && this.model?.kind !== 'none' ? { shown: row.shown, raw: row.raw } : undefined;
  }

  whyOf(digest: Digest, article: Article): RowWhy | undefined {
    const row = this.rowOf(digest, article);
    if (!row || (row.up.length === 0 && row.down.length === 0)) {
      return undefined;
    }
    const terms = articleTerms(rankingText(article));
    const name = (list: [number, number][]) => list.map(([feature]) => terms.get(feature)?.shown).filter((t): t is string => t !== undefined);
    return { up: name(row.up), down: name(row.down) };
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
