import * as vscode from 'vscode';
import { decodeFilters, encodeFilters, type SavedFilter } from '../core';

/** The globalState key: synced with Settings Sync, like the reading state. */
export const FILTERS_KEY = 'digestReader.filters';

/**
 * The saved filters of this user, in `globalState`. Damaged stored filters
 * never throw: what can be read is kept, the rest is reported in the output
 * channel, and the original is kept aside.
 */
export class FilterStore implements vscode.Disposable {
  private list: SavedFilter[] = [];
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  /** The stored value as last read or written: another window's (or Settings Sync's) write differs from it. */
  private lastStored: string | undefined;

  constructor(
    private readonly memento: vscode.Memento & { setKeysForSync(keys: readonly string[]): void },
    private readonly output: vscode.OutputChannel,
  ) {
    memento.setKeysForSync([FILTERS_KEY]);
    this.load();
    this.disposables.push(vscode.window.onDidChangeWindowState((window) => window.focused && this.reload()));
  }

  get filters(): readonly SavedFilter[] {
    return this.list;
  }

  /** Re-reads the stored filters if they changed (another window, Settings Sync, a test). */
  reload(): void {
    if (JSON.stringify(this.memento.get(FILTERS_KEY)) !== this.lastStored) {
      this.load();
      this.changed.fire();
    }
  }

  /** The stored value as it is (tests write a damaged one through the API to see it handled). */
  get stored(): { read(): unknown; write(value: unknown): Thenable<void> } {
    return { read: () => this.memento.get(FILTERS_KEY), write: (value) => this.memento.update(FILTERS_KEY, value) };
  }

  private load(): void {
    const stored: unknown = this.memento.get(FILTERS_KEY);
    this.lastStored = JSON.stringify(stored);
    const loaded = decodeFilters(stored);
    this.list = loaded.filters;
    if (loaded.problems.length > 0) {
      const aside = `${FILTERS_KEY}.damaged.${new Date().toISOString()}`;
      void this.memento.update(aside, stored);
      this.output.appendLine(`[${new Date().toISOString()}] The stored filters could not all be read. The others are kept; the original is kept as "${aside}".`);
      loaded.problems.forEach((problem) => this.output.appendLine(`  - ${problem}`));
      void vscode.window.showWarningMessage(vscode.l10n.t('Digest Reader could not read all of your saved filters. It kept the others; details are in the output channel.'), vscode.l10n.t('Show Details')).then((choice) => {
        if (choice) {
          this.output.show(true);
        }
      });
    }
  }

  /** Replaces the whole list and stores it. */
  async set(filters: readonly SavedFilter[]): Promise<void> {
    this.list = [...filters];
    const stored = encodeFilters(this.list);
    this.lastStored = JSON.stringify(stored);
    this.changed.fire();
    await this.memento.update(FILTERS_KEY, stored);
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
