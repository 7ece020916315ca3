/**
 * The huge single digests of issue 17 for the Library and search benches: one
 * day of 20,000 articles in one file (~58 MB), and a file of 120 days of 150
 * articles one after another (~50 MB, what a reader gets by concatenating a
 * subject's digests). And the way their work is timed: each step of a stepped
 * reader by its own time (the smaller of wall and CPU time, as the extension's
 * TaskClock counts it: a busy machine's descheduling inflates wall time only),
 * and the event loop's longest delay over the whole.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { generateDigest } from '../test/support/generate';

export const HUGE_ARTICLES = 20_000;
export const CONCATENATED_DAYS = 120;

/** The two huge digests as bytes, as they are on disk. */
export function hugeDigests(): { name: string; bytes: Uint8Array; articles: number }[] {
  const huge = generateDigest(HUGE_ARTICLES, { seed: 7 }).text;
  const days: string[] = [];
  for (let day = 0; day < CONCATENATED_DAYS; day++) {
    const date = new Date(Date.UTC(2025, 5, 1) - day * 86_400_000).toISOString().slice(0, 10);
    days.push(generateDigest(150, { seed: 100 + day }).text.replace(/^cs\.DC @ 2025-06-01: /, `cs.DC @ ${date}: `));
  }
  return [
    { name: `one day of ${HUGE_ARTICLES.toLocaleString('en')} articles`, bytes: new TextEncoder().encode(huge), articles: HUGE_ARTICLES },
    { name: `${CONCATENATED_DAYS} days × 150 articles in one file`, bytes: new TextEncoder().encode(days.join('\n')), articles: CONCATENATED_DAYS * 150 },
  ];
}

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
      if (performance.now() - sliceStart >= 10) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        sliceStart = performance.now();
      }
    }
  }

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
