/** How long VS Code must not have asked for rows before a root refresh is sent. */
const QUIET_AFTER_FETCH_MS = 300;

/**
 * Decides when a tree's refreshes reach VS Code.
 *
 * A root refresh makes the extension host forget every row at once. VS Code
 * asking for an expanded row's children just then, or a second root refresh
 * before VS Code fetched the first, gets "No tree item with id … found". So
 * root refreshes are merged, wait until VS Code has been quiet for a moment,
 * are dropped when VS Code fetched the root since the change anyway, and row
 * refreshes wait for them (a root refresh redraws every row).
 */
export class RefreshScheduler<Node> {
  private root: 'scheduled' | 'sent' | undefined;
  /** Counts changes that need the root redrawn, and which of them VS Code has fetched. */
  private version = 0;
  private servedVersion = -1;
  private lastFetch = 0;

  constructor(private readonly fire: (nodes: Node[] | undefined) => void) {}

  /** Call from `getChildren`. */
  fetched(isRoot: boolean): void {
    this.lastFetch = Date.now();
    if (isRoot) {
      this.servedVersion = this.version;
      if (this.root === 'sent') {
        this.root = undefined; // VS Code redraws every row now
      }
    }
  }

  refreshRoot(): void {
    this.version++;
    if (this.root !== 'scheduled') {
      this.root = 'scheduled';
      this.sendWhenQuiet();
    }
  }

  refreshRows(nodes: Node[]): void {
    if (this.root === undefined && nodes.length > 0) {
      this.fire(nodes);
    }
  }

  private sendWhenQuiet(): void {
    const wait = this.lastFetch + QUIET_AFTER_FETCH_MS - Date.now();
    setTimeout(() => {
      if (Date.now() - this.lastFetch < QUIET_AFTER_FETCH_MS) {
        this.sendWhenQuiet();
      } else if (this.servedVersion === this.version) {
        this.root = undefined; // VS Code already asked for the root since the change: it has these rows
      } else {
        this.root = 'sent';
        this.fire(undefined);
      }
    }, Math.max(0, wait));
  }
}
