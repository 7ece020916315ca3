/** What the benches share: medians of wall time, the gc they need, and right-aligned tables. */

/** `globalThis.gc`, which the benches need to measure heap and to start each figure from a collected heap. */
export function requireGc(): () => void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) {
    throw new Error('Run with node --expose-gc (npm run bench does).');
  }
  return gc;
}

/**
 * Median wall time of `run(setup())` in milliseconds, `setup` not counted,
 * repeated until about `budgetMs` is spent (at least `minRuns`, at most 200).
 */
export function medianWithSetup<T>(setup: () => T, run: (input: T) => unknown, budgetMs = 1500, minRuns = 5): number {
  const times: number[] = [];
  const started = performance.now();
  while (times.length < minRuns || (performance.now() - started < budgetMs && times.length < 200)) {
    const input = setup();
    const t0 = performance.now();
    run(input);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** Median wall time of `run` in milliseconds, repeated until about `budgetMs` is spent. */
export function median(run: () => unknown, budgetMs = 1500, minRuns = 5): number {
  return medianWithSetup(() => undefined, run, budgetMs, minRuns);
}

/**
 * Medians of `run` and of `baseline`, run one after the other in turns until
 * about `budgetMs` is spent, and the median of their ratio in each turn. On a
 * shared machine a burst of load then falls on both alike, so the ratio holds
 * far better than two medians measured one after the other.
 */
export function medianAgainst(run: () => unknown, baseline: () => unknown, budgetMs = 3000, minRuns = 7): { run: number; baseline: number; ratio: number } {
  const runs: number[] = [];
  const baselines: number[] = [];
  const ratios: number[] = [];
  const started = performance.now();
  while (runs.length < minRuns || (performance.now() - started < budgetMs && runs.length < 200)) {
    const t0 = performance.now();
    baseline();
    const t1 = performance.now();
    run();
    const t2 = performance.now();
    baselines.push(t1 - t0);
    runs.push(t2 - t1);
    ratios.push((t2 - t1) / (t1 - t0));
  }
  const middle = (values: number[]): number => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
  return { run: middle(runs), baseline: middle(baselines), ratio: middle(ratios) };
}

/** Milliseconds per call of something too fast to time once: the median of `repeat` calls in a row, divided by `repeat`. */
export function perCall(run: () => unknown, repeat: number, budgetMs = 1000): number {
  return median(() => {
    for (let i = 0; i < repeat; i++) {
      run();
    }
  }, budgetMs) / repeat;
}

export function megabytes(bytes: number): number {
  return bytes / 1024 / 1024;
}

/** Milliseconds with three significant digits (`12.3`, `0.0456`), so that microseconds still show. */
export function ms(value: number): string {
  return value >= 100 ? value.toFixed(0) : value.toPrecision(3);
}

/** Rows of cells, printed right-aligned under the first row (the header). Numbers get 2 decimals below 100. */
export class Table {
  private readonly rows: string[][] = [];

  row(...cells: (string | number)[]): void {
    this.rows.push(cells.map((c) => (typeof c === 'number' ? c.toFixed(c >= 100 ? 0 : 2) : c)));
  }

  /** Prints and empties the table; `left` columns are left-aligned (labels). */
  print(left: readonly number[] = []): void {
    const widths = this.rows[0].map((_, c) => Math.max(...this.rows.map((r) => (r[c] ?? '').length)));
    for (const r of this.rows) {
      console.log('  ' + r.map((cell, c) => (left.includes(c) ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ').trimEnd());
    }
    this.rows.length = 0;
  }
}
