/**
 * `npm run bench`, search part: a library of 365 days × 2 subjects × 150
 * articles (110,000), written as plain-text digests from the real digest's
 * own words (English and Chinese abstract sentences, title words in three
 * languages, author names, shuffled; 1% of English words get a suffix so the
 * vocabulary grows as a real library's does). `DAYS=36` runs a tenth of it.
 *
 * The index as the extension runs it: built, written, loaded and compacted
 * in steps with a turn of the event loop every ~10 ms (as src/search does),
 * the longest synchronous task of each phase measured twice (each step
 * timed, and perf_hooks.monitorEventLoopDelay) next to the 50 ms goal; the
 * segments' bytes against the text; heap before the first search and while
 * searching; the first search after a restart (segments read from disk);
 * per-keystroke latency over 100 as-you-type queries (English, German,
 * German names typed with `ue`, Chinese down to one character); recall
 * against a plain folded scan. Baselines in the same run: 0.5.0's way (one
 * index of everything built at activation, its JSON snapshot written and
 * read in one task) and a naive `includes` scan. Asserts nothing; times are
 * wall times (inflated on a loaded machine), heap figures hold.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseDigest, type Article, type Digest } from '../src/core';
import { drain, fold, LibrarySearch, SegmentedIndex, spelledOut } from '../src/core/search';
import { readFixture } from '../test/support/fixtures';
import { random, renderDigest, type GeneratedArticle } from '../test/support/generate';
import { megabytes, ms, requireGc, Table } from './measure';

const DAYS = Number(process.env.DAYS ?? 365);
const SUBJECTS = ['cs.DC', 'cs.LG'];
const PER_DAY = 150;
const QUERIES = 100;
const LIMIT = 200; // what the Quick Pick asks per keystroke
const GOAL_MS = 50;
const SLICE_MS = 10;
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

/** Writes the library into `folder`, one file at a time (nothing of it is held); answers its files and text size. */
function writeLibrary(p: Pools, folder: string): { files: LibraryFile[]; textBytes: number } {
  const files: LibraryFile[] = [];
  let textBytes = 0;
  for (let day = 0; day < DAYS; day++) {
    const date = new Date(Date.UTC(2025, 5, 1) - day * 86_400_000).toISOString().slice(0, 10);
    for (const subject of SUBJECTS) {
      const articles = Array.from({ length: PER_DAY }, (_, i) => makeArticle(p, i, day));
      const text = renderDigest(articles, subject, date);
      const file = path.join(folder, `${subject}-${date}.txt`);
      fs.writeFileSync(file, text);
      textBytes += Buffer.byteLength(text);
      files.push({ uri: `file:///library/${subject}-${date}.txt`, path: file, stamp: `1:${day}` });
    }
  }
  return { files, textBytes };
}

interface LibraryFile {
  uri: string;
  path: string;
  stamp: string;
}

const readText = (file: LibraryFile) => fs.readFileSync(file.path, 'utf8');

/** 100 queries as users type them: phrases cut mid-word (en, de, half without umlauts), German names typed with ue, 1–5 Han characters. */
function typedQueries(p: Pools): { kind: string; query: string }[] {
  const out: { kind: string; query: string }[] = [];
  const umlautNames = p.names.filter((name) => /[äöüÄÖÜ]/.test(name));
  for (let i = 0; i < QUERIES; i++) {
    const kind = ['en', 'de', 'zh', 'name'][i % 4];
    let query: string;
    if (kind === 'zh') {
      const sentence = pick(p.zhSentences).replace(/[^\p{Script=Han}]/gu, '');
      const start = Math.floor(next() * Math.max(1, sentence.length - 6));
      query = sentence.slice(start, start + 1 + Math.floor(next() * 5));
    } else if (kind === 'name') {
      const last = pick(umlautNames).split(' ').pop() ?? '';
      const typed = last.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue');
      query = next() < 0.5 ? typed : typed.slice(0, Math.max(3, typed.length - 2));
    } else {
      const words = (kind === 'en' ? pick(p.enSentences) : sentences(p.deTitle, 6, ' ')).split(' ').filter((w) => /^\p{L}{3,}$/u.test(w));
      const start = Math.floor(next() * Math.max(1, words.length - 3));
      const full = words.slice(start, start + 1 + Math.floor(next() * 3)).join(' ');
      query = full.slice(0, Math.max(2, Math.ceil(full.length * (0.5 + next() / 2))));
      query = kind === 'de' && next() < 0.5 ? fold(query) : query;
    }
    out.push({ kind, query });
  }
  return out;
}

