/**
 * `npm run bench`, search part: a library of 365 days × 2 subjects × 150
 * articles (110,000), written as plain-text digests from the real digest's
 * own words (English and Chinese abstract sentences, title words in three
 * languages, author names, shuffled; 1% of English words get a suffix so the
 * vocabulary grows as a real library's does). Prints index build time, the
 * heap the index holds after GC against the texts' size, per-keystroke
 * latency over 100 as-you-type queries in English, German and Chinese next
 * to a naive `includes` scan of the same texts, and the cache's size and
 * write/read time. Each figure next to its goal; asserts nothing.
 * `DAYS=36` runs a tenth of it. Times are wall times: on a loaded machine
 * they come out inflated; heap figures hold.
 */
import { parseDigest, type Digest } from '../src/core';
import { cacheOf, fold, LibrarySearch, searchFromJSON } from '../src/core/search';
import { readFixture } from '../test/support/fixtures';
import { random, renderDigest, type GeneratedArticle } from '../test/support/generate';
import { megabytes, ms, requireGc, Table } from './measure';

const DAYS = Number(process.env.DAYS ?? 365);
const SUBJECTS = ['cs.DC', 'cs.LG'];
const PER_DAY = 150;
const QUERIES = 100;
const LIMIT = 50;
const gc = requireGc();
const next = random(7);
const pick = <T>(pool: readonly T[]): T => pool[Math.floor(next() * pool.length)];

/** The real digest's words and sentences, by kind. */
function pools(fixture: Digest) {
  const articles = fixture.articles;
  const split = (texts: (string | undefined)[], pattern: RegExp) => texts.flatMap((t) => (t ?? '').split(pattern)).filter((s) => s.trim() !== '');
  return {
    enSentences: split(articles.map((a) => a.abstracts.en), /(?<=\.) /),
    zhSentences: split(articles.map((a) => a.abstracts.zh), /(?<=[。,，])/),
    enTitle: split(articles.map((a) => a.titles.en), / /),
    deTitle: split(articles.map((a) => a.titles.de), / /),
    zhTitle: split(articles.map((a) => a.titles.zh), /(?<=[:,、的])/),
    names: articles.flatMap((a) => a.authors),
  };
}
type Pools = ReturnType<typeof pools>;

function mutate(sentence: string): string {
  return sentence.replace(/[a-z]{5,}/g, (word) => (next() < 0.01 ? word + Math.floor(next() * 1000).toString(36) : word));
}

function sentences(pool: string[], count: number, joiner: string, change = (s: string) => s): string {
  return Array.from({ length: count }, () => change(pick(pool))).join(joiner);
}

function makeArticle(p: Pools, index: number, day: number): GeneratedArticle {
  const time = Date.UTC(2025, 5, 1) - (day + 1 + Math.floor(next() * 5)) * 86_400_000;
  const date = new Date(time).toISOString().slice(0, 10);
  return {
    index, date, weekday: ((new Date(time).getUTCDay() + 6) % 7) + 1,
    arxivId: `${24 + Math.floor(next() * 2)}${String(1 + Math.floor(next() * 12)).padStart(2, '0')}.${String(Math.floor(next() * 99999)).padStart(5, '0')}v1`,
    titles: { en: sentences(p.enTitle, 6 + Math.floor(next() * 8), ' '), de: sentences(p.deTitle, 6 + Math.floor(next() * 8), ' '), zh: sentences(p.zhTitle, 3, '') },
    authors: Array.from({ length: 1 + Math.floor(next() * 6) }, () => pick(p.names)),
    abstracts: { en: sentences(p.enSentences, 7, ' ', mutate), zh: sentences(p.zhSentences, 12, '') },
  };
}

