import * as assert from 'node:assert/strict';
import { parseDigest, type Digest } from '../../src/core';
import { drain, fold, groupByPaper, LibrarySearch, paperKey, queryWords, Segment, writeSegment, type SearchHit } from '../../src/core/search';
import { readFixture } from '../support/fixtures';
import { renderDigest, type GeneratedArticle } from '../support/generate';

const FIXTURE = 'file:///library/cs.DC-2025-06-01.txt';

function indexed(...files: { uri: string; digest: Digest }[]): LibrarySearch {
  const search = new LibrarySearch();
  for (const file of files) {
    Array.from(search.addFile(file, 7)); // small chunks: every step must keep what earlier ones added
  }
  return search;
}

const brief = (hit: SearchHit) => `${hit.position} ${hit.field}/${hit.language}`;

function article(index: number, date: string, titles: GeneratedArticle['titles'], abstract = 'Nothing to see here.'): GeneratedArticle {
  return { index, date, weekday: 1, arxivId: `2506.0000${index}v1`, titles, authors: ['Ada Lovelace'], abstracts: { en: abstract } };
}

describe('search across digests', function () {
  this.timeout(30_000); // indexing the real digest takes a second or two on a busy machine
  const fixture = parseDigest(readFixture());
  const search = indexed({ uri: FIXTURE, digest: fixture });

  it('folds case, umlauts and ß', () => {
    assert.equal(fold('Übersetzung GROẞE Straße Föderierten'), 'ubersetzung grosse strasse foderierten');
  });

  it('finds an English title as it is typed, the last word by its start', () => {
    const hits = search.search('Self-Evolving Communica');
    assert.equal(brief(hits[0]), '0 title/en');
    assert.equal(hits[0].title, 'From Connectivity to Autonomy: The Dawn of Self-Evolving Communication Systems');
    assert.equal(hits[0].file, FIXTURE);
    assert.equal(hits[0].line, fixture.articles[0].line);
    assert.equal(hits[0].subject, 'cs.DC');
    assert.equal(hits[0].digestDate, '2025-06-01');
  });

  it('finds a German title typed without its umlaut, and shows the German title', () => {
    const hits = search.search('Ausbildung des Foderierten');
    assert.deepEqual(hits.map(brief), ['4 title/de']);
    assert.equal(hits[0].title, 'Beschleunigte Ausbildung des Föderierten Lernens über Methoden der zweiten Ordnung');
  });

  it('finds Übersetzung from Ubersetzung', () => {
    const digest = parseDigest(renderDigest([article(0, '2025-05-30', { en: 'Translation', de: 'Maschinelle Übersetzung', zh: '机器翻译' })], 'cs.CL', '2025-06-01'));
    assert.deepEqual(indexed({ uri: 'file:///cl.txt', digest }).search('ubersetzung').map((hit) => hit.title), ['Maschinelle Übersetzung']);
  });

  it('finds a Chinese title and a phrase of a Chinese abstract, and shows the Chinese title', () => {
    assert.equal(brief(search.search('加快联邦学习')[0]), '4 title/zh');
    assert.equal(search.search('加快联邦学习')[0].title, '通过二级方法加快联邦学习培训');
    // From article 4's Chinese abstract, in no title.
    const hits = search.search('二级优化方法');
    assert.deepEqual(hits.map(brief), ['4 abstract/zh']);
    assert.equal(hits[0].title, '通过二级方法加快联邦学习培训');
  });

  it('finds articles by one Chinese character', () => {
    assert.ok(search.search('联').some((hit) => hit.position === 4));
  });

  it('finds an author and an arXiv id (with or without version, or its start)', () => {
    assert.deepEqual(search.search('Nezami').map(brief), ['0 authors/en']);
    assert.deepEqual(search.search('2505.23710v1').map(brief), ['0 arxivId/en']);
    assert.deepEqual(search.search('2505.2371').map(brief), ['0 arxivId/en']);
  });

  it('ranks title hits over abstract hits, then newer first', () => {
    const digest = parseDigest(renderDigest([
      article(0, '2025-05-30', { en: 'Other things', de: 'Anderes', zh: '其他' }, 'We study quantum gossip protocols.'),
      article(1, '2025-05-28', { en: 'Quantum gossip, older', de: 'Alt', zh: '旧' }),
      article(2, '2025-05-31', { en: 'Quantum gossip, newer', de: 'Neu', zh: '新' }),
    ], 'cs.DC', '2025-06-01'));
    assert.deepEqual(indexed({ uri: 'file:///q.txt', digest }).search('quantum gos').map(brief), ['2 title/en', '1 title/en', '0 abstract/en']);
  });

  it('says a hit matched in the title when its title holds the words, though its abstract holds more of them', () => {
    const hits = search.search('federated lea');
    const four = hits.find((hit) => hit.position === 4);
    assert.equal(four && brief(four), '4 title/en');
    const kinds = hits.map((hit) => hit.field);
    assert.deepEqual(kinds, [...kinds].sort((a, b) => Number(a !== 'title') - Number(b !== 'title')), 'title hits first');
  });

  it('needs every word of the query', () => {
    assert.deepEqual(search.search('Cholesky Preconditioners').map(brief), ['2 title/en']);
    assert.deepEqual(search.search('Cholesky blockchain'), []);
    assert.deepEqual(queryWords('the GPU of '), [{ terms: ['gpu'], prefix: false }]);
    assert.deepEqual(queryWords('GPU of'), [{ terms: ['gpu'], prefix: false }]);
    assert.deepEqual(queryWords('th'), [{ terms: ['th'], prefix: true }]);
  });

  it('forgets a removed file and keeps the others', () => {
    const other = parseDigest(readFixture().replace('cs.DC @ 2025-06-01', 'cs.DC @ 2025-06-02'));
    const both = indexed({ uri: FIXTURE, digest: fixture }, { uri: 'file:///next.txt', digest: other });
    assert.deepEqual(both.search('Nezami').map((hit) => hit.file).sort(), ['file:///library/cs.DC-2025-06-01.txt', 'file:///next.txt']);
    both.removeFile(FIXTURE);
    assert.deepEqual(both.search('Nezami').map((hit) => hit.file), ['file:///next.txt']);
    assert.equal(both.fileCount, 1);
    assert.equal(both.articleCount, 103);
  });

  it('is written as a segment that answers as it does, and refuses damaged bytes', () => {
    const bytes = drain(writeSegment(search.segmentSource()));
    const segment = Segment.read(bytes);
    assert.ok(segment);
    const same = new LibrarySearch();
    drain(same.absorb(segment));
    for (const query of ['Foderierten', '联邦学习', 'Nezami', 'decentral', '题']) {
      assert.deepEqual(same.search(query), search.search(query));
    }
    assert.equal(Segment.read(bytes.subarray(0, bytes.length - 8)), undefined, 'cut short');
    const damaged = bytes.slice();
    damaged[damaged.length >> 1] ^= 0x40;
    assert.equal(Segment.read(damaged), undefined, 'one bit changed');
    assert.equal(Segment.read(new Uint8Array(64)), undefined);
  });

  it('keeps no abstract', () => {
    const bytes = drain(writeSegment(search.segmentSource()));
    const text = new TextDecoder().decode(bytes);
    assert.ok(!text.includes(fixture.articles[4].abstracts.en?.slice(0, 40) ?? '(none)'));
    // Titles are kept (as token numbers) and read back as they were, in every language.
    const segment = Segment.read(bytes);
    assert.ok(segment);
    for (const position of [0, 4, 21, 50]) {
      assert.deepEqual(segment.article(position).titles, search.article(position).titles);
      assert.equal(segment.article(position).arxivId, fixture.articles[position].arxivId);
    }
  });
});

