import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { articleKey, decodeReadingState, encodeReadingState, nextUnread, parseDigest, ReadingState, stepInReadingOrder, triageOf, unreadCounts, type StarredArticle } from '../../src/core';
import { DigestListings } from '../../src/core/library';
import { readTestDigest } from '../support/fixtures';

function star(key: string, starredAt = 1): StarredArticle {
  return { key, starredAt, kind: 'arxiv', subject: 'cs.DC', digestDate: '2025-06-01', index: 0, arxivId: `${key}v1`, sourceLanguage: 'en', titles: { en: 'A', zh: '甲' }, authors: ['Ann'], abstracts: { en: 'Text.' } };
}

describe('reading state', () => {
  it('keys arXiv articles by id without version, news by subject, date and title', () => {
    const digest = { subject: 'cs.DC', date: '2025-06-01' };
    assert.equal(articleKey(digest, { arxivId: '2505.23710v2', titles: {}, sourceLanguage: 'en', index: 0 }), '2505.23710');
    assert.equal(articleKey(digest, { arxivId: 'math.GT/0309136v2', titles: {}, sourceLanguage: 'en', index: 0 }), 'math.GT/0309136');
    const news = parseDigest(readTestDigest('german-news-2025-06-01.md'));
    assert.equal(articleKey(news, news.articles[0]), 'news:German News|2025-06-01|Railway announces new routes');
  });

  it('marks, stars and undoes the last marking, one at a time', () => {
    const state = new ReadingState();
    assert.deepEqual(state.setRead(['a', 'b'], true, 'Marked a date read'), ['a', 'b']);
    assert.deepEqual(state.setRead(['a'], true, 'again'), [], 'a marking that changes nothing');
    state.setStar('c', star('c'), 'Starred');
    state.setRead(['b'], false, 'Marked b unread');
    assert.equal(state.undo()?.label, 'Marked b unread');
    assert.equal(state.isRead('b'), true);
    assert.equal(state.undo()?.label, 'Starred');
    assert.equal(state.isStarred('c'), false);
    assert.equal(state.undo()?.label, 'Marked a date read');
    assert.equal(state.isRead('a'), false);
    assert.equal(state.undo(), undefined);
  });

  it('undo takes back this window\'s marking only: a key another window changed since stays as they left it (issue 16)', () => {
    const mine = new ReadingState('a');
    const theirs = new ReadingState('b');
    const T = Date.UTC(2025, 5, 1);
    mine.setRead(['2505.00001', '2505.00002'], true, 'Marked a date read', T);
    // Another window, a minute later, marks one of them unread; this window merges its stored shard.
    theirs.read.mergeStored(mine.read.shardOf('2505.00001'), JSON.parse(JSON.stringify(mine.read.encode(mine.read.shardOf('2505.00001')))));
    theirs.setRead(['2505.00001'], false, 'Marked unread', T + 60_000);
    theirs.setRead(['2505.00003'], true, 'Marked read', T + 60_000);
    for (const key of ['2505.00001', '2505.00003']) {
      mine.read.mergeStored(mine.read.shardOf(key), JSON.parse(JSON.stringify(theirs.read.encode(theirs.read.shardOf(key)))));
    }
    assert.equal(mine.isRead('2505.00001'), false);
    const undone = mine.undo(T + 120_000);
    assert.equal(undone?.label, 'Marked a date read', 'the undo history survived the merge');
    assert.deepEqual(undone?.undone, ['2505.00002']);
    assert.equal(mine.isRead('2505.00002'), false);
    assert.equal(mine.isRead('2505.00003'), true, 'the other window\'s marking stays');
  });

  it('"not interested" (x) is one marking: it marks read and unstars, undo takes all of it back; a star takes the mark back (issue 18)', () => {
    const state = new ReadingState('a');
    state.setStar('s', star('s'), 'Starred');
    assert.deepEqual(state.setNotInterested(['n', 's'], true, 'Not interested'), ['n', 's']);
    assert.deepEqual([state.isNotInterested('n'), state.isRead('n'), state.isNotInterested('s'), state.isStarred('s'), state.isRead('s')], [true, true, true, false, true]);
    assert.deepEqual(state.notInterestedKeys().sort(), ['n', 's']);
    assert.deepEqual(state.setNotInterested(['n'], true, 'again'), [], 'a marking that changes nothing');
    assert.equal(state.undo()?.label, 'Not interested');
    assert.deepEqual([state.isNotInterested('n'), state.isRead('n'), state.isNotInterested('s'), state.isStarred('s'), state.isRead('s')], [false, false, false, true, false]);
    state.setNotInterested(['n'], true, 'Not interested');
    state.setStar('n', star('n'), 'Starred');
    assert.deepEqual([state.isNotInterested('n'), state.isStarred('n')], [false, true], 'starring takes the mark back');
    assert.equal(state.undo()?.label, 'Starred');
    assert.deepEqual([state.isNotInterested('n'), state.isStarred('n')], [true, false]);
    // Taking the mark back changes only the mark: the paper stays read.
    state.setNotInterested(['n'], false, 'Took back');
    assert.deepEqual([state.isNotInterested('n'), state.isRead('n')], [false, true]);
  });

  it('"not interested" marks merge between windows like read marks: a mark and a newer take-back, whichever order they arrive (issue 18)', () => {
    const T = Date.UTC(2025, 5, 1);
    const mine = new ReadingState('a');
    const theirs = new ReadingState('b');
    mine.setNotInterested(['2505.00001', '2505.00002'], true, 'x', T);
    theirs.setNotInterested(['2505.00003'], true, 'x', T + 1_000);
    const shards = (state: ReadingState) => [0, 1, 2, 3].map((shard) => JSON.parse(JSON.stringify(state.notInterested.encode(shard))) as unknown);
    shards(theirs).forEach((stored, shard) => mine.notInterested.mergeStored(shard, stored));
    shards(mine).forEach((stored, shard) => theirs.notInterested.mergeStored(shard, stored));
    theirs.setNotInterested(['2505.00001'], false, 'take back', T + 60_000);
    shards(theirs).forEach((stored, shard) => mine.notInterested.mergeStored(shard, stored));
    assert.deepEqual(mine.notInterestedKeys().sort(), ['2505.00002', '2505.00003']);
    assert.deepEqual(theirs.notInterestedKeys().sort(), ['2505.00002', '2505.00003']);
  });

  it('lists stars by digest, newest first', () => {
    const state = new ReadingState();
    state.setStar('1', { ...star('1', 5), digestDate: '2025-05-31' }, '');
    state.setStar('2', { ...star('2', 1), digestDate: '2025-06-01' }, '');
    state.setStar('3', { ...star('3', 9), digestDate: '2025-06-01' }, '');
    assert.deepEqual(state.starred().map((s) => s.key), ['3', '2', '1']);
  });

  it('stores read ids compactly and reads them back exactly (any ids)', () => {
    const newStyle = fc.tuple(fc.integer({ min: 1501, max: 2612 }), fc.integer({ min: 0, max: 99_999 })).map(([m, n]) => `${m}.${String(n).padStart(5, '0')}`);
    const oldNew = fc.tuple(fc.integer({ min: 701, max: 1412 }), fc.integer({ min: 0, max: 9999 })).map(([m, n]) => `${String(m).padStart(4, '0')}.${String(n).padStart(4, '0')}`);
    const other = fc.oneof(fc.constant('math.GT/0309136'), fc.string({ minLength: 1, maxLength: 30 }).map((s) => `news:${s}`));
    fc.assert(fc.property(fc.array(fc.oneof(newStyle, oldNew, other), { maxLength: 300 }), (keys) => {
      const stored: unknown = JSON.parse(JSON.stringify(encodeReadingState(keys, [])));
      const loaded = decodeReadingState(stored);
      assert.deepEqual(loaded.problems, []);
      assert.deepEqual(new Set(loaded.read), new Set(keys));
    }), { numRuns: 300 });
  });

  it('keeps 100,000 read ids small', () => {
    const keys = Array.from({ length: 100_000 }, (_, i) => `25${String(1 + (i % 12)).padStart(2, '0')}.${String(Math.floor(i / 12) * 3).padStart(5, '0')}`);
    const bytes = JSON.stringify(encodeReadingState(keys, [])).length;
    assert.ok(bytes < 300_000, `${bytes} bytes`);
  });

  it('keeps what it can read of damaged state and says what it skipped', () => {
    const good = encodeReadingState(['2505.23710', 'news:x'], [star('2505.23710')]);
    const damaged = {
      ...good,
      version: 7,
      read: { arxiv: { ...good.read.arxiv, '2506': 'not base 36!', 'xx': '1' }, other: ['news:x', 42, null] },
      starred: [...good.starred, { key: 'broken' }, 'nonsense', good.starred[0]],
    };
    const loaded = decodeReadingState(damaged);
    assert.equal(loaded.recognized, true);
    assert.deepEqual(loaded.read.sort(), ['2505.23710', 'news:x']);
    assert.deepEqual(loaded.starred.map((s) => s.key), ['2505.23710']);
    assert.equal(loaded.problems.length, 4, loaded.problems.join('\n'));
    assert.match(loaded.problems.join('\n'), /version 7/);
  });

  it('refuses what is not its format at all, changing nothing', () => {
    for (const value of [null, 42, 'text', [], { read: [] }, { format: 'other' }]) {
      const loaded = decodeReadingState(value);
      assert.equal(loaded.recognized, false, JSON.stringify(value));
      assert.deepEqual(loaded.read, []);
    }
    assert.equal(decodeReadingState(undefined).recognized, true, 'nothing stored yet is a fresh state');
  });

  it('merges an import: read stays read, new stars are added, the newer star wins', () => {
    const state = new ReadingState();
    state.setRead(['a'], true, '');
    state.setStar('s', star('s', 1), '');
    const counts = state.merge(['a', 'b'], [{ ...star('s', 5), titles: { en: 'Newer' } }, star('t', 2)]);
    assert.deepEqual(counts, { read: 1, starred: 1 });
    assert.equal(state.starredArticle('s')?.titles.en, 'Newer');
    assert.ok(state.isRead('b') && state.isStarred('t'));
  });
});

