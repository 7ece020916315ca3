/**
 * Long work on the extension host's thread, cut into slices: the work calls
 * `tick()` between small steps, and once a slice has run `budgetMs` it
 * yields to the event loop (a macrotask, so input, I/O and other extensions
 * run in between). Nothing here blocks longer than one step past the budget.
 */
export class Slicer {
  private sliceStart: number;

  constructor(
    private readonly budgetMs = 12,
    private readonly pause: () => Promise<void> = () => new Promise((resolve) => setTimeout(resolve, 0)),
  ) {
    this.sliceStart = now();
  }

  /** True when this slice has used its time. */
  get due(): boolean {
    return now() - this.sliceStart >= this.budgetMs;
  }

  /** Yields when the slice's time is used; returns whether it did. */
  async tick(): Promise<boolean> {
    if (!this.due) {
      return false;
    }
    await this.pause();
    this.sliceStart = now();
    return true;
  }

  /** Starts a new slice after the caller awaited something that yielded anyway (a file read). */
  restart(): void {
    this.sliceStart = now();
  }
}

function now(): number {
  return typeof performance === 'object' ? performance.now() : Date.now();
}