function library(p: Pools): { uri: string; text: string }[] {
  const files: { uri: string; text: string }[] = [];
  for (let day = 0; day < DAYS; day++) {
    const date = new Date(Date.UTC(2025, 5, 1) - day * 86_400_000).toISOString().slice(0, 10);
    for (const subject of SUBJECTS) {
      const articles = Array.from({ length: PER_DAY }, (_, i) => makeArticle(p, i, day));
      files.push({ uri: `file:///library/${subject}-${date}.txt`, text: renderDigest(articles, subject, date) });
    }
  }
  return files;
}

/** 100 queries cut where a user may be typing: a phrase of 1–3 words from a real title or abstract, cut after 2+ characters. */
function typedQueries(p: Pools): { language: string; query: string }[] {
  const out: { language: string; query: string }[] = [];
  for (let i = 0; i < QUERIES; i++) {
    const language = ['en', 'de', 'zh'][i % 3];
    let phrase: string;
    if (language === 'zh') {
      const sentence = pick(p.zhSentences).replace(/[^\p{Script=Han}]/gu, '');
      const start = Math.floor(next() * Math.max(1, sentence.length - 6));
      phrase = sentence.slice(start, start + 1 + Math.floor(next() * 5));
    } else {
      const words = (language === 'en' ? pick(p.enSentences) : sentences(p.deTitle, 6, ' ')).split(' ').filter((w) => /^\p{L}{3,}$/u.test(w));
      const start = Math.floor(next() * Math.max(1, words.length - 3));
      const full = words.slice(start, start + 1 + Math.floor(next() * 3)).join(' ');
      phrase = full.slice(0, Math.max(2, Math.ceil(full.length * (0.5 + next() / 2))));
    }
    out.push({ language, query: language === 'de' && next() < 0.5 ? fold(phrase) : phrase });
  }
  return out;
}

function percentile(times: number[], p: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
}

