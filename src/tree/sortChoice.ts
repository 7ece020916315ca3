/**
 * The Articles view's order: ONE remembered choice, the setting
 * `digestReader.articles.sort` ("digest" or an order's id), and for a scored
 * order `digestReader.articles.sortAcrossDates` (each date's articles, or one
 * list of the whole digest). "Sort Articles by…" in the view's title picks
 * both at once in a Quick Pick.
 *
 * Orders other than the digest's are plugged in with `add`: the ranking adds
 * "For you"; a learner's "Easiest first" is one more `add` (and one more
 * value in the setting's enum in package.json). Nothing here knows how an
 * order scores.
 */
import * as vscode from 'vscode';
import type { Article, Digest } from '../core';
import { setContext } from '../common/context';

/** The digest's own order (by date, as the digest lists them): the setting's default. */
export const DIGEST_ORDER = 'digest';

/** Why an article scored as it did, named from its own text (the row's tooltip, the panel). */
export interface RowWhy {
  up: string[];
  down: string[];
}

/** An order of the Articles view besides the digest's. */
export interface ArticleOrder {
  /** The setting's value (also in package.json's enum), e.g. `forYou`. */
  readonly id: string;
  /** Its name in the Quick Pick, e.g. "For you". */
  readonly label: string;
  /** What it orders by, in a few words. */
  readonly detail: string;
  /** Told when it becomes the view's order, or stops being it: it may start (or stop) scoring then. */
  setActive(active: boolean): void;
  /** An article's score (higher first) and what its row shows (`87%`); undefined while not scored. */
  scoreOf(digest: Digest, article: Article): { value: number; shown?: string } | undefined;
  /** Why the article scored so, for its row's tooltip (named when the tooltip is shown). */
  whyOf?(digest: Digest, article: Article): RowWhy | undefined;
  /** A line for the view's message: what the order learned from, or how to start. */
  readonly note: string | undefined;
  /** Its scores or note changed. */
  readonly onDidChange: vscode.Event<void>;
}

/** Nodes by score, highest first; those not scored (yet) after them, each group in the order given (a stable sort). */
export function sortedBy<T>(nodes: readonly T[], scoreOf: (node: T) => number | undefined): T[] {
  const scores = new Map(nodes.map((node) => [node, scoreOf(node) ?? -Infinity]));
  return [...nodes].sort((a, b) => scores.get(b)! - scores.get(a)!);
}

function settings(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration('digestReader.articles');
}

interface SortItem extends vscode.QuickPickItem {
  id: string;
  acrossDates: boolean;
}

export class SortChoice implements vscode.Disposable {
  private readonly orders: ArticleOrder[] = [];
  private readonly changed = new vscode.EventEmitter<void>();
  /** The order or its scope changed, or the active order's scores did. */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private current: ArticleOrder | undefined;
  private across = false;

  constructor() {
    this.disposables.push(vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('digestReader.articles.sort') || event.affectsConfiguration('digestReader.articles.sortAcrossDates')) {
        this.follow();
      }
    }));
    this.follow();
  }

  /** The order in use; undefined for the digest's own. */
  get active(): ArticleOrder | undefined {
    return this.current;
  }

  /** A scored order lists the whole digest as one list (else each date's articles). */
  get acrossDates(): boolean {
    return this.current !== undefined && this.across;
  }

  /** Plugs in an order; the setting may already name it. */
  add(order: ArticleOrder): vscode.Disposable {
    this.orders.push(order);
    const listening = order.onDidChange(() => {
      if (order === this.current) {
        this.changed.fire();
      }
    });
    this.follow();
    return new vscode.Disposable(() => {
      listening.dispose();
      this.orders.splice(this.orders.indexOf(order), 1);
    });
  }

  /** Reads the settings: a value naming no order (one not installed, a typo) is the digest's order. */
  private follow(): void {
    const id = settings().get<string>('sort', DIGEST_ORDER);
    const next = this.orders.find((order) => order.id === id);
    const across = settings().get<boolean>('sortAcrossDates', false) === true;
    if (next === this.current && across === this.across) {
      return;
    }
    const previous = this.current;
    this.current = next;
    this.across = across;
    if (previous !== next) {
      previous?.setActive(false);
      next?.setActive(true);
    }
    void setContext('digestReader.articlesSort', next?.id ?? DIGEST_ORDER);
    this.changed.fire();
  }

  /** Remembers a choice in the settings (where the user's value is: the workspace's, else the user's). */
  async set(id: string, acrossDates?: boolean): Promise<void> {
    const config = settings();
    const targetOf = (key: string) => (config.inspect(key)?.workspaceValue !== undefined ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global);
    await config.update('sort', id === DIGEST_ORDER ? undefined : id, targetOf('sort'));
    if (acrossDates !== undefined) {
      await config.update('sortAcrossDates', acrossDates ? true : undefined, targetOf('sortAcrossDates'));
    }
    this.follow();
  }

  /** "Sort Articles by…": the digest's order, then each order within each date and across the whole digest. */
  async pick(): Promise<void> {
    const check = (on: boolean, label: string) => `${on ? '$(check)' : '$(blank)'} ${label}`;
    const items: SortItem[] = [{ id: DIGEST_ORDER, acrossDates: false, label: check(!this.current, vscode.l10n.t('Digest order')), detail: vscode.l10n.t('By date, as the digest lists them') }];
    for (const order of this.orders) {
      for (const acrossDates of [false, true]) {
        items.push({
          id: order.id,
          acrossDates,
          label: check(order === this.current && acrossDates === this.across, acrossDates ? vscode.l10n.t('{0}, across the whole digest', order.label) : vscode.l10n.t('{0}, within each date', order.label)),
          detail: order.detail,
        });
      }
    }
    const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Sort the Articles view by'), placeHolder: vscode.l10n.t('Remembered in the setting digestReader.articles.sort') });
    if (picked) {
      await this.set(picked.id, picked.id === DIGEST_ORDER ? undefined : picked.acrossDates);
    }
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
