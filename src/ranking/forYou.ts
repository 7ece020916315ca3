/**
 * "For you", an order of the Articles view (src/tree/sortChoice.ts): while it
 * is the view's order, the shown digest's articles are scored by the worker;
 * the tree orders by score, shows it on each row and says why in the
 * tooltip. The view's message says which model is in use and what it learned
 * from. The article panel asks it for any article's score and why (one
 * opened from the inbox, out of another digest, too) once the ranking runs.
 */
import * as vscode from 'vscode';
import { triageOf, type Article, type Digest } from '../core';
import { articleTerms, rankingText } from '../core/ranking';
import type { DigestDocuments, DigestEntry } from '../digests';
import type { ArticleOrder, RowWhy } from '../tree';
import type { RankingService } from './rankingService';
import type { Explained, ModelSummary, ScoredRow } from './worker/protocol';

export const FOR_YOU = 'forYou';

/** "similarity to 3 starred papers", "learned from 6 starred, 2 not interested, 40 read": the view says which model ranks. */
export function describeModel(model: ModelSummary): string {
  switch (model.kind) {
    case 'none':
      return vscode.l10n.t('For you: star a paper you like (s), and the others are ranked by it.');
    case 'similar': {
      if (model.positives === 0) {
        return model.negatives === 1
          ? vscode.l10n.t('For you: away from the 1 paper marked not interested (x). Star a paper you like (s) to rank by it.')
          : vscode.l10n.t('For you: away from the {0} papers marked not interested (x). Star a paper you like (s) to rank by it.', model.negatives);
      }
      const stars = model.positives === 1
        ? vscode.l10n.t('For you: by similarity to 1 starred paper.')
        : vscode.l10n.t('For you: by similarity to {0} starred papers (from 5 stars and a paper read, a classifier learns).', model.positives);
      const lowered = model.negatives === 0 ? ''
        : model.negatives === 1 ? vscode.l10n.t('Papers like the 1 marked not interested rank lower.') : vscode.l10n.t('Papers like the {0} marked not interested rank lower.', model.negatives);
      return [stars, lowered].filter(Boolean).join(' ');
    }
    case 'learned':
      return model.negatives > 0
        ? vscode.l10n.t('For you: a classifier learned from {0} starred, {1} not interested and {2} read papers.', model.positives, model.negatives, model.weak)
        : vscode.l10n.t('For you: a classifier learned from {0} starred and {1} read papers.', model.positives, model.weak);
  }
}

export function percent(shown: number): string {
  return `${Math.round(shown * 100)}%`;
}

/** What the article panel shows of an article's score: `87%` and the words and authors that raised and lowered it. */
export interface PanelWhy {
  score: string;
  up: string[];
  down: string[];
}

/** The features a score names, in the article's own words. */
function named(article: Article, row: Pick<Explained, 'up' | 'down'>): RowWhy {
  const terms = articleTerms(rankingText(article));
  const name = (list: [number, number][]) => list.map(([feature]) => terms.get(feature)?.shown).filter((t): t is string => t !== undefined);
  return { up: name(row.up), down: name(row.down) };
}

export class ForYou implements ArticleOrder, vscode.Disposable {
  readonly id = FOR_YOU;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Scores came in or went, or the model changed (the panel's why follows it even while another order is on). */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private scored: { digest: Digest; rows: Map<number, ScoredRow>; positions: Map<Article, number> } | undefined;
  private model: ModelSummary | undefined;
  private request = 0;
  private active = false;

  constructor(
    private readonly documents: DigestDocuments,
    private readonly service: RankingService,
  ) {
    this.disposables.push(
      documents.onDidChangeActive((entry) => this.active && void this.score(entry)),
      service.onDidChange(() => (this.active ? void this.score(documents.active) : this.changed.fire())),
    );
  }

  get label(): string {
    return vscode.l10n.t('For you');
  }

  get detail(): string {
    return vscode.l10n.t('By predicted interest, learned from your stars and "not interested" marks; the score on each row, and why');
  }

  /** Whether it is the Articles view's order now. */
  get enabled(): boolean {
    return this.active;
  }

  setActive(active: boolean): void {
    this.active = active;
    if (active) {
      void this.score(this.documents.active);
    } else {
      this.request++;
      this.scored = undefined;
      this.changed.fire();
    }
  }

  get note(): string | undefined {
    return this.active ? (this.model ? describeModel(this.model) : vscode.l10n.t('For you: reading the Library…')) : undefined;
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
    if (this.active) {
      await this.score(this.documents.active);
    }
  }

  private rowOf(digest: Digest, article: Article): ScoredRow | undefined {
    const scored = this.scored;
    if (!this.active || !scored || scored.digest !== digest) {
      return undefined;
    }
    const position = scored.positions.get(article);
    return position === undefined ? undefined : scored.rows.get(position);
  }

  scoreOf(digest: Digest, article: Article): { value: number; shown: string } | undefined {
    const row = this.rowOf(digest, article);
    return row && this.model?.kind !== 'none' ? { value: row.raw, shown: percent(row.shown) } : undefined;
  }

  whyOf(digest: Digest, article: Article): RowWhy | undefined {
    const row = this.rowOf(digest, article);
    if (!row || (row.up.length === 0 && row.down.length === 0)) {
      return undefined;
    }
    return named(article, row);
  }

  /**
   * The panel's line: the score and why of any article once the ranking runs (For you on, the inbox
   * open, More like this used); from the view's scores when it shows this digest, else from the worker.
   */
  async panelWhy(digest: Digest, article: Article): Promise<PanelWhy | undefined> {
    const row = this.rowOf(digest, article) ?? (this.service.isStarted ? await this.service.explain(triageOf(digest).keys.get(article) ?? '', rankingText(article)) : undefined);
    if (!row || this.service.summary.kind === 'none') {
      return undefined;
    }
    return { score: percent(row.shown), ...named(article, row) };
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