function percentile(times: number[], p: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
}

/**
 * The longest synchronous task of a phase, measured per step (wall time,
 * and the process's CPU time, which a busy machine's descheduling does not
 * inflate) and by the event loop's delay.
 */
class Phase {
  longestStep = 0;
  longestCpu = 0;
  private readonly histogram = monitorEventLoopDelay({ resolution: 1 });
  start(): void {
    this.histogram.enable();
  }
  stop(): number {
    this.histogram.disable();
    return this.histogram.max / 1e6;
  }
  /** Runs steps as the extension does: ~10 ms at a time, then a turn of the event loop. */
  async run<T>(steps: Generator<unknown, T, void>): Promise<T> {
    let sliceStart = performance.now();
    for (;;) {
      const t = performance.now();
      const cpu = process.cpuUsage();
      const step = steps.next();
      this.note(cpu, performance.now() - t);
      if (step.done) {
        return step.value;
      }
      if (performance.now() - sliceStart >= SLICE_MS) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        sliceStart = performance.now();
      }
    }
  }
  /** Times one synchronous task. */
  time<T>(task: () => T): T {
    const t = performance.now();
    const cpu = process.cpuUsage();
    try {
      return task();
    } finally {
      this.note(cpu, performance.now() - t);
    }
  }
  /** The step's own time is at most the smaller of its wall time and the process's CPU time meanwhile (as src/search/slices.ts counts). */
  private note(since: NodeJS.CpuUsage, wall: number): void {
    const { user, system } = process.cpuUsage(since);
    this.longestStep = Math.max(this.longestStep, wall);
    this.longestCpu = Math.max(this.longestCpu, Math.min(wall, (user + system) / 1000));
  }
}

// The heap and the typed arrays' buffers (outside the V8 heap: heapUsed alone misses the segments).
const held = () => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
const settle = () => {
  gc();
  gc();
};

const STOP = /^(a|an|and|are|as|at|be|by|can|for|from|has|have|in|into|is|it|its|of|on|or|our|that|the|their|these|this|to|we|which|with|while|such|both|der|die|das|den|dem|des|ein|eine|einen|einer|und|fur|fuer|mit|von|zu|zur|zum|im|auf|ist)$/;

/**
 * The plain folded scan (the oracle): per article its words' forms between
 * spaces (stop words left out, as the index leaves them out), then its Han text.
 */
function oracleText(article: Article): string {
  const text = [article.titles.en, article.titles.de, article.titles.zh, article.authors.join(', '), article.abstracts.en, article.abstracts.de, article.abstracts.zh].join('\n');
  const words = text.replace(/\d{4}\.\d{1,5}(v\d+)?/g, ' ').split(/[^\p{L}\p{M}\p{N}]+|(?=\p{Script=Han})|(?<=\p{Script=Han})/u).filter((w) => w !== '' && !/\p{Script=Han}/u.test(w));
  const forms = words.flatMap((w) => [fold(w), spelledOut(w) ?? '']).filter((f) => f !== '' && !STOP.test(f));
  return ` ${forms.join(' ')} \n${text.replace(/[^\p{Script=Han}]+/gu, '|')}`;
}


