/**
 * One schema's records as one window holds them: the merged map, and per
 * synced shard what a write needs (is it behind what this window holds, what
 * a newer version wrote into it, the stamp of the last write seen). Plain
 * data in and out; the extension stores the shards (see src/store/).
 *
 * Loading is lazy: a stored shard handed over with `defer` is decoded when
 * one of its keys is first asked for (a digest's articles are one or two
 * shards of read marks), and `loadNext` decodes the rest one shard at a time,
 * so a window's start never holds the extension host for the whole state,
 * and nothing ever answers from a shard that is not read yet.
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

/** What loading a deferred shard met, for the caller to say (a newer version, damage); its changes were never shown, so they are not events. */
export interface LoadReport {
  shard: number;
  stored: unknown;
  problems: string[];
  newerVersion?: number;
}

/** What a shard holds that is not read yet. */
interface Pending<V> {
  stored: { value: unknown; force: boolean }[];
  entries: [string, Entry<V>][];
  /** Readers of this shard's entries of a large value (a 0.5.0 value): called when the shard is read. */
  sources: ((shard: number) => Iterable<[string, Entry<V>]>)[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export class Records<V> {
  private readonly held: LwwMap<V>;
  private readonly shards: ShardState[];
  /** The keys of each shard: a write encodes one shard without looking at the others. */
  private readonly keysOf: Set<string>[];
  private readonly rank: (entry: Entry<V>) => string;
  private writes = 0;
  /** Per shard, what is stored but not read yet (undefined: read). */
  private readonly pending: (Pending<V> | undefined)[];
  private readonly reports: LoadReport[] = [];
  /** Per shard: asked for, written or merged into. Then what it shows may have been seen, and a stored value is merged at once. */
  private readonly touched: boolean[];

  constructor(readonly schema: Schema<V>, private readonly writer: string) {
    this.rank = rankOf(schema);
    this.held = new LwwMap<V>(this.rank);
    this.shards = Array.from({ length: schema.shards }, () => ({ stamp: undefined, dirty: false, version: SHARD_VERSION, kept: { fields: {}, groups: {} } }));
    this.keysOf = Array.from({ length: schema.shards }, () => new Set<string>());
    this.pending = Array.from({ length: schema.shards }, () => undefined);
    this.touched = Array.from({ length: schema.shards }, () => false);
  }

  /** Every entry, every shard read (tests, the bench; a window asks by key). */
  get map(): LwwMap<V> {
    this.loadAll();
    return this.held;
  }

  /** Takes `entry` if it wins; a new key joins its shard (`shard` when known from where it was stored). */
  private offer(key: string, entry: Entry<V>, shard: number): boolean {
    const isNew = this.held.entry(key) === undefined;
    if (!this.held.offer(key, entry)) {
      return false;
    }
    if (isNew) {
      this.keysOf[shard].add(key);
    }
    return true;
  }

  entry(key: string): Entry<V> | undefined {
    this.load(this.shardOf(key));
    return this.held.entry(key);
  }

  get(key: string): V | undefined {
    this.load(this.shardOf(key));
    return this.held.get(key);
  }

  has(key: string): boolean {
    this.load(this.shardOf(key));
    return this.held.has(key);
  }

  /** Every live key and value. */
  live(): IterableIterator<[string, V]> {
    this.loadAll();
    return this.held.live();
  }

  shardOf(key: string): number {
    return shardOf(this.schema, key);
  }

  /** Writes a value (undefined deletes) as this window's newest operation; false when nothing changed. */
  set(key: string, value: V | undefined, now = Date.now()): boolean {
    if (!this.schema.isKey(key)) {
      throw new RangeError(`Not a key of ${this.schema.name}: ${JSON.stringify(key.slice(0, 100))}`);
    }
    const shard = this.shardOf(key);
    this.load(shard);
    const previous = this.held.entry(key);
    const isNew = previous === undefined;
    const written = this.held.set(key, value, now);
    if (!written) {
      return false;
    }
    const raw = this.carriedOver(previous, written.value);
    if (raw !== undefined) {
      this.held.put(key, { ...written, raw });
    }
    if (isNew) {
      this.keysOf[shard].add(key);
    }
    this.shards[shard].dirty = true;
    return true;
  }

  /**
   * The stored form of an edited value that keeps the fields a newer version
   * wrote into the value it replaces (this version does not know them, so it
   * cannot have meant to drop them); undefined when there are none.
   */
  private carriedOver(previous: Entry<V> | undefined, value: V | undefined): unknown {
    if (this.schema.kind !== 'map' || value === undefined || previous?.value === undefined || !isRecord(previous.raw)) {
      return undefined;
    }
    const known = this.schema.encode(previous.value);
    const encoded = this.schema.encode(value);
    if (!isRecord(known) || !isRecord(encoded)) {
      return undefined;
    }
    const unknown = Object.entries(previous.raw).filter(([field]) => !(field in known) && !(field in encoded));
    return unknown.length === 0 ? undefined : { ...Object.fromEntries(unknown), ...encoded };
  }

  /**
   * Merges entries from elsewhere (a 0.5.0 value, an import, this machine's
   * unsynced copy): the shards they win in become dirty. Returns the keys
   * whose live value changed; entries of a shard not read yet wait for it
   * (nothing was shown of it, so nothing changed).
   */
  mergeEntries(entries: Iterable<[string, Entry<V>]>, shard?: number): string[] {
    const changed: string[] = [];
    for (const [key, entry] of entries) {
      if (!this.schema.isKey(key)) {
        continue;
      }
      const into = shard ?? this.shardOf(key);
      const pending = this.pending[into];
      if (pending) {
        pending.entries.push([key, entry]);
        continue;
      }
      this.touched[into] = true;
      const before = this.held.entry(key);
      if (this.offer(key, entry, into)) {
        this.shards[into].dirty = true;
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
    this.load(shard);
    return this.mergeNow(shard, stored, force);
  }

  /** Hands over a stored shard to be read when first needed (or by `loadNext`); merged at once if the shard is read already. */
  defer(shard: number, stored: unknown, force = false): ShardMerge | undefined {
    const pending = this.pending[shard];
    if (pending) {
      pending.stored.push({ value: stored, force });
      return undefined;
    }
    if (this.touched[shard]) {
      return this.mergeNow(shard, stored, force);
    }
    this.pending[shard] = { stored: [{ value: stored, force }], entries: [], sources: [] };
    return undefined;
  }

  /**
   * Merges a large value shard by shard: `source(shard)` gives one shard's
   * entries. A shard not read yet takes them when it is read; a shard read
   * already (its state may have been shown) merges them now. Returns the
   * keys whose live value changed.
   */
  mergeByShard(source: (shard: number) => Iterable<[string, Entry<V>]>): string[] {
    const changed: string[] = [];
    for (let shard = 0; shard < this.schema.shards; shard++) {
      if (this.touched[shard]) {
        changed.push(...this.mergeEntries(source(shard), shard));
      } else {
        (this.pending[shard] ??= { stored: [], entries: [], sources: [] }).sources.push(source);
      }
    }
    return changed;
  }

  /** True when `shard` holds nothing that is not read yet. */
  isLoaded(shard: number): boolean {
    return this.pending[shard] === undefined;
  }

  /** Reads one shard that waits; false when nothing waits. */
  loadNext(): boolean {
    const shard = this.pending.findIndex((pending) => pending !== undefined);
    if (shard < 0) {
      return false;
    }
    this.load(shard);
    return true;
  }

  /** What loading met since last asked (newer versions, damage): the caller says it. */
  takeReports(): LoadReport[] {
    return this.reports.splice(0);
  }

  private load(shard: number): void {
    this.touched[shard] = true;
    const pending = this.pending[shard];
    if (!pending) {
      return;
    }
    this.pending[shard] = undefined;
    for (const { value, force } of pending.stored) {
      const merge = this.mergeNow(shard, value, force);
      if (merge.problems.length > 0 || merge.newerVersion !== undefined) {
        this.reports.push({ shard, stored: value, problems: merge.problems, newerVersion: merge.newerVersion });
      }
    }
    this.mergeEntries(pending.entries, shard);
    for (const source of pending.sources) {
      this.mergeEntries(source(shard), shard);
    }
  }

  private loadAll(): void {
    while (this.loadNext()) {
      // one shard at a time, until none waits
    }
  }

  private mergeNow(shard: number, stored: unknown, force: boolean): ShardMerge {
    this.touched[shard] = true;
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
      const mine = this.held.entry(key);
      if (!mine) {
        this.held.put(key, entry);
        this.keysOf[shard].add(key);
        changed.push(key);
        held++;
        continue;
      }
      held += this.keysOf[shard].has(key) ? 1 : 0;
      const order = compareEntries(entry, mine, this.rank);
      if (order > 0) {
        this.held.put(key, entry);
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
    this.load(shard);
    const state = this.shards[shard];
    const stamp = `${this.writer}.${(++this.writes).toString(36)}`;
    state.stamp = stamp;
    state.dirty = false;
    return encodeShard(this.schema, this.entriesOf(shard), stamp, state.kept, state.version);
  }

  /** The stored form of one shard as it is now, for this machine's copy: no stamp of a synced write, nothing marked clean. */
  copy(shard: number): StoredShard {
    this.load(shard);
    const state = this.shards[shard];
    return encodeShard(this.schema, this.entriesOf(shard), `${this.writer}.copy`, state.kept, state.version);
  }

  private entriesOf(shard: number): [string, Entry<V>][] {
    const entries: [string, Entry<V>][] = [];
    for (const key of this.keysOf[shard]) {
      const entry = this.held.entry(key);
      if (entry) {
        entries.push([key, entry]);
      }
    }
    return entries;
  }

  /** Every entry, tombstones included (for this machine's unsynced copy and the bench). */
  entries(): IterableIterator<[string, Entry<V>]> {
    this.loadAll();
    return this.held.all();
  }
}
