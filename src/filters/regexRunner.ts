/**
 * Runs a filter's regular expressions in a worker and ends the worker past a
 * deadline: a catastrophic pattern (`(a+)+$` on a long abstract) costs at most
 * the deadline, and the extension host never waits on it. Node's extension
 * host gets a `worker_threads` worker (loaded lazily, so the web bundle never
 * needs it); the web worker extension host a nested Web Worker from a Blob.
 */
import { runRegexJob, type RegexJob, type RegexJobResult } from '../core';

export const REGEX_DEADLINE_MS = 1000;
/** A worker that has not even started by then (a machine under load) is a failure, not "too slow". */
const START_TIMEOUT_MS = 15_000;

export type RegexOutcome =
  | { kind: 'done'; result: RegexJobResult }
  /** `patterns` and `seconds` let a caller say the message in another language. */
  | { kind: 'too slow'; message: string; patterns: string; seconds: number }
  | { kind: 'failed'; message: string }
  | { kind: 'cancelled' };

/** Something that can be cancelled (a `vscode.CancellationToken`, without importing vscode here). */
export interface Cancellation {
  isCancellationRequested: boolean;
  onCancellationRequested(listener: () => void): { dispose(): void };
}

/** The running worker, whichever host made it. */
interface JobWorker {
  onMessage(listener: (data: unknown) => void): void;
  onError(listener: (message: string) => void): void;
  post(job: RegexJob): void;
  terminate(): void;
}

/** The worker's script: says it started (the deadline counts from then), then answers one job. */
function workerSource(kind: 'node' | 'web'): string {
  const run = `(${runRegexJob.toString()})`;
  const answer = `(job) => { let reply; try { reply = { result: ${run}(job) }; } catch (error) { reply = { error: String(error) }; } post(reply); }`;
  return kind === 'node'
    ? `const { parentPort } = require('worker_threads'); const post = (m) => parentPort.postMessage(m); parentPort.once('message', ${answer}); post('started');`
    : `const post = (m) => self.postMessage(m); self.onmessage = (event) => (${answer})(event.data); post('started');`;
}

/** The little of the Web Worker API used here (the extension is typed without the DOM library). */
interface WebWorker {
  addEventListener(type: 'message' | 'error', listener: (event: { data?: unknown; message?: string }) => void): void;
  postMessage(message: unknown): void;
  terminate(): void;
}
type WebWorkerConstructor = new (url: string) => WebWorker;

/** The web worker extension host has `Worker`; Node's (which has no global `Worker`) gets worker_threads. */
async function startWorker(): Promise<JobWorker> {
  const WebWorkerClass = (globalThis as { Worker?: WebWorkerConstructor }).Worker;
  if (typeof WebWorkerClass === 'function') {
    const url = URL.createObjectURL(new Blob([workerSource('web')], { type: 'text/javascript' }));
    const worker = new WebWorkerClass(url);
    return {
      onMessage: (listener) => worker.addEventListener('message', (event) => listener(event.data)),
      onError: (listener) => worker.addEventListener('error', (event) => listener(event.message || 'the worker failed')),
      post: (job) => worker.postMessage(job),
      terminate: () => {
        worker.terminate();
        URL.revokeObjectURL(url);
      },
    };
  }
  const threads = await import('node:worker_threads');
  const worker = new threads.Worker(workerSource('node'), { eval: true });
  return {
    onMessage: (listener) => worker.on('message', listener),
    onError: (listener) => worker.on('error', (error: Error) => listener(error.message)),
    post: (job) => worker.postMessage(job),
    terminate: () => void worker.terminate(),
  };
}

/** Runs the job; "too slow" past `deadlineMs` of work. Never throws. */
export async function runRegexesBounded(job: RegexJob, cancellation?: Cancellation, deadlineMs = REGEX_DEADLINE_MS): Promise<RegexOutcome> {
  if (job.terms.length === 0) {
    return { kind: 'done', result: [] };
  }
  if (cancellation?.isCancellationRequested) {
    return { kind: 'cancelled' };
  }
  let worker: JobWorker;
  try {
    worker = await startWorker();
  } catch (error) {
    return { kind: 'failed', message: `Regular expressions cannot run here: no worker could be started (${String(error)}).` };
  }
  return new Promise<RegexOutcome>((resolve) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let settled = false;
    const finish = (outcome: RegexOutcome): void => {
      if (settled) {
        return;
      }
      settled = true;
      clearTimeout(timer);
      cancelListener?.dispose();
      worker.terminate();
      resolve(outcome);
    };
    const cancelListener = cancellation?.onCancellationRequested(() => finish({ kind: 'cancelled' }));
    timer = setTimeout(() => finish({ kind: 'failed', message: 'Regular expressions cannot run here: the worker did not start.' }), START_TIMEOUT_MS);
    worker.onError((message) => finish({ kind: 'failed', message: `The regular expressions failed: ${message}` }));
    worker.onMessage((data) => {
      if (data === 'started') {
        clearTimeout(timer);
        timer = setTimeout(() => finish({ kind: 'too slow', message: tooSlowMessage(job, deadlineMs), patterns: patternsOf(job), seconds: deadlineMs / 1000 }), deadlineMs);
        worker.post(job);
        return;
      }
      const reply = data as { result?: RegexJobResult; error?: string } | null;
      if (reply && Array.isArray(reply.result)) {
        finish({ kind: 'done', result: reply.result });
      } else {
        finish({ kind: 'failed', message: `The regular expressions failed: ${reply?.error ?? 'no answer'}` });
      }
    });
  });
}

function patternsOf(job: RegexJob): string {
  return job.terms.map((term) => `/${term.source}/${term.flags}`).join(' ');
}

function tooSlowMessage(job: RegexJob, deadlineMs: number): string {
  const patterns = patternsOf(job);
  return `The regular expression ${patterns} is too slow: it did not finish within ${deadlineMs / 1000} s on this digest (it backtracks too much). Nothing was changed.`;
}
