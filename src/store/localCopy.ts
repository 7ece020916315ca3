import * as vscode from 'vscode';
import { decodeShard, type Entry, type Records } from '../core';
import { sayTo } from './say';

/** A file left unreadable this long is not a write in progress: it may be removed once what could be kept is written. */
const UNREADABLE_FOR_MS = 60_000;

/**
 * This machine's own copy of a schema's shards, JSON files in the
 * extension's global storage (never synced). Settings Sync replaces a
 * conflicting synced key with the remote value; what this machine wrote is
 * still here and is merged back. It is also the only home of local-only
 * records (a star's display text).
 *
 * Two windows of one machine write here at once, so a file is never
 * rewritten: each write is a new file (`<name>.<shard>.<window>-<n>.json`)
 * holding what the window holds merged with every file of the shard it read
 * just before; only then are the files it read removed. Whatever another
 * window writes meanwhile is a file this one did not read, so it stays, and
 * the next read merges all of them: nothing a window wrote is ever lost, and
 * a shard has one file again after the next write.
 */
export class LocalCopy {
  private readonly folder: vscode.Uri;
  private writing: Promise<void> = Promise.resolve();
  private readonly say: (line: string) => void;
  private written = 0;

  constructor(globalStorageUri: vscode.Uri, output: vscode.OutputChannel, private readonly writer = Math.random().toString(36).slice(2, 10)) {
    this.folder = vscode.Uri.joinPath(globalStorageUri, 'store');
    this.say = sayTo(output);
  }

  /** The files of one shard now: this version's (one per write not yet merged by another) and the single file of earlier builds. */
  private async files(name: string, shard: number): Promise<string[]> {
    let listing: [string, vscode.FileType][];
    try {
      listing = await vscode.workspace.fs.readDirectory(this.folder);
    } catch {
      return [];
    }
    const prefix = `${name}.${shard}.`;
    return listing
      .map(([file]) => file)
      .filter((file) => file.startsWith(prefix) && /^(?:[0-9a-z]+-[0-9a-z]+\.)?json$/.test(file.slice(prefix.length)))
      .sort();
  }

  /** Reads one file: its entries, or undefined when it cannot be read (missing, half written by another window, damaged). */
  private async readFile<V>(records: Records<V>, file: string): Promise<[string, Entry<V>][] | undefined> {
    try {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.folder, file)));
      return decodeShard(records.schema, JSON.parse(text) as unknown).entries;
    } catch {
      return undefined;
    }
  }

  /** What the files of one shard hold, and which of them were read whole (only those may be removed after a write). */
  private async readShard<V>(records: Records<V>, shard: number): Promise<{ entries: [string, Entry<V>][]; merged: string[] }> {
    const entries: [string, Entry<V>][] = [];
    const merged: string[] = [];
    for (const file of await this.files(records.schema.name, shard)) {
      const read = await this.readFile(records, file);
      if (read) {
        entries.push(...read);
        merged.push(file);
      } else if (await this.isStale(file)) {
        this.say(`[${new Date().toISOString()}] This machine's copy of ${records.schema.name} (${file}) could not be read; it is replaced by what the window holds.`);
        merged.push(file);
      }
    }
    return { entries, merged };
  }

  private async isStale(file: string): Promise<boolean> {
    try {
      const stat = await vscode.workspace.fs.stat(vscode.Uri.joinPath(this.folder, file));
      return Date.now() - stat.mtime > UNREADABLE_FOR_MS;
    } catch {
      return false;
    }
  }

  /** The entries of one shard's files (none when there are none: it is a copy, the synced value is the truth). */
  async read<V>(records: Records<V>, shard: number): Promise<[string, Entry<V>][]> {
    return (await this.readShard(records, shard)).entries;
  }

  /**
   * Writes shards as the records hold them, after merging what their files
   * hold now (another window of this machine may have written since: its
   * entries are kept). In order, one write at a time. Resolves with the keys
   * that merging changed in the records.
   */
  write<V>(records: Records<V>, shards: readonly number[]): Promise<string[]> {
    const done = this.writing.then(async () => {
      const changed: string[] = [];
      await vscode.workspace.fs.createDirectory(this.folder);
      for (const shard of shards) {
        const { entries, merged } = await this.readShard(records, shard);
        changed.push(...records.mergeEntries(entries, shard));
        const name = `${records.schema.name}.${shard}.${this.writer}-${(++this.written).toString(36)}.json`;
        await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(this.folder, name), new TextEncoder().encode(JSON.stringify(records.copy(shard))));
        // The new file holds everything the merged ones held: they can go. A file written meanwhile was not read and stays.
        for (const file of merged) {
          await vscode.workspace.fs.delete(vscode.Uri.joinPath(this.folder, file)).then(undefined, () => undefined);
        }
      }
      return changed;
    }).then(undefined, (error: unknown) => {
      this.say(`[${new Date().toISOString()}] Could not write this machine's copy of ${records.schema.name}: ${String(error)}`);
      return [];
    });
    this.writing = done.then(() => undefined);
    return done;
  }
}
