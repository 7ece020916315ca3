import type * as vscode from 'vscode';
import type { RefreshScheduler } from '../common/refreshScheduler';

/** Selection events of our reveals we wait for at most: one that never comes (the row was selected already) is forgotten. */
const MAX_ECHOES = 3;
/**
 * How long a reveal's selection event is waited for. One that never came
 * must not make the user's own selection of that row, much later, count
 * as ours.
 */
const ECHO_WAIT_MS = 2_000;

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
  /**
   * Rows our reveals selected whose selection event has not come yet, oldest
   * first, each with its request. That event can come after the next reveal
   * was asked for (n pressed twice in quick succession): it is ours, and out
   * of date.
   */
  private echoes: { node: Node; request: number; at: number }[] = [];

  constructor(
    private readonly view: vscode.TreeView<Node>,
    private readonly refresh: RefreshScheduler<Node>,
    private readonly now: () => number = () => Date.now(),
    /** Called before a reveal decides: a user's selection the extension host could not name when it came is counted now. */
    private readonly settle: () => void = () => undefined,
  ) {}

  /** The count of the user's selections so far. */
  get epoch(): number {
    return this.userSelections;
  }

  /**
   * Call with each selection's first row. 'user': the user selected it (it is
   * counted). 'ours': our latest reveal selected it. 'stale': an earlier
   * reveal of ours selected it, and a newer one has been asked for since: the
   * row the user is at is the newer one's.
   */
  selected(node: Node): 'user' | 'ours' | 'stale' {
    const now = this.now();
    this.echoes = this.echoes.filter((waiting) => now - waiting.at < ECHO_WAIT_MS);
    const echo = this.echoes.findIndex((waiting) => waiting.node === node);
    if (echo < 0) {
      this.userSelections++;
      return 'user';
    }
    const { request } = this.echoes[echo];
    this.echoes.splice(0, echo + 1); // the workbench selects in order: the ones before it will not come
    return request === this.request ? 'ours' : 'stale';
  }

  /**
   * Selects the row `find` names when this reveal's turn comes, unless the
   * user selected another row since `since`, a newer reveal was asked for,
   * the view is hidden, or the row is selected already. `queued` is false
   * (and nothing is asked of the view) when the user selected a row since `since`.
   */
  reveal(find: () => Node | undefined, focus: boolean, since: number): { queued: boolean; done: Promise<void> } {
    this.settle();
    if (since !== this.userSelections) {
      return { queued: false, done: Promise.resolve() };
    }
    const request = ++this.request;
    this.queue = this.queue.then(() => this.refresh.reveal(() => {
      this.settle();
      if (request !== this.request || since !== this.userSelections || !this.view.visible) {
        return undefined;
      }
      const node = find();
      if (node === undefined || this.view.selection[0] === node) {
        return undefined;
      }
      const echo = { node, request, at: this.now() };
      this.echoes = [...this.echoes.slice(-(MAX_ECHOES - 1)), echo];
      return this.view.reveal(node, { select: true, focus, expand: true }).then(undefined, (error: unknown) => {
        this.echoes = this.echoes.filter((waiting) => waiting !== echo); // nothing was selected
        throw error;
      });
    })).catch((error: unknown) => console.warn(`Digest Reader: could not reveal a row: ${String(error)}`));
    return { queued: true, done: this.queue };
  }
}
