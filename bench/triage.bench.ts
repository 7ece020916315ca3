/**
 * `npm run bench`, second part: triage with a large reading state. For a
 * generated 2,000-article digest and a state of 100,000 read ids and 1,000
 * stars: the tree's rows with read/star state, unread counts per date,
 * marking one article, hiding read articles, next unread, and the stored
 * state's size and encode/decode time. Each figure is printed next to the
 * parse time of the same digest, measured in the same run; marking one
 * article also next to rebuilding every row. Asserts nothing about time.
 */
import {
  decodeReadingState, encodeReadingState, groupByDate, nextUnread, parseDigest, ReadingState, triageOf, unreadCounts,
  type Article, type Digest, type StarredArticle,
} from '../src/core';
import { generateDigest, random } from '../test/support/generate';
import { median, medianWithSetup, megabytes, ms, perCall, requireGc, Table } from './measure';

const ARTICLES = 2_000;
const READ_IDS = 100_000;
const STARS = 1_000;
/** Months of the read ids that are not in the digest: 2401–2612, new-style ids (`2403.01234`). */
const MONTHS = [24, 25, 26].flatMap((year) => Array.from({ length: 12 }, (_, m) => `${year}${String(m + 1).padStart(2, '0')}`));
/** Articles marked per timed run when measuring one marking (each run starts from the same state). */
const MARKS = 100;

const gc = requireGc();

/** What the Articles view needs for one article's row. */
interface Row {
  key: string;
  read: boolean;
  starred: boolean;
}

function rowOf(key: string, state: ReadingState): Row {
  return { key, read: state.isRead(key), starred: state.isStarred(key) };
}

/** Every article's row in reading order: what the Articles view computes when it builds all rows. */
function allRows(digest: Digest, state: ReadingState): Row[] {
  const { order, keys } = triageOf(digest);
  return order.map((article) => rowOf(keys.get(article) ?? '', state));
}

/** The star as the extension stores it: real titles, authors and abstracts from the digest. */
function starOf(digest: Digest, article: Article, key: string, starredAt: number): StarredArticle {
  return {
    key, starredAt, kind: 'arxiv', subject: digest.subject, digestDate: digest.date, index: article.index, date: article.date,
    arxivId: article.arxivId, sourceLanguage: article.sourceLanguage, titles: article.titles, authors: article.authors, abstracts: article.abstracts,
  };
}

/** 100,000 read ids: about half of the digest's articles, the rest new-style ids of 2401–2612; 1,000 of the digest's articles starred. */
function makeState(digest: Digest): { read: string[]; stars: StarredArticle[] } {
  const next = random(11);
  const { keys } = triageOf(digest);
  const read = new Set<string>();
  for (const article of digest.articles) {
    if (next() < 0.5) {
      read.add(keys.get(article) ?? '');
    }
  }
  while (read.size < READ_IDS) {
    const month = MONTHS[Math.floor(next() * MONTHS.length)];
    read.add(`${month}.${String(Math.floor(next() * 30_000)).padStart(5, '0')}`);
  }
  const shuffled = [...digest.articles];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
  }
  // Generated ids may repeat (as a paper listed twice would): one star per key.
  const starred = new Map<string, Article>();
  for (const article of shuffled) {
    if (starred.size < STARS && !starred.has(keys.get(article) ?? '')) {
      starred.set(keys.get(article) ?? '', article);
    }
  }
  const stars = [...starred].map(([key, article], i) => starOf(digest, article, key, Date.UTC(2025, 5, 1) + i * 60_000));
  return { read: [...read], stars };
}

function bytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value));
}

/** A state holding `read` and `stars` (as an import merges them). */
function filled(read: readonly string[], stars: readonly StarredArticle[]): ReadingState {
  const state = new ReadingState('bench');
  state.merge(read, stars);
  return state;
}

