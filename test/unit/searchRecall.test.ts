/**
 * Search finds what users type: the held-out query classes of issue 17, and
 * a property test against an oracle, a plain folded scan of the same texts.
 * For any query drawn from the indexed texts (whole words, prefixes, one Han
 * character, Han pairs and runs, names with umlauts typed as `ue`, several
 * words), every article the oracle finds, the index finds.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseDigest, type Article, type Digest } from '../../src/core';
import { drain, SegmentedIndex } from '../../src/core/search';
import { readFixture } from '../support/fixtures';
import { renderDigest, type GeneratedArticle } from '../support/generate';

const SAMPLE = 'file:///library/cs.DC-2025-06-01.txt';

/** German names and words in titles and abstracts, next to English words with ue/oe/ae. */
const GERMAN: GeneratedArticle[] = [
  { index: 0, date: '2025-05-02', weekday: 5, arxivId: '2505.00001v1', authors: ['Jürgen Schäfer', 'Anna Größe'], titles: { en: 'Queue models that Israel does not use', de: 'Warteschlangen für Übersetzung', zh: '排队模型' }, abstracts: { en: 'A queue does aerobic things.', de: 'Die Lösung ist schön und groß.' } },
  { index: 1, date: '2025-05-02', weekday: 5, arxivId: '2505.00002v1', authors: ['Bernd Mueller'], titles: { en: 'Spelled-out names', de: 'Müller trifft Mueller', zh: '名字' }, abstracts: { en: 'Nothing here.' } },
  { index: 2, date: '2025-05-02', weekday: 5, arxivId: '2505.00003v1', authors: ['Ada Lovelace'], titles: { en: 'DOS and dos', de: 'Dos', zh: '系统' }, abstracts: { en: 'Old disk operating systems.' } },
];

function library(): { index: SegmentedIndex; articles: { file: string; position: number; article: Article }[] } {
  const files: { uri: string; digest: Digest; stamp: string }[] = [
    { uri: SAMPLE, digest: parseDigest(readFixture()), stamp: '1' },
    { uri: 'file:///library/de.txt', digest: parseDigest(renderDigest(GERMAN, 'cs.CL', '2025-05-03')), stamp: '1' },
  ];
  // Stored and read back, then one file indexed again: stored segments and a builder are both searched.
  const first = new SegmentedIndex();
  files.forEach((file) => drain(first.addFile(file)));
  const index = new SegmentedIndex();
  for (const key of first.changedKeys()) {
    const bytes = drain(first.write(key));
    assert.ok(bytes && drain(index.addStored(key, bytes)));
  }
  drain(index.addFile(files[1]));
  return { index, articles: files.flatMap((file) => file.digest.articles.map((article, position) => ({ file: file.uri, position, article }))) };
}

