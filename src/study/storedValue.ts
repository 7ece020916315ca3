/**
 * One value in `globalState`, read defensively: what the decoder cannot read
 * is said in the output channel (once per damaged value), and the damaged
 * original is kept aside under a key of its own, so a later version or a
 * careful hand can still recover it. Shared by the study list and the notes.
 */
import * as vscode from 'vscode';

export interface Decoded<T> {
  value: T;
  problems: string[];
  recognized: boolean;
}

export type SyncedMemento = vscode.Memento & { setKeysForSync(keys: readonly string[]): void };

export class StoredValue<T> {
  /** What the last load could not read, and where the original was put: tests and tools look here, the user in the output channel. */
  lastDamage: { problems: readonly string[]; aside: string } | undefined;

  constructor(
    private readonly memento: SyncedMemento,
    readonly key: string,
    /** Names the value in messages: "study list". */
    private readonly what: string,
    private readonly decode: (stored: unknown) => Decoded<T>,
    private readonly output: vscode.OutputChannel,
  ) {}

  /** The stored value as last loaded or saved here, to tell another window's writes from ours. */
  private seen: string | undefined;

  /** True when the stored value is not what this window last loaded or saved (another window, Settings Sync). */
  changedElsewhere(): boolean {
    return JSON.stringify(this.memento.get(this.key)) !== this.seen;
  }

  /** Reads and decodes; reports damage. Never throws. */
  load(): T {
    const stored: unknown = this.memento.get(this.key);
    this.seen = JSON.stringify(stored);
    let decoded: Decoded<T>;
    try {
      decoded = this.decode(stored);
    } catch (error) {
      // A decoder bug must not stop activation either: read as empty and keep the original.
      decoded = { ...this.decode(undefined), problems: [String(error)], recognized: false };
    }
    this.lastDamage = undefined;
    if (decoded.problems.length > 0 || !decoded.recognized) {
      this.report(stored, decoded.problems);
    }
    return decoded.value;
  }

  save(value: unknown): Thenable<void> {
    this.seen = JSON.stringify(value);
    return this.memento.update(this.key, value);
  }

  /** The value as stored (tests write a damaged one through the API to see it handled). */
  get raw(): { read(): unknown; write(value: unknown): Thenable<void> } {
    return { read: () => this.memento.get(this.key), write: (value) => this.memento.update(this.key, value) };
  }

  private report(stored: unknown, problems: readonly string[]): void {
    const aside = `${this.key}.damaged.${new Date().toISOString()}`;
    void this.memento.update(aside, stored);
    this.lastDamage = { problems: [...problems], aside };
    this.output.appendLine(`[${new Date().toISOString()}] ${vscode.l10n.t('The stored {0} could not be read completely. What could be read is kept; the original is kept as "{1}".', this.what, aside)}`);
    for (const problem of problems) {
      this.output.appendLine(`  - ${problem}`);
    }
    void vscode.window.showWarningMessage(vscode.l10n.t('Digest Reader could not read all of your stored {0}. It kept what it could; details are in the output channel.', this.what), vscode.l10n.t('Show Details')).then((choice) => {
      if (choice) {
        this.output.show(true);
      }
    });
  }
}
