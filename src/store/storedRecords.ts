import * as vscode from 'vscode';
import type { Migrated, MigratedByShard, Records } from '../core';
import type { LocalCopy } from './localCopy';
import type { Notices } from './notices';

/** Which keys changed; `all` after a reset or when this machine's copy was read. */
export type RecordsChange = { keys: readonly string[] } | 'all';

export const STORE_PREFIX = 'digestReader.store';

/** The writer stamp of a stored shard (`w`), if it has one. */
function stampOf(stored: unknown): unknown {
  return typeof stored === 'object' && stored !== null ? (stored as { w?: unknown }).w : undefined;
}

/** A 0.5.0 value under its own key: read at start and whenever it changes (a machine still on 0.5.0 syncs it), never written. */
export interface Legacy<V> {
  key: string;
  migrate(stored: unknown): Migrated<V> | MigratedByShard<V>;
}

export interface StoredRecordsOptions<V> {
  /** False: kept on this machine only (a star's display text). */
  synced: boolean;
  /** Names the records in messages: "reading state". */
  what: string;
  legacy?: Legacy<V>;
}

/**
 * One schema's records bound to where they are kept: each shard under its
 * own `globalState` key (synced), this machine's copy in files, and the
 * 0.5.0 value. Another window's or Settings Sync's write is merged in, never
 * taken instead; whatever this window holds that the stored value lacks is
 * written back. The store polls (`check`) and saves (`saveSoon`).
 */
