import { setContext } from '../common/context';
import type { RefreshScheduler } from '../common/refreshScheduler';
import { ArticleNode, type DateNode, type TreeNode } from './nodes';

/**
 * "Hide read articles": read rows leave the list, except the row the user is
 * at, which stays until they move on (reading it must not pull it away).
 */
export class HideRead {
  private on = false;
  /** The row that stays while it is read: the one selected, or one a reveal put back. */
  private kept: ArticleNode | undefined;

  constructor(
    private readonly isRead: (node: ArticleNode) => boolean,
    private readonly refresh: RefreshScheduler<TreeNode>,
    /** Whether the rows stand at the root (sorted across dates), with no date above them. */
    private readonly atRoot: () => boolean,
  ) {
    void setContext('digestReader.hideRead', false);
  }

  get active(): boolean {
    return this.on;
  }

  /** Turns hiding on or off; the row selected now stays either way. */
  set(hide: boolean, selected: TreeNode | undefined): void {
    this.on = hide;
    this.kept = selected instanceof ArticleNode ? selected : undefined;
    void setContext('digestReader.hideRead', hide);
    this.refresh.refreshRoot();
  }

  /** The rows of `rows` the list shows. */
  shown(rows: ArticleNode[]): ArticleNode[] {
    return this.on ? rows.filter((row) => this.visible(row)) : rows;
  }

  /** The dates of `dates` the list shows: those with a row left. */
  shownDates(dates: DateNode[]): DateNode[] {
    return this.on ? dates.filter((date) => date.children.some((row) => this.visible(row))) : dates;
  }

  /** The user selected a row: the one kept before goes, and the new one stays. */
  selected(selected: TreeNode): void {
    const kept = this.kept;
    if (kept && kept !== selected) {
      this.kept = selected instanceof ArticleNode ? selected : undefined;
      if (this.on && this.atRoot()) {
        this.refresh.refreshRoot();
      } else if (this.on) {
        this.refresh.refreshRows([kept.parent]);
      }
    } else if (selected instanceof ArticleNode) {
      this.kept = selected;
    }
  }

  /**
   * A reveal is coming for `node`: it is the row the user will be at, so it
   * stays even once read (showing an article marks it read while the reveal
   * waits its turn, and VS Code can reveal only a row it lists); the row kept
   * before goes. A hidden row (and its date) is put back: from the root.
   */
  keepForReveal(node: ArticleNode): void {
    const previous = this.kept;
    if (previous === node) {
      return;
    }
    const appears = this.on && !this.visible(node);
    this.kept = node;
    const leaves = this.on && previous !== undefined && !this.visible(previous);
    if (appears || leaves) {
      this.refresh.refreshRoot();
    }
  }

  private visible(node: ArticleNode): boolean {
    return node === this.kept || !this.isRead(node);
  }
}
