/**
 * What a window has of each shard but has not read yet: stored values
 * handed over at start, entries merged from elsewhere (an import, a 0.5.0
 * value) and readers of a large value's entries for that shard. A shard is
 * read when one of its keys is first asked for, or one at a time by
 * `loadNext`, so a window's start never decodes the whole state in one go.
 * Once a shard is touched (asked for, written or merged into) what it shows
 * may have been seen, and whatever arrives for it is merged at once.
 */
import type { Entry } from './lww';

/** What a shard holds that is not read yet. */
export interface PendingShard<V> {
  stored: { value: unknown; force: boolean }[];
  entries: [string, Entry<V>][];
  /** Readers of this shard's entries of a large value (a 0.5.0 value): called when the shard is read. */
  sources: ((shard: number) => Iterable<[string, Entry<V>]>)[];
}

export class LazyShards<V> {
  private readonly pending: (PendingShard<V> | undefined)[];
  private readonly touched: boolean[];

  /** `read` merges what waited for a shard, when the shard is read. */
  constructor(count: number, private readonly read: (shard: number, pending: PendingShard<V>) => void) {
    this.pending = Array.from({ length: count }, () => undefined);
    this.touched = Array.from({ length: count }, () => false);
  }

  /** Whether what `shard` shows may have been seen: then what arrives for it is merged at once. */
  isTouched(shard: number): boolean {
    return this.touched[shard];
  }

  touch(shard: number): void {
    this.touched[shard] = true;
  }

  /** True when `shard` holds nothing that is not read yet. */
  isLoaded(shard: number): boolean {
    return this.pending[shard] === undefined;
  }

  /** Keeps a stored value for the shard's first read; false when the shard is touched (merge it now). */
  deferStored(shard: number, value: unknown, force: boolean): boolean {
    const pending = this.pending[shard];
    if (pending) {
      pending.stored.push({ value, force });
      return true;
    }
    if (this.touched[shard]) {
      return false;
    }
    this.pending[shard] = { stored: [{ value, force }], entries: [], sources: [] };
    return true;
  }

  /** Keeps an entry for its shard's read when that shard waits to be read; false otherwise (merge it now). */
  deferEntry(shard: number, key: string, entry: Entry<V>): boolean {
    const pending = this.pending[shard];
    if (!pending) {
      return false;
    }
    pending.entries.push([key, entry]);
    return true;
  }

  /** Keeps a reader of a shard's entries for that shard's read unless the shard is touched; false then (merge them now). */
  deferSource(shard: number, source: (shard: number) => Iterable<[string, Entry<V>]>): boolean {
    if (this.touched[shard]) {
      return false;
    }
    (this.pending[shard] ??= { stored: [], entries: [], sources: [] }).sources.push(source);
    return true;
  }

  /** Reads `shard` if anything waits for it; it is touched from now on. */
  load(shard: number): void {
    this.touched[shard] = true;
    const pending = this.pending[shard];
    if (pending) {
      this.pending[shard] = undefined;
      this.read(shard, pending);
    }
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

  loadAll(): void {
    while (this.loadNext()) {
      // one shard at a time, until none waits
    }
  }
}
