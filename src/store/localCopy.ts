import * as vscode from 'vscode';
import { decodeShard, type Entry, type Records } from '../core';
import { sayTo } from './say';

/**
 * This machine's own copy of a schema's shards, one small JSON file per shard
 * in the extension's global storage (never synced). Settings Sync replaces a
 * conflicting synced key with the remote value; what this machine wrote is
 * still here and is merged back. It is also the only home of local-only
 * records (a star's display text). Before a write the file is read and
 * merged, so two windows of one machine add to it rather than replace it.
 */
export class LocalCopy {
  private readonly folder: vscode.Uri;
  private writing: Promise<void> = Promise.resolve();
  private readonly say: (line: string) => void;

  constructor(globalStorageUri: vscode.Uri, output: vscode.OutputChannel) {
    this.folder = vscode.Uri.joinPath(globalStorageUri, 'store');
    this.say = sayTo(output);
  }

  uri(name: string, shard: number): vscode.Uri {
    return vscode.Uri.joinPath(this.folder, `${name}.${shard}.json`);
  }

  /** The entries of one shard's file (none when there is no file or it cannot be read: it is a copy, the synced value is the truth). */
  async read<V>(records: Records<V>, shard: number): Promise<[string, Entry<V>][]> {
    let text: string;
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(this.uri(records.schema.name, shard)));
    } catch {
      return [];
    }
    try {
      return decodeShard(records.schema, JSON.parse(text) as unknown).entries;
    } catch {
      this.say(`[${new Date().toISOString()}] This machine's copy of ${records.schema.name} (shard ${shard}) could not be read; it is rewritten from what the window holds.`);
      return [];
    }
  }

  /**
   * Writes shards as the records hold them, after merging what each file
   * holds now (another window of this machine may have written since: its
   * entries are kept). In order, one write at a time. Resolves with the keys
   * that merging changed in the records.
   */
  write<V>(records: Records<V>, shards: readonly number[]): Promise<string[]> {
    const done = this.writing.then(async () => {
      const changed: string[] = [];
      await vscode.workspace.fs.createDirectory(this.folder);
      for (const shard of shards) {
        changed.push(...records.mergeEntries(await this.read(records, shard), shard));
        await vscode.workspace.fs.writeFile(this.uri(records.schema.name, shard), new TextEncoder().encode(JSON.stringify(records.copy(shard))));
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
