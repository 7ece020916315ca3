/**
 * The few parts of Node's `process` that the npm `assert` package and its
 * `util` dependency look at (NODE_DEBUG, deprecation flags, nextTick). The web
 * worker has no `process`; scripts/build.mjs injects this one into the web test
 * bundle, where it stands for every free `process` (mocha's browser build
 * carries its own).
 */
export const process = {
  env: {} as Record<string, string | undefined>,
  noDeprecation: false,
  throwDeprecation: false,
  traceDeprecation: false,
  nextTick(callback: (...args: unknown[]) => void, ...args: unknown[]): void {
    queueMicrotask(() => callback(...args));
  },
};