function oracleMatches(text: string, query: string): boolean {
  const parts = query.split(/[^\p{L}\p{M}\p{N}]+|(?=\p{Script=Han})|(?<=\p{Script=Han})/u).filter(Boolean);
  const typing = /[\p{L}\p{N}]$/u.test(query);
  const latin = parts.filter((w) => !/\p{Script=Han}/u.test(w));
  const han = query.replace(/[^\p{Script=Han}]+/gu, '|').split('|').filter(Boolean);
  const meaningful = (word: string) => [fold(word), spelledOut(word)].some((f) => f !== undefined && !STOP.test(f));
  if (han.length === 0 && !latin.some(meaningful) && latin.length > 1) {
    return false; // only stop words typed: nothing to find (the index answers nothing either)
  }
  return latin.every((word, i) => {
    const last = typing && i === latin.length - 1 && !/\p{Script=Han}$/u.test(query);
    const forms = [fold(word), spelledOut(word)].filter((f): f is string => f !== undefined);
    if (forms.every((f) => STOP.test(f)) && latin.length > 1) {
      return true;
    }
    return forms.some((f) => text.includes(last && f.length >= 2 ? ` ${f}` : ` ${f} `));
  }) && han.every((run) => text.includes(run));
}

/** 0.5.0's way, measured and let go: one index of everything built eagerly, its JSON snapshot written and read in one task each. */
function baseline(files: readonly LibraryFile[]): { heap: number; stringifyMs: number; parseMs: number; jsonBytes: number } {
  settle();
  const heap0 = held();
  const whole = new LibrarySearch();
  for (const file of files) {
    drain(whole.addFile({ uri: file.uri, digest: parseDigest(readText(file)), stamp: file.stamp }));
  }
  whole.pack();
  settle();
  const heap = held() - heap0;
  const { documents, terms, postings } = whole.parts;
  const snapshot = { articles: documents.toArticles(), terms: Array.from({ length: terms.size }, (_, id) => terms.termOf(id)), postings: Buffer.from(postings.toData().bytes).toString('base64') };
  let t = performance.now();
  const json = JSON.stringify(snapshot);
  const stringifyMs = performance.now() - t;
  t = performance.now();
  JSON.parse(json);
  const parseMs = performance.now() - t;
  return { heap, stringifyMs, parseMs, jsonBytes: Buffer.byteLength(json) };
}

