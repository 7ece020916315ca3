/** Issue 16: the store's records merge and never replace; their stored form keeps what a newer version wrote. */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  compareEntries, decodeShard, encodeShard, filtersOf, migrateFilters, migrateStudyList, migrateStudyNotes, rankOf, FILTER_SCHEMA, READ_SCHEMA, Records, SHARD_VERSION, STAR_SCHEMA, type Entry, type MapSchema, type Schema, type StarRecord, type StoredShard,
} from '../../src/core';
import { NOTES_SCHEMA, STUDY_SCHEMA, type StudyEntry } from '../../src/core/study';
import { KNOWN_WORDS_SCHEMA, LEARNING_WORDS_SCHEMA } from '../../src/core/words';

/** As VS Code's storage keeps it: JSON. */
const stored = (shard: StoredShard): unknown => JSON.parse(JSON.stringify(shard)) as unknown;

const MINUTE = 60_000;
const T0 = Date.UTC(2025, 5, 1);

/** Keys a few shards apart and close together, so operations collide. */
const readKey = fc.oneof(
  fc.constantFrom('2505.20314', '2505.20315', '2505.00001', '2506.12000', '2412.00042', '0704.0001'),
  fc.constantFrom('math.GT/0309136', 'news:German News|2025-06-01|Bahn', 'news:x|2025-06-02|Ω'),
);

type Op = { replica: number; key: string; value: unknown; minute: number } | { deliver: [number, number]; stale: boolean };

function sameEntries<V>(a: Records<V>, b: Records<V>): void {
  const rank = rankOf(a.schema);
  const list = (r: Records<V>) => [...r.entries()].map(([key, e]) => [key, e.t, rank(e)]).sort();
  assert.deepEqual(list(a), list(b));
}

/**
 * Runs ops on three replicas: local writes, and deliveries of one replica's
 * stored shards to another (a fresh snapshot or an earlier one again, in any
 * order, any number of times). Returns the replicas and every entry any of
 * them wrote.
 */
function run<V>(schema: Schema<V>, ops: Op[]): { replicas: Records<V>[]; written: Map<string, Entry<V>[]> } {
  const replicas = [0, 1, 2].map((i) => new Records<V>(schema, `r${i}`));
  const snapshots: { from: number; shards: unknown[] }[] = [];
  const written = new Map<string, Entry<V>[]>();
  for (const op of ops) {
    if ('deliver' in op) {
      const [from, to] = op.deliver;
      const earlier = snapshots.filter((s) => s.from === from);
      const snapshot = op.stale && earlier.length > 0 ? earlier[0] : { from, shards: Array.from({ length: schema.shards }, (_, shard) => stored(replicas[from].encode(shard))) };
      snapshots.push(snapshot);
      snapshot.shards.forEach((value, shard) => replicas[to].mergeStored(shard, value));
    } else {
      const replica = replicas[op.replica];
      if (replica.set(op.key, op.value as V | undefined, T0 + op.minute * MINUTE)) {
        const entry = replica.map.entry(op.key);
        assert.ok(entry);
        written.set(op.key, [...(written.get(op.key) ?? []), entry]);
      }
    }
  }
  return { replicas, written };
}

/** Every replica gets every other's state (twice, in different orders). */
function exchange<V>(replicas: Records<V>[]): void {
  for (const [from, to] of [[0, 1], [1, 2], [2, 0], [0, 1], [1, 2], [2, 0]]) {
    for (let shard = 0; shard < replicas[from].schema.shards; shard++) {
      replicas[to].mergeStored(shard, stored(replicas[from].encode(shard)));
    }
  }
}

