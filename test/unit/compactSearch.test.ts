import * as assert from 'node:assert/strict';
import { parseDigest, type Digest } from '../../src/core';
import { drain, LibrarySearch, searchParts, SegmentedIndex } from '../../src/core/search';
import { readFixture } from '../support/fixtures';
import { random, renderDigest, type GeneratedArticle } from '../support/generate';

const QUERIES = ['Nezami', 'federated lea', 'Foderierten', '联邦学习', '联', '舍', '2505.2371', 'decentral', 'graph neural net', 'cloud', 'Mueller', 'Le'];

/** The real digest under several URIs and days (two months), so each file's hits can be told apart. */
function day(n: number): { uri: string; digest: Digest; stamp: string } {
  const date = n <= 3 ? `2025-06-0${n}` : `2025-05-2${n}`;
  const text = readFixture().replace('cs.DC @ 2025-06-01', `cs.DC @ ${date}`);
  return { uri: `file:///library/cs.DC-${date}.txt`, digest: parseDigest(text), stamp: `1:${n}` };
}

function indexed(files: { uri: string; digest: Digest }[]): LibrarySearch {
  const search = new LibrarySearch();
  for (const file of files) {
    drain(search.addFile(file, 13));
  }
  return search;
}

function segmented(files: { uri: string; digest: Digest; stamp: string }[]): SegmentedIndex {
  const index = new SegmentedIndex();
  for (const file of files) {
    drain(index.addFile(file));
  }
  return index;
}

/** The workspace storage: each month's segment as last written. */
const storedOf = new WeakMap<SegmentedIndex, Map<string, Uint8Array>>();

/** Writes every changed month and reads every stored segment back into a new index, as a window reload does. */
function reloaded(index: SegmentedIndex): SegmentedIndex {
  const stored = new Map(storedOf.get(index));
  for (const key of index.changedKeys()) {
    const bytes = drain(index.write(key));
    if (bytes) {
      stored.set(key, bytes);
    } else {
      stored.delete(key);
    }
  }
  const loaded = new SegmentedIndex();
  storedOf.set(loaded, stored);
  for (const [key, bytes] of stored) {
    assert.ok(drain(loaded.addStored(key, bytes)), `segment ${key} reads back`);
  }
  return loaded;
}

/** What a user sees of each query's hits. */
function answers(search: { search(query: string, limit?: number): { file: string; position: number; field: string; language: string; title: string }[] }): string[][] {
  return QUERIES.map((query) => search.search(query, 500).map((hit) => `${hit.file}#${hit.position} ${hit.field}/${hit.language} ${hit.title}`).sort());
}

describe('search index in monthly segments', function () {
  this.timeout(60_000);
  const days = [1, 2, 3, 4, 5].map(day);

  it('answers from stored segments as from the files, after a reload', () => {
    const index = segmented(days.slice(0, 4));
    assert.deepEqual(index.changedKeys().sort(), ['2025-05', '2025-06']);
    const loaded = reloaded(index);
    assert.deepEqual(answers(loaded), answers(indexed(days.slice(0, 4))));
    assert.equal(loaded.articleCount, 412);
    assert.equal(loaded.stampOf(days[1].uri), '1:2');
    assert.deepEqual(loaded.changedKeys(), [], 'nothing to write after loading');
  });

  it('hides a removed file at once and drops it when its month is written again (compaction by segment)', () => {
    const loaded = reloaded(segmented(days.slice(0, 4)));
    loaded.removeFile(days[1].uri);
    assert.deepEqual(answers(loaded), answers(indexed([days[0], days[2], days[3]])));
    assert.deepEqual(loaded.changedKeys(), ['2025-06'], 'only its month is written again');
    const again = reloaded(loaded);
    assert.deepEqual(answers(again), answers(indexed([days[0], days[2], days[3]])));
    assert.equal(again.articleCount, 309);
    assert.equal(again.fileCount, 3);
  });

  it('indexes a changed file into its month, keeping the month\'s other files without reading them', () => {
    const loaded = reloaded(segmented(days.slice(0, 4)));
    const changed = { ...days[0], digest: parseDigest(readFixture().replace('Nezami', 'Nezamix')), stamp: '2:1' };
    drain(loaded.addFile(changed));
    drain(loaded.addFile(days[4]));
    const expected = answers(indexed([changed, days[1], days[2], days[3], days[4]]));
    assert.deepEqual(answers(loaded), expected, 'while building');
    assert.deepEqual(answers(reloaded(loaded)), expected, 'after writing');
    assert.deepEqual(loaded.search('Nezamix').map((hit) => hit.file), [days[0].uri]);
    assert.equal(loaded.stampOf(days[0].uri), '2:1');
  });

  it('deletes a month whose files are all gone', () => {
    const loaded = reloaded(segmented(days.slice(2, 4)));
    loaded.removeFile(days[2].uri);
    assert.deepEqual(loaded.changedKeys(), ['2025-06']);
    assert.equal(drain(loaded.write('2025-06')), undefined);
    assert.deepEqual(loaded.search('Nezami').map((hit) => hit.file), [days[3].uri]);
  });

  it('refuses damaged segments without throwing, and a segment of a month it has', () => {
    const index = segmented(days.slice(0, 1));
    const bytes = drain(index.write('2025-06'));
    assert.ok(bytes);
    const next = random(11);
    for (let i = 0; i < 200; i++) {
      const copy = bytes.slice();
      copy[Math.floor(next() * copy.length)] ^= 1 + Math.floor(next() * 255);
      assert.equal(drain(new SegmentedIndex().addStored('2025-06', copy)), false);
    }
    const fresh = new SegmentedIndex();
    assert.ok(drain(fresh.addStored('2025-06', bytes)));
    assert.equal(drain(fresh.addStored('2025-06', bytes)), false);
  });

  it('expands a prefix to every completion, unless their postings pass the budget: then the word itself and the most frequent', () => {
    const next = random(3);
    // "Le" as a surname in one article; 300 words starting with "le", 100 of them in many articles.
    const articles: GeneratedArticle[] = Array.from({ length: 300 }, (_, i) => ({
      index: i, date: '2025-05-30', weekday: 5, arxivId: `2506.${String(10000 + i)}v1`,
      titles: { en: `Lex${i} study`, de: 'Studie', zh: '研究' }, authors: [i === 299 ? 'Quang Le' : 'Ada Lovelace'],
      abstracts: { en: i < 100 ? 'A lepopular method.' : `Nothing ${Math.floor(next() * 1e6)}.` },
    }));
    const search = indexed([{ uri: 'file:///z.txt', digest: parseDigest(renderDigest(articles, 'cs.DC', '2025-06-01')) }]);
    assert.equal(search.search('le', 1000).length, 300, 'every completion within the budget');
    // A budget of 120 postings: the word itself, lepopular (100 postings), then single lex<i> while room is left.
    const tight = searchParts([search], 'le', 1000, 120);
    assert.ok(tight.length >= 100 && tight.length < 120, `${tight.length} hits`);
    assert.ok(tight.some((hit) => hit.position === 299), 'the surname Le itself is always in');
    assert.deepEqual(search.search('lex250').map((hit) => hit.position), [250]);
    assert.deepEqual(search.search('l'), [], 'one letter matches whole words only');
  });
});
