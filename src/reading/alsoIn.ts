import * as vscode from 'vscode';
import { DigestListings, Slicer } from '../core/library';
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
 * Kept up to date after the Library changes, file by file and in slices of
 * a few ms (a year of digests is 110,000 keys): rows that ask meanwhile get
 * what is known so far, and are told to ask again when it is done.
 */
export class LibraryAlsoIn implements AlsoIn, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private library: Pick<Library, 'entries' | 'onDidChange'> | undefined;
  private readonly listings = new DigestListings();
  private readonly disposables: vscode.Disposable[] = [this.changed, { dispose: () => clearTimeout(this.timer) }];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private updating: Promise<void> | undefined;
  private again = false;
  private disposed = false;

  /** Starts answering from `library` (registered after the views that ask). */
  follow(library: Pick<Library, 'entries' | 'onDidChange'>): void {
    this.library = library;
    this.disposables.push(library.onDidChange(() => {
      this.timer ??= setTimeout(() => {
        this.timer = undefined;
        this.update();
      }, REBUILD_MS);
    }));
    this.update();
  }

  /** Brings the listings to the Library as it is now, in slices; one update at a time, the last change always seen. */
  private update(): void {
    if (this.updating) {
      this.again = true;
      return;
    }
    this.updating = this.run().finally(() => {
      this.updating = undefined;
      if (this.again && !this.disposed) {
        this.again = false;
        this.update();
      }
    });
  }

  private async run(): Promise<void> {
    const library = this.library;
    if (!library) {
      return;
    }
    const slicer = new Slicer(10);
    const steps = this.listings.update(library.entries().map((entry) => [entry.uri.toString(), entry.summary]));
    for (let step = steps.next(); ; step = steps.next()) {
      if (step.done) {
        if (step.value > 0 && !this.disposed) {
          this.changed.fire();
        }
        return;
      }
      await slicer.tick();
      if (this.disposed) {
        return;
      }
    }
  }

  alsoIn(key: string, subject: string, date: string): string | undefined {
    return this.library ? this.listings.alsoIn(key, subject, date) : undefined;
  }

  dispose(): void {
    this.disposed = true;
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