export class StoredRecords<V> implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<RecordsChange>();
  readonly onDidChange = this.changed.event;
  /** The stored objects last merged or written, by key: `memento.get` returns the same object until the value changes. */
  private readonly seen = new Map<string, unknown>();
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  /** Resolves when every write started so far (synced and this machine's copy) is done. */
  private saving: Promise<void> = Promise.resolve();
  /** The synced writes, in order. */
  private syncing: Promise<void> = Promise.resolve();
  /** This machine's copy's writes, in order. */
  private copying: Promise<void> = Promise.resolve();
  private readonly copyDirty = new Set<number>();
  /** Resolves when this machine's copy has been read and merged and every stored shard is read. */
  readonly ready: Promise<void>;
  private disposed = false;
  private checkTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    readonly records: Records<V>,
    private readonly memento: vscode.Memento,
    private readonly copy: LocalCopy,
    private readonly notices: Notices,
    private readonly options: StoredRecordsOptions<V>,
    private readonly saveDelayMs: number,
  ) {
    if (options.synced) {
      // Handed over, not decoded: a shard is read when a view first asks for one of its keys, the rest one per task below.
      this.check(true);
    }
    this.ready = Promise.all([this.readCopy(), this.loadInSlices()]).then(() => undefined);
  }

  /**
   * Reads the stored shards not asked for yet, one per task (at 100,000 read
   * ids a shard is a few ms), so a window's start never holds the extension
   * host. Nothing is shown from a shard before it is read: asking for a key
   * reads its shard first, so no view ever shows a wrong state meanwhile.
   */
  private async loadInSlices(): Promise<void> {
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (this.disposed) {
        return;
      }
      const more = this.records.loadNext();
      this.sayLoaded();
      if (this.records.dirtyShards().length > 0) {
        this.saveSoon();
      }
      if (!more) {
        return;
      }
    }
  }

  /** Says what reading a handed-over shard met (a newer version, damage), wherever it was read. */
  private sayLoaded(): void {
    for (const report of this.records.takeReports()) {
      if (report.newerVersion !== undefined) {
        this.notices.newerVersion(this.options.what, report.newerVersion);
      }
      if (report.problems.length > 0) {
        void this.notices.damaged(this.options.what, `${this.records.schema.name}.${report.shard}`, report.stored, report.problems);
      }
    }
  }

  /** The globalState keys of the synced shards. */
  keys(): string[] {
    return this.options.synced ? Array.from({ length: this.records.schema.shards }, (_, shard) => this.keyOf(shard)) : [];
  }

  keyOf(shard: number): string {
    return `${STORE_PREFIX}.${this.records.schema.name}.${shard}`;
  }

  private async readCopy(): Promise<void> {
    await this.mergeCopyOf(Array.from({ length: this.records.schema.shards }, (_, shard) => shard));
    if (this.options.synced && this.records.dirtyShards().length > 0) {
      // Settings Sync replaced a value while no window ran: what this machine had is written back.
      this.saveSoon();
    }
  }

  /**
   * Merges what is stored if it changed since this window last looked (a
   * compare of object identity per key; a changed one is decoded only when
   * its writer stamp differs). Cheap enough to run every two seconds.
   */
  check(force = false): void {
    const changed: string[] = [];
    let decoded = 0;
    for (let shard = 0; this.options.synced && shard < this.records.schema.shards; shard++) {
      const key = this.keyOf(shard);
      const stored: unknown = this.memento.get(key);
      if (!force && this.seen.has(key) && this.seen.get(key) === stored) {
        continue;
      }
      if (decoded > 0 && !force) {
        // Settings Sync may replace every shard at once: one decoded shard per task (a few ms at 100,000 ids), the rest next.
        this.checkSoon();
        break;
      }
      this.seen.set(key, stored);
      const merge = this.records.defer(shard, stored, force);
      if (!merge) {
        continue;
      }
      decoded += merge.read ? 1 : 0;
      changed.push(...merge.changed);
      if (merge.newerVersion !== undefined) {
        this.notices.newerVersion(this.options.what, merge.newerVersion);
      }
      if (merge.problems.length > 0) {
        void this.notices.damaged(this.options.what, `${this.records.schema.name}.${shard}`, stored, merge.problems);
      }
    }
    changed.push(...this.checkLegacy(force));
    this.sayLoaded();
    if (changed.length > 0) {
      this.changed.fire({ keys: changed });
    }
    if (this.records.dirtyShards().length > 0) {
      this.saveSoon();
    }
  }

  private checkSoon(): void {
    if (this.checkTimer === undefined) {
      this.checkTimer = setTimeout(() => {
        this.checkTimer = undefined;
        if (!this.disposed) {
          this.check();
        }
      }, 0);
    }
  }

  private checkLegacy(force: boolean): string[] {
    const legacy = this.options.legacy;
    if (!legacy) {
      return [];
    }
    const stored: unknown = this.memento.get(legacy.key);
    if (stored === undefined || (!force && this.seen.get(legacy.key) === stored)) {
      return [];
    }
    this.seen.set(legacy.key, stored);
    const migrated = legacy.migrate(stored);
    if (migrated.problems.length > 0) {
      void this.notices.damaged(this.options.what, legacy.key, stored, migrated.problems);
    }
    // A large value (0.5.0's read marks) is merged shard by shard, each when its shard is read: no long task at start.
    return 'entriesOf' in migrated ? this.records.mergeByShard(migrated.entriesOf) : this.records.mergeEntries(migrated.entries);
  }

  /**
   * Reads this machine's copy of the shards that hold `keys` again: another
   * window of this machine may have written them since (a local-only record,
   * such as a star's text, reaches other windows only so). Fires and
   * resolves with the keys that changed.
   */
  rereadCopy(keys: readonly string[]): Promise<string[]> {
    return this.mergeCopyOf(new Set(keys.map((key) => this.records.shardOf(key))));
  }

  /** Merges what this machine's copy holds of `shards`; fires and resolves with the keys that changed. */
  private async mergeCopyOf(shards: Iterable<number>): Promise<string[]> {
    const changed: string[] = [];
    for (const shard of shards) {
      changed.push(...this.records.mergeEntries(await this.copy.read(this.records, shard), shard));
    }
    if (changed.length > 0 && !this.disposed) {
      this.changed.fire({ keys: changed });
    }
    return changed;
  }

  /** After a change in this window: fires the event and saves a moment later (markings come in bursts). */
  changedHere(keys: readonly string[] | 'all'): void {
    if (keys !== 'all' && keys.length === 0) {
      return;
    }
    this.changed.fire(keys === 'all' ? 'all' : { keys });
    this.saveSoon();
  }

  saveSoon(): void {
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.save(), this.saveDelayMs);
  }

  /**
   * Writes the dirty shards. Every shard goes to `globalState` in the same
   * task, so VS Code sends them as one message (it sends an extension's whole
   * state per write): a marking that touched 16 shards lands in one round trip
   * to the workbench, not 16 in a row, and a window reloaded right after it
   * keeps it. This machine's copy is written at the same time, not after the
   * synced writes, so a window that goes before they land still keeps it here.
   */
  private save(): Promise<void> {
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    const shards = this.records.dirtyShards();
    shards.forEach((shard) => this.copyDirty.add(shard));
    let synced: Promise<unknown> = Promise.resolve();
    if (this.options.synced && shards.length > 0) {
      const writes = shards.map((shard) => ({ key: this.keyOf(shard), value: this.records.encode(shard) }));
      // After the writes before them (in order), all at once.
      synced = this.syncing = this.syncing.then(() => Promise.all(writes.map(({ key, value }) => this.memento.update(key, value).then(() => {
        // Another window's or Settings Sync's value may have arrived while this write was under way: what is
        // stored now counts as seen only if it is this write (by its stamp); otherwise the next check merges it.
        const now: unknown = this.memento.get(key);
        if (stampOf(now) === value.w) {
          this.seen.set(key, now);
        } else {
          this.seen.delete(key);
          this.checkSoon();
        }
      }, (error: unknown) => {
        this.notices.saveFailed(this.options.what, error);
      })))).then(() => undefined);
    } else if (!this.options.synced) {
      shards.forEach((shard) => this.records.encode(shard));
    }
    const copies = [...this.copyDirty];
    this.copyDirty.clear();
    let copied: Promise<unknown> = Promise.resolve();
    if (copies.length > 0) {
      copied = this.copying = this.copying.then(() => this.copy.write(this.records, copies)).then((changed) => {
        if (changed.length > 0) {
          this.changed.fire({ keys: changed });
          this.saveSoon();
        }
      });
    }
    this.saving = Promise.all([this.saving, synced, copied]).then(() => undefined);
    return this.saving;
  }

  /** Deletes every record (tombstones, so the deletion merges like any other): tests and tools, not a user command. */
  clear(): void {
    const keys = [...this.records.live()].map(([key]) => key);
    for (const key of keys) {
      this.records.set(key, undefined);
    }
    this.changedHere(keys);
  }

  /** Stores every change made so far now (tests, export, deactivation). */
  flush(): Promise<void> {
    return this.saveTimer === undefined && this.records.dirtyShards().length === 0 ? this.saving : this.save();
  }

  /** The stored value of one shard as it is, and a raw write (tests write what Settings Sync or a damaged profile would). */
  stored(shard: number): { key: string; read(): unknown; write(value: unknown): Thenable<void> } {
    const key = this.keyOf(shard);
    return {
      key,
      read: () => this.memento.get(key),
      write: (value) => {
        const written = this.syncing.then(() => this.memento.update(key, value));
        this.syncing = written.then(undefined, () => undefined);
        this.saving = Promise.all([this.saving, this.syncing]).then(() => undefined);
        return written;
      },
    };
  }

  dispose(): void {
    this.disposed = true;
    void this.flush();
    this.changed.dispose();
  }
}
