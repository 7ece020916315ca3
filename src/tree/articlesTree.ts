import * as vscode from 'vscode';
import { articleForLine, groupByDate } from '../core';
import { findArticle, type ArticleTarget } from '../common/articleTarget';
import type { DigestDocuments, DigestEntry } from '../digests';
import { ArticleNode, DateNode, updateTree, type TreeNode } from './nodes';
import { describeDigest } from './describe';

export const ARTICLES_VIEW_ID = 'digestReader.articles';

/** The Articles view: the active digest's articles by date. */
export class ArticlesTree implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private roots: DateNode[] = [];
  private shown: DigestEntry | undefined;
  private readonly changed = new vscode.EventEmitter<TreeNode | TreeNode[] | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly view: vscode.TreeView<TreeNode>;
  private readonly disposables: vscode.Disposable[] = [];
  /** Reveals run one at a time; a newer one makes the waiting ones moot. */
  private revealQueue: Promise<void> = Promise.resolve();
  private revealRequest = 0;
  /** The cursor position our own "show article" set: its selection event is not the user moving. */
  private ownCursor: { uri: string; line: number } | undefined;

  constructor(private readonly documents: DigestDocuments) {
    this.view = vscode.window.createTreeView(ARTICLES_VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
    this.disposables.push(
      this.view,
      this.changed,
      documents.onDidChangeActive((entry) => this.showDigest(entry)),
      vscode.window.onDidChangeTextEditorSelection((event) => this.followCursor(event)),
    );
    this.showDigest(documents.active);
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return node.toTreeItem();
  }

  getChildren(node?: TreeNode): TreeNode[] {
    if (!node) {
      return this.roots;
    }
    return node instanceof DateNode ? node.children : [];
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node instanceof ArticleNode ? node.parent : undefined;
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

  /** Selects the article's row (without focus); reveals run in order and only the latest waiting one runs. */
  reveal(target: ArticleTarget): Promise<void> {
    const request = ++this.revealRequest;
    this.revealQueue = this.revealQueue.then(async () => {
      if (request !== this.revealRequest || !this.view.visible) {
        return;
      }
      const node = this.nodeFor(target);
      if (node && this.view.selection[0] !== node) {
        await this.view.reveal(node, { select: true, focus: false, expand: true });
      }
    }).catch((error: unknown) => console.warn(`Digest Reader: could not reveal an article: ${String(error)}`));
    return this.revealQueue;
  }

  /** Our own "show article" is about to put the cursor here: that move is not the user's. */
  expectCursor(uri: vscode.Uri, line: number): void {
    this.ownCursor = { uri: uri.toString(), line };
  }

  private showDigest(entry: DigestEntry | undefined): void {
    if (entry?.digest === this.shown?.digest && entry?.document === this.shown?.document) {
      return; // nothing new: a refresh would only make VS Code drop the rows it shows
    }
    const sameDocument = entry !== undefined && this.shown?.document.uri.toString() === entry.document.uri.toString();
    this.shown = entry;
    describeDigest(this.view, entry?.digest);
    if (!entry) {
      this.roots = [];
      this.changed.fire(undefined);
      return;
    }
    const update = updateTree(entry.document.uri, entry.digest.articles, groupByDate(entry.digest.articles), sameDocument ? this.roots : []);
    this.roots = update.roots;
    if (update.changed === undefined) {
      this.changed.fire(undefined);
    } else if (update.changed.length > 0) {
      this.changed.fire(update.changed);
    }
  }

  private followCursor(event: vscode.TextEditorSelectionChangeEvent): void {
    const uri = event.textEditor.document.uri.toString();
    const line = event.selections[0].active.line;
    const own = this.ownCursor;
    this.ownCursor = undefined;
    if (own && own.uri === uri && own.line === line) {
      return;
    }
    if (!this.shown || uri !== this.shown.document.uri.toString() || !this.view.visible || !followCursorEnabled()) {
      return;
    }
    // The current version: right after an edit the last parse's lines may be off by the edit.
    const entry = this.documents.current(event.textEditor.document);
    const article = entry && articleForLine(entry.digest, line);
    if (entry && article) {
      void this.reveal({ uri: entry.document.uri, index: article.index, line: article.line, arxivId: article.arxivId });
    }
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
}

export function followCursorEnabled(): boolean {
  return vscode.workspace.getConfiguration('digestReader').get<boolean>('followCursor', true);
}
