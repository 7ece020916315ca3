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

  /** A reveal is coming for `node`: VS Code can reveal only a row it lists, so a hidden one is put back (its date may have been hidden with it: from the root). */
  putBack(node: ArticleNode): void {
    if (this.on && !this.visible(node) && this.kept !== node) {
      this.kept = node;
      this.refresh.refreshRoot();
    }
  }

  private visible(node: ArticleNode): boolean {
    return node === this.kept || !this.isRead(node);
  }
}
