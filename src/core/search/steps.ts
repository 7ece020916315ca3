/** Running the index's generators: each step is a small synchronous task, so a caller can yield between steps. */

/** Runs a generator to its end at once and answers its value (tests, benchmarks, Node scripts). */
export function drain<T>(steps: Generator<unknown, T, void>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) {
      return step.value;
    }
  }
}
