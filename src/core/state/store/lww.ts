/**
 * A last-writer-wins element map (the LWW element set of Shapiro et al.,
 * 2011, with values): every key holds the entry with the greatest stamp, and
 * a deletion is an entry too (a tombstone), never an absence. Merging takes
 * the greater entry per key, which is commutative, associative and
 * idempotent: every replica that has seen the same entries holds the same
 * map, whatever the order and however often they arrived.
 *
 * Stamps are logical minutes: a write takes the later of the wall clock and
 * one past what this replica holds for the key, so a replica's own writes
 * (and writes after it has seen another's) always win over what they follow,
 * even with a clock that lags. Two writes of one stamp (two machines in the
 * same minute that had not seen each other) are ordered by their values, so
 * every replica picks the same one.
 */

/** One key's state: a value, or a tombstone (`value` undefined). */
export interface Entry<V> {
  /** Logical time in minutes since 1970 (see `clockMinutes`). */
  readonly t: number;
  /** Undefined: deleted (unmarked, unstarred, removed). */
  readonly value: V | undefined;
  /**
   * The value as stored, when it came from storage: written back as it was
   * (unknown fields of a newer version survive), and the only value of an
   * entry this version cannot read (`value` is then undefined and `unread` true).
   */
  readonly raw?: unknown;
  /** True when the stored value could not be read by this version: kept, written back, never shown. */
  readonly unread?: boolean;
}

export function clockMinutes(now = Date.now()): number {
  return Math.floor(now / 60_000);
}

/** How two entries of one key order; positive when `a` wins. `rank` orders values of one stamp. */
export function compareEntries<V>(a: Entry<V>, b: Entry<V>, rank: (entry: Entry<V>) => string): number {
  if (a.t !== b.t) {
    return a.t - b.t;
  }
  const ra = rank(a);
  const rb = rank(b);
  return ra === rb ? 0 : ra > rb ? 1 : -1;
}

/** What a merge did: the keys whose entry changed here, and whether the other side lacks something this side holds. */
export interface MergeResult {
  changed: string[];
  /** True when the merged-in replica is behind this one (it should be written back). */
  behind: boolean;
}

export class LwwMap<V> {
  private readonly entries = new Map<string, Entry<V>>();

  /** `rank`: a total order on one stamp's values (tombstone lowest); usually the value's encoding. */
  constructor(private readonly rank: (entry: Entry<V>) => string) {}

  get size(): number {
    return this.entries.size;
  }

  entry(key: string): Entry<V> | undefined {
    return this.entries.get(key);
  }

  /** The live value of `key` (undefined when absent, deleted or unreadable). */
  get(key: string): V | undefined {
    return this.entries.get(key)?.value;
  }

  has(key: string): boolean {
    return this.entries.get(key)?.value !== undefined;
  }

  /** Every entry, tombstones and unreadable ones included (for storage). */
  all(): IterableIterator<[string, Entry<V>]> {
    return this.entries.entries();
  }

  /** Every live key and value. */
  *live(): IterableIterator<[string, V]> {
    for (const [key, entry] of this.entries) {
      if (entry.value !== undefined) {
        yield [key, entry.value];
      }
    }
  }

  /**
   * Writes `value` (undefined deletes) as this replica's newest operation on
   * `key`; returns the entry written, or undefined when nothing changed.
   */
  set(key: string, value: V | undefined, now = Date.now()): Entry<V> | undefined {
    const previous = this.entries.get(key);
    if (previous && !previous.unread && sameValue(previous.value, value)) {
      return undefined;
    }
    const t = Math.max(clockMinutes(now), previous ? previous.t + 1 : 0);
    const entry: Entry<V> = { t, value };
    this.entries.set(key, entry);
    return entry;
  }

  /** Sets `key`'s entry as it is, unchecked: for a caller that has just compared (a merge). */
  put(key: string, entry: Entry<V>): void {
    this.entries.set(key, entry);
  }

  /** Takes `entry` for `key` if it wins over what is held; true when it did. */
  offer(key: string, entry: Entry<V>): boolean {
    const mine = this.entries.get(key);
    if (mine && compareEntries(entry, mine, this.rank) <= 0) {
      return false;
    }
    this.entries.set(key, entry);
    return true;
  }

  /** Merges another replica's entries into this one. */
  merge(other: Iterable<[string, Entry<V>]>): MergeResult {
    const changed: string[] = [];
    const seen = new Set<string>();
    let behind = false;
    for (const [key, entry] of other) {
      seen.add(key);
      const mine = this.entries.get(key);
      const order = mine ? compareEntries(entry, mine, this.rank) : 1;
      if (order > 0) {
        this.entries.set(key, entry);
        if (!mine || !sameValue(mine.value, entry.value) || mine.unread !== entry.unread) {
          changed.push(key);
        }
      } else if (order < 0) {
        behind = true;
      }
    }
    if (!behind && seen.size < this.entries.size) {
      for (const key of this.entries.keys()) {
        if (!seen.has(key)) {
          behind = true;
          break;
        }
      }
    }
    return { changed, behind };
  }
}

/** Values are plain JSON data: equal when their encodings are. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) {
    return true;
  }
  if (a === undefined || b === undefined || typeof a !== 'object' || typeof b !== 'object') {
    return false;
  }
  return JSON.stringify(a) === JSON.stringify(b);
}
