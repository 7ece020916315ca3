/**
 * A schema says what one kind of kept record is: its name, how its keys are
 * spread over synced shards, and how a value is checked, stored and read.
 * The store (see `Replica` and the shard codec) does the rest: merging,
 * sharding, versions, damage. See docs/store.md, "How to add a schema".
 */

/** Flags (read, known word, not interested): a key is in the set or not, stored compactly (about 3 bytes a key). */
export interface SetSchema {
  readonly kind: 'set';
  /** Names the record in storage keys and messages: `read` → `digestReader.store.read.3`. Never change it. */
  readonly name: string;
  /** Synced shards: fixed, since Settings Sync must be told every key in advance. One marking rewrites one shard. */
  readonly shards: number;
  /** Which shard a key belongs to, `0 ≤ n < shards`; default: a hash of the key. Never change it for a stored schema. */
  shardOf?(key: string): number;
  /** False for a key that must not be kept (too long, wrong shape). */
  isKey(key: string): boolean;
}

/** Records with a value (a star, a filter, a study entry, a note), stored as JSON, unknown fields kept. */
export interface MapSchema<V> {
  readonly kind: 'map';
  readonly name: string;
  readonly shards: number;
  shardOf?(key: string): number;
  isKey(key: string): boolean;
  /**
   * Reads a stored value; undefined when this version cannot read it (it is
   * then kept as it is and written back, never dropped). Must not throw.
   */
  decode(stored: unknown): V | undefined;
  /** The stored form of a value: plain JSON. `decode(encode(v))` must equal `v`. */
  encode(value: V): unknown;
}

export type Schema<V = unknown> = SetSchema | MapSchema<V>;

/** The value type a schema keeps. */
export type ValueOf<S> = S extends MapSchema<infer V> ? V : S extends SetSchema ? true : never;

/** FNV-1a over the key's UTF-16 units: stable across versions and hosts (no `node:crypto` in the web worker). */
export function hashKey(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export function shardOf(schema: Schema<unknown>, key: string): number {
  const shard = schema.shardOf ? schema.shardOf(key) : hashKey(key) % schema.shards;
  return Number.isSafeInteger(shard) && shard >= 0 && shard < schema.shards ? shard : hashKey(key) % schema.shards;
}

const MAX_KEY_LENGTH = 1000;

/** The common key check: a non-blank string of at most 1,000 characters. */
export function isPlainKey(key: unknown): key is string {
  return typeof key === 'string' && key.length > 0 && key.length <= MAX_KEY_LENGTH && key.trim() !== '';
}
