import * as vscode from 'vscode';
import { groupByDate, triageOf, unreadCounts, weekdayName, type Article, type Digest } from '../core';
import { findArticle, type ArticleTarget } from '../common/articleTarget';
import type { DigestDocuments, DigestEntry } from '../digests';
import type { AlsoIn, ReadingChange, ReadingStore } from '../reading';
import { ArticleNode, DateNode, FilterNode, updateTree, type ArticleRow, type TreeNode } from './nodes';
import type { FilterService } from '../filters';
import { updateFilterGroups } from './filterGroups';
import { describeDigest } from './describe';
import { RefreshScheduler } from '../common/refreshScheduler';
import { sortedBy, type SortChoice } from './sortChoice';
import { whyTooltip } from './why';
import type { RowWordShares } from '../words/wordShares';
import { RowSelection } from './rowSelection';
import { AlsoInRows } from './alsoInRows';
import { HideRead } from './hideRead';

export const ARTICLES_VIEW_ID = 'digestReader.articles';

/**
 * VS Code draws the rows once the extension host has answered its whole
 * batch of fetches (asked for together, the dates' articles are answered
 * one by one). An editor opened at the first of them reached the workbench
 * before that answer, and the rows were drawn with the editor, 150–300 ms
 * later. So "the rows are drawn" waits this long after the last fetch.
 */
const DRAWN_AFTER_LAST_FETCH_MS = 50;