function main(): void {
  const p = pools(parseDigest(readFixture()));
  let files: { uri: string; text: string }[] | undefined = library(p);
  const textBytes = files.reduce((sum, f) => sum + Buffer.byteLength(f.text), 0);
  console.log(`\nSearch: ${files.length} digests, ${files.length * PER_DAY} articles, ${megabytes(textBytes).toFixed(0)} MB of text (UTF-8)`);

  gc();
  gc();
  // The heap and the typed arrays' buffers (outside the V8 heap: heapUsed alone misses the postings).
  const held = () => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
  const heapBefore = held();
  const heapOnlyBefore = process.memoryUsage().heapUsed;
  let parseMs = 0;
  const t0 = performance.now();
  let search: LibrarySearch | undefined = new LibrarySearch();
  for (const file of files) {
    const p0 = performance.now();
    const digest = parseDigest(file.text);
    parseMs += performance.now() - p0;
    Array.from(search.addFile({ uri: file.uri, digest }));
  }
  search.pack(); // as the extension does when a build ends
  const buildMs = performance.now() - t0;
  gc();
  gc();
  const indexBytes = held() - heapBefore;
  const heapOnlyBytes = process.memoryUsage().heapUsed - heapOnlyBefore;

  const table = new Table();
  table.row('figure', 'measured', 'goal');
  table.row('index build (parse included)', `${(buildMs / 1000).toFixed(1)} s`, '');
  table.row('  without parsing', `${((buildMs - parseMs) / 1000).toFixed(1)} s`, '');
  table.row('  of which parsing', `${(parseMs / 1000).toFixed(1)} s`, '');
  table.row('index heap + array buffers after GC', `${megabytes(indexBytes).toFixed(0)} MB`, '');
  table.row('  against the text size', `${(indexBytes / textBytes).toFixed(2)}×`, '≤ 0.50×');
  const { terms, postings } = search.parts;
  table.row('  of which V8 heap (terms, titles, tables)', `${megabytes(heapOnlyBytes).toFixed(0)} MB`, '');
  table.row('  terms / postings arena used / allocated', `${terms.size} / ${megabytes(postings.byteLength).toFixed(0)} / ${megabytes(postings.capacity).toFixed(0)} MB`, '');
  table.row('  postings without blocks (as cached)', `${megabytes(postings.toData().bytes.length).toFixed(0)} MB`, '');

  // The naive scan: every article's folded text, every query word by `includes`.
  const folded: string[] = [];
  for (const file of files) {
    for (const a of parseDigest(file.text).articles) {
      folded.push(fold([a.titles.en, a.titles.de, a.titles.zh, a.authors.join(' '), a.arxivId, a.abstracts.en, a.abstracts.de, a.abstracts.zh].join(' ')));
    }
  }
  const uris = files.map((file) => file.uri);
  files = undefined;
  const queries = typedQueries(p);
  const latency = (run: (query: string) => number) => {
    const byLanguage = new Map<string, number[]>();
    const hits: number[] = [];
    for (const { language, query } of queries) {
      const t = performance.now();
      hits.push(run(query));
      const list = byLanguage.get(language) ?? [];
      list.push(performance.now() - t);
      byLanguage.set(language, list);
    }
    return { all: [...byLanguage.values()].flat(), byLanguage, hits };
  };
  const index = search;
  latency((q) => index.search(q, LIMIT).length); // warm up
  const indexed = latency((q) => index.search(q, LIMIT).length);
  const naive = latency((q) => {
    // The naive way: the folded query's words as typed (Chinese as one piece), each by `includes`.
    const words = fold(q).split(/\s+/).filter(Boolean);
    let count = 0;
    for (const text of folded) {
      if (words.every((w) => text.includes(w)) && ++count >= LIMIT * 1000) {
        break;
      }
    }
    return count;
  });
  for (const [name, run] of [['index', indexed], ['includes scan', naive]] as const) {
    table.row(`${name}: per keystroke, median / p95`, `${ms(percentile(run.all, 0.5))} / ${ms(percentile(run.all, 0.95))} ms`, name === 'index' ? 'p95 < 20 ms' : '');
    for (const [language, times] of run.byLanguage) {
      table.row(`  ${language}`, `${ms(percentile(times, 0.5))} / ${ms(percentile(times, 0.95))} ms`, '');
    }
  }
  const found = indexed.hits.filter((n) => n > 0).length;
  table.row('queries with a hit (index / scan)', `${found} / ${naive.hits.filter((n) => n > 0).length} of ${QUERIES}`, '');

  const w0 = performance.now();
  const json = JSON.stringify(cacheOf(index));
  const writeMs = performance.now() - w0;
  const r0 = performance.now();
  const loaded = searchFromJSON(JSON.parse(json));
  const readMs = performance.now() - r0;
  table.row('cache: JSON size', `${megabytes(json.length).toFixed(0)} MB`, '');
  table.row('cache: cacheOf + stringify / parse + searchFromJSON', `${(writeMs / 1000).toFixed(1)} / ${(readMs / 1000).toFixed(1)} s`, '');
  table.row('cache: same hits after loading', String(loaded !== undefined && queries.every(({ query }) => loaded.search(query, 5).map((h) => h.file + h.position).join() === index.search(query, 5).map((h) => h.file + h.position).join())), 'true');
  // Removing a file only tombstones its articles, until a third is gone: that removal compacts the index (synchronously).
  let slowest = 0;
  let removeMs = 0;
  for (const uri of uris.slice(0, Math.ceil(uris.length / 3))) {
    const t = performance.now();
    index.removeFile(uri);
    const took = performance.now() - t;
    removeMs += took;
    slowest = Math.max(slowest, took);
  }
  table.row('remove a third of the files: all / the slowest (compaction)', `${(removeMs / 1000).toFixed(1)} / ${(slowest / 1000).toFixed(2)} s`, '');
  search = undefined;
  table.print([0]);
  console.log('  sample queries:', queries.slice(0, 9).map((q) => JSON.stringify(q.query)).join(' '));
}

main();