function converges<V>(schema: Schema<V>, arbitrary: fc.Arbitrary<unknown>, key: fc.Arbitrary<string>): void {
  const value = plain(arbitrary);
  const op: fc.Arbitrary<Op> = fc.oneof(
    { weight: 3, arbitrary: fc.record({ replica: fc.integer({ min: 0, max: 2 }), key, value: fc.option(value, { nil: undefined, freq: 3 }), minute: fc.integer({ min: 0, max: 5 }) }) },
    { weight: 2, arbitrary: fc.record({ deliver: fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 })), stale: fc.boolean() }) },
  );
  fc.assert(fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
    const { replicas, written } = run(schema, ops);
    exchange(replicas);
    sameEntries(replicas[0], replicas[1]);
    sameEntries(replicas[1], replicas[2]);
    // Nothing lost that a later operation did not supersede: each key holds the greatest entry written for it.
    for (const [key, entries] of written) {
      const winner = entries.reduce((a, b) => (compareEntries(b, a, rankOf(schema)) > 0 ? b : a));
      const held = replicas[0].map.entry(key);
      assert.equal(held?.t, winner.t, key);
      assert.equal(held && rankOf(schema)(held), rankOf(schema)(winner), key);
    }
  }), { numRuns: 400 });
}

/** Values as storage holds them: plain JSON objects (fast-check's records have no prototype). */
const plain = <T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T> => arbitrary.map((v) => JSON.parse(JSON.stringify(v)) as T);

const study = (term: string, addedAt = T0): StudyEntry => ({ kind: 'term', articleKey: '2505.20314', arxivId: '2505.20314v2', texts: { en: term, zh: '术语' }, subject: 'cs.DC', digestDate: '2025-06-01', addedAt });

describe('the store: records that merge', () => {
  it('three replicas converge for read marks, whatever the order and duplicates, and keep every unsuperseded marking', () => {
    converges(READ_SCHEMA, fc.constant(true), readKey);
  });

  it('and for stars, saved filters, study entries and notes', () => {
    const star = fc.record({ kind: fc.constantFrom('arxiv' as const, 'news' as const), subject: fc.constantFrom('cs.DC', 'cs.LG'), digestDate: fc.constant('2025-06-01'), index: fc.integer({ min: 0, max: 200 }), starredAt: fc.integer({ min: T0, max: T0 + 9 * MINUTE }) });
    converges(STAR_SCHEMA, star, readKey);
    converges(FILTER_SCHEMA, fc.record({ order: fc.integer({ min: 0, max: 9 }), name: fc.option(fc.constantFrom('LLM', 'Graphs'), { nil: undefined }) }).map((f) => (f.name ? f : { order: f.order })), fc.constantFrom('LLM', '"edge computing"', '/gr(a|e)y/i', '-cloud'));
    converges(STUDY_SCHEMA, fc.constantFrom('parallel', 'edge', 'cloud').map((t) => study(t)), fc.constantFrom('2505.20314#t:parallel', '2505.20314#s1', '2505.00001#s2'));
    converges(KNOWN_WORDS_SCHEMA, fc.constant(true), fc.constantFrom('zh:车辆', 'zh:分布式', 'de:fahrzeug', 'de:netz'));
    converges(LEARNING_WORDS_SCHEMA, fc.constant(true), fc.constantFrom('zh:车辆', 'de:über'));
    converges(NOTES_SCHEMA, fc.record({ text: fc.constantFrom('Meine Übersetzung', '我的翻译'), updatedAt: fc.constant(T0) }), fc.constantFrom('2505.20314#de', '2505.20314#zh', 'news:a|2025-06-01|T#de'));
  });

  it('a later marking wins over an earlier one of another replica; the same minute picks one value everywhere', () => {
    const a = new Records(READ_SCHEMA, 'a');
    const b = new Records(READ_SCHEMA, 'b');
    a.set('2505.20314', true, T0);
    b.set('2505.20314', undefined, T0 + 5 * MINUTE); // unread, later (a tombstone, never an absence)
    const shard = a.shardOf('2505.20314');
    a.mergeStored(shard, stored(b.encode(shard)));
    assert.equal(a.has('2505.20314'), false);
    // A replica's own next write wins over what it has seen, even with a clock behind.
    a.set('2505.20314', true, T0);
    b.mergeStored(shard, stored(a.encode(shard)));
    assert.equal(b.has('2505.20314'), true);
  });

  it('says when the stored value lacks what this replica holds (it must be written back)', () => {
    const a = new Records(READ_SCHEMA, 'a');
    a.set('2505.20314', true, T0);
    const shard = a.shardOf('2505.20314');
    a.encode(shard);
    assert.deepEqual(a.dirtyShards(), []);
    // As Settings Sync does on a conflict: the remote value, without this machine's marking, replaces the key.
    const remote = new Records(READ_SCHEMA, 'remote');
    remote.set('2505.20315', true, T0);
    const merge = a.mergeStored(shard, stored(remote.encode(shard)));
    assert.deepEqual(merge.changed, ['2505.20315']);
    assert.deepEqual(a.dirtyShards(), [shard]);
    const written = decodeShard(READ_SCHEMA, stored(a.encode(shard)));
    assert.deepEqual(written.entries.map(([key]) => key).sort(), ['2505.20314', '2505.20315']);
  });

  it('does not decode a shard whose writer stamp it last saw', () => {
    const a = new Records(READ_SCHEMA, 'a');
    a.set('2505.20314', true, T0);
    const value = stored(a.encode(a.shardOf('2505.20314')));
    assert.equal(a.mergeStored(a.shardOf('2505.20314'), value).read, false);
  });
});

