/**
 * How the benches time work on the extension host's thread: each step of a
 * stepped operation by its own time (the smaller of wall and CPU time, as
 * the extension's TaskClock in src/search/slices.ts counts it: a busy
 * machine's descheduling inflates wall time only, the garbage collector's
 * other threads CPU time only), and the event loop's longest delay.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';

/** Steps run back to back until this much time is spent, then the event loop gets a turn (as the extension runs them). */
const SLICE_MS = 10;

/** Steps run as the extension runs them (about 10 ms, then a turn of the event loop), each timed. */
export class SteppedPhase {
  /** The longest step's own time (min of wall and CPU), and its wall time. */
  longest = 0;
  longestWall = 0;
  private readonly histogram = monitorEventLoopDelay({ resolution: 1 });

  start(): void {
    this.histogram.reset();
    this.histogram.enable();
  }

  /** The event loop's longest delay since `start`. */
  stop(): number {
    this.histogram.disable();
    return this.histogram.max / 1e6;
  }

  async run<T>(steps: Generator<unknown, T, void>): Promise<T> {
    let sliceStart = performance.now();
    for (;;) {
      const step = this.time(() => steps.next());
      if (step.done) {
        return step.value;
      }
      if (performance.now() - sliceStart >= SLICE_MS) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        sliceStart = performance.now();
      }
    }
  }

  /** Runs steps back to back, each timed (a keystroke's search, awaited by nobody in between). */
  drain<T>(steps: Generator<unknown, T, void>): T {
    for (;;) {
      const step = this.time(() => steps.next());
      if (step.done) {
        return step.value;
      }
    }
  }

  /** Times one synchronous task. */
  time<T>(task: () => T): T {
    const wall = performance.now();
    const cpu = process.cpuUsage();
    try {
      return task();
    } finally {
      const elapsed = performance.now() - wall;
      const used = process.cpuUsage(cpu);
      this.longest = Math.max(this.longest, Math.min(elapsed, (used.user + used.system) / 1000));
      this.longestWall = Math.max(this.longestWall, elapsed);
    }
  }
}
