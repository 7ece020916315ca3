/**
 * Starts the citation worker in Node's extension host: a worker thread.
 * The web bundle replaces this file with spawn.web.ts (scripts/build.mjs):
 * no Node built-in reaches the web worker.
 */
import { Worker } from 'node:worker_threads';
import * as vscode from 'vscode';

export interface CitationWorker {
  post(message: unknown): void;
  onMessage(listener: (message: unknown) => void): void;
  onError(listener: (error: Error) => void): void;
  terminate(): void;
}

export function spawnCitationWorker(extensionUri: vscode.Uri): Promise<CitationWorker> {
  return spawnBundledWorker(extensionUri, 'citation.js');
}

/** Starts one of the extension's worker bundles (dist/<bundle>; the ranking worker too). */
export async function spawnBundledWorker(extensionUri: vscode.Uri, bundle: string): Promise<CitationWorker> {
  const worker = new Worker(vscode.Uri.joinPath(extensionUri, 'dist', bundle).fsPath);
  worker.unref();
  return {
    post: (message) => worker.postMessage(message),
    onMessage: (listener) => worker.on('message', listener),
    onError: (listener) => worker.on('error', listener),
    terminate: () => void worker.terminate(),
  };
}
