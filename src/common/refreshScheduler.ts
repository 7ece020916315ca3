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
 *
 * Our own reveals go through `reveal`: the extension host walks the rows it
 * knows down to the node, fetching the ones it does not. A refresh sent while
 * it walks makes it lose its way ("Cannot resolve tree item for element …"),
 * and a reveal started while a root refresh waits here walks rows that are
 * no longer ours (VS Code itself holds a reveal only for refreshes already
 * sent). So a reveal waits for a root refresh to go out, and refreshes wait
 * for a reveal to end.
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
  /** One of our reveals is under way; rows to refresh once it is done. */
  private revealInFlight = false;
  private heldRows = new Set<Node>();
  /** Reveals waiting for a root refresh to go out (or to be dropped, or the view to hide). */
  private waitingReveals: (() => void)[] = [];

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

  /**
   * Runs one of our reveals (`run` returns undefined when there is nothing
   * to reveal any more): once no root refresh waits to be sent, and with
   * every refresh held until it is done.
   */
  async reveal(run: () => Thenable<void> | undefined): Promise<void> {
    while (this.root === 'scheduled' && this.visible) {
      await new Promise<void>((resume) => this.waitingReveals.push(resume));
    }
    const revealing = run();
    if (!revealing) {
      return;
    }
    this.revealInFlight = true;
    // VS Code fetches the rows on the way to the node.
    this.lastFetch = this.clock.now();
    try {
      await revealing;
    } finally {
      this.revealInFlight = false;
      this.lastFetch = this.clock.now();
      const held = [...this.heldRows];
      this.heldRows.clear();
      if (this.root === 'scheduled') {
        this.sendWhenQuiet();
      } else {
        this.refreshRows(held);
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
    if (!visible) {
      this.resumeReveals(); // they find the view hidden and reveal nothing
    }
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
      if (this.revealInFlight) {
        nodes.forEach((node) => this.heldRows.add(node));
        return;
      }
      this.lastFire = this.clock.now();
      this.fire(nodes);
    }
  }

  private resumeReveals(): void {
    const waiting = this.waitingReveals;
    this.waitingReveals = [];
    waiting.forEach((resume) => resume());
  }

  private sendWhenQuiet(): void {
    const wait = Math.max(this.lastFetch + QUIET_AFTER_FETCH_MS, this.lastFire + EXTENSION_HOST_DEBOUNCE_MS) - this.clock.now();
    this.clock.setTimeout(() => {
      const now = this.clock.now();
      if (!this.visible || this.revealInFlight || this.root !== 'scheduled') {
        return; // sent when the view shows again, or when the reveal is done
      }
      if (now - this.lastFetch < QUIET_AFTER_FETCH_MS || now - this.lastFire < EXTENSION_HOST_DEBOUNCE_MS) {
        this.sendWhenQuiet();
      } else if (this.servedVersion === this.version) {
        this.root = undefined; // VS Code already asked for the root since the change: it has these rows
        this.resumeReveals();
      } else {
        this.root = 'sent';
        this.lastFire = now;
        this.fire(undefined);
        this.resumeReveals(); // VS Code holds a reveal now until it has fetched the new rows
      }
    }, Math.max(0, wait));
  }
}
