import * as vscode from 'vscode';
import { hashKey } from '../core';
import { sayTo } from './say';

/** Unsynced: what this machine has already said and set aside, so a restart does not say or copy it again. */
const NOTICES_KEY = 'digestReader.store.notices';
/** Damaged originals kept per kind of record: the newest few. */
export const MAX_DAMAGED_COPIES = 5;

interface Said {
  /** Format versions of a newer Digest Reader already warned about. */
  versions: number[];
  /** Fingerprints of damaged values already set aside. */
  damaged: string[];
}

/** What the last damage set aside, for tests and tools (the user reads the output channel). */
export interface Damage {
  what: string;
  problems: readonly string[];
  /** Where the original is kept. */
  aside: vscode.Uri | undefined;
}

/**
 * Says what the store met: values of a newer version (a warning once per
 * version, never again on the next start) and damaged values (the original
 * set aside as a file, the newest few kept, said in the output channel).
 */
export class Notices {
  lastDamage: Damage | undefined;
  private readonly folder: vscode.Uri;
  private setting: Promise<void> = Promise.resolve();
  private readonly say: (line: string) => void;

  constructor(
    private readonly memento: vscode.Memento,
    globalStorageUri: vscode.Uri,
    private readonly output: vscode.OutputChannel,
  ) {
    this.folder = vscode.Uri.joinPath(globalStorageUri, 'store', 'damaged');
    this.say = sayTo(output);
  }

  /** The format versions already warned about on this machine. */
  get versionsWarned(): readonly number[] {
    return this.said().versions;
  }

  /** Where damaged originals are kept. */
  get damagedFolder(): vscode.Uri {
    return this.folder;
  }

  private said(): Said {
    const value = this.memento.get<Partial<Said>>(NOTICES_KEY);
    return {
      versions: Array.isArray(value?.versions) ? value.versions.filter((v) => typeof v === 'number') : [],
      damaged: Array.isArray(value?.damaged) ? value.damaged.filter((v) => typeof v === 'string') : [],
    };
  }

  /** A value written by a newer version of Digest Reader: kept and written back as it is; said once per version. */
  newerVersion(what: string, version: number): void {
    const said = this.said();
    if (said.versions.includes(version)) {
      return;
    }
    void this.memento.update(NOTICES_KEY, { ...said, versions: [...said.versions, version] });
    this.say(`[${new Date().toISOString()}] The stored ${what} was written by a newer version of Digest Reader (format ${version}). This version keeps everything it wrote, reads what it can, and writes the rest back unchanged.`);
    void vscode.window.showWarningMessage(vscode.l10n.t('Some of what you keep was saved by a newer version of Digest Reader. Nothing of it is lost; update Digest Reader on this machine to see all of it.'));
  }

  /** A write to VS Code's storage failed: said; the records stay in memory for the next write. */
  saveFailed(what: string, error: unknown): void {
    this.say(`[${new Date().toISOString()}] Could not save the ${what}: ${String(error)}`);
  }

  /** A damaged value: what could be read is kept; the original goes aside (once per value) and is said. */
  damaged(what: string, name: string, stored: unknown, problems: readonly string[]): Promise<void> {
    let text: string;
    try {
      text = JSON.stringify(stored) ?? 'undefined';
    } catch {
      text = String(stored);
    }
    const fingerprint = `${name}:${hashKey(text).toString(36)}:${text.length}`;
    const said = this.said();
    if (said.damaged.includes(fingerprint)) {
      return this.setting;
    }
    void this.memento.update(NOTICES_KEY, { ...said, damaged: [...said.damaged, fingerprint].slice(-50) });
    const aside = vscode.Uri.joinPath(this.folder, `${name}.${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    this.lastDamage = { what, problems: [...problems], aside };
    this.say(`[${new Date().toISOString()}] ${vscode.l10n.t('The stored {0} could not be read completely. What could be read is kept; the original is kept as "{1}".', what, aside.toString(true))}`);
    for (const problem of problems) {
      this.say(`  - ${problem}`);
    }
    void vscode.window.showWarningMessage(vscode.l10n.t('Digest Reader could not read all of your stored {0}. It kept what it could; details are in the output channel.', what), vscode.l10n.t('Show Details')).then((choice) => {
      if (choice) {
        this.output.show(true);
      }
    });
    this.setting = this.setting.then(() => this.setAside(name, aside, text)).then(undefined, (error: unknown) => {
      this.say(`  - The original could not be kept aside: ${String(error)}`);
    });
    return this.setting;
  }

  private async setAside(name: string, aside: vscode.Uri, text: string): Promise<void> {
    await vscode.workspace.fs.createDirectory(this.folder);
    await vscode.workspace.fs.writeFile(aside, new TextEncoder().encode(text));
    const copies = (await vscode.workspace.fs.readDirectory(this.folder))
      .map(([file]) => file)
      .filter((file) => file.startsWith(`${name}.`) && file.endsWith('.json'))
      .sort();
    for (const old of copies.slice(0, Math.max(0, copies.length - MAX_DAMAGED_COPIES))) {
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(this.folder, old));
      this.say(`  - An older damaged copy was removed (the newest ${MAX_DAMAGED_COPIES} are kept): ${old}`);
    }
  }
}
