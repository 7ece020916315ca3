import * as assert from 'node:assert/strict';
import { parseDigest, type Digest } from '../../src/core';
import { cacheOf, LibrarySearch, PREFIX_TERMS, searchFromJSON, type SearchCache } from '../../src/core/search';
import { decodeBase64, encodeBase64 } from '../../src/core/search/base64';
import { readFixture } from '../support/fixtures';
import { random, renderDigest, type GeneratedArticle } from '../support/generate';

const QUERIES = ['Nezami', 'federated lea', 'Foderierten', '联邦学习', '联', '2505.2371', 'decentral', 'graph neural net', 'cloud'];

/** The real digest under several URIs and days, so each file's hits can be told apart. */
function day(n: number): { uri: string; digest: Digest } {
  const text = readFixture().replace('cs.DC @ 2025-06-01', `cs.DC @ 2025-06-0${n}`);
  return { uri: `file:///library/cs.DC-2025-06-0${n}.txt`, digest: parseDigest(text) };
}

function indexed(files: { uri: string; digest: Digest }[]): LibrarySearch {
  const search = new LibrarySearch();
  for (const file of files) {
    Array.from(search.addFile(file, 13));
  }
  return search;
}

/** What a user sees of each query's hits. */
function answers(search: LibrarySearch): string[][] {
  return QUERIES.map((query) => search.search(query).map((hit) => `${hit.file}#${hit.position} ${hit.field}/${hit.language} ${hit.title}`));
}

const roundTrip = (search: LibrarySearch) => searchFromJSON(JSON.parse(JSON.stringify(cacheOf(search))));

