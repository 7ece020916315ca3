import * as vscode from 'vscode';
import { isSegmentKey } from '../core/search';

/** The folder in the workspace storage that holds one file per segment (`2025-06.seg`). */
const FOLDER = 'search-index';
const EXTENSION = '.seg';
/** What 0.5.0 stored: one JSON snapshot, read whole at every start. */
const LEGACY_FILE = 'search-index.json';

/**
 * The search index's segments in the workspace storage (`context.storageUri`),
 * one binary file per month, each written when its month changes (to a
 * temporary file first, then renamed over the old one). No storage (no folder
 * open): nothing is kept. Failures are said in the output channel; the index
 * then lives in memory only.
 */
export class SegmentStore {
  readonly folder: vscode.Uri | undefined;
  private writes: Promise<void> = Promise.resolve();

  constructor(private readonly storageUri: vscode.Uri | undefined, private readonly output?: vscode.OutputChannel) {
    this.folder = storageUri && vscode.Uri.joinPath(storageUri, FOLDER);
  }

  /** The keys of the stored segments. */
  async keys(): Promise<string[]> {
    if (!this.folder) {
      return [];
    }
    try {
      const entries = await vscode.workspace.fs.readDirectory(this.folder);
      return entries
        .filter(([name, type]) => type === vscode.FileType.File && name.endsWith(EXTENSION))
        .map(([name]) => name.slice(0, -EXTENSION.length))
        .filter(isSegmentKey);
    } catch {
      return []; // never written
    }
  }

  async read(key: string): Promise<Uint8Array | undefined> {
    if (!this.folder) {
      return undefined;
    }
    try {
      return await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.folder, key + EXTENSION));
    } catch {
      return undefined;
    }
  }

  /** Writes a segment, or deletes it (`bytes` undefined: its month has no article left). Writes go one after another. */
  write(key: string, bytes: Uint8Array | undefined): Promise<void> {
    const folder = this.folder;
    if (!folder) {
      return Promise.resolve();
    }
    const target = vscode.Uri.joinPath(folder, key + EXTENSION);
    this.writes = this.writes
      .then(async () => {
        if (bytes === undefined) {
          await vscode.workspace.fs.delete(target).then(undefined, () => undefined);
          return;
        }
        await vscode.workspace.fs.createDirectory(folder);
        const temporary = vscode.Uri.joinPath(folder, `${key}${EXTENSION}.tmp`);
        await vscode.workspace.fs.writeFile(temporary, bytes);
        await vscode.workspace.fs.rename(temporary, target, { overwrite: true });
      })
      .then(undefined, (error: unknown) => this.output?.appendLine(`[${new Date().toISOString()}] Could not save the search index's segment ${key}: ${String(error)}`));
    return this.writes;
  }

  /** Resolves when every write so far is done. */
  flushed(): Promise<void> {
    return this.writes;
  }

  /** A segment that did not read back (damaged, another version) is deleted, and its month indexed again. */
  async discard(key: string): Promise<void> {
    this.output?.appendLine(`[${new Date().toISOString()}] The stored search index segment ${key} was unreadable or of another version; its digests are indexed again.`);
    await this.write(key, undefined);
  }

  /**
   * Deletes what 0.5.0 stored (one JSON snapshot): it is never read, as
   * reading it would hold the extension host for seconds; the segments are
   * built from the digests instead. Answers whether there was one.
   */
  async removeLegacy(): Promise<boolean> {
    if (!this.storageUri) {
      return false;
    }
    const legacy = vscode.Uri.joinPath(this.storageUri, LEGACY_FILE);
    try {
      await vscode.workspace.fs.delete(legacy);
      this.output?.appendLine(`[${new Date().toISOString()}] The search index of Digest Reader 0.5.0 (${LEGACY_FILE}) was removed; the digests are indexed again, in the new stored form.`);
      return true;
    } catch {
      return false;
    }
  }
}
