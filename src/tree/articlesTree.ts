import * as vscode from 'vscode';
import { articleForLine, groupByDate } from '../core';
import type { DigestDocuments, DigestEntry } from '../digests';
import { ArticleNode, buildTree, DateNode, type TreeNode } from './nodes';

export const ARTICLES_VIEW_ID = 'digestReader.articles';

/** The Articles view: the active digest's articles by date. */
export class ArticlesTree implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private roots: DateNode[] = [];
  private byIndex = new Map<number, ArticleNode>();
  private shown: DigestEntry | undefined;
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly view: vscode.TreeView<TreeNode>;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(documents: DigestDocuments) {
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
  nodeFor(uri: vscode.Uri, index: number): ArticleNode | undefined {
    return this.shown?.document.uri.toString() === uri.toString() ? this.byIndex.get(index) : undefined;
  }

  async reveal(uri: vscode.Uri, index: number): Promise<void> {
    const node = this.nodeFor(uri, index);
    if (node && this.view.visible) {
      await this.view.reveal(node, { select: true, focus: false, expand: true });
    }
  }

  private showDigest(entry: DigestEntry | undefined): void {
    if (entry?.digest === this.shown?.digest && entry?.document === this.shown?.document) {
      return; // nothing new: a refresh would only make VS Code drop the rows it shows
    }
    this.shown = entry;
    if (entry) {
      ({ roots: this.roots, byIndex: this.byIndex } = buildTree(entry.document.uri, groupByDate(entry.digest.articles)));
    } else {
      this.roots = [];
      this.byIndex = new Map();
    }
    this.describe(entry);
    this.changed.fire(undefined);
  }

  /**
   * Subject, date and total as the view's description and message (a lone
   * view in its container shows no description), with a count mismatch or
   * other problems said in the message.
   */
  private describe(entry: DigestEntry | undefined): void {
    if (!entry) {
      this.view.description = undefined;
      this.view.message = undefined;
      return;
    }
    const { digest } = entry;
    const found = digest.articles.length;
    const declared = digest.declaredCount;
    const mismatch = declared !== undefined && declared !== found;
    const count = mismatch ? `${found} of ${declared} articles` : `${found} ${found === 1 ? 'article' : 'articles'}`;
    const summary = [digest.subject, digest.date, count].filter(Boolean).join(' · ');
    this.view.description = summary;
    const problems = digest.diagnostics.filter((d) => d.severity !== 'info').length;
    let warning = '';
    if (mismatch) {
      warning = ` ⚠ The header announces ${declared} articles but ${found} ${found === 1 ? 'was' : 'were'} found.`;
      if (problems > 1) {
        warning += ` ${problems} problems: see the Problems panel.`;
      }
    } else if (problems > 0) {
      warning = ` ⚠ ${problems} ${problems === 1 ? 'problem' : 'problems'}: see the Problems panel.`;
    }
    this.view.message = summary + warning;
  }

  private followCursor(event: vscode.TextEditorSelectionChangeEvent): void {
    const entry = this.shown;
    if (!entry || event.textEditor.document !== entry.document || !this.view.visible || !followCursorEnabled()) {
      return;
    }
    const article = articleForLine(entry.digest, event.selections[0].active.line);
    const selected = this.view.selection[0];
    if (article && !(selected instanceof ArticleNode && selected.article.index === article.index)) {
      void this.reveal(entry.document.uri, article.index);
    }
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
}

export function followCursorEnabled(): boolean {
  return vscode.workspace.getConfiguration('digestReader').get<boolean>('followCursor', true);
}
