/** Issue 16, point 2: a window's start hands the stored shards over undecoded; nothing answers from a shard before it is read. */
import * as assert from 'node:assert/strict';
import { decodeReadingState, encodeReadingState, migrateReadingState, READ_SCHEMA, Records, SHARD_VERSION, STAR_SCHEMA, type StoredShard } from '../../src/core';

const stored = (shard: StoredShard): unknown => JSON.parse(JSON.stringify(shard)) as unknown;
const T0 = Date.UTC(2025, 5, 1);

/** A replica's read marks as stored, one value per shard. */
function storedReads(keys: string[]): unknown[] {
  const writer = new Records(READ_SCHEMA, 'writer');
  keys.forEach((key) => writer.set(key, true, T0));
  return Array.from({ length: READ_SCHEMA.shards }, (_, shard) => stored(writer.encode(shard)));
}

const KEYS = Array.from({ length: 4_000 }, (_, i) => `25${String(1 + (i % 12)).padStart(2, '0')}.${String(i * 7).padStart(5, '0')}`);

describe('the store: loading at window start', () => {
  it('answers every key as if all were read, reading only the shard asked for', () => {
    const shards = storedReads(KEYS);
    const records = new Records(READ_SCHEMA, 'me');
    shards.forEach((value, shard) => assert.equal(records.defer(shard, value, true), undefined, 'handed over, not read'));
    const key = KEYS[123];
    const shard = records.shardOf(key);
    assert.ok(!records.isLoaded(shard));
    assert.ok(records.has(key), 'asking reads the shard first');
    assert.ok(records.isLoaded(shard));
    assert.equal(records.has('2501.99999'), false);
    const others = Array.from({ length: READ_SCHEMA.shards }, (_, n) => n).filter((n) => n !== shard && n !== records.shardOf('2501.99999'));
    assert.ok(others.some((n) => !records.isLoaded(n)), 'the other shards wait');
    let slices = 0;
    while (records.loadNext()) {
      slices++;
    }
    assert.ok(slices <= READ_SCHEMA.shards && slices > 0);
    assert.deepEqual([...records.live()].map(([k]) => k).sort(), [...KEYS].sort());
  });

  it('merges what arrives for a shard not read yet (this machine\'s copy, a 0.5.0 value, another window) when it is read, and makes it to be written', () => {
    const shards = storedReads(KEYS.slice(0, 10));
    const records = new Records(READ_SCHEMA, 'me');
    shards.forEach((value, shard) => records.defer(shard, value, true));
    const fromCopy = '2505.77777';
    const shard = records.shardOf(fromCopy);
    assert.deepEqual(records.mergeEntries([[fromCopy, { t: 1, value: true }]], shard), [], 'nothing shown of it yet: no change to tell');
    // Another window unmarks one of the stored keys, stored before this window read the shard.
    const theirs = new Records(READ_SCHEMA, 'theirs');
    const victim = KEYS[3];
    theirs.mergeStored(theirs.shardOf(victim), shards[theirs.shardOf(victim)]);
    theirs.set(victim, undefined, T0 + 3_600_000);
    records.defer(theirs.shardOf(victim), stored(theirs.encode(theirs.shardOf(victim))));
    assert.ok(records.has(fromCopy));
    assert.equal(records.has(victim), false, 'the later unmarking wins over the earlier stored value');
    assert.ok(records.dirtyShards().includes(shard), 'the stored shard lacks the copy\'s entry: written back');
  });

  it('reads a 0.5.0 value shard by shard: each shard gets exactly its own ids when it is read, and a later unmarking still wins', () => {
    // Two years of months (4- and 5-digit numbers, long runs crossing many shards) and a few keys that are not arXiv ids.
    const legacyKeys = [
      ...Array.from({ length: 6_000 }, (_, i) => `14${String(1 + (i % 12)).padStart(2, '0')}.${String((i * 13) % 10_000).padStart(4, '0')}`),
      ...Array.from({ length: 9_000 }, (_, i) => `25${String(1 + (i % 12)).padStart(2, '0')}.${String(i * 11).padStart(5, '0')}`),
      'news:Heise:2025-06-01:3', 'hep-th/9901001',
    ];
    const legacy = JSON.parse(JSON.stringify(encodeReadingState(legacyKeys, []))) as unknown;
    const unmarked = legacyKeys[4_321];
    const shards = storedReads([]);
    const later = new Records(READ_SCHEMA, 'later');
    later.set(unmarked, true, T0);
    later.set(unmarked, undefined, T0 + 60_000);
    shards[later.shardOf(unmarked)] = stored(later.encode(later.shardOf(unmarked)));
    const records = new Records(READ_SCHEMA, 'me');
    shards.forEach((value, shard) => records.defer(shard, value, true));
    const migrated = migrateReadingState(legacy);
    assert.deepEqual(migrated.read.problems, []);
    assert.deepEqual(records.mergeByShard(migrated.read.entriesOf), [], 'nothing read yet: no change to tell');
    for (let shard = 0; shard < READ_SCHEMA.shards; shard++) {
      const own = [...migrated.read.entriesOf(shard)].map(([key]) => key);
      assert.ok(own.every((key) => records.shardOf(key) === shard), `shard ${shard} gets only its own ids`);
    }
    const asked = legacyKeys[77];
    assert.ok(records.has(asked), 'a 0.5.0 id reads as read as soon as its shard is asked for');
    assert.ok(Array.from({ length: READ_SCHEMA.shards }, (_, n) => n).some((n) => !records.isLoaded(n)), 'the other shards wait');
    while (records.loadNext()) {
      // one shard per task in a window
    }
    const expected = decodeReadingState(legacy).read.filter((key) => key !== unmarked).sort();
    assert.deepEqual([...records.live()].map(([key]) => key).sort(), expected, 'every 0.5.0 id, exactly once, but the one unmarked since');
  });

  it('merges a 0.5.0 value that changes under a running window into the shards it has read at once, and tells what changed', () => {
    const records = new Records(READ_SCHEMA, 'me');
    records.set('2505.00001', true, T0);
    const migrated = migrateReadingState(JSON.parse(JSON.stringify(encodeReadingState(['2505.00001', '2505.00002', '2312.04000'], []))) as unknown);
    const changed = records.mergeByShard(migrated.read.entriesOf);
    assert.deepEqual(changed.sort(), records.shardOf('2312.04000') === records.shardOf('2505.00001') ? ['2312.04000', '2505.00002'] : ['2505.00002']);
    assert.ok(records.has('2312.04000'));
  });

  it('merges a stored value at once into a shard already read, and keeps what loading met for the caller to say', () => {
    const records = new Records(READ_SCHEMA, 'me');
    records.defer(2, { v: SHARD_VERSION + 1, w: 'future.1', e: { t: 29_000_000, a: { 2505: 'a,b' }, o: [] } }, true);
    records.defer(5, { v: 1, w: 'x.1', e: { t: 29_000_000, a: { 2506: 'not base 36!' }, o: [] } }, true);
    assert.deepEqual(records.takeReports(), [], 'nothing read yet');
    while (records.loadNext()) {
      // all of it
    }
    const reports = records.takeReports();
    assert.deepEqual(reports.map((r) => [r.shard, r.newerVersion, r.problems.length]), [[2, SHARD_VERSION + 1, 0], [5, undefined, 1]]);
    const merge = records.defer(2, { v: 1, w: 'y.1', e: { t: 29_000_001, a: { 2505: '1' }, o: [] } });
    assert.deepEqual(merge?.changed, ['2505.00001']);
  });

  it('a star edited before its shard was read keeps the stored record\'s other state', () => {
    const writer = new Records(STAR_SCHEMA, 'writer');
    writer.set('2505.20314', { kind: 'arxiv', subject: 'cs.DC', digestDate: '2025-06-01', index: 21, starredAt: T0 }, T0);
    const records = new Records(STAR_SCHEMA, 'me');
    const shard = writer.shardOf('2505.20314');
    records.defer(shard, stored(writer.encode(shard)), true);
    assert.equal(records.set('2505.20314', undefined, T0 + 60_000), true, 'the unstar sees the stored star (it read the shard first)');
    assert.equal(records.get('2505.20314'), undefined);
    assert.deepEqual([...records.live()], []);
  });
});
