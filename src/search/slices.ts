import * as vscode from 'vscode';

/** A task of ours on the extension host's thread longer than this is a long task (the goal). */
export const LONG_TASK_MS = 50;
/** Steps run back to back until this much time is spent, then the event loop gets a turn. */
const SLICE_MS = 10;

const turn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

type CpuUsage = (previous?: { user: number; system: number }) => { user: number; system: number };
/** Node's extension host can tell the CPU time a task used; the web worker's cannot (wall time there). */
const cpuUsage = (globalThis as { process?: { cpuUsage?: CpuUsage } }).process?.cpuUsage;

/**
 * Measures one task: its wall time, and where the host can tell, the CPU
 * time the process used meanwhile. On a busy machine the OS can take the
 * thread away in the middle of a short task (wall time grows, CPU time does
 * not); other threads (the garbage collector's) add CPU time, not wall time:
 * the thread's own work is at most the smaller of the two.
 */
function startTask(): () => { wall: number; cpu: number | undefined } {
  const started = performance.now();
  const cpu = cpuUsage?.();
  return () => {
    const used = cpu && cpuUsage?.(cpu);
    return { wall: performance.now() - started, cpu: used && (used.user + used.system) / 1000 };
  };
}

/**
 * The search index's tasks on the extension host's thread, measured: each
 * step of a sliced operation and each keystroke's search. One over 50 ms
 * (of the thread's own time: wall time, or less where the process's CPU
 * time shows the OS took the thread away) is said in the
 * output channel and on the console (where code-server's page console and
 * VS Code for the Web's show it) as `[Digest Reader] long task: …`, and the
 * longest is kept per phase for tests.
 */
export class TaskClock {
  /** The longest task per phase (index, load, save, compact, search) so far. */
  readonly longest = new Map<string, number>();

  constructor(private readonly output?: vscode.OutputChannel) {}

  record(phase: string, wall: number, cpu?: number): void {
    const ms = cpu === undefined ? wall : Math.min(wall, cpu);
    if (ms > (this.longest.get(phase) ?? 0)) {
      this.longest.set(phase, ms);
    }
    if (ms > LONG_TASK_MS) {
      const measured = cpu === undefined ? `${Math.round(wall)} ms` : `${Math.round(ms)} ms (${Math.round(wall)} ms wall, ${Math.round(cpu)} ms CPU)`;
      const message = `[Digest Reader] long task: ${phase} held the extension host for ${measured} (goal: at most ${LONG_TASK_MS} ms)`;
      this.output?.appendLine(`[${new Date().toISOString()}] ${message}`);
      console.warn(message);
    }
  }

  /** Times one synchronous task. */
  time<T>(phase: string, task: () => T): T {
    const done = startTask();
    try {
      return task();
    } finally {
      const { wall, cpu } = done();
      this.record(phase, wall, cpu);
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
      const done = startTask();
      const step = steps.next();
      const { wall, cpu } = done();
      this.record(phase, wall, cpu);
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
