/**
 * Issue 16 in a real VS Code (code-server's Node extension host and the web
 * worker's): what the user keeps survives a synced value replaced under the
 * window, a newer version's value and damaged values.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DigestReaderApi } from '../../src/api';
import { FILTER_SCHEMA, READ_SCHEMA, Records, SHARD_VERSION, STAR_SCHEMA, type Schema } from '../../src/core';
import { STUDY_SCHEMA, NOTES_SCHEMA } from '../../src/core/study';
import { api, closeAll, openDigest, sampleUri, waitFor } from './helpers';

const T = Date.UTC(2025, 5, 1, 9);

/** What another machine's Settings Sync would bring: a shard of its own records, without this machine's entries. */
function remoteShard<V>(schema: Schema<V>, shard: number, key: string, value: V): unknown {
  const remote = new Records(schema, 'remote');
  remote.set(key, value, T);
  assert.equal(remote.shardOf(key), shard, `${key} belongs to shard ${shard}`);
  return JSON.parse(JSON.stringify(remote.encode(shard))) as unknown;
}

/** A key of the given schema that lands in `shard` (keys are spread by hash or by arXiv number). */
function keyIn<V>(schema: Schema<V>, shard: number, make: (i: number) => string): string {
  const records = new Records(schema, 'probe');
  for (let i = 1; i < 100_000; i++) {
    if (records.shardOf(make(i)) === shard) {
      return make(i);
    }
  }
  throw new Error(`no key for shard ${shard}`);
}

async function reset(reader: DigestReaderApi): Promise<void> {
  reader.reading.clear();
  reader.filters.store.records.clear();
  reader.studyList.store.records.clear();
  reader.studyList.notes.records.clear();
  await reader.store.flush();
}

