import type * as vscode from 'vscode';
import type { RefreshScheduler } from '../common/refreshScheduler';

/**
 * Our own reveals of a tree's rows, told apart from the user's selections.
 * Reveals run one at a time, and a newer one makes the waiting ones moot.
 * The user's selections are counted: a caller takes the count (`epoch`) when
 * it begins, and a row the user selects before its reveal comes (the next of
 * two quick clicks) makes that reveal moot, so it never takes the selection
 * back.
 */
export class RowReveals<Node> {
  private queue: Promise<void> = Promise.resolve();
  private request = 0;
  private userSelections = 0;
  /** The row our last reveal selected: its selection event (which may come late) is ours, not the user's. */
  private lastRevealed: Node | undefined;

  constructor(
    private readonly view: vscode.TreeView<Node>,
    private readonly refresh: RefreshScheduler<Node>,
  ) {}

  /** The count of the user's selections so far. */
  get epoch(): number {
    return this.userSelections;
  }

  /** Call with each selection's first row: counted unless our last reveal made it. */
  selected(node: Node): void {
    if (node !== this.lastRevealed) {
      this.userSelections++;
    }
  }

  /**
   * Selects the row `find` names when this reveal's turn comes, unless the
   * user selected another row since `since`, a newer reveal was asked for,
   * the view is hidden, or the row is selected already. `queued` is false
   * (and nothing is asked of the view) when the user selected a row since `since`.
   */
  reveal(find: () => Node | undefined, focus: boolean, since: number): { queued: boolean; done: Promise<void> } {
    if (since !== this.userSelections) {
      return { queued: false, done: Promise.resolve() };
    }
    const request = ++this.request;
    this.queue = this.queue.then(() => this.refresh.reveal(() => {
      if (request !== this.request || since !== this.userSelections || !this.view.visible) {
        return undefined;
      }
      const node = find();
      if (node === undefined || this.view.selection[0] === node) {
        return undefined;
      }
      this.lastRevealed = node;
      return this.view.reveal(node, { select: true, focus, expand: true });
    })).catch((error: unknown) => console.warn(`Digest Reader: could not reveal a row: ${String(error)}`));
    return { queued: true, done: this.queue };
  }
}
