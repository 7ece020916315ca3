import * as vscode from 'vscode';
import { articleForLine, type Article } from '../core';
import type { ArticleTarget } from '../common/articleTarget';
import { ClickedRow } from '../common/clickedRow';
import type { RefreshScheduler } from '../common/refreshScheduler';
import type { DigestDocuments, DigestEntry } from '../digests';
import type { HideRead } from './hideRead';
import { ArticleNode, type DateNode, type TreeNode } from './nodes';
import { OwnCursorMoves } from './ownCursorMoves';
import { RowReveals } from './rowReveals';

/** What the selection needs of the Articles view's list. */
export interface ListedRows {
  shown(): DigestEntry | undefined;
  roots(): readonly DateNode[];
  /** The node of an article of the shown digest, for `reveal`. */
  nodeFor(target: ArticleTarget): ArticleNode | undefined;
}

/** How long after a selection VS Code could not name the view may still name it (its date's rows fetched again). */
const NAMED_WITHIN_MS = 2_000;

export function followCursorEnabled(): boolean {
  return vscode.workspace.getConfiguration('digestReader').get<boolean>('followCursor', true);
}

/**
 * The Articles view's selection: the row the user chose (by click or key),
 * the rows our commands reveal, and the editor's cursor followed. Kept apart
 * from the list itself because each of these races the list's refreshes in
 * its own way (see selectedArticle, rowNow and reveal).
 */
export class RowSelection implements vscode.Disposable {
  /** Our reveals, and the count of the user's selections that makes a late one moot. */
  private readonly reveals: RowReveals<TreeNode>;
  /** The article row last selected (by the user or a reveal): see selectedArticle. */
  private lastSelected: ArticleNode | undefined;
  /** The article a command is showing, and the user's selection count when it began: see selectedArticle. */
  private showing: { target: ArticleTarget; since: number } | undefined;
  private readonly ownCursors = new OwnCursorMoves();
  /** The row a click selected (its command carries no arguments). */
  private readonly clicks: ClickedRow<TreeNode>;
  /** When VS Code last told of a selection with no row the extension host knew (see selectionChanged). */
  private unnamedSelectionAt: number | undefined;
  private namingSoon = false;
  private readonly disposables: vscode.Disposable[];

  constructor(
    private readonly view: vscode.TreeView<TreeNode>,
    refresh: RefreshScheduler<TreeNode>,
    private readonly hideRead: HideRead,
    private readonly list: ListedRows,
    private readonly documents: DigestDocuments,
  ) {
    this.reveals = new RowReveals(view, refresh, undefined, () => this.nameSelection());
    this.clicks = new ClickedRow(() => view);
    this.disposables = [
      view.onDidChangeSelection((event) => this.selectionChanged(event.selection)),
      vscode.window.onDidChangeTextEditorSelection((event) => this.followCursor(event)),
    ];
  }

  /** Call from `getChildren`: a click waiting for its row may find it now. */
  fetched(): void {
    this.clicks.fetched();
    if (this.unnamedSelectionAt !== undefined && !this.namingSoon) {
      // The extension host registers the rows once getChildren and getTreeItem returned: one look after a batch of fetches.
      this.namingSoon = true;
      setTimeout(() => {
        this.namingSoon = false;
        this.nameSelection();
      }, 0);
    }
  }

  /** The selected article of the shown digest, if any. */
  get selectedArticle(): { entry: DigestEntry; article: Article } | undefined {
    const shown = this.list.shown();
    // A key pressed again before the last one's row is selected (n twice in quick succession) is about the article
    // being shown, not the row selected before it: else the second n shows the first one's article again.
    const showing = this.showing?.since === this.epoch ? this.showing.target : undefined;
    const showingRow = showing && this.list.nodeFor(showing);
    if (shown && showingRow) {
      return { entry: shown, article: showingRow.article };
    }
    // While VS Code redraws a row it may tell the extension host of an empty selection for a moment, the row
    // still selected on screen: a key pressed then is about the row the user last selected.
    const selected = this.view.selection[0] ?? this.lastSelected;
    if (!shown || !(selected instanceof ArticleNode)) {
      return undefined;
    }
    const now = this.rowNow(selected);
    return now ? { entry: shown, article: now.article } : undefined;
  }

  /** The article of the row a click selected, once VS Code knows that row (see ClickedRow). */
  async clickedArticle(): Promise<ArticleTarget | undefined> {
    const node = await this.clicks.get();
    return node instanceof ArticleNode ? this.rowNow(node)?.target : undefined;
  }