// ---- The oracle: a plain scan, written apart from the tokenizer. ----
const plain = (text: string) => text.toLowerCase().replace(/ß/g, 'ss').normalize('NFD').replace(/\p{M}/gu, '');
const spelled = (word: string) => plain(word.toLowerCase().normalize('NFC').replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue'));
/** A word's forms: folded, and with its umlauts spelled out. */
const forms = (word: string) => [...new Set([plain(word), spelled(word)])];
const ARXIV = /\d{4}\.\d{1,5}(v\d+)?/g;
const isHan = (char: string) => /\p{Script=Han}/u.test(char);
/** Words too common to index (the index's list, folded): neither the scan nor the index finds them. */
const STOP = /^(a|an|and|are|as|at|be|by|can|for|from|has|have|in|into|is|it|its|of|on|or|our|that|the|their|these|this|to|we|which|with|while|such|both|der|die|das|den|dem|des|ein|eine|einen|einer|und|fur|fuer|mit|von|zu|zur|zum|im|auf|ist)$/;

interface OracleDoc {
  words: Set<string>;
  han: string;
}

function oracleDoc(article: Article): OracleDoc {
  const text = [article.titles.en, article.titles.de, article.titles.zh, article.authors.join(', '), article.abstracts.en, article.abstracts.de, article.abstracts.zh].join('\n').replace(ARXIV, ' ');
  const words = new Set<string>();
  for (const word of text.split(/[^\p{L}\p{M}\p{N}]+|(?=\p{Script=Han})|(?<=\p{Script=Han})/u)) {
    if (word !== '' && !isHan(word)) {
      forms(word).filter((form) => !STOP.test(form)).forEach((form) => words.add(form));
    }
  }
  return { words, han: text };
}

/** A query word as typed: `prefix` when the user is still typing it (no space after). */
interface Typed {
  text: string;
  prefix: boolean;
}

function oracleMatches(doc: OracleDoc, query: Typed[]): boolean {
  return query.every(({ text, prefix }) => {
    if ([...text].every(isHan)) {
      return doc.han.includes(text);
    }
    const wanted = forms(text);
    return [...doc.words].some((word) => wanted.some((form) => (prefix ? word.startsWith(form) : word === form)));
  });
}

/** The query as a user types it: words joined by spaces, a space after the last unless it is still being typed. */
function typed(query: Typed[]): string {
  return query.map((word) => word.text).join(' ') + (query[query.length - 1].prefix ? '' : ' ');
}

describe('search finds what users type', function () {
  this.timeout(120_000);
  const { index, articles } = library();
  const found = (query: string) => index.search(query, 100_000);
  const positions = (query: string, file = SAMPLE) => found(query).filter((hit) => hit.file === file).map((hit) => hit.position).sort((a, b) => a - b);

  it('finds Eric Müller typed as Mueller, and Frank Würthwein as Wuerthwein (and as Wurthwein, Würthwein)', () => {
    const muller = articles.filter(({ article }) => article.authors.includes('Eric Müller')).map(({ position }) => position);
    assert.equal(muller.length, 1);
    for (const query of ['Mueller', 'mueller ', 'Eric Mueller', 'Müller', 'Muller', 'Muel']) {
      assert.ok(positions(query).includes(muller[0]), query);
    }
    const wurthwein = articles.filter(({ article }) => article.authors.includes('Frank Würthwein')).map(({ position }) => position);
    for (const query of ['Wuerthwein', 'Würthwein', 'Wurthwein', 'Frank Wuerth']) {
      assert.deepEqual(positions(query), wurthwein, query);
    }
  });

  it('keeps English words with ue, oe, ae as they are: queue, does, Israel find their article and no other', () => {
    const de = 'file:///library/de.txt';
    assert.deepEqual(positions('queue ', de), [0]);
    assert.deepEqual(positions('does ', de), [0]);
    assert.deepEqual(positions('israel ', de), [0]);
    assert.deepEqual(positions('dos ', de), [2], '"dos" is not "does"');
    assert.deepEqual(positions('Schaefer', de), [0]);
    assert.deepEqual(positions('Groesse', de), [0]);
    assert.deepEqual(positions('Uebersetzung', de), [0]);
    // Written as Mueller in the digest, typed with the umlaut.
    assert.deepEqual(positions('Müller ', de), [1]);
  });

  it('finds 舍, the last character of 取舍 in article 10\'s Chinese title, and 题 in every one of the 35 articles that have it', () => {
    assert.ok(positions('舍').includes(10));
    const withTi = articles.filter(({ file, article }) => file === SAMPLE && oracleDoc(article).han.includes('题')).map(({ position }) => position);
    assert.equal(withTi.length, 35);
    assert.deepEqual(positions('题'), withTi);
  });

  it('always counts the exact word of a prefix: the surname Le among many more frequent words starting with le', () => {
    const le = articles.filter(({ file, article }) => file === SAMPLE && article.authors.some((author) => /\bLe\b/.test(author))).map(({ position }) => position);
    assert.ok(le.length >= 2);
    for (const position of le) {
      assert.ok(positions('Le').includes(position), `article ${position}`);
    }
    // Typed as it stands, the word ranks first: articles with the word "le" (the surnames among them) lead the list, before "learning".
    const withWord = articles.filter(({ article }) => oracleDoc(article).words.has('le')).map(({ file, position }) => `${file}#${position}`).sort();
    assert.ok(withWord.length >= le.length);
    assert.deepEqual(found('Le').slice(0, withWord.length).map((hit) => `${hit.file}#${hit.position}`).sort(), withWord);
  });

  it('property: every article the plain folded scan finds for a query drawn from the texts, the index finds', () => {
    const docs = articles.map(({ article }) => oracleDoc(article));
    const latinWords = [...new Set(articles.flatMap(({ article }) => [article.titles.en, article.titles.de, article.authors.join(' '), article.abstracts.en].join(' ').replace(ARXIV, ' ').split(/[^\p{L}\p{M}]+/u)))].filter((word) => word.length >= 2 && /^\p{Script=Latin}+$/u.test(word.normalize('NFD').replace(/\p{M}/gu, '')));
    const umlautWords = latinWords.filter((word) => /[äöüÄÖÜ]/.test(word));
    const hanText = articles.map(({ article }) => `${article.titles.zh ?? ''}${article.abstracts.zh ?? ''}`).join('').replace(/[^\p{Script=Han}]/gu, '');
    assert.ok(umlautWords.length >= 5, `umlaut words: ${umlautWords.join(' ')}`);
    const word = fc.constantFrom(...latinWords).map((text): Typed => ({ text, prefix: false }));
    const prefix = fc.tuple(fc.constantFrom(...latinWords), fc.nat()).map(([text, cut]): Typed => ({ text: text.slice(0, 2 + (cut % Math.max(1, text.length - 1))), prefix: true }));
    const umlaut = fc.tuple(fc.constantFrom(...umlautWords), fc.boolean()).map(([text, whole]): Typed => {
      const spelledOut = text.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/Ä/g, 'Ae').replace(/Ö/g, 'Oe').replace(/Ü/g, 'Ue');
      return whole ? { text: spelledOut, prefix: false } : { text: spelledOut.slice(0, Math.max(2, spelledOut.length - 2)), prefix: true };
    });
    const han = fc.tuple(fc.nat(hanText.length - 1), fc.integer({ min: 1, max: 4 })).map(([at, length]): Typed => ({ text: hanText.slice(at, at + length), prefix: false }));
    const queryWord = fc.oneof(word, prefix, umlaut, han);
    const query = fc.array(queryWord, { minLength: 1, maxLength: 3 }).map((words) => words.map((w, i) => (i < words.length - 1 ? { ...w, prefix: false } : w)));
    fc.assert(
      fc.property(query, (words) => {
        // Stop words are left out of queries as the index leaves them out of texts.
        const meaningful = words.filter((w) => !STOP.test(plain(w.text)) && !(w.prefix && w.text.length < 2));
        fc.pre(meaningful.length > 0 && meaningful.length === words.length);
        const expected = docs.flatMap((doc, i) => (oracleMatches(doc, words) ? [`${articles[i].file}#${articles[i].position}`] : []));
        const hits = new Set(found(typed(words)).map((hit) => `${hit.file}#${hit.position}`));
        const missed = expected.filter((key) => !hits.has(key));
        assert.deepEqual(missed, [], `"${typed(words)}": the scan finds ${expected.length}, the index misses ${missed.length}`);
      }),
      { seed: 17, numRuns: 400 },
    );
  });
});