describe('the store: stored form', () => {
  const entries = <V>(value: fc.Arbitrary<V>, key: fc.Arbitrary<string>) => fc.uniqueArray(fc.tuple(key, fc.integer({ min: 0, max: 2 ** 32 }), fc.option(value, { nil: undefined })), { selector: ([k]) => k, maxLength: 200 });
  const arxivKey = fc.oneof(
    fc.tuple(fc.integer({ min: 1501, max: 2612 }), fc.integer({ min: 0, max: 99_999 })).map(([m, n]) => `${m}.${String(n).padStart(5, '0')}`),
    fc.tuple(fc.integer({ min: 701, max: 1412 }), fc.integer({ min: 0, max: 9999 })).map(([m, n]) => `${String(m).padStart(4, '0')}.${String(n).padStart(4, '0')}`),
    fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim() !== '').map((s) => `news:${s}`),
  );

  function roundTrip<V>(schema: Schema<V>, list: [string, number, V | undefined][]): void {
    const map = new Map<string, Entry<V>>(list.map(([key, t, value]) => [key, { t, value }]));
    const decoded = decodeShard(schema, stored(encodeShard(schema, map, 'w.1')));
    assert.deepEqual(decoded.problems, []);
    assert.deepEqual([...decoded.entries].map(([k, e]) => [k, e.t, e.value]).sort(), [...map].map(([k, e]) => [k, e.t, e.value]).sort());
  }

  it('encode → decode is the identity for read marks (any keys, times, tombstones)', () => {
    fc.assert(fc.property(entries(fc.constant(true as const), arxivKey), (list) => roundTrip(READ_SCHEMA, list)), { numRuns: 300 });
  });

  it('encode → decode is the identity for map records', () => {
    const star = fc.record({ kind: fc.constantFrom('arxiv' as const, 'news' as const), subject: fc.string(), digestDate: fc.string({ maxLength: 10 }), index: fc.nat(), starredAt: fc.integer() });
    fc.assert(fc.property(entries<StarRecord>(plain(star), arxivKey), (list) => roundTrip(STAR_SCHEMA, list)), { numRuns: 200 });
  });

  it('keeps what a newer version wrote: its version, unknown fields, values and months it cannot read', () => {
    const newer = {
      v: SHARD_VERSION + 1, w: 'future.1', sealed: { by: 'v9' },
      e: [['2505.20314', 29_000_000, { k: 'a', s: 'cs.DC', d: '2025-06-01', i: 21, at: T0, colour: 'red' }], ['2505.00001', 29_000_001, { hologram: true }]],
    };
    const records = new Records(STAR_SCHEMA, 'me');
    const merge = records.mergeStored(0, newer);
    assert.equal(merge.newerVersion, SHARD_VERSION + 1);
    assert.deepEqual(merge.problems, [], 'a newer version is not damage');
    assert.equal(records.get('2505.20314')?.index, 21, 'what it can read shows');
    assert.equal(records.get('2505.00001'), undefined, 'what it cannot read does not show…');
    records.set('2505.99999', { kind: 'arxiv', subject: 'cs.DC', digestDate: '2025-06-01', index: 3, starredAt: T0 }, T0);
    const written = stored(records.encode(records.shardOf('2505.99999'))) as { v: number };
    assert.equal(written.v, SHARD_VERSION, 'a shard no newer version wrote stays this version');
    const again = stored(records.encode(0)) as { v: number; sealed: unknown; e: unknown[][] };
    assert.equal(again.v, SHARD_VERSION + 1, 'never downgraded');
    assert.deepEqual(again.sealed, { by: 'v9' });
    // Both entries were stored in shard 0 (whatever their hash says): they stay where the newer version put them.
    assert.deepEqual(again.e.find(([key]) => key === '2505.00001')?.[2], { hologram: true }, '…but is written back as it was');
    assert.deepEqual((again.e.find(([key]) => key === '2505.20314')?.[2] as { colour?: string }).colour, 'red', 'unknown fields of a value survive');

    const set = new Records(READ_SCHEMA, 'me');
    set.mergeStored(3, { v: SHARD_VERSION + 1, w: 'future.2', e: { t: 29_000_000, a: { 2505: 'a,b', 2506: '<a format of the future>' }, o: [] } });
    const kept = stored(set.encode(3)) as { e: { a: Record<string, string> } };
    assert.equal(kept.e.a['2506'], '<a format of the future>');
    assert.ok(set.has('2505.00010') && set.has('2505.00021'));
  });

  it('keeps the fields a newer version wrote into a value when this version edits it, and drops none it knows', () => {
    const newer = { v: SHARD_VERSION + 1, w: 'future.1', e: [['2505.20314', 29_000_000, { k: 'a', s: 'cs.DC', d: '2025-06-01', i: 21, id: '2505.20314v1', at: T0, colour: 'red', tags: ['x'] }]] };
    const records = new Records(STAR_SCHEMA, 'me');
    records.mergeStored(0, newer);
    const star = records.get('2505.20314');
    assert.ok(star);
    // This version edits the record (a later star of the same article, without its arXiv version).
    const edited: StarRecord = { kind: star.kind, subject: star.subject, digestDate: star.digestDate, index: 22, starredAt: T0 + 60 * MINUTE };
    assert.equal(star.arxivId, '2505.20314v1', 'the stored record had an arXiv id');
    assert.ok(records.set('2505.20314', edited, T0 + 60 * MINUTE));
    assert.deepEqual(records.get('2505.20314'), edited, 'the edit shows');
    const written = stored(records.encode(0)) as { e: [string, number, Record<string, unknown>][] };
    const value = written.e.find(([key]) => key === '2505.20314')?.[2];
    assert.equal(value?.colour, 'red', 'an unknown field is carried over into the edited record');
    assert.deepEqual(value?.tags, ['x']);
    assert.equal(value?.i, 22, 'with the edited value');
    assert.equal(value?.id, undefined, 'a field this version knows and the edit left out is not brought back');
    // Another replica reads the same record and the edit wins there too.
    const other = new Records(STAR_SCHEMA, 'other');
    other.mergeStored(0, newer);
    other.mergeStored(0, written);
    assert.deepEqual(other.get('2505.20314'), edited);
    // Deleting writes a tombstone; starring again later has nothing to carry over.
    assert.ok(records.set('2505.20314', undefined, T0 + 120 * MINUTE));
    assert.ok(records.set('2505.20314', edited, T0 + 180 * MINUTE));
    const again = (stored(records.encode(0)) as { e: [string, number, Record<string, unknown>][] }).e.find(([key]) => key === '2505.20314')?.[2];
    assert.equal(again?.colour, undefined);
  });

  it('reports damage in a value of this version, keeps what it could read, and marks the shard to be rewritten', () => {
    const records = new Records(READ_SCHEMA, 'me');
    const merge = records.mergeStored(2, { v: 1, w: 'x.1', e: { t: 29_000_000, a: { 2505: 'a,b', 2506: 'not base 36!' }, o: [['news:ok', 29_000_000, 1], [7, 'x', 2]] } });
    assert.equal(merge.problems.length, 2, merge.problems.join('\n'));
    assert.ok(records.has('2505.00010') && records.has('news:ok'));
    assert.deepEqual(records.dirtyShards().includes(2), true);
    for (const garbage of ['text', 42, null, [], { v: 'one' }]) {
      assert.ok(new Records(READ_SCHEMA, 'me').mergeStored(0, garbage).problems.length > 0, JSON.stringify(garbage));
    }
  });

  it('keeps 100,000 read ids near 0.5.0\'s size', () => {
    const records = new Records(READ_SCHEMA, 'me');
    for (let i = 0; i < 100_000; i++) {
      records.set(`25${String(1 + (i % 12)).padStart(2, '0')}.${String(Math.floor(i / 12) * 3).padStart(5, '0')}`, true, T0 + i * 20_000);
    }
    let bytes = 0;
    for (let shard = 0; shard < READ_SCHEMA.shards; shard++) {
      bytes += JSON.stringify(records.encode(shard)).length;
    }
    assert.ok(bytes < 600_000, `${bytes} bytes`);
  });

  it('a schema that lies about its shards cannot put a key out of range', () => {
    const schema: MapSchema<string> = { kind: 'map', name: 'odd', shards: 2, shardOf: () => 7, isKey: () => true, encode: (v) => v, decode: (v) => (typeof v === 'string' ? v : undefined) };
    const records = new Records(schema, 'me');
    records.set('k', 'v');
    assert.ok(records.shardOf('k') < 2);
  });
});

