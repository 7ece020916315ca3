/**
 * When a burst of file events is handled: together, a moment after the
 * first (a save is several events), each burst once the one before it is
 * done, and events that came while one was handled as the next burst at
 * once (else they would wait for some later event, perhaps for ever).
 */
export interface BurstTimer {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export class BurstSchedule {
  private timer: unknown;
  private working: Promise<void> = Promise.resolve();
  private disposed = false;

  constructor(
    /** Takes the events gathered so far and handles them; its errors are its own to report. */
    private readonly handle: () => Promise<void>,
    /** Whether events wait (came in since `handle` took them). */
    private readonly waiting: () => boolean,
    private readonly delayMs: number,
    private readonly timers: BurstTimer = { setTimeout: (run, ms) => setTimeout(run, ms), clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>) },
  ) {}

  /** An event came (the caller has gathered it). */
  poke(): void {
    if (this.timer !== undefined || this.disposed) {
      return;
    }
    this.timer = this.timers.setTimeout(() => {
      this.working = this.working
        .then(() => (this.disposed ? undefined : this.handle()))
        .finally(() => {
          this.timer = undefined;
          if (this.waiting()) {
            this.poke();
          }
        });
    }, this.delayMs);
  }

  /** Events wait, or are being handled. */
  get busy(): boolean {
    return this.timer !== undefined;
  }

  /** Resolves when the burst being handled is done. */
  get idle(): Promise<void> {
    return this.working;
  }

  dispose(): void {
    this.disposed = true;
    this.timers.clearTimeout(this.timer);
  }
}
