import * as vscode from 'vscode';
import { decodeReadingState, encodeReadingState, ReadingState, type Marking, type StarredArticle } from '../core';

/** The globalState key: synced with Settings Sync. */
export const STATE_KEY = 'digestReader.readingState';

const SAVE_DELAY_MS = 400;
/**
 * Another window's markings reach this window's globalState without an event,
 * and a browser window may never see a focus change: look every few seconds
 * (one stamp compared; the state is decoded only when it differs).
 */
const OTHER_WINDOWS_CHECK_MS = 2_000;

/** The stamp a window writes with the state: who wrote it, and which of its writes. */
function stampOf(stored: unknown): string | undefined {
  const stamp = typeof stored === 'object' && stored !== null ? (stored as { stamp?: unknown }).stamp : undefined;
  return typeof stamp === 'string' ? stamp : undefined;
}

/** Which keys a change touched; `all` after a reload or an import. */
export type ReadingChange = { keys: readonly string[] } | 'all';

/**
 * The reading state of this user, in `globalState` (synced through Settings
 * Sync). Saved after every marking; re-read when the window regains focus
 * and when another window's stamp appears, so its markings show here. Damaged stored state is
 * never a crash: what can be read is kept, the rest reported once in the
 * output channel, and the damaged original kept aside.
 */
export class ReadingStore implements vscode.Disposable {
  readonly state = new ReadingState();
  private readonly changed = new vscode.EventEmitter<ReadingChange>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  /** The stamp of what this window last read or wrote, to tell another window's writes from ours without comparing megabytes. */
  private lastStamp: string | undefined;
  private readonly windowId = Math.random().toString(36).slice(2);
  private writes = 0;
  private saving: Promise<void> = Promise.resolve();
  /** Saving 100,000 read ids takes tens of milliseconds: markings in quick succession (n, n, n…) are saved together. */
  private saveTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly memento: vscode.Memento & { setKeysForSync(keys: readonly string[]): void },
    private readonly output: vscode.OutputChannel,
  ) {
    memento.setKeysForSync([STATE_KEY]);
    this.load(true);
    this.disposables.push(
      vscode.window.onDidChangeWindowState((window) => {
        if (window.focused) {
          this.load(false);
        }
      }),
    );
    const check = setInterval(() => this.load(false), OTHER_WINDOWS_CHECK_MS);
    this.disposables.push({ dispose: () => clearInterval(check) });
  }

  /** Re-reads the stored state if another window (or Settings Sync) changed it; the window's focus calls this. */
  reload(): void {
    this.load(false);
  }

  /** The stored value as it is (tests write a damaged one through the API to see it handled). */
  get stored(): { read(): unknown; write(value: unknown): Thenable<void> } {
    return { read: () => this.memento.get(STATE_KEY), write: (value) => this.memento.update(STATE_KEY, value) };
  }

  private load(first: boolean): void {
    const stored: unknown = this.memento.get(STATE_KEY);
    const stamp = stampOf(stored);
    if (!first && stamp === this.lastStamp) {
      return; // nothing new: no window wrote since we last read or wrote
    }
    if (!first && this.saveTimer !== undefined) {
      return; // our own markings are not saved yet: they win over what another window stored meanwhile
    }
    this.lastStamp = stamp;
    const loaded = decodeReadingState(stored);
    if (loaded.problems.length > 0 || !loaded.recognized) {
      this.report(stored, loaded.problems);
    }
    this.state.replace(loaded.read, loaded.starred);
    if (!first) {
      this.changed.fire('all');
    }
  }

  private report(stored: unknown, problems: string[]): void {
    const aside = `${STATE_KEY}.damaged.${new Date().toISOString()}`;
    // Keep the original: a later version or a careful hand may recover what this one could not read.
    void this.memento.update(aside, stored);
    this.output.appendLine(`[${new Date().toISOString()}] The stored reading state could not be read completely. What could be read is kept; the original is kept as "${aside}".`);
    for (const problem of problems) {
      this.output.appendLine(`  - ${problem}`);
    }
    void vscode.window.showWarningMessage(vscode.l10n.t('Digest Reader could not read all of your stored reading state. It kept what it could; details are in the output channel.'), vscode.l10n.t('Show Details')).then((choice) => {
      if (choice) {
        this.output.show(true);
      }
    });
  }

  setRead(keys: readonly string[], read: boolean, label: string): string[] {
    const changed = this.state.setRead(keys, read, label);
    this.afterChange(changed);
    return changed;
  }

  setStar(key: string, article: StarredArticle | undefined, label: string): boolean {
    const changed = this.state.setStar(key, article, label);
    this.afterChange(changed ? [key] : []);
    return changed;
  }

  undo(): Marking | undefined {
    const marking = this.state.undo();
    if (marking) {
      this.afterChange([...marking.read.keys(), ...marking.stars.keys()]);
    }
    return marking;
  }

  /** Adds an imported state; returns how much was new. */
  merge(read: Iterable<string>, starred: Iterable<StarredArticle>): { read: number; starred: number } {
    const counts = this.state.merge(read, starred);
    this.afterChange('all');
    return counts;
  }

  /** Forgets everything (through the API, for tests and tools; not a user command). */
  clear(): void {
    this.state.replace([], []);
    this.afterChange('all');
  }

  /** What an export writes, and what is stored. */
  snapshot(): ReturnType<typeof encodeReadingState> {
    return encodeReadingState(this.state.readKeysSnapshot(), this.state.starred());
  }

  private afterChange(keys: readonly string[] | 'all'): void {
    if (keys !== 'all' && keys.length === 0) {
      return;
    }
    this.changed.fire(keys === 'all' ? 'all' : { keys });
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.save(), SAVE_DELAY_MS);
  }

  private save(): Promise<void> {
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    const stamp = `${this.windowId}:${++this.writes}`;
    const data = { ...this.snapshot(), stamp };
    this.lastStamp = stamp;
    // Writes in order; a failed write is said, and the state stays in memory for the next one.
    this.saving = this.saving.then(() => this.memento.update(STATE_KEY, data)).then(undefined, (error: unknown) => {
      this.output.appendLine(`[${new Date().toISOString()}] Could not save the reading state: ${String(error)}`);
    });
    return this.saving;
  }

  /** Stores every marking made so far now (tests, export, deactivation). */
  flush(): Promise<void> {
    return this.saveTimer === undefined ? this.saving : this.save();
  }

  dispose(): void {
    void this.flush();
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
