/**
 * Issue 16 in a real VS Code (code-server's Node extension host and the web
 * worker's): what the user keeps survives a synced value replaced under the
 * window, a newer version's value and damaged values.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DigestReaderApi } from '../../src/api';
import { FILTER_SCHEMA, READ_SCHEMA, Records, SHARD_VERSION, STAR_SCHEMA, STAR_TEXT_SCHEMA, type Schema } from '../../src/core';
import { STUDY_SCHEMA, NOTES_SCHEMA } from '../../src/core/study';
import { LocalCopy } from '../../src/store/localCopy';
import { Notices } from '../../src/store/notices';
import { StoredRecords } from '../../src/store/storedRecords';
import { api, closeAll, openDigest, readText, sampleUri, scratchUri, waitFor, writeText } from './helpers';

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

/**
 * A reading-state store of its own, as a window builds one, over `values` as
 * its globalState (`update` as the workbench answers writes) and a folder of
 * its own for this machine's copy; `dispose` removes both.
 */
function standaloneStore(reader: DigestReaderApi, name: string, values: Map<string, unknown>, writeDelayMs: number, update = (key: string, value: unknown): Promise<void> => Promise.resolve(void values.set(key, value))) {
  const memento = { get: (key: string) => values.get(key), update, keys: () => [...values.keys()], setKeysForSync: () => undefined } as unknown as vscode.Memento;
  const storage = vscode.Uri.joinPath(reader.store.notices.damagedFolder, '..', '..', `${name}-${Date.now().toString(36)}`);
  const output = vscode.window.createOutputChannel(`Digest Reader ${name} test`);
  const records = new Records(READ_SCHEMA, name);
  const stored = new StoredRecords(records, memento, new LocalCopy(storage, output, name), new Notices(memento, storage, output), { synced: true, what: 'reading state' }, writeDelayMs);
  return {
    records, stored, storage, output,
    dispose: async (settleMs = 0): Promise<void> => {
      stored.dispose();
      output.dispose();
      await new Promise((resolve) => setTimeout(resolve, settleMs));
      await vscode.workspace.fs.delete(storage, { recursive: true }).then(undefined, () => undefined);
    },
  };
}

async function reset(reader: DigestReaderApi): Promise<void> {
  reader.reading.clear();
  reader.filters.store.records.clear();
  reader.studyList.store.records.clear();
  reader.studyList.notes.records.clear();
  await reader.store.flush();
}

