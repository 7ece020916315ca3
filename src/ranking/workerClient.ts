/** Requests to the ranking worker, each answered by id; the worker is started on the first request. */
import * as vscode from 'vscode';
import { spawnBundledWorker, type CitationWorker } from '../export/worker/spawn';
import { isRankingResponse, type RankingRequest, type RankingResponse } from './worker/protocol';

/** A request without its id (the client numbers them). */
export type Request = RankingRequest extends infer R ? (R extends RankingRequest ? Omit<R, 'id'> : never) : never;

export class RankingWorkerClient implements vscode.Disposable {
  private worker: Promise<CitationWorker> | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (response: RankingResponse) => void; reject: (error: Error) => void }>();

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly output: vscode.OutputChannel,
  ) {}

  private start(): Promise<CitationWorker> {
    this.worker ??= spawnBundledWorker(this.extensionUri, 'ranking.js').then((worker) => {
      worker.onMessage((message) => {
        if (!isRankingResponse(message)) {
          this.output.appendLine(`Ranking: the worker sent a message of an unknown shape; ignored.`);
          return;
        }
        const waiting = this.pending.get(message.id);
        this.pending.delete(message.id);
        waiting?.resolve(message);
      });
      worker.onError((error) => {
        this.output.appendLine(`Ranking: the worker failed: ${error.message}`);
        for (const waiting of this.pending.values()) {
          waiting.reject(error);
        }
        this.pending.clear();
        this.worker = undefined; // the next request starts a new one
      });
      return worker;
    });
    return this.worker;
  }

  async request(request: Request): Promise<RankingResponse> {
    const worker = await this.start();
    const id = this.nextId++;
    return new Promise<RankingResponse>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.post({ ...request, id });
    });
  }

  dispose(): void {
    void this.worker?.then((worker) => worker.terminate());
    this.worker = undefined;
  }
}
