import * as vscode from 'vscode';
import { DigestListings } from '../core/library';
import type { Library } from '../library';

/** "Also in cs.LG 2025-06-06": which other digest of the workspace lists the same paper. */
export interface AlsoIn {
  alsoIn(key: string, subject: string, date: string): string | undefined;
  /** When the answers may have changed (the Library found, changed or lost digests). */
  readonly onDidChange: vscode.Event<void>;
}

/** A scan changes the Library several times a second: the answers are rebuilt at most this often. */
const REBUILD_MS = 1_000;

/**
 * Answers from the Library's index of every digest in the workspace (each
 * summary holds its article keys), so a row says where else a paper was
 * listed on the first morning, before that other digest was ever opened.
 * Rebuilt lazily after the Library changes.
 */
export class LibraryAlsoIn implements AlsoIn, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private library: Pick<Library, 'entries' | 'onDidChange'> | undefined;
  private listings: DigestListings | undefined;
  private readonly disposables: vscode.Disposable[] = [this.changed, { dispose: () => clearTimeout(this.timer) }];
  private timer: ReturnType<typeof setTimeout> | undefined;

  /** Starts answering from `library` (registered after the views that ask). */
  follow(library: Pick<Library, 'entries' | 'onDidChange'>): void {
    this.library = library;
    this.listings = undefined;
    this.disposables.push(library.onDidChange(() => {
      this.timer ??= setTimeout(() => {
        this.timer = undefined;
        this.listings = undefined;
        this.changed.fire();
      }, REBUILD_MS);
    }));
    this.changed.fire();
  }

  alsoIn(key: string, subject: string, date: string): string | undefined {
    if (!this.library) {
      return undefined;
    }
    this.listings ??= new DigestListings(this.library.entries().map((entry) => entry.summary));
    return this.listings.alsoIn(key, subject, date);
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