/** An upgrade's premise: this profile never held a record (value or tombstone) of these keys. */
function assertNeverWritten(reader: DigestReaderApi, filters: string[], study: string[], notes: string[]): void {
  const held = [
    ...filters.filter((key) => reader.filters.store.records.records.map.entry(key)),
    ...study.filter((key) => reader.studyList.store.records.records.map.entry(key)),
    ...notes.filter((key) => reader.studyList.notes.records.records.map.entry(key)),
  ];
  assert.deepEqual(held, [], 'another test wrote these keys: pick keys of this test\'s own');
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

  it('a star made in another window of this machine is shown with its title: its text, never synced, is read from this machine\'s copy', async () => {
    const key = keyIn(STAR_SCHEMA, 3, (i) => `2503.${String(i).padStart(5, '0')}`);
    const title = 'A paper starred in another window';
    const globalStorage = vscode.Uri.joinPath(reader.store.notices.damagedFolder, '..', '..');
    await reader.reading.ready; // this window has read its copy at start: what the other window writes comes later
    // The other window writes the star's text to this machine's copy, beside the star in the synced key.
    const theirTexts = new Records(STAR_TEXT_SCHEMA, 'otherwindow');
    theirTexts.set(key, { sourceLanguage: 'en', titles: { en: title }, authors: ['A. Author'], abstracts: {} }, T);
    const output = vscode.window.createOutputChannel('Digest Reader other window test');
    try {
      await new LocalCopy(globalStorage, output, 'otherwindow').write(theirTexts, [theirTexts.shardOf(key)]);
    } finally {
      output.dispose();
    }
    await reader.reading.storage.stars.stored(3).write(remoteShard(STAR_SCHEMA, 3, key, { kind: 'arxiv', subject: 'cs.LG', digestDate: '2025-03-31', index: 7, arxivId: `${key}v1`, starredAt: T }));
    reader.reading.reload();
    await waitFor('the star merged in', () => reader.reading.state.isStarred(key), 10_000);
    await waitFor('its title, as the Starred view shows it', () => reader.reading.state.starredArticle(key)?.titles.en === title, 10_000);
  });

  it('a star synced from another machine gets its title from the Library\'s digest that lists it, never opened in this window', async () => {
    const key = '2407.99001';
    // A digest no window opened: a copy of cs.PL's under another date, whose first paper has an id of its own.
    const digest = scratchUri('cs.PL-2025-07-01.md');
    const text = (await readText(vscode.Uri.joinPath(sampleUri, '..', 'cs.PL-2025-06-01.md'))).replaceAll('2025-06-01', '2025-07-01').replaceAll('2405.03536', key);
    await reader.library.whenScanned();
    await writeText(digest, text);
    try {
      await waitFor('the Library lists the new digest', () => reader.library.entries().some((entry) => entry.uri.toString() === digest.toString()), 20_000);
      await reader.reading.ready;
      const shard = new Records(STAR_SCHEMA, 'probe').shardOf(key);
      // Settings Sync brings the star; its text stays on the machine that starred it.
      await reader.reading.storage.stars.stored(shard).write(remoteShard(STAR_SCHEMA, shard, key, { kind: 'arxiv', subject: 'cs.PL', digestDate: '2025-07-01', index: 0, arxivId: `${key}v2`, starredAt: T }));
      reader.reading.reload();
      await waitFor('the star merged in', () => reader.reading.state.isStarred(key), 10_000);
      await waitFor('its title, as the Starred view shows it', () => reader.reading.state.starredArticle(key)?.titles.en === 'Typed Effects for Everyone', 20_000);
      assert.deepEqual(reader.reading.state.starredArticle(key)?.authors, ['Ken Sakayori', 'Davide Sangiorgi']);
      assert.equal(vscode.workspace.textDocuments.some((document) => document.uri.toString() === digest.toString()), false, 'the digest was never opened');
    } finally {
      await vscode.workspace.fs.delete(digest, { useTrash: false });
    }
  });

  it('loads stored 0.5.0 saved filters, study list and notes (literal values), and leaves them as they were', async () => {
    // Keys no other test writes: an upgrade meets a profile without them. A deletion made in this profile since (another
    // test's reset) rightly wins over a 0.5.0 value, which has no later time (see the next test), so the premise is checked.
    const values: [string, unknown][] = [
      ['digestReader.filters', { format: 'digest-reader-filters', version: 1, filters: [{ name: 'Consensus, no surveys', query: 'consensus -survey' }, { query: 'Kubernetes' }] }],
      ['digestReader.studyList', {
        format: 'digest-reader-study', version: 1,
        entries: [{ kind: 'term', articleKey: '2502.08465', arxivId: '2502.08465v2', texts: { en: 'consensus', de: 'Konsens' }, subject: 'cs.DC', digestDate: '2025-06-01', addedAt: 1748772000000 }],
      }],
      ['digestReader.studyNotes', { format: 'digest-reader-study-notes', version: 1, notes: { '2502.08465': { de: { text: 'Meine Übersetzung', updatedAt: 1748772000000 } } } }],
    ];
    assertNeverWritten(reader, ['consensus -survey', 'Kubernetes'], ['2502.08465#t:consensus'], ['2502.08465#de']);
    try {
      for (const [key, value] of values) {
        await reader.store.raw(key).write(value);
      }
      reader.store.check();
      await waitFor('the filters', () => reader.filters.filters.length === 2);
      assert.deepEqual(reader.filters.filters, [{ name: 'Consensus, no surveys', query: 'consensus -survey' }, { query: 'Kubernetes' }]);
      assert.deepEqual(reader.studyList.store.entries().map((entry) => entry.texts), [{ en: 'consensus', de: 'Konsens' }]);
      assert.equal(reader.studyList.notes.get('2502.08465', 'de')?.text, 'Meine Übersetzung');
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

  it('a deletion made since wins over a 0.5.0 value read again (a machine still on 0.5.0 syncing the same list)', async () => {
    const filters050 = { format: 'digest-reader-filters', version: 1, filters: [{ query: 'gossip' }, { query: 'Raft' }] };
    const notes050 = { format: 'digest-reader-study-notes', version: 1, notes: { '2505.22879': { zh: { text: '我的翻译', updatedAt: 1748772000000 } } } };
    assertNeverWritten(reader, ['gossip', 'Raft'], [], ['2505.22879#zh']);
    try {
      await reader.store.raw('digestReader.filters').write(filters050);
      await reader.store.raw('digestReader.studyNotes').write(notes050);
      reader.store.check();
      await waitFor('the 0.5.0 values', () => reader.filters.filters.length === 2 && reader.studyList.notes.get('2505.22879', 'zh') !== undefined);
      await reader.filters.store.set([{ query: 'gossip' }]);
      await reader.studyList.notes.set('2505.22879', 'zh', '');
      // The same values arrive again as new objects, as Settings Sync brings them: read again, merged, and they lose.
      await reader.store.raw('digestReader.filters').write(JSON.parse(JSON.stringify(filters050)));
      await reader.store.raw('digestReader.studyNotes').write(JSON.parse(JSON.stringify(notes050)));
      reader.store.check();
      await reader.store.flush();
      assert.deepEqual(reader.filters.filters, [{ query: 'gossip' }]);
      assert.equal(reader.studyList.notes.get('2505.22879', 'zh'), undefined);
    } finally {
      await reader.store.raw('digestReader.filters').write(undefined);
      await reader.store.raw('digestReader.studyNotes').write(undefined);
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

  it('a window starting on 100,000 read ids reads at once only the shards a view asks for, the rest in steps, and answers right meanwhile', async () => {
    // A year of read marks as another window or Settings Sync left them in the synced keys.
    const year = new Records(READ_SCHEMA, 'year');
    const keys: string[] = [];
    for (let i = 0; i < 100_000; i++) {
      const key = `24${String(1 + (i % 12)).padStart(2, '0')}.${String(Math.floor(i / 12) * 3).padStart(5, '0')}`;
      keys.push(key);
      year.set(key, true, T + i * 1000);
    }
    const values = new Map<string, unknown>();
    for (let shard = 0; shard < READ_SCHEMA.shards; shard++) {
      values.set(`digestReader.store.read.${shard}`, JSON.parse(JSON.stringify(year.encode(shard))));
    }
    const { records, stored: started, dispose } = standaloneStore(reader, 'start', values, 400);
    const changes: unknown[] = [];
    started.onDidChange((change) => changes.push(change));
    try {
      const loaded = () => Array.from({ length: READ_SCHEMA.shards }, (_, shard) => shard).filter((shard) => records.isLoaded(shard));
      assert.deepEqual(loaded(), [], 'nothing decoded while the window starts');
      // The Articles view of one day's digest asks for its papers: read, and one never marked.
      const todays = keys.filter((key) => key.startsWith('2403.') && Number(key.slice(5)) < 3_000);
      assert.ok(todays.length > 50);
      assert.ok(todays.every((key) => records.has(key)), 'every read paper of the digest shows read at once');
      assert.equal(records.has('2403.00001'), false, 'a paper never marked shows unread');
      assert.ok(loaded().length <= 2, `only the digest's shards were read: ${loaded().join(', ')}`);
      await started.ready;
      assert.equal(loaded().length, READ_SCHEMA.shards, 'the rest was read in the background');
      assert.equal([...records.live()].length, 100_000);
      assert.deepEqual(changes, [], 'nothing shown changed while it loaded: no redraw');
    } finally {
      await dispose(500);
    }
  });

  it('a marking across every shard goes to globalState in one go, and this machine\'s copy does not wait for it (a window reloaded right after keeps it)', async () => {
    // globalState as a window sees it: each write a round trip to the workbench. Here the first round trip never
    // ends, as when the window goes (a reload) before the workbench answers.
    const values = new Map<string, unknown>();
    const issued: string[] = [];
    const { records, stored, storage, output, dispose } = standaloneStore(reader, 'burst', values, 50, (key, value) => {
      values.set(key, value);
      issued.push(key);
      return new Promise<void>(() => undefined);
    });
    try {
      await stored.ready;
      // "Mark all read" (or its undo) over papers of every shard: one marking.
      const keys = Array.from({ length: READ_SCHEMA.shards }, (_, shard) => keyIn(READ_SCHEMA, shard, (n) => `2505.${String(n).padStart(5, '0')}`));
      keys.forEach((key) => records.set(key, true, T));
      stored.changedHere(keys);
      await waitFor('the synced writes', () => issued.length >= READ_SCHEMA.shards);
      assert.deepEqual([...new Set(issued)].sort(), keys.map((key) => `digestReader.store.read.${records.shardOf(key)}`).sort(), 'every shard was handed over while the first write was still under way');
      // This machine's copy holds the marking though no synced write has landed.
      await waitFor('this machine\'s copy', async () => {
        const fresh = new Records(READ_SCHEMA, 'fresh');
        const copy = new LocalCopy(storage, output, 'fresh');
        for (let shard = 0; shard < READ_SCHEMA.shards; shard++) {
          fresh.mergeEntries(await copy.read(fresh, shard), shard);
        }
        return keys.every((key) => fresh.has(key));
      });
    } finally {
      await dispose();
    }
  });

  it('two windows writing this machine\'s copy of one shard at once both keep every entry (no write replaces another\'s)', async () => {
    const storage = vscode.Uri.joinPath(reader.store.notices.damagedFolder, '..', '..', `race-${Date.now().toString(36)}`);
    const output = vscode.window.createOutputChannel('Digest Reader race test');
    try {
      // Two windows of one machine: each its own records and its own writer of the same folder.
      const windows = ['a', 'b'].map((name) => ({ records: new Records(READ_SCHEMA, name), copy: new LocalCopy(storage, output, name) }));
      const shard = 3;
      const keysOf = (w: number) => Array.from({ length: 12 }, (_, i) => keyIn(READ_SCHEMA, shard, (n) => `news:window ${w}|2025-06-01|${i}-${n}`));
      const written: string[][] = [[], []];
      for (let round = 0; round < 12; round++) {
        // Each marks one more id and both write at the same moment, as two windows' save timers do.
        await Promise.all(windows.map(async ({ records, copy }, w) => {
          const key = keysOf(w)[round];
          records.set(key, true, T + round * 60_000);
          written[w].push(key);
          await copy.write(records, [shard]);
        }));
      }
      // A third window starting now reads everything both wrote.
      const fresh = new Records(READ_SCHEMA, 'c');
      fresh.mergeEntries(await new LocalCopy(storage, output, 'c').read(fresh, shard), shard);
      const missing = [...written[0], ...written[1]].filter((key) => !fresh.has(key));
      assert.deepEqual(missing, [], 'every mark of both windows is in this machine\'s copy');
      const files = (await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(storage, 'store'))).map(([name]) => name);
      assert.ok(files.length <= 2, `merged files are removed: ${files.join(', ')}`);
    } finally {
      output.dispose();
      await vscode.workspace.fs.delete(storage, { recursive: true }).then(undefined, () => undefined);
    }
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