describe('the store: 0.5.0 values', () => {
  // Literally what 0.5.0 stored under each key (its own encoders wrote these shapes).
  const filters050 = { format: 'digest-reader-filters', version: 1, filters: [{ name: 'Federated, no surveys', query: 'federated -survey' }, { query: 'LLM' }] };
  const study050 = {
    format: 'digest-reader-study', version: 1,
    entries: [{ kind: 'sentence', articleKey: '2505.23554', arxivId: '2505.23554v1', sentence: 2, texts: { en: 'As the use of LLMs continues to grow.', zh: '随着LLMs的使用继续增加。' }, subject: 'cs.DC', digestDate: '2025-06-01', addedAt: 1748772000000 }],
  };
  const notes050 = { format: 'digest-reader-study-notes', version: 1, notes: { '2505.23649': { de: { text: 'Meine Übersetzung', updatedAt: 1748772000000 } } } };

  it('loads each store\'s 0.5.0 value into its records, keeping order and times', () => {
    const filters = new Records(FILTER_SCHEMA, 'me');
    filters.mergeEntries(migrateFilters(filters050).entries);
    assert.deepEqual(filtersOf(filters.live()), filters050.filters);

    const study = new Records(STUDY_SCHEMA, 'me');
    study.mergeEntries(migrateStudyList(study050).entries);
    assert.deepEqual(study.get('2505.23554#s2'), study050.entries[0]);
    assert.equal(study.map.entry('2505.23554#s2')?.t, Math.floor(1748772000000 / MINUTE));

    const notes = new Records(NOTES_SCHEMA, 'me');
    notes.mergeEntries(migrateStudyNotes(notes050).entries);
    assert.deepEqual(notes.get('2505.23649#de'), { text: 'Meine Übersetzung', updatedAt: 1748772000000 });

    // A marking made since wins over a 0.5.0 value read later (a machine on 0.5.0 syncing it again).
    filters.set('LLM', undefined, T0);
    filters.mergeEntries(migrateFilters(filters050).entries);
    assert.deepEqual(filtersOf(filters.live()).map((f) => f.query), ['federated -survey']);
  });
});
