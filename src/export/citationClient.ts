/**
 * Formats citations in a worker: citeproc builds a style's engine in one
 * synchronous run of seconds, which must not stop the extension host. The
 * worker also keeps citation-js and citeproc (most of the code) out of the
 * extension's bundle: they load on the first citation.
 */
import * as vscode from 'vscode';
import type { CitedArticle } from '../core';
import { isCitationResponse, type CitationRequest } from './worker/protocol';
import { spawnCitationWorker, type CitationWorker } from './worker/spawn';

interface Pending {
  resolve(text: string | undefined): void;
  reject(error: Error): void;
}

export class CitationClient implements vscode.Disposable {
  private worker: Promise<CitationWorker> | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(private readonly extensionUri: vscode.Uri) {}

  private start(): Promise<CitationWorker> {
    this.worker ??= spawnCitationWorker(this.extensionUri).then((worker) => {
      worker.onMessage((message) => {
        // Only answers of the known shape, to requests still waiting.
        if (isCitationResponse(message)) {
          const pending = this.pending.get(message.id);
          this.pending.delete(message.id);
          if (message.error !== undefined) {
            pending?.reject(new Error(message.error));
          } else {
            pending?.resolve(message.text);
          }
        }
      });
      worker.onError((error) => this.stop(error));
      return worker;
    });
    return this.worker;
  }

  /** Ends the worker (a cancel, a crash): what waits fails; the next citation starts a new one. */
  private stop(error: Error): void {
    const worker = this.worker;
    this.worker = undefined;
    void worker?.then((w) => w.terminate(), () => undefined);
    for (const pending of this.pending.values()) {
      pending.reject(error);
    }
    this.pending.clear();
  }

  /** The citation as plain text, or undefined without an arXiv id. */
  async format(article: CitedArticle, style: CitationRequest['style'], token?: vscode.CancellationToken): Promise<string | undefined> {
    const worker = await this.start();
    const id = this.nextId++;
    const request: CitationRequest = {
      id,
      // Plain data only: the worker gets a copy.
      article: { arxivId: article.arxivId, titles: { ...article.titles }, authors: [...article.authors], sourceLanguage: article.sourceLanguage, date: article.date, subject: article.subject, digestDate: article.digestDate },
      style,
    };
    return new Promise<string | undefined>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      token?.onCancellationRequested(() => this.stop(new vscode.CancellationError()));
      worker.post(request);
    });
  }

  dispose(): void {
    this.stop(new Error('the extension stopped'));
  }
}
