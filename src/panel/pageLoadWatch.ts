import * as vscode from 'vscode';

/** How long a page in sight may take to say it is ready before it counts as stuck. */
export const PAGE_STUCK_MS = 8_000;

/**
 * Watches a webview page that says "ready" when its script starts. VS Code
 * can restore a page blank after a window reload (microsoft/vscode#98746, seen
 * here with the inbox in VS Code for the Web): one that stays in sight without
 * saying ready is loaded again, once, and `stuck` tells an "open" command to
 * start a new panel instead of revealing a blank one.
 *
 * A hidden page is dropped by VS Code (no retained context) and loads again
 * when shown: each showing waits for its own "ready".
 */
export class PageLoadWatch implements vscode.Disposable {
  private ready = false;
  private loadedAt = Date.now();
  private reloaded = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly panel: vscode.WebviewPanel,
    /** Sets the page's HTML again: a new load. */
    private readonly reload: () => void,
    private readonly waitMs = PAGE_STUCK_MS,
  ) {
    this.subscription = panel.onDidChangeViewState(() => this.viewStateChanged());
    this.arm();
  }

  /** The page said it is ready (its script runs). */
  get isReady(): boolean {
    return this.ready;
  }

  pageReady(): void {
    this.ready = true;
    clearTimeout(this.timer);
  }

  /**
   * In sight for a while (`waitMs` since it was last loaded) and not ready.
   * Not only once its reload failed too: by then an "open" command would have
   * revealed a blank page for twice as long.
   */
  get stuck(): boolean {
    return this.panel.visible && !this.ready && Date.now() - this.loadedAt >= this.waitMs;
  }

  private viewStateChanged(): void {
    if (!this.panel.visible) {
      this.ready = false; // VS Code drops the page; the next showing loads it anew
      clearTimeout(this.timer);
      return;
    }
    if (!this.ready) {
      this.loadedAt = Date.now();
      this.arm();
    }
  }

  private arm(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      if (this.panel.visible && !this.ready && !this.reloaded) {
        this.reloaded = true;
        this.loadedAt = Date.now();
        this.reload();
        this.arm();
      }
    }, this.waitMs);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.subscription.dispose();
  }
}