async function main(): Promise<void> {
  const p = pools(parseDigest(readFixture()));
  const libraryFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'digest-library-'));
  const { files, textBytes } = writeLibrary(p, libraryFolder);
  console.log(`\nSearch: ${files.length} digests, ${files.length * PER_DAY} articles, ${megabytes(textBytes).toFixed(0)} MB of text (UTF-8)`);
  const table = new Table();
  table.row('figure', 'measured', 'baseline (same run)', 'goal');
  console.log(`  (longest task: the longest step's own time, the smaller of its wall and CPU time, as the extension counts it; its wall time, which a busy machine inflates; the event loop's longest delay)`);
  const queries = typedQueries(p);
  const { heap: baseHeap, stringifyMs, parseMs, jsonBytes } = baseline(files);

  // ---- The index as the extension builds it: lazily, in steps, months written as they fill up. ----
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'digest-search-'));
  const store = async (key: string, bytes: Uint8Array | undefined) => {
    const file = path.join(folder, `${key}.seg`);
    if (bytes) {
      await fs.promises.writeFile(`${file}.tmp`, bytes);
      await fs.promises.rename(`${file}.tmp`, file);
    } else {
      await fs.promises.rm(file, { force: true });
    }
  };
  settle();
  const heap0 = held();
  let index: SegmentedIndex | undefined = new SegmentedIndex(); // what activation holds: nothing indexed
  settle();
  const heapBeforeSearch = held() - heap0;
  const indexing = new Phase();
  const saving = new Phase();
  const save = async (limit = Infinity) => {
    for (const key of index!.changedKeys().slice(0, limit)) {
      await store(key, await saving.run(index!.write(key)));
    }
  };
  // The event loop's delay over the whole build: indexing and the months written as they fill up.
  indexing.start();
  let t = performance.now();
  for (const file of files) {
    const text = await fs.promises.readFile(file.path, 'utf8');
    const digest = indexing.time(() => parseDigest(text));
    await indexing.run(index.addFile({ uri: file.uri, digest, stamp: file.stamp }));
    if (index.buildingArticles > 15_000) {
      await save(1);
    }
  }
  await save();
  const indexLoop = indexing.stop();
  const buildMs = performance.now() - t;
  const storedBytes = fs.readdirSync(folder).reduce((sum, name) => sum + fs.statSync(path.join(folder, name)).size, 0);
  index = undefined;

  // ---- A restart: the first search reads the segments from disk (in steps), then answers. ----
  settle();
  const heapLoad0 = held();
  const loading = new Phase();
  loading.start();
  t = performance.now();
  const loaded = new SegmentedIndex();
  for (const name of fs.readdirSync(folder)) {
    const bytes = new Uint8Array(await fs.promises.readFile(path.join(folder, name)));
    await loading.run(loaded.addStored(name.replace(/\.seg$/, ''), bytes));
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  const firstHits = loaded.search(queries[0].query, LIMIT).length;
  const firstSearchMs = performance.now() - t;
  const loadLoop = loading.stop();
  settle();
  const heapSearching = held() - heapLoad0;

  // ---- Keystrokes: the index, then (its texts loaded only now) a naive scan and the oracle. ----
  const searching = new Phase();
  const latency = (run: (query: string) => number) => {
    const byKind = new Map<string, number[]>();
    const hits: number[] = [];
    for (const { kind, query } of queries) {
      const t0 = performance.now();
      hits.push(run(query));
      const list = byKind.get(kind) ?? [];
      list.push(performance.now() - t0);
      byKind.set(kind, list);
    }
    return { all: [...byKind.values()].flat(), byKind, hits };
  };
  latency((q) => loaded.search(q, LIMIT).length); // warm up
  searching.start();
  const indexed = latency((q) => searching.time(() => loaded.search(q, LIMIT).length));
  const searchLoop = searching.stop();

  // ---- Compaction: a third of the files removed, each month written again without them. ----
  const compacting = new Phase();
  const uris = files.map((file) => file.uri);
  const recallIndex = new SegmentedIndex(); // the index before the removal, for recall below
  for (const name of fs.readdirSync(folder)) {
    drain(recallIndex.addStored(name.replace(/\.seg$/, ''), new Uint8Array(fs.readFileSync(path.join(folder, name)))));
  }
  compacting.start();
  for (const uri of uris.filter((_, i) => i % 3 === 0)) {
    compacting.time(() => loaded.removeFile(uri));
  }
  for (const key of loaded.changedKeys()) {
    await store(key, await compacting.run(loaded.write(key)));
  }
  const compactLoop = compacting.stop();
  fs.rmSync(folder, { recursive: true, force: true });

  const texts: string[] = [];
  const oracle: string[] = [];
  for (const file of files) {
    for (const a of parseDigest(readText(file)).articles) {
      texts.push(fold([a.titles.en, a.titles.de, a.titles.zh, a.authors.join(' '), a.arxivId, a.abstracts.en, a.abstracts.de, a.abstracts.zh].join(' ')));
      oracle.push(oracleText(a));
    }
  }
  const naive = latency((q) => {
    const words = fold(q).split(/\s+/).filter(Boolean);
    let count = 0;
    for (const text of texts) {
      if (words.every((w) => text.includes(w))) {
        count++;
      }
    }
    return count;
  });
  // Recall: every article the oracle finds for a query, the index must find (all hits asked for).
  let misses = 0;
  let missedQueries = 0;
  let oracleFound = 0;
  const ids = new Map<string, number>();
  files.forEach((file, f) => Array.from({ length: PER_DAY }, (_, position) => ids.set(`${file.uri}#${position}`, f * PER_DAY + position)));
  for (const { query } of queries) {
    const found = new Set(recallIndex.search(query, 1_000_000).map((hit) => ids.get(`${hit.file}#${hit.position}`)));
    let missed = 0;
    oracle.forEach((text, id) => {
      if (oracleMatches(text, query)) {
        oracleFound++;
        if (!found.has(id)) {
          missed++;
        }
      }
    });
    misses += missed;
    missedQueries += missed > 0 ? 1 : 0;
  }

  fs.rmSync(libraryFolder, { recursive: true, force: true });

  const longest = (phase: Phase, loop: number) => `${ms(phase.longestCpu)} ms (wall ${ms(phase.longestStep)}${loop > 0 ? `, loop ${ms(loop)}` : ''})`;
  table.row('longest task: index (parse, tokenize)', longest(indexing, 0), 'all at activation', `≤ ${GOAL_MS} ms`);
  table.row('longest task: save (write segments)', longest(saving, 0), `${ms(stringifyMs)} ms JSON.stringify`, `≤ ${GOAL_MS} ms`);
  table.row('  event loop, whole build (index + save)', `longest delay ${ms(indexLoop)} ms`, '', `≤ ${GOAL_MS} ms`);
  table.row('longest task: load (read segments)', longest(loading, loadLoop), `${ms(parseMs)} ms JSON.parse`, `≤ ${GOAL_MS} ms`);
  table.row('longest task: compact (a third removed)', longest(compacting, compactLoop), '', `≤ ${GOAL_MS} ms`);
  table.row('longest task: search (one keystroke)', longest(searching, searchLoop), '', `≤ ${GOAL_MS} ms`);
  table.row('index build, all files (wall, with turns)', `${(buildMs / 1000).toFixed(1)} s`, '', '');
  table.row('stored bytes / text', `${megabytes(storedBytes).toFixed(0)} MB / ${(storedBytes / textBytes).toFixed(2)}×`, `${megabytes(jsonBytes).toFixed(0)} MB / ${(jsonBytes / textBytes).toFixed(2)}× JSON`, '≤ 0.25×');
  table.row('heap before the first search', `${megabytes(Math.max(0, heapBeforeSearch)).toFixed(1)} MB`, `${megabytes(baseHeap).toFixed(0)} MB built eagerly`, 'none');
  table.row('heap while searching / text', `${megabytes(heapSearching).toFixed(0)} MB / ${(heapSearching / textBytes).toFixed(2)}×`, `${(baseHeap / textBytes).toFixed(2)}×`, '≤ 0.30×');
  table.row('first search after a restart (read + answer)', `${ms(firstSearchMs)} ms (${firstHits} hits)`, `${ms(parseMs)} ms JSON.parse alone`, '< 1000 ms');
  for (const [name, run] of [['index', indexed], ['includes scan', naive]] as const) {
    table.row(`per keystroke, median / p95: ${name}`, `${ms(percentile(run.all, 0.5))} / ${ms(percentile(run.all, 0.95))} ms`, '', name === 'index' ? 'p95 < 20 ms' : '');
    for (const [kind, times] of run.byKind) {
      table.row(`  ${kind}`, `${ms(percentile(times, 0.5))} / ${ms(percentile(times, 0.95))} ms`, '', '');
    }
  }
  table.row('recall against the folded scan', `${oracleFound - misses} of ${oracleFound} (${missedQueries} queries miss)`, '', '0 misses');
  table.row('queries with a hit (index / includes)', `${indexed.hits.filter((n) => n > 0).length} / ${naive.hits.filter((n) => n > 0).length} of ${QUERIES}`, '', '');
  table.print([0]);
  console.log('  sample queries:', queries.slice(0, 12).map((q) => JSON.stringify(q.query)).join(' '));
}

void main();
