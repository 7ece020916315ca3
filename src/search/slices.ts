import * as vscode from 'vscode';

/** A task of ours on the extension host's thread longer than this is a long task (the goal). */
export const LONG_TASK_MS = 50;
/** Steps run back to back until this much time is spent, then the event loop gets a turn. */
const SLICE_MS = 10;

const turn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The search index's tasks on the extension host's thread, measured: each
 * step of a sliced operation and each keystroke's search. One over 50 ms is
 * said in the output channel and on the console (where the extension host's
 * log and VS Code for the Web's page console show it) as
 * `[Digest Reader] long task: …`, and kept per phase for tests.
 */
export class TaskClock {
  /** The longest task per phase (index, load, save, compact, search) so far. */
  readonly longest = new Map<string, number>();

  constructor(private readonly output?: vscode.OutputChannel) {}

  record(phase: string, ms: number): void {
    if (ms > (this.longest.get(phase) ?? 0)) {
      this.longest.set(phase, ms);
    }
    if (ms > LONG_TASK_MS) {
      const message = `[Digest Reader] long task: ${phase} held the extension host for ${Math.round(ms)} ms (goal: at most ${LONG_TASK_MS} ms)`;
      this.output?.appendLine(`[${new Date().toISOString()}] ${message}`);
      console.warn(message);
    }
  }

  /** Times one synchronous task. */
  time<T>(phase: string, task: () => T): T {
    const started = performance.now();
    try {
      return task();
    } finally {
      this.record(phase, performance.now() - started);
    }
  }

  /**
   * Runs a generator's steps, a slice of about 10 ms at a time with a turn
   * of the event loop between slices; each step is timed. Stops early (and
   * answers undefined) when `token` is cancelled.
   */
  async run<T>(phase: string, steps: Generator<unknown, T, void>, token?: vscode.CancellationToken): Promise<T | undefined> {
    let sliceStart = performance.now();
    for (;;) {
      if (token?.isCancellationRequested) {
        return undefined;
      }
      const started = performance.now();
      const step = steps.next();
      this.record(phase, performance.now() - started);
      if (step.done) {
        return step.value;
      }
      if (performance.now() - sliceStart >= SLICE_MS) {
        await turn();
        sliceStart = performance.now();
      }
    }
  }
}