/** The Articles view: the active digest's articles by date. */
export class ArticlesTree implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private roots: DateNode[] = [];
  /** The saved filters' groups, above the dates. */
  private filterGroups: FilterNode[] = [];
  private shown: DigestEntry | undefined;
  private readonly changed = new vscode.EventEmitter<TreeNode | TreeNode[] | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly view: vscode.TreeView<TreeNode>;
  private readonly disposables: vscode.Disposable[] = [];
  /** The selected row, clicks, our reveals and the followed cursor. */
  readonly selection: RowSelection;
  private readonly rowsWaiting: (() => void)[] = [];
  /** VS Code is fetching the rows someone waits for: they count as drawn once it has been quiet for a moment. */
  private rowsDrawnTimer: ReturnType<typeof setTimeout> | undefined;
  private fetchedUri: string | undefined;
  private unreadByDate = new Map<string | undefined, number>();
  private readonly alsoInRows = new AlsoInRows();
  private readonly refresh = new RefreshScheduler<TreeNode>((nodes) => this.changed.fire(nodes));
  private readonly hideRead = new HideRead((node) => this.rowOf(node.article).read, this.refresh, () => this.sort.acrossDates);
  /** Each article's share of new words, shown in its row: set once known words are kept. */
  private shares: RowWordShares | undefined;

  constructor(
    documents: DigestDocuments,
    private readonly reading: ReadingStore,
    private readonly seen: AlsoIn,
    private readonly filters: FilterService,
    /** The view's order: the digest's, or a scored one ("For you") within each date or across the digest. */
    readonly sort: SortChoice,
  ) {
    this.view = vscode.window.createTreeView(ARTICLES_VIEW_ID, { treeDataProvider: this, showCollapseAll: true, canSelectMany: true });
    this.selection = new RowSelection(this.view, this.refresh, this.hideRead, { shown: () => this.shown, roots: () => this.roots, nodeFor: (target) => this.nodeFor(target) }, documents);
    this.disposables.push(
      this.view,
      this.changed,
      this.selection,
      documents.onDidChangeActive((entry) => this.showDigest(entry)),
      reading.onDidChange((change) => this.readingChanged(change)),
      seen.onDidChange(() => this.alsoInChanged()),
      this.view.onDidChangeVisibility((event) => this.refresh.setVisible(event.visible)),
      filters.onDidChange((digest) => (digest === undefined || digest === this.shown?.digest) && this.updateFilterGroups()),
      sort.onDidChange(() => {
        describeDigest(this.view, this.shown?.digest, sort.active?.note);
        this.refresh.refreshRoot();
      }),
    );
    this.refresh.setVisible(this.view.visible);
    this.showDigest(documents.active);
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    if (node instanceof FilterNode) {
      return node.toTreeItem();
    }
    if (node instanceof DateNode) {
      return node.toTreeItem(this.unreadByDate.get(node.group.date) ?? 0);
    }
    const item = node.toTreeItem(this.rowOf(node.article));
    if (this.sort.active?.whyOf) {
      item.tooltip = undefined; // resolved on hover, with the why of the score (VS Code resolves only what is undefined)
    }
    return item;
  }

  /** The "why" of a row's score is named from the article's text only when its tooltip is shown. */
  resolveTreeItem(item: vscode.TreeItem, node: TreeNode): vscode.TreeItem {
    const entry = this.shown;
    if (node instanceof ArticleNode && entry && item.tooltip === undefined) {
      const tooltip = node.tooltip(this.rowOf(node.article));
      const why = this.sort.active?.whyOf?.(entry.digest, node.article);
      if (why) {
        whyTooltip(tooltip, why);
      }
      item.tooltip = tooltip;
    }
    return item;
  }

  /** The articles in the order the view shows them, while a scored order is on (undefined: the digest's). */
  readingOrder(digest: Digest): Article[] | undefined {
    if (!this.sort.active || this.shown?.digest !== digest) {
      return undefined;
    }
    const nodes = this.sort.acrossDates ? this.ordered(this.roots.flatMap((date) => date.children)) : this.roots.flatMap((date) => this.ordered(date.children));
    return nodes.map((node) => node.article);
  }

  /** Articles by the active order's scores (a date's, or the whole digest's); as given in the digest's order. */
  private ordered(children: ArticleNode[]): ArticleNode[] {
    const entry = this.shown;
    const order = this.sort.active;
    return order && entry ? sortedBy(children, (child) => order.scoreOf(entry.digest, child.article)?.value) : children;
  }

  getChildren(node?: TreeNode): TreeNode[] {
    this.refresh.fetched(node === undefined);
    this.selection.fetched();
    const rows = this.rows(node);
    if (node === undefined) {
      this.fetchedUri = this.shown?.document.uri.toString();
    }
    // The rows are coming: the dates' articles (VS Code asks for them right after the root), or a root of articles.
    if (this.rowsWaiting.length > 0 && (this.rowsDrawnTimer !== undefined || node !== undefined || !rows.some((row) => row instanceof DateNode))) {
      clearTimeout(this.rowsDrawnTimer);
      this.rowsDrawnTimer = setTimeout(() => {
        this.rowsDrawnTimer = undefined;
        this.rowsWaiting.splice(0).forEach((resume) => resume());
      }, DRAWN_AFTER_LAST_FETCH_MS);
    }
    return rows;
  }

  /** The digest whose rows VS Code last fetched (its URI): what the view shows (tests). */
  get fetchedDigest(): string | undefined {
    return this.fetchedUri;
  }

  /**
   * Resolves once VS Code has fetched and drawn the view's rows after this
   * call (at most `ms` later, or at once when the view is hidden): a digest
   * opened from the Library lists its articles before the workbench gets
   * busy opening its editor.
   */
  whenRowsDrawn(ms: number): Promise<void> {
    if (!this.view.visible) {
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.rowsWaiting.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** Shows each article's share of new words ("Easiest first" sorts by them: src/words/easiestOrder.ts). */
  setWordShares(shares: RowWordShares): void {
    this.shares = shares;
    this.disposables.push(shares.onDidChange(() => this.refresh.refreshRoot()));
    this.refresh.refreshRoot();
  }

  /** The view's rows under `node` (the root when undefined), as they are now. */
  rows(node?: TreeNode): TreeNode[] {
    if (!node) {
      if (this.sort.acrossDates) {
        // One list of the whole digest, best first: its rows stand at the root, each with its date.
        const all = this.ordered(this.roots.flatMap((date) => date.children));
        return [...this.filterGroups, ...this.hideRead.shown(all)];
      }
      return [...this.filterGroups, ...this.hideRead.shownDates(this.roots)];
    }
    if (node instanceof ArticleNode) {
      return [];
    }
    const children = node instanceof DateNode ? this.ordered(node.children) : node.children;
    return this.hideRead.shown(children);
  }


  /** The reading state of an article of the shown digest, as its row shows it. */
  rowOf(article: Article): ArticleRow {
    const entry = this.shown;
    const key = entry ? triageOf(entry.digest).keys.get(article) ?? '' : '';
    const alsoIn = entry ? this.seen.alsoIn(key, entry.digest.subject, entry.digest.date) : undefined;
    if (entry) {
      this.alsoInRows.drawn(entry.digest, key, alsoIn);
    }
    return {
      read: this.reading.state.isRead(key),
      starred: this.reading.state.isStarred(key),
      notInterested: this.reading.state.isNotInterested(key),
      alsoIn,
      score: entry && this.sort.active?.scoreOf(entry.digest, article)?.shown,
      date: this.sort.acrossDates && article.date ? `${weekdayName(article.weekday, vscode.env.language)} ${article.date.slice(5)}`.trim() : undefined,
      newWords: entry ? this.shares?.shareOf(entry.digest, article) : undefined,
    };
  }

  /** The Library changed: redraw the rows whose "also in" changed. */
  private alsoInChanged(): void {
    const entry = this.shown;
    const changed = entry ? this.alsoInRows.changed(entry.digest, (key) => this.seen.alsoIn(key, entry.digest.subject, entry.digest.date)) : [];
    if (changed.length > 0) {
      this.readingChanged({ keys: changed });
    }
  }

  setHideRead(hide: boolean): void {
    this.hideRead.set(hide, this.view.selection[0]);
  }


  /** Marking one article refreshes its row and its date's count, not the digest. */
  private readingChanged(change: ReadingChange): void {
    const entry = this.shown;
    if (!entry) {
      return;
    }
    this.countUnread();
    if (this.hideRead.active) {
      // Hidden rows come and go, and whole dates with them: refresh from the root.
      this.refresh.refreshRoot();
      return;
    }
    if (change === 'all') {
      // The same rows, other marks: redraw them in place (a root refresh would make VS Code drop them).
      this.refresh.refreshRows([...this.filterGroups, ...this.roots].flatMap((group) => [group, ...group.children]));
      return;
    }
    const keys = new Set(change.keys);
    const { keys: keyOf } = triageOf(entry.digest);
    const nodes: TreeNode[] = [];
    for (const date of [...this.filterGroups, ...this.roots]) {
      const rows = date.children.filter((child) => keys.has(keyOf.get(child.article) ?? ''));
      if (rows.length > 0) {
        nodes.push(...(this.sort.acrossDates && date instanceof DateNode ? [] : [date]), ...rows);
      }
    }
    this.refresh.refreshRows(nodes);
  }

  /** Unread counts per date, the view's badge, and the context the status bar reads. */
  private countUnread(): void {
    const entry = this.shown;
    if (!entry) {
      this.unreadByDate = new Map();
      this.view.badge = undefined;
      return;
    }
    const counts = unreadCounts(entry.digest, (key) => this.reading.state.isRead(key));
    this.unreadByDate = counts.byDate;
    this.view.badge = counts.unread > 0 ? { value: counts.unread, tooltip: counts.unread === 1 ? vscode.l10n.t('1 unread article') : vscode.l10n.t('{0} unread articles', counts.unread) } : undefined;
  }

  getParent(node: TreeNode): TreeNode | undefined {
    if (!(node instanceof ArticleNode)) {
      return undefined;
    }
    // A filter's copy of a row is under its group; `reveal` always goes to the row under the date (at the root, across dates).
    return this.filterGroups.find((group) => group === node.group) ?? (this.sort.acrossDates ? undefined : node.parent);
  }

  /** The node of an article of the shown digest, for `reveal`. */
  nodeFor(target: ArticleTarget): ArticleNode | undefined {
    const entry = this.shown;
    if (!entry || entry.document.uri.toString() !== target.uri.toString()) {
      return undefined;
    }
    const article = findArticle(entry.digest, target);
    return article && this.roots.flatMap((date) => date.children).find((node) => node.article === article);
  }



  private showDigest(entry: DigestEntry | undefined): void {
    if (entry?.digest === this.shown?.digest && entry?.document === this.shown?.document) {
      return; // nothing new: a refresh would only make VS Code drop the rows it shows
    }
    const sameDocument = entry !== undefined && this.shown?.document.uri.toString() === entry.document.uri.toString();
    this.shown = entry;
    describeDigest(this.view, entry?.digest, this.sort.active?.note);
    this.countUnread();
    if (!entry) {
      this.roots = [];
      this.filterGroups = [];
      this.refresh.refreshRoot();
      return;
    }
    const update = updateTree(entry.document.uri, entry.digest.articles, groupByDate(entry.digest.articles), sameDocument ? this.roots : []);
    this.roots = update.roots;
    if (this.buildFilterGroups()) {
      this.refresh.refreshRoot();
    } else if (update.changed === undefined) {
      this.refresh.refreshRoot();
    } else {
      this.refresh.refreshRows(update.changed);
    }
  }

  /** Rebuilds the filters' groups from the service's results; true when the groups differ (a root refresh is needed). */
  private buildFilterGroups(): boolean {
    const entry = this.shown;
    const previous = this.filterGroups;
    const update = entry ? updateFilterGroups(entry, this.roots, this.filters.resultsFor(entry.digest), previous) : { groups: [], changed: previous.length > 0 };
    this.filterGroups = update.groups;
    return update.changed;
  }

  private updateFilterGroups(): void {
    if (this.buildFilterGroups()) {
      this.refresh.refreshRoot();
    }
  }


  dispose(): void {
    clearTimeout(this.rowsDrawnTimer);
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
