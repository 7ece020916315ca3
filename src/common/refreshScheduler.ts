/** How long VS Code must not have asked for rows before a root refresh is sent. */
const QUIET_AFTER_FETCH_MS = 300;
/**
 * VS Code's extension host holds a tree's change events for 200 ms after one
 * it passed on, then passes the rest at once: a root refresh sent later than
 * this after the previous event is passed on at the moment it is sent.
 */
const EXTENSION_HOST_DEBOUNCE_MS = 250;

/**
 * Decides when a tree's refreshes reach VS Code.
 *
 * A root refresh makes the extension host forget every row at once. VS Code
 * asking for an expanded row's children just then, or a second root refresh
 * before VS Code fetched the first, gets "No tree item with id … found". So
 * root refreshes are merged; are sent only when VS Code has been quiet for a
 * moment and the extension host will pass them on at once (not 200 ms later,
 * in the middle of VS Code's next fetch); are dropped when VS Code fetched
 * the root since the change anyway; and row refreshes wait for them (a root
 * refresh redraws every row).
 */
/** Time as the scheduler sees it (tests give it a manual one). */
export interface Clock {
  now(): number;
  setTimeout(run: () => void, ms: number): void;
}

export class RefreshScheduler<Node> {
  private root: 'scheduled' | 'sent' | undefined;
  /** Counts changes that need the root redrawn, and which of them VS Code has fetched. */
  private version = 0;
  private servedVersion = -1;
  private lastFetch = 0;
  private lastFire = 0;
  /** A hidden view gets nothing: VS Code fetches it when it shows it, and our refresh would race that fetch. */
  private visible = true;

  constructor(
    private readonly fire: (nodes: Node[] | undefined) => void,
    private readonly clock: Clock = { now: () => Date.now(), setTimeout: (run, ms) => void setTimeout(run, ms) },
  ) {}

  /** Call from `getChildren`. */
  fetched(isRoot: boolean): void {
    this.lastFetch = this.clock.now();
    if (isRoot) {
      this.servedVersion = this.version;
      if (this.root === 'sent') {
        this.root = undefined; // VS Code redraws every row now
      }
    }
  }

  /** Call with the view's visibility (from `onDidChangeVisibility`). */
  setVisible(visible: boolean): void {
    if (visible === this.visible) {
      return;
    }
    this.visible = visible;
    if (visible && this.root === 'scheduled') {
      // VS Code fetches the rows of a view it shows: give it the first word, then send what it did not fetch.
      this.lastFetch = this.clock.now();
      this.sendWhenQuiet();
    }
  }

  /** Call before `TreeView.reveal`: VS Code then fetches the rows on the way to the node. */
  revealing(): void {
    this.lastFetch = this.clock.now();
  }

  refreshRoot(): void {
    this.version++;
    if (this.root !== 'scheduled') {
      this.root = 'scheduled';
      if (this.visible) {
        this.sendWhenQuiet();
      }
    }
  }

  refreshRows(nodes: Node[]): void {
    if (!this.visible && nodes.length > 0) {
      this.refreshRoot(); // redrawn in full once shown
      return;
    }
    if (this.root === undefined && nodes.length > 0) {
      this.lastFire = this.clock.now();
      this.fire(nodes);
    }
  }

  private sendWhenQuiet(): void {
    const wait = Math.max(this.lastFetch + QUIET_AFTER_FETCH_MS, this.lastFire + EXTENSION_HOST_DEBOUNCE_MS) - this.clock.now();
    this.clock.setTimeout(() => {
      const now = this.clock.now();
      if (!this.visible) {
        return; // sent when the view shows again
      }
      if (now - this.lastFetch < QUIET_AFTER_FETCH_MS || now - this.lastFire < EXTENSION_HOST_DEBOUNCE_MS) {
        this.sendWhenQuiet();
      } else if (this.servedVersion === this.version) {
        this.root = undefined; // VS Code already asked for the root since the change: it has these rows
      } else {
        this.root = 'sent';
        this.lastFire = now;
        this.fire(undefined);
      }
    }, Math.max(0, wait));
  }
}
