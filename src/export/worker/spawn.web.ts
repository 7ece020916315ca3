/** Starts the citation worker in the web worker extension host: a nested worker from the bundle's text (a blob: URL, same origin). */
import * as vscode from 'vscode';
import type { CitationWorker } from './spawn';

interface WorkerLike {
  postMessage(message: unknown): void;
  terminate(): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener(type: 'error', listener: (event: { message?: string }) => void): void;
}
interface WebScope {
  Worker: new (url: string) => WorkerLike;
  Blob: new (parts: Uint8Array[], options: { type: string }) => object;
  URL: { createObjectURL(blob: object): string; revokeObjectURL(url: string): void };
}

export function spawnCitationWorker(extensionUri: vscode.Uri): Promise<CitationWorker> {
  return spawnBundledWorker(extensionUri, 'citation.js');
}

/** Starts one of the extension's worker bundles (dist/web/<bundle>; the ranking worker too). */
export async function spawnBundledWorker(extensionUri: vscode.Uri, bundle: string): Promise<CitationWorker> {
  const scope = globalThis as unknown as WebScope;
  const code = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'dist', 'web', bundle));
  const url = scope.URL.createObjectURL(new scope.Blob([code], { type: 'text/javascript' }));
  const worker = new scope.Worker(url);
  return {
    post: (message) => worker.postMessage(message),
    onMessage: (listener) => worker.addEventListener('message', (event) => listener(event.data)),
    onError: (listener) => worker.addEventListener('error', (event) => listener(new Error(event.message ?? `the worker ${bundle} failed`))),
    terminate: () => {
      worker.terminate();
      scope.URL.revokeObjectURL(url);
    },
  };
}