describe('compact search index', function () {
  this.timeout(60_000);
  const days = [1, 2, 3, 4, 5].map(day);

  it('answers after removals (tombstones, then compaction) as an index of the files left', () => {
    const search = indexed(days.slice(0, 4));
    search.removeFile(days[1].uri); // a quarter removed: tombstones only
    assert.deepEqual(answers(search), answers(indexed([days[0], days[2], days[3]])));
    search.removeFile(days[3].uri); // half removed: compacted
    assert.deepEqual(answers(search), answers(indexed([days[0], days[2]])));
    assert.equal(search.articleCount, 206);
    assert.equal(search.fileCount, 2);
    // It goes on indexing after compaction, a changed file replacing its old text.
    Array.from(search.addFile(days[4]));
    Array.from(search.addFile({ uri: days[0].uri, digest: parseDigest(readFixture().replace('Nezami', 'Nezamix')) }));
    assert.deepEqual(search.search('Nezami ').map((hit) => hit.file).sort(), [days[2].uri, days[4].uri]); // a space: the whole word
    assert.deepEqual(search.search('Nezamix').map((hit) => hit.file), [days[0].uri]);
  });

  it('packs its postings to their size and answers the same, before and after more files', () => {
    const search = indexed(days.slice(0, 2));
    const before = answers(search);
    search.pack();
    const { postings, terms } = search.parts;
    assert.equal(postings.capacity, postings.payloadLength + 8 * (terms.size + 1)); // one header per term, nothing unused
    assert.deepEqual(answers(search), before);
    Array.from(search.addFile(days[2], 13));
    assert.deepEqual(answers(search), answers(indexed(days.slice(0, 3))));
    search.pack();
    assert.deepEqual(answers(search), answers(indexed(days.slice(0, 3))));
    assert.deepEqual(answers(roundTrip(search)!), answers(search));
    // An empty index packs too, and goes on.
    const empty = new LibrarySearch();
    empty.pack();
    Array.from(empty.addFile(days[0], 13));
    assert.deepEqual(answers(empty), answers(indexed([days[0]])));
  });

  it('expands a prefix to its most frequent terms only, and never a one-letter Latin prefix', () => {
    const next = random(3);
    const articles: GeneratedArticle[] = Array.from({ length: 300 }, (_, i) => ({
      index: i, date: '2025-05-30', weekday: 5, arxivId: `2506.${String(10000 + i)}v1`,
      titles: { en: `Zetax${i} study`, de: 'Studie', zh: '研究' }, authors: ['Ada Lovelace'],
      abstracts: { en: i < 100 ? 'A zetapopular method.' : `Nothing ${Math.floor(next() * 1e6)}.` },
    }));
    const search = indexed([{ uri: 'file:///z.txt', digest: parseDigest(renderDigest(articles, 'cs.DC', '2025-06-01')) }]);
    const hits = search.search('zeta', 1000);
    // 301 terms start with "zeta": the 200 kept are zetapopular (100 articles) and 199 of the zetax<i>.
    assert.equal(PREFIX_TERMS, 200);
    assert.ok(hits.length < 300, `${hits.length} hits`);
    const found = new Set(hits.map((hit) => hit.position));
    assert.ok(Array.from({ length: 100 }, (_, i) => i).every((i) => found.has(i)), 'every article of the most frequent term');
    assert.deepEqual(search.search('zetax250').map((hit) => hit.position), [250]);
    assert.deepEqual(search.search('z'), []);
  });

  it('reads back a cache with removed files and goes on from it', () => {
    const search = indexed(days.slice(0, 4));
    search.removeFile(days[2].uri);
    const loaded = roundTrip(search);
    assert.ok(loaded);
    assert.deepEqual(answers(loaded), answers(search));
    assert.equal(loaded.articleCount, 309);
    assert.equal(loaded.fileCount, 3);
    Array.from(loaded.addFile(days[4]));
    loaded.removeFile(days[0].uri);
    assert.deepEqual(answers(loaded), answers(indexed([days[1], days[3], days[4]])));
  });

  it('refuses a damaged cache without throwing', () => {
    const good = cacheOf(indexed([days[0]]));
    const damaged = (change: (cache: SearchCache) => void) => {
      const cache = JSON.parse(JSON.stringify(good)) as SearchCache;
      change(cache);
      return searchFromJSON(cache);
    };
    assert.ok(damaged(() => undefined), 'an undamaged copy loads');
    assert.equal(damaged((c) => (c.version = 1)), undefined);
    assert.equal(damaged((c) => c.terms.push(c.terms[0])), undefined, 'a term twice');
    assert.equal(damaged((c) => c.terms.pop()), undefined, 'a term missing');
    assert.equal(damaged((c) => c.articles.pop()), undefined, 'postings of a document that is not there');
    assert.equal(damaged((c) => (c.postings.counts = c.postings.counts.slice(0, -8))), undefined, 'counts cut short');
    assert.equal(damaged((c) => (c.postings.bytes = c.postings.bytes.slice(0, -8))), undefined, 'bytes cut short');
    assert.equal(damaged((c) => (c.postings.counts = '!!!!')), undefined, 'not base64');
    assert.equal(damaged((c) => ((c.postings as unknown as { bytes: number }).bytes = 7)), undefined);
    // Random damage to the postings' bytes: refused, or (a mask changed) still answers.
    const next = random(11);
    const bytes = decodeBase64(good.postings.bytes) ?? new Uint8Array();
    for (let i = 0; i < 100; i++) {
      const copy = bytes.slice();
      copy[Math.floor(next() * copy.length)] = Math.floor(next() * 256);
      const loaded = damaged((c) => (c.postings.bytes = encodeBase64(copy)));
      loaded?.search('federated lea');
    }
  });

  it('encodes base64 as the platform does', () => {
    for (const length of [0, 1, 2, 3, 4, 100_000]) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 131) % 256);
      const text = encodeBase64(bytes);
      assert.equal(text, Buffer.from(bytes).toString('base64'));
      assert.deepEqual(decodeBase64(text), bytes);
    }
    assert.equal(decodeBase64('ab='), undefined);
    assert.equal(decodeBase64('a=bc'), undefined);
  });
});
