/**
 * "Easiest first", one order of the Articles view's sort choice (see
 * src/tree/sortChoice.ts): the lowest share of new words in the language
 * learned first; ties keep the digest's order, articles with no word in that
 * language come last. The shares are counted only in study mode, so outside
 * it this order has nothing to sort by and says so.
 */
import * as vscode from 'vscode';
import type { Article, Digest } from '../core';
import type { ArticleOrder } from '../tree/sortChoice';
import type { RowWordShares } from './wordShares';

export const EASIEST_FIRST = 'easiestFirst';

export class EasiestFirstOrder implements ArticleOrder {
  readonly id = EASIEST_FIRST;
  readonly label = vscode.l10n.t('Easiest first');
  readonly detail = vscode.l10n.t('Fewest new words in the language you learn first (study mode)');
  readonly onDidChange: vscode.Event<void>;

  constructor(private readonly shares: RowWordShares) {
    this.onDidChange = shares.onDidChange;
  }

  setActive(): void {
    // The shares are counted for the shown digest whatever the order: nothing to start or stop.
  }

  scoreOf(digest: Digest, article: Article): { value: number; shown?: string } | undefined {
    const share = this.shares.shareOf(digest, article);
    if (!share || share.words === 0) {
      return undefined;
    }
    // Higher first: the smaller the share of new words, then the fewer new words, the higher (the row leads with "N% new").
    return { value: -(share.newWords / share.words) - share.newWords * 1e-9, shown: vscode.l10n.t('{0}% new', share.percent) };
  }

  get note(): string | undefined {
    return vscode.workspace.getConfiguration('digestReader.panel').get<boolean>('studyMode', false)
      ? undefined
      : vscode.l10n.t('Easiest first counts the new words of the language you learn: turn on study mode to sort by them.');
  }
}
