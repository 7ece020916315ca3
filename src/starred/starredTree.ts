import * as vscode from 'vscode';
import type { StarredArticle } from '../core';
import type { StarredTarget } from '../common/starredTarget';
import type { ReadingStore } from '../reading';
import { RefreshScheduler } from '../common/refreshScheduler';
import { ClickedRow } from '../common/clickedRow';

export const STARRED_VIEW_ID = 'digestReader.starred';
/** A click on a starred row: shows the row the click selected (see ClickedRow for why the command has no arguments). */
export const SHOW_CLICKED_STAR = 'digestReader.showClickedStar';

/** A digest (subject and date) that has starred articles. */
export class StarredDigestNode {
  readonly children: StarredArticleNode[] = [];
  constructor(readonly subject: string, readonly digestDate: string) {}

  get id(): string {
    return `starred:${this.subject} ${this.digestDate}`;
  }

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(`${this.subject || vscode.l10n.t('Digest')} · ${this.digestDate}`, vscode.TreeItemCollapsibleState.Expanded);
    item.id = this.id;
    item.description = String(this.children.length);
    item.iconPath = new vscode.ThemeIcon('book');
    item.contextValue = 'starredDigest';
    return item;
  }
}

/** A starred article, shown from what was stored with its star. */
export class StarredArticleNode {
  constructor(readonly parent: StarredDigestNode, readonly star: StarredArticle) {}

  get target(): StarredTarget {
    return { starredKey: this.star.key };
  }

  toTreeItem(read: boolean): vscode.TreeItem {
    // Without its display text (starred on another machine, its digest not yet opened here) the star is named by its arXiv id.
    const title = this.star.titles.en ?? this.star.titles[this.star.sourceLanguage] ?? this.star.arxivId ?? vscode.l10n.t('(no title)');
    const item = new vscode.TreeItem(`${String(this.star.index).padStart(2, '0')} ${title}`, vscode.TreeItemCollapsibleState.None);
    item.id = `starred:${this.star.key}`;
    item.iconPath = new vscode.ThemeIcon('star-full');
    item.description = [read ? '' : vscode.l10n.t('● unread'), title === this.star.arxivId ? '' : this.star.arxivId ?? ''].filter(Boolean).join(' · ');
    const tooltip = new vscode.MarkdownString(undefined, false);
    tooltip.isTrusted = false;
    tooltip.supportHtml = false;
    for (const language of ['en', 'de', 'zh']) {
      const text = this.star.titles[language];
      if (text !== undefined) {
        tooltip.appendMarkdown(`**${language.toUpperCase()}** `).appendText(text).appendMarkdown('\n\n');
      }
    }
    tooltip.appendText(this.star.authors.join(', '));
    item.tooltip = tooltip;
    item.contextValue = `starredArticle${this.star.arxivId ? 'WithId' : ''}.${read ? 'read' : 'unread'}.starred`;
    item.command = { command: SHOW_CLICKED_STAR, title: vscode.l10n.t('Show Article') };
    item.accessibilityInformation = { label: read ? vscode.l10n.t('Starred, read: {0}', title) : vscode.l10n.t('Starred, unread: {0}', title) };
    return item;
  }
}

type StarredNode = StarredDigestNode | StarredArticleNode;

/**
 * The Starred view: every starred article of every digest ever opened,
 * grouped by digest, newest first. Readable after its digest is gone.
 */
export class StarredTree implements vscode.TreeDataProvider<StarredNode>, vscode.Disposable {
  private roots: StarredDigestNode[] = [];
  private readonly changed = new vscode.EventEmitter<StarredNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly refresh = new RefreshScheduler<StarredNode>(() => this.changed.fire(undefined));
  private readonly clicks = new ClickedRow<StarredNode>(() => this.view);
  readonly view: vscode.TreeView<StarredNode>;
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly reading: ReadingStore) {
    this.view = vscode.window.createTreeView(STARRED_VIEW_ID, { treeDataProvider: this, showCollapseAll: true, canSelectMany: true });
    this.disposables = [
      this.view,
      this.changed,
      // Triage marks one article per key press: rebuild only when a starred article (or its read state) changed.
      reading.onDidChange((change) => {
        if (change === 'all' || change.keys.some((key) => reading.state.isStarred(key) || this.articles.some((node) => node.star.key === key))) {
          this.rebuild();
        }
      }),
    ];
    this.disposables.push(this.view.onDidChangeVisibility((event) => this.refresh.setVisible(event.visible)));
    this.refresh.setVisible(this.view.visible);
    this.rebuild();
  }

  getTreeItem(node: StarredNode): vscode.TreeItem {
    return node instanceof StarredDigestNode ? node.toTreeItem() : node.toTreeItem(this.reading.state.isRead(node.star.key));
  }

  getChildren(node?: StarredNode): StarredNode[] {
    this.refresh.fetched(node === undefined);
    this.clicks.fetched();
    return node ? (node instanceof StarredDigestNode ? node.children : []) : this.roots;
  }

  getParent(node: StarredNode): StarredNode | undefined {
    return node instanceof StarredArticleNode ? node.parent : undefined;
  }

  /** Every starred article in the view's order. */
  get articles(): StarredArticleNode[] {
    return this.roots.flatMap((digest) => digest.children);
  }

  get selected(): StarredArticleNode | undefined {
    const node = this.view.selection[0];
    return node instanceof StarredArticleNode ? node : undefined;
  }

  /** The starred article of the row a click selected, once VS Code knows that row (see ClickedRow). */
  async clickedStar(): Promise<StarredTarget | undefined> {
    const node = await this.clicks.get();
    return node instanceof StarredArticleNode ? node.target : undefined;
  }

  async reveal(key: string, focus: boolean): Promise<void> {
    await this.refresh.reveal(() => {
      // Looked up once no root refresh waits: the rows VS Code knows are then these.
      const node = this.articles.find((candidate) => candidate.star.key === key);
      return node && this.view.visible ? this.view.reveal(node, { select: true, focus, expand: true }) : undefined;
    });
  }

  private rebuild(): void {
    const byDigest = new Map<string, StarredDigestNode>();
    for (const star of this.reading.state.starred()) {
      const label = `${star.subject}\n${star.digestDate}`;
      let digest = byDigest.get(label);
      if (!digest) {
        digest = new StarredDigestNode(star.subject, star.digestDate);
        byDigest.set(label, digest);
      }
      digest.children.push(new StarredArticleNode(digest, star));
    }
    this.roots = [...byDigest.values()];
    const count = this.articles.length;
    this.view.description = count > 0 ? vscode.l10n.t('{0} starred', count) : undefined;
    this.refresh.refreshRoot();
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