describe('triage over a digest', () => {
  const digest = parseDigest(readTestDigest('../../sample/cs.DC-2025-06-01.txt'));

  it('reads in the Articles view\'s order: newest date first, digest order within a date', () => {
    const { order } = triageOf(digest);
    assert.equal(order.length, 103);
    assert.deepEqual(order.slice(0, 3).map((a) => a.index), [12, 0, 1]); // Fri 05-30 has only article 12
  });

  it('finds the next unread article, going round, and none when all are read', () => {
    const read = new Set<string>();
    const { order, keys } = triageOf(digest);
    const isRead = (key: string) => read.has(key);
    assert.equal(nextUnread(digest, undefined, isRead), order[0]);
    read.add(keys.get(order[1]) ?? '');
    assert.equal(nextUnread(digest, order[0], isRead), order[2]);
    order.slice(0, 102).forEach((a) => read.add(keys.get(a) ?? ''));
    assert.equal(nextUnread(digest, order[5], isRead), order[102]);
    read.add(keys.get(order[102]) ?? '');
    assert.equal(nextUnread(digest, order[5], isRead), undefined);
  });

  it('counts unread articles per date', () => {
    const { keys } = triageOf(digest);
    const read = new Set(digest.articles.filter((a) => a.date === '2025-05-29').slice(0, 11).map((a) => keys.get(a)));
    const counts = unreadCounts(digest, (key) => read.has(key));
    assert.equal(counts.unread, 92);
    assert.equal(counts.byDate.get('2025-05-29'), 7);
    assert.equal(counts.byDate.get('2025-05-30'), 1);
  });

  it('steps through the reading order', () => {
    const { order } = triageOf(digest);
    assert.equal(stepInReadingOrder(digest, undefined, 1), order[0]);
    assert.equal(stepInReadingOrder(digest, order[0], 1), order[1]);
    assert.equal(stepInReadingOrder(digest, order[0], -1), undefined);
  });
});

