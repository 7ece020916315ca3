/** An upgraded profile keeps 0.5.0's value: it is decoded again only when it changed since this machine merged it. */
import * as assert from 'node:assert/strict';
import { encodeReadingState, fingerprint, migrateReadingState, migrateUnlessMerged, READ_SCHEMA, Records } from '../../src/core';

/** As VS Code's storage hands it over at a window start: a new object from JSON. */
const fresh = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;

describe('0.5.0 value: merged once per change', () => {
  const value050 = encodeReadingState(['2504.00100', '2504.00205', 'news:German News|2025-06-01|Bahn'], []);

  it('an unchanged value (a new object with the same content) is not decoded again; a changed one is merged', () => {
    let decoded = 0;
    const migrate = (stored: unknown) => {
      decoded++;
      return migrateReadingState(stored);
    };
    // First start after the upgrade: nothing recorded, decoded and merged.
    const records = new Records(READ_SCHEMA, 'w1');
    const first = migrateUnlessMerged(fresh(value050), undefined, migrate);
    assert.equal(decoded, 1);
    records.mergeEntries(first.migrated!.read.entries);
    assert.ok(records.get('2504.00100') && records.get('2504.00205'));
    const recorded = first.fingerprint; // what the window records once the shards are saved
    // Next starts: the same value as a new object is not decoded.
    for (let start = 0; start < 3; start++) {
      const again = migrateUnlessMerged(fresh(value050), recorded, migrate);
      assert.equal(again.migrated, undefined);
      assert.equal(again.fingerprint, recorded);
    }
    assert.equal(decoded, 1, 'decoded once in all');
    // A machine still on 0.5.0 marks one more paper and syncs its value: decoded and merged.
    const changed = fresh(encodeReadingState(['2504.00100', '2504.00205', '2504.00300', 'news:German News|2025-06-01|Bahn'], []));
    const merged = migrateUnlessMerged(changed, recorded, migrate);
    assert.equal(decoded, 2);
    assert.notEqual(merged.fingerprint, recorded);
    assert.deepEqual(records.mergeEntries(merged.migrated!.read.entries), ['2504.00300']);
  });

  it('the fingerprint tells apart values that differ in one character, one id moved, or the order of a list', () => {
    const base = { format: 'digest-reader-state', version: 1, read: { arxiv: { 2504: '2s,2x' }, other: ['a', 'b'] }, starred: [] };
    const variants: unknown[] = [
      { ...base, read: { arxiv: { 2504: '2s,2y' }, other: ['a', 'b'] } },
      { ...base, read: { arxiv: { 2505: '2s,2x' }, other: ['a', 'b'] } },
      { ...base, read: { arxiv: { 2504: '2s,2x' }, other: ['b', 'a'] } },
      { ...base, read: { arxiv: { 2504: '2s,2x' }, other: ['ab'] } },
      { ...base, read: { arxiv: { 2504: '2s,2x' }, other: ['a', 'b', ''] } },
      { ...base, version: 2 },
      { ...base, version: '1' },
      { ...base, starred: [{ key: '2504.00300', starredAt: 1 }] },
    ];
    const prints = new Set([fingerprint(fresh(base)), ...variants.map((v) => fingerprint(fresh(v)))]);
    assert.equal(prints.size, variants.length + 1);
    assert.equal(fingerprint(fresh(base)), fingerprint(fresh(base)));
  });
});