describe('search hits grouped by paper', () => {
  const hit = (arxivId: string | undefined, subject: string, digestDate: string, index: number, position = index): SearchHit => ({
    file: `file:///${subject}-${digestDate}.txt`, position, index, line: 1, arxivId, date: digestDate, subject, digestDate,
    titles: { en: `Paper ${arxivId ?? position}` }, field: 'title', language: 'en', title: `Paper ${arxivId ?? position}`, score: 0,
  });

  it('makes one paper of every listing of an arXiv id (any version), in the order of their best hits, naming each digest once, newest first', () => {
    const papers = groupByPaper([
      hit('2505.21877v1', 'cs.DC', '2025-06-01', 31), hit('2505.00001v1', 'cs.DC', '2025-06-01', 2),
      hit('2505.21877v2', 'cs.LG', '2025-06-02', 7), hit('2505.21877v1', 'cs.LG', '2025-06-02', 7), hit(undefined, 'News', '2025-06-01', 0), hit(undefined, 'News', '2025-06-01', 1),
    ], 50);
    assert.deepEqual(papers.map((paper) => [paperKey(paper.best), paper.listings.map((l) => `${l.subject} ${l.digestDate} #${l.index}`)]), [
      ['arxiv:2505.21877', ['cs.LG 2025-06-02 #7', 'cs.DC 2025-06-01 #31']],
      ['arxiv:2505.00001', ['cs.DC 2025-06-01 #2']],
      ['file:///News-2025-06-01.txt#0', ['News 2025-06-01 #0']],
      ['file:///News-2025-06-01.txt#1', ['News 2025-06-01 #1']],
    ]);
    assert.equal(groupByPaper([hit('1', 'a', 'b', 1), hit('2', 'a', 'b', 2), hit('1', 'c', 'd', 1)], 1).length, 1, 'at most `limit` papers');
  });
});