describe('papers listed in other digests of the Library', () => {
  const summary = (subject: string, date: string, keys: string[], dates = [date]) => ({ subject, date, dates, keys });

  it('says which earlier digest (or another subject the same day) lists the same paper', () => {
    const listings = new DigestListings([
      summary('cs.DC', '2025-05-31', ['2505.00001', '2505.00002']),
      summary('cs.LG', '2025-05-30', ['2505.00002']),
      summary('cs.DC', '2025-06-01', ['2505.00001', '2505.00002', '2505.00003']),
      summary('cs.LG', '2025-06-01', ['2505.00003']),
      summary('cs.LG', '2025-06-06', ['2505.00001']),
      summary('cs.DC', '2025-06-02', ['2505.00004'], ['2025-06-01', '2025-06-02']),
    ]);
    assert.equal(listings.alsoIn('2505.00001', 'cs.DC', '2025-06-01'), 'cs.DC 2025-05-31', 'not a later digest');
    assert.equal(listings.alsoIn('2505.00001', 'cs.LG', '2025-06-06'), 'cs.DC 2025-06-01', 'the newest earlier one');
    assert.equal(listings.alsoIn('2505.00003', 'cs.DC', '2025-06-01'), 'cs.LG 2025-06-01', 'another subject the same day');
    assert.equal(listings.alsoIn('2505.00002', 'cs.LG', '2025-05-30'), undefined, 'nothing earlier than the first listing');
    assert.equal(listings.alsoIn('2505.00004', 'cs.DC', '2025-06-03'), undefined, 'a file of several days names no one digest');
  });

  it('kept up to date file by file answers as a rebuild of the Library as it is now', () => {
    const day = (d: number) => `2025-06-${String(d).padStart(2, '0')}`;
    const library = new Map<string, ReturnType<typeof summary>>();
    for (let d = 1; d <= 6; d++) {
      library.set(`cs.DC-${d}.txt`, summary('cs.DC', day(d), [`2505.0000${d}`, `2505.0000${d + 1}`]));
      library.set(`cs.LG-${d}.md`, summary('cs.LG', day(d), [`2505.0000${d + 1}`]));
    }
    // The same day twice (text and Markdown): one digest.
    library.set('cs.LG-3.md', summary('cs.LG', day(3), ['2505.00004', '2505.00099']));
    library.set('cs.LG-3.txt', summary('cs.LG', day(3), ['2505.00004', '2505.00099']));
    const listings = new DigestListings();
    const run = (steps: Generator<void, number, void>): number => {
      for (;;) {
        const step = steps.next();
        if (step.done) {
          return step.value;
        }
      }
    };
    const sameAsRebuild = (what: string) => {
      const rebuilt = new DigestListings(library.values());
      for (const key of ['1', '2', '3', '4', '5', '6', '7', '8', '99'].map((n) => `2505.${n.padStart(5, '0')}`)) {
        for (const subject of ['cs.DC', 'cs.LG']) {
          for (let d = 1; d <= 7; d++) {
            assert.equal(listings.alsoIn(key, subject, day(d)), rebuilt.alsoIn(key, subject, day(d)), `${what}: ${key} in ${subject} ${day(d)}`);
          }
        }
      }
    };
    assert.equal(run(listings.update(library)), library.size);
    sameAsRebuild('first build');
    assert.equal(listings.alsoIn('2505.00099', 'cs.DC', day(4)), 'cs.LG 2025-06-03');
    assert.equal(run(listings.update(library)), 0, 'nothing changed: nothing done');
    library.delete('cs.LG-3.md');
    assert.equal(run(listings.update(library)), 1);
    assert.equal(listings.alsoIn('2505.00099', 'cs.DC', day(4)), 'cs.LG 2025-06-03', 'the other file of that day still lists it');
    library.delete('cs.LG-3.txt');
    library.set('cs.DC-2.txt', summary('cs.DC', day(2), ['2505.00008']));
    assert.equal(run(listings.update(library)), 2);
    sameAsRebuild('after a removal and a change');
    assert.equal(listings.alsoIn('2505.00099', 'cs.DC', day(4)), undefined, 'gone with both files of its day');
  });
});