function main(): void {
  const text = generateDigest(ARTICLES, { seed: 7 }).text;
  const digest = parseDigest(text);
  if (digest.articles.length !== ARTICLES) {
    throw new Error(`expected ${ARTICLES} articles, parsed ${digest.articles.length}`);
  }
  const { order, keys } = triageOf(digest);
  const { read, stars } = makeState(digest);
  let state = filled(read, stars);
  const isRead = (key: string): boolean => state.isRead(key);
  const counts = unreadCounts(digest, isRead);
  console.log(`\nTriage: generated ${ARTICLES.toLocaleString('en')}-article digest (${megabytes(Buffer.byteLength(text)).toFixed(1)} MB, ${counts.byDate.size} dates), ` +
    `state of ${state.readCount.toLocaleString('en')} read ids (${(counts.total - counts.unread).toLocaleString('en')} of the digest's articles) and ${state.starred().length.toLocaleString('en')} stars:`);

  const table = new Table();
  table.row('', 'ms', '× parse', 'goal (the issue: "fast")');
  gc();
  const parse = median(() => parseDigest(text));
  const add = (label: string, time: number, goal = 'fast'): void => {
    table.row(label, ms(time), (time / parse).toPrecision(2), goal);
  };
  table.row('parse the digest (baseline)', ms(parse), '1.0', '');

  // Each run gets a fresh parse (triageOf keeps one per parse), collected before the clock starts.
  const freshParse = (): Digest => {
    const fresh = parseDigest(text);
    gc();
    return fresh;
  };
  const rows = medianWithSetup(freshParse, (fresh) => allRows(fresh, state));
  const triage = medianWithSetup(freshParse, (fresh) => triageOf(fresh));
  const cachedRows = perCall(() => allRows(digest, state), 10);
  add(`tree: all ${ARTICLES.toLocaleString('en')} rows with state, fresh parse`, rows);
  add('  of which triageOf (order, keys)', triage);
  add('  rows again, triage cached', cachedRows);
  add('unread counts per date', perCall(() => unreadCounts(digest, isRead), 10));

  // One marking: what the tree does to update that row and its date's count.
  const byDate = new Map(groupByDate(digest.articles).map((group) => [group.date, group.articles]));
  const toMark = order.filter((article) => !isRead(keys.get(article) ?? '')).slice(0, MARKS);
  let sink = 0;
  const mark = medianWithSetup(() => {
    state = filled(read, stars);
    gc();
  }, () => {
    for (const article of toMark) {
      const key = keys.get(article) ?? '';
      state.setRead([key], true, 'Marked read');
      sink += rowOf(key, state).read ? 1 : 0;
      for (const other of byDate.get(article.date) ?? []) {
        sink += isRead(keys.get(other) ?? '') ? 0 : 1;
      }
    }
  }) / toMark.length;
  state = filled(read, stars);
  add('mark one read: its row + its date\'s count', mark, `update that node: 1/${Math.round(rows / mark).toLocaleString('en')} of all rows`);

  const selected = order[ARTICLES / 2];
  add('hide read articles (filter reading order)', perCall(() => order.filter((article) => article === selected || !isRead(keys.get(article) ?? '')), 10));
  add('next unread from the start', perCall(() => nextUnread(digest, undefined, isRead), 1000));
  add('next unread from the middle', perCall(() => nextUnread(digest, selected, isRead), 100));
  const done = filled([...read, ...keys.values()], []);
  add('next unread, all read (a full round)', perCall(() => nextUnread(digest, selected, (key) => done.isRead(key)), 10));

  gc();
  const encode = median(() => encodeReadingState(state.readKeysSnapshot(), state.starred()));
  const stored = encodeReadingState(state.readKeysSnapshot(), state.starred());
  const json = JSON.stringify(stored);
  const value: unknown = JSON.parse(json);
  gc();
  const decode = median(() => decodeReadingState(value));
  const decoded = decodeReadingState(value);
  if (decoded.read.length !== READ_IDS || decoded.starred.length !== STARS || decoded.problems.length > 0) {
    throw new Error(`decoded ${decoded.read.length} read ids and ${decoded.starred.length} stars: ${decoded.problems.join(' ')}`);
  }
  add('stored state: encode (from the state)', encode);
  add('stored state: decode (parsed JSON value)', decode);
  add('  JSON.stringify + JSON.parse of it', median(() => JSON.parse(JSON.stringify(stored))), 'not ours: storage');
  gc();
  add('  load the decoded state (as an import merges it)', median(() => filled(decoded.read, decoded.starred)));
  add('parse again (drift within this run)', median(() => parseDigest(text)), '');
  table.print([0, 3]);
  if (sink < 0) {
    console.log(sink);
  }

  const total = Buffer.byteLength(json);
  const readBytes = bytes(stored.read);
  const plain = bytes(read);
  const starBytes = bytes(stored.starred);
  const content = stars.reduce((sum, star) => sum + bytes([star.titles, star.authors, star.abstracts]), 0);
  console.log(`\nExported state (the 0.5.0 stored format, now the export file; the issue: "small"): ${(total / 1024).toFixed(0)} KB in all (${(total / Buffer.byteLength(text)).toFixed(2)}× the digest's text).`);
  console.log(`  read ids: ${(readBytes / 1024).toFixed(0)} KB = ${(readBytes / READ_IDS).toFixed(2)} bytes per read id ` +
    `(as a plain JSON list of ids: ${(plain / READ_IDS).toFixed(2)} bytes per id, ${(plain / readBytes).toFixed(1)}× more)`);
  console.log(`  stars: ${(starBytes / 1024).toFixed(0)} KB = ${(starBytes / STARS).toFixed(0)} bytes per star ` +
    `(of which ${(content / STARS).toFixed(0)} bytes its titles, authors and abstracts)`);
  console.log('\nGoals: the issue says "fast" and "small" without numbers; times are shown against the parse of the same digest, ' +
    'marking one article against rebuilding all rows, and the read ids in bytes per id.');
}

main();