  /**
   * Counts the rows the user selected. A command that will reveal its row
   * takes it when it starts: a row the user selects before the reveal comes
   * (the next of two quick clicks) makes that reveal moot.
   */
  get epoch(): number {
    return this.reveals.epoch;
  }

  /**
   * A command begins to show this article (its row is revealed once the editor and panel have it), as of the user's
   * selection count `since`: until the user selects a row, it is the article the next key starts from.
   */
  willShow(target: ArticleTarget, since: number): void {
    this.showing = { target, since };
  }

  /** Our own "show article" is about to put the cursor here: that move is not the user's. */
  expectCursor(uri: vscode.Uri, line: number): void {
    this.ownCursors.expect(uri.toString(), line);
  }

  /**
   * Selects the article's row (without focus); reveals run in order and only
   * the latest waiting one runs. With read articles hidden, the article's row
   * is kept listed (put back, with its date, if hidden), also once showing it
   * marks it read: VS Code can only reveal a row it lists ("Cannot resolve
   * tree item for element …#date:…" otherwise). `since`: the `epoch` when
   * the caller began (a user's selection after it wins).
   */
  reveal(target: ArticleTarget, focus = false, since = this.epoch): Promise<void> {
    const { queued, done } = this.reveals.reveal(() => this.list.nodeFor(target), focus, since);
    if (queued) {
      this.showing = { target, since }; // the cursor followed, or a command's row
    }
    // Kept only for a reveal that may run: a user's selection since the caller began keeps its own row.
    const node = queued ? this.list.nodeFor(target) : undefined;
    if (node) {
      this.hideRead.keepForReveal(node);
    }
    return done;
  }

  /**
   * The row of `node` in the list as it is now: `node` itself, or, when its
   * date was rebuilt since VS Code handed it over (a refresh between a click's
   * selection and its command, or a key pressed right after a click that
   * changed the list), the row of the same key. A row of another digest names
   * nothing here.
   */
  private rowNow(node: ArticleNode): ArticleNode | undefined {
    const shown = this.list.shown();
    const roots = this.list.roots();
    if (roots.includes(node.parent)) {
      return node;
    }
    if (!shown || node.parent.uri.toString() !== shown.document.uri.toString()) {
      return undefined;
    }
    return roots.find((root) => root.key === node.parent.key)?.children.find((row) => row.key === node.key);
  }

  /**
   * An empty selection is VS Code dropping a row that left the list (another digest, read ones hidden): nothing
   * the user did. Or the user selected a row while VS Code redraws its date, which the extension host does not
   * know until VS Code has fetched that date's rows again: the view names it then, and it counts as the user's
   * selection from that moment (else a reveal begun before it, the first of two quick clicks, takes it back).
   */
  private selectionChanged(selection: readonly TreeNode[]): void {
    const selected = selection[0];
    this.unnamedSelectionAt = selected === undefined ? Date.now() : undefined;
    if (selected !== undefined) {
      this.handleSelected(selected);
    }
  }

  /** The selection that had no row when it came, if the view names one now (and not long after: see selectionChanged). */
  private nameSelection(): void {
    if (this.unnamedSelectionAt === undefined) {
      return;
    }
    const selected = this.view.selection[0];
    const late = Date.now() - this.unnamedSelectionAt > NAMED_WITHIN_MS;
    if (selected === undefined && !late) {
      return; // not named yet: its date's rows may come in a later fetch
    }
    this.unnamedSelectionAt = undefined;
    // The row selected before, named again once redrawn: no new choice of the user's.
    const same = selected instanceof ArticleNode && this.lastSelected !== undefined && selected.key === this.lastSelected.key && selected.parent.key === this.lastSelected.parent.key;
    if (selected !== undefined && !late && !same) {
      this.handleSelected(selected);
    }
  }

  private handleSelected(selected: TreeNode): void {
    if (this.reveals.selected(selected) === 'stale') {
      return; // an earlier reveal's row, selected late: the user is at the row of the reveal asked for since
    }
    this.lastSelected = selected instanceof ArticleNode ? selected : undefined; // a date row: no article
    this.hideRead.selected(selected);
  }

  private followCursor(event: vscode.TextEditorSelectionChangeEvent): void {
    const uri = event.textEditor.document.uri.toString();
    const line = event.selections[0].active.line;
    const shown = this.list.shown();
    if (this.ownCursors.isOwn(uri, line) || !shown || uri !== shown.document.uri.toString() || !this.view.visible || !followCursorEnabled()) {
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