describe('The store: nothing kept is lost', () => {
  let reader: DigestReaderApi;
  beforeEach(async () => {
    reader = await api();
    await reset(reader);
  });
  afterEach(async () => {
    await closeAll();
    await reset(reader);
  });

  it('a synced value replaced under a running window (as Settings Sync does on a conflict) loses none of its markings, and they are written back', async () => {
    await openDigest(sampleUri);
    // This window: a read mark, a star, a filter, a study entry and a note.
    await vscode.commands.executeCommand('digestReader.markRead', { uri: sampleUri, index: 21 });
    await vscode.commands.executeCommand('digestReader.star', { uri: sampleUri, index: 5 });
    await vscode.commands.executeCommand('digestReader.addFilter', { query: 'federated', name: 'Mine' });
    const entry = await vscode.commands.executeCommand<{ articleKey: string } | undefined>('digestReader.addToStudyList', { target: { uri: sampleUri, index: 5 }, sentence: 2 });
    assert.ok(entry, 'the study entry was added');
    await reader.studyList.notes.set('2505.23649', 'de', 'Meine Übersetzung');
    await reader.store.flush();

    // The other machine's values replace each of those keys, as the remote side wins a conflict.
    const replaced: { key: string; check(): boolean }[] = [];
    const readShard = reader.reading.storage.read.records.shardOf('2505.20314');
    const otherRead = keyIn(READ_SCHEMA, readShard, (i) => `2505.${String(i).padStart(5, '0')}`);
    await reader.reading.storage.read.stored(readShard).write(remoteShard(READ_SCHEMA, readShard, otherRead, true));
    replaced.push({ key: 'read', check: () => reader.reading.state.isRead('2505.20314') && reader.reading.state.isRead(otherRead) });

    const starKey = reader.reading.state.starred()[0]?.key;
    assert.ok(starKey, 'article 5 is starred');
    const starShard = reader.reading.storage.stars.records.shardOf(starKey);
    const otherStar = keyIn(STAR_SCHEMA, starShard, (i) => `2504.${String(i).padStart(5, '0')}`);
    await reader.reading.storage.stars.stored(starShard).write(remoteShard(STAR_SCHEMA, starShard, otherStar, { kind: 'arxiv', subject: 'cs.LG', digestDate: '2025-04-30', index: 7, arxivId: `${otherStar}v1`, starredAt: T }));
    replaced.push({ key: 'stars', check: () => reader.reading.state.isStarred(starKey) && reader.reading.state.isStarred(otherStar) });

    await reader.filters.store.records.stored(0).write(remoteShard(FILTER_SCHEMA, 0, 'edge', { name: 'Theirs', order: 0 }));
    replaced.push({ key: 'filters', check: () => ['federated', 'edge'].every((q) => reader.filters.filters.some((f) => f.query === q)) });

    const studyId = '2505.23554#s2';
    const studyShard = reader.studyList.store.records.records.shardOf(studyId);
    const otherStudy = keyIn(STUDY_SCHEMA, studyShard, (i) => `2505.2${String(i).padStart(4, '0')}#t:word`);
    await reader.studyList.store.records.stored(studyShard).write(remoteShard(STUDY_SCHEMA, studyShard, otherStudy, { kind: 'term', articleKey: otherStudy.split('#')[0], texts: { en: 'word' }, subject: 'cs.DC', digestDate: '2025-06-01', addedAt: T }));
    replaced.push({ key: 'study', check: () => reader.studyList.store.get(studyId) !== undefined && reader.studyList.store.get(otherStudy) !== undefined });

    const noteShard = reader.studyList.notes.records.records.shardOf('2505.23649#de');
    const otherNote = keyIn(NOTES_SCHEMA, noteShard, (i) => `2505.1${String(i).padStart(4, '0')}#zh`);
    await reader.studyList.notes.records.stored(noteShard).write(remoteShard(NOTES_SCHEMA, noteShard, otherNote, { text: '他们的翻译', updatedAt: T }));
    replaced.push({ key: 'notes', check: () => reader.studyList.notes.get('2505.23649', 'de')?.text === 'Meine Übersetzung' && reader.studyList.notes.get(otherNote.split('#')[0], 'zh')?.text === '他们的翻译' });

    // Within the two-second check (no focus change, no reload): both machines' records show…
    for (const one of replaced) {
      await waitFor(`both machines' ${one.key}`, () => one.check(), 10_000);
    }
    // …and what this window had is written back into the synced values.
    await reader.store.flush();
    await waitFor('the read mark written back', () => {
      const stored = reader.reading.storage.read.stored(readShard).read() as { w?: string };
      return typeof stored?.w === 'string' && stored.w.startsWith(reader.store.writer);
    }, 10_000);
    const again = new Records(READ_SCHEMA, 'check');
    again.mergeStored(readShard, reader.reading.storage.read.stored(readShard).read());
    assert.ok(again.has('2505.20314') && again.has(otherRead), 'the stored read shard holds both machines\' marks');
    const filters = new Records(FILTER_SCHEMA, 'check');
    filters.mergeStored(0, reader.filters.store.records.stored(0).read());
    assert.deepEqual([...filters.live()].map(([q]) => q).sort(), ['edge', 'federated']);
  });

  it('loads stored 0.5.0 saved filters, study list and notes (literal values), and leaves them as they were', async () => {
    const values: [string, unknown][] = [
      ['digestReader.filters', { format: 'digest-reader-filters', version: 1, filters: [{ name: 'Federated, no surveys', query: 'federated -survey' }, { query: 'LLM' }] }],
      ['digestReader.studyList', {
        format: 'digest-reader-study', version: 1,
        entries: [{ kind: 'term', articleKey: '2505.23649', arxivId: '2505.23649v1', texts: { en: 'leader election', de: 'Leader-Wahl' }, subject: 'cs.DC', digestDate: '2025-06-01', addedAt: 1748772000000 }],
      }],
      ['digestReader.studyNotes', { format: 'digest-reader-study-notes', version: 1, notes: { '2505.23649': { de: { text: 'Meine Übersetzung', updatedAt: 1748772000000 } } } }],
    ];
    try {
      for (const [key, value] of values) {
        await reader.store.raw(key).write(value);
      }
      reader.store.check();
      await waitFor('the filters', () => reader.filters.filters.length === 2);
      assert.deepEqual(reader.filters.filters, [{ name: 'Federated, no surveys', query: 'federated -survey' }, { query: 'LLM' }]);
      assert.deepEqual(reader.studyList.store.entries().map((entry) => entry.texts), [{ en: 'leader election', de: 'Leader-Wahl' }]);
      assert.equal(reader.studyList.notes.get('2505.23649', 'de')?.text, 'Meine Übersetzung');
      await reader.store.flush();
      for (const [key, value] of values) {
        assert.deepEqual(reader.store.raw(key).read(), value, `${key} is left as 0.5.0 wrote it`);
      }
    } finally {
      for (const [key] of values) {
        await reader.store.raw(key).write(undefined);
      }
    }
  });

  it('keeps a value of a newer version whole, reads what it can, writes it back unchanged, and warns once per version', async () => {
    const shard = 5;
    const newer = {
      v: SHARD_VERSION + 1, w: 'newer.1', sealed: 'by a later Digest Reader',
      e: { t: 29_150_000, a: { 2505: 'a,b', 2507: '<a later format>' }, o: [] },
    };
    await reader.reading.storage.read.stored(shard).write(newer);
    reader.store.check();
    await waitFor('what it can read shows', () => reader.reading.state.isRead('2505.00010') && reader.reading.state.isRead('2505.00021'));
    assert.ok(reader.store.notices.versionsWarned.includes(SHARD_VERSION + 1), 'warned about this version');
    // A marking in that shard: written back with the newer version's fields and month intact.
    const key = keyIn(READ_SCHEMA, shard, (i) => `2505.${String(i).padStart(5, '0')}`);
    reader.reading.setRead([key], true, 'test');
    await reader.store.flush();
    const written = reader.reading.storage.read.stored(shard).read() as typeof newer;
    assert.equal(written.v, SHARD_VERSION + 1, 'not downgraded');
    assert.equal(written.sealed, 'by a later Digest Reader');
    assert.equal(written.e.a['2507'], '<a later format>');
    assert.notEqual(written.w, 'newer.1', 'it was written again');
    const warned = reader.store.notices.versionsWarned.length;
    await reader.reading.storage.read.stored(shard).write({ ...newer, w: 'newer.2' });
    reader.store.check();
    assert.equal(reader.store.notices.versionsWarned.length, warned, 'the same version is not warned about again');
    await reader.reading.storage.read.stored(shard).write(undefined);
  });

  it('sets damaged values aside as files, keeps the newest five, and keeps what it could read', async () => {
    const folder = reader.store.notices.damagedFolder;
    const shard = 2;
    for (let i = 0; i < 7; i++) {
      // Damaged in a different way each time (a hand edit, a broken profile): each is set aside once.
      await reader.reading.storage.read.stored(shard).write({ v: 1, w: `damaged.${i}`, e: { t: 29_150_000, a: { 2505: `${(i + 1).toString(36)}`, 2506: `not base 36 ${i}!` }, o: [] } });
      reader.store.check();
      await waitFor(`damage ${i} said`, () => reader.store.notices.lastDamage?.aside?.path.includes('read.2.') && reader.store.notices.lastDamage.problems.length > 0);
      await reader.store.flush();
    }
    assert.ok(reader.reading.state.isRead('2505.00007'), 'what could be read is kept');
    const files = await waitFor('the copies', async () => {
      const list = (await vscode.workspace.fs.readDirectory(folder)).map(([name]) => name).filter((name) => name.startsWith('read.2.'));
      return list.length === 5 ? list : false;
    });
    assert.equal(files.length, 5, `kept: ${files.join(', ')}`);
    const newest = files.sort().at(-1);
    assert.ok(newest);
    const kept = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, newest)))) as { w: string };
    assert.equal(kept.w, 'damaged.6', 'the newest original is kept as it was');
    // The same damaged value again (Settings Sync bringing it back) is not set aside a second time.
    const before = reader.store.notices.lastDamage;
    await reader.reading.storage.read.stored(shard).write({ v: 1, w: 'damaged.6', e: { t: 29_150_000, a: { 2505: '7', 2506: 'not base 36 6!' }, o: [] } });
    reader.store.check();
    await reader.store.flush();
    assert.equal(reader.store.notices.lastDamage, before, 'not set aside again');
  });
});
