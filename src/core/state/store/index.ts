/**
 * The store of everything the user keeps: records that merge and never
 * replace. A schema (schema.ts) names a kind of record; `Records` holds one
 * schema's records in a window and turns them into synced shards and back
 * (codec.ts). How to add a schema: docs/store.md.
 */
export { clockMinutes, compareEntries, LwwMap, sameValue, type Entry, type MergeResult } from './lww';
export { hashKey, isPlainKey, shardOf, type MapSchema, type Schema, type SetSchema, type ValueOf } from './schema';
export { arxivNumberWidth, decodeShard, encodeShard, rankOf, splitNewStyleId, SHARD_VERSION, type DecodedShard, type Kept, type StoredShard } from './codec';
export { Records, type ShardMerge } from './records';
