/**
 * One schema's records as one window holds them: the merged map, and per
 * synced shard what a write needs (is it behind what this window holds, what
 * a newer version wrote into it, the stamp of the last write seen). Plain
 * data in and out; the extension stores the shards (see src/state/).
 */
import { decodeShard, encodeShard, rankOf, SHARD_VERSION, type Kept, type StoredShard } from './codec';
import { compareEntries, LwwMap, sameValue, type Entry } from './lww';
import { shardOf, type Schema } from './schema';

interface ShardState {
  /** The writer stamp of the stored value last merged or written. */
  stamp: string | undefined;
  /** True when this window holds entries the stored shard lacks: it must be written. */
  dirty: boolean;
  /** The highest format version seen in this shard: never written lower. */
  version: number;
  kept: Kept;
}

/** What merging one stored shard did. */
export interface ShardMerge {
  /** Keys whose live value changed in this window. */
  changed: string[];
  /** Sentences: what was damaged (the caller sets the original aside and says so). */
  problems: string[];
  /** The format version of a newer version, when the shard was written by one. */
  newerVersion?: number;
  /** False when the stored stamp was the one last seen: nothing was read. */
  read: boolean;
}

export class Records<V> {
  readonly map: LwwMap<V>;
  private readonly shards: ShardState[];
  /** The keys of each shard: a write encodes one shard without looking at the others. */
  private readonly keysOf: Set<string>[];
  private readonly rank: (entry: Entry<V>) => string;
  private writes = 0;

  constructor(readonly schema: Schema<V>, private readonly writer: string) {
    this.rank = rankOf(schema);
    this.map = new LwwMap<V>(this.rank);
    this.shards = Array.from({ length: schema.shards }, () => ({ stamp: undefined, dirty: false, version: SHARD_VERSION, kept: { fields: {}, groups: {} } }));
    this.keysOf = Array.from({ length: schema.shards }, () => new Set<string>());
  }

  /** Takes `entry` if it wins; a new key joins its shard (`shard` when known from where it was stored). */
  private offer(key: string, entry: Entry<V>, shard?: number): boolean {
    const isNew = this.map.entry(key) === undefined;
    if (!this.map.offer(key, entry)) {
      return false;
    }
    if (isNew) {
      this.keysOf[shard ?? this.shardOf(key)].add(key);
    }
    return true;
  }

  get(key: string): V | undefined {
    return this.map.get(key);
  }

  has(key: string): boolean {
    return this.map.has(key);
  }

  /** Every live key and value. */
  live(): IterableIterator<[string, V]> {
    return this.map.live();
  }

  shardOf(key: string): number {
    return shardOf(this.schema, key);
  }

  /** Writes a value (undefined deletes) as this window's newest operation; false when nothing changed. */
  set(key: string, value: V | undefined, now = Date.now()): boolean {
    if (!this.schema.isKey(key)) {
      throw new RangeError(`Not a key of ${this.schema.name}: ${JSON.stringify(key.slice(0, 100))}`);
    }
    const isNew = this.map.entry(key) === undefined;
    if (!this.map.set(key, value, now)) {
      return false;
    }
    const shard = this.shardOf(key);
    if (isNew) {
      this.keysOf[shard].add(key);
    }
    this.shards[shard].dirty = true;
    return true;
  }

  /**
   * Merges entries from elsewhere (a 0.5.0 value, an import, this machine's
   * unsynced copy): the shards they win in become dirty. Returns the keys
   * whose live value changed.
   */
  mergeEntries(entries: Iterable<[string, Entry<V>]>, shard?: number): string[] {
    const changed: string[] = [];
    for (const [key, entry] of entries) {
      const before = this.map.entry(key);
      if (this.schema.isKey(key) && this.offer(key, entry, shard)) {
        this.shards[shard ?? this.shardOf(key)].dirty = true;
        if (!sameValue(before?.value, entry.value)) {
          changed.push(key);
        }
      }
    }
    return changed;
  }

  /**
   * Merges a stored shard (at start, when another window or Settings Sync
   * changed it). Unless `force`, a value whose stamp this window last saw
   * is not read again: that check is what keeps polling cheap.
   */
  mergeStored(shard: number, stored: unknown, force = false): ShardMerge {
    const state = this.shards[shard];
    const stamp = typeof stored === 'object' && stored !== null ? (stored as { w?: unknown }).w : undefined;
    if (!force && typeof stamp === 'string' && stamp === state.stamp) {
      return { changed: [], problems: [], read: false };
    }
    const decoded = decodeShard(this.schema, stored);
    state.stamp = decoded.stamp;
    state.version = Math.max(state.version, decoded.version);
    if (decoded.version > SHARD_VERSION) {
      state.kept = decoded.kept;
    }
    const changed: string[] = [];
    let behind = false;
    let held = 0;
    for (const [key, entry] of decoded.entries) {
      const mine = this.map.entry(key);
      if (!mine) {
        this.map.put(key, entry);
        this.keysOf[shard].add(key);
        changed.push(key);
        held++;
        continue;
      }
      held += this.keysOf[shard].has(key) ? 1 : 0;
      const order = compareEntries(entry, mine, this.rank);
      if (order > 0) {
        this.map.put(key, entry);
        if (!sameValue(mine.value, entry.value) || mine.unread !== entry.unread) {
          changed.push(key);
        }
      } else if (order < 0) {
        behind = true;
      }
    }
    // The stored shard lacks keys this window holds (Settings Sync's remote value, another window's older write): write it back.
    if (behind || held < this.keysOf[shard].size || decoded.problems.length > 0 || (stored !== undefined && decoded.stamp === undefined)) {
      state.dirty = true;
    }
    return {
      changed,
      problems: decoded.problems,
      newerVersion: decoded.version > SHARD_VERSION ? decoded.version : undefined,
      read: true,
    };
  }

  /** Shards holding something their stored value lacks. */
  dirtyShards(): number[] {
    return this.shards.flatMap((state, shard) => (state.dirty ? [shard] : []));
  }

  /** Marks every shard to be written (after a reset, or when the stored values went missing). */
  markAllDirty(): void {
    this.shards.forEach((state) => (state.dirty = true));
  }

  /** The stored form of one shard, with a new writer stamp; the shard is clean after it. */
  encode(shard: number): StoredShard {
    const state = this.shards[shard];
    const stamp = `${this.writer}.${(++this.writes).toString(36)}`;
    state.stamp = stamp;
    state.dirty = false;
    return encodeShard(this.schema, this.entriesOf(shard), stamp, state.kept, state.version);
  }

  /** The stored form of one shard as it is now, for this machine's copy: no stamp of a synced write, nothing marked clean. */
  copy(shard: number): StoredShard {
    const state = this.shards[shard];
    return encodeShard(this.schema, this.entriesOf(shard), `${this.writer}.copy`, state.kept, state.version);
  }

  private entriesOf(shard: number): [string, Entry<V>][] {
    const entries: [string, Entry<V>][] = [];
    for (const key of this.keysOf[shard]) {
      const entry = this.map.entry(key);
      if (entry) {
        entries.push([key, entry]);
      }
    }
    return entries;
  }

  /** Every entry, tombstones included (for this machine's unsynced copy and the bench). */
  entries(): IterableIterator<[string, Entry<V>]> {
    return this.map.all();
  }
}
