/**
 * `npm run bench`: parser speed and model memory, each against a baseline
 * measured in the same run (a bare `text.split('\n')` on the same text, and
 * the text's own size). Prints numbers; asserts nothing about time.
 */
import { groupByDate, parseDigest, type Digest } from '../src/core';
import { generateDigest } from '../test/support/generate';
import { readFixture } from '../test/support/fixtures';
import { median, medianAgainst, megabytes, requireGc, Table } from './measure';

const gc = requireGc();
const table = new Table();

/** The goal: one parse costs at most this many bare `split('\n')`s of the same text. */
const GOAL = 3;

function measureSpeed(name: string, text: string): void {
  const bytes = Buffer.byteLength(text);
  let articles = 0;
  const { run: parse, baseline: split, ratio } = medianAgainst(() => {
    articles = parseDigest(text).articles.length;
  }, () => text.split('\n').length);
  const verdict = ratio <= GOAL ? 'met' : 'NOT met';
  table.row(name, articles, megabytes(bytes), parse, megabytes(bytes) / (parse / 1000), split, `${ratio.toFixed(2)}×`, `≤ ${GOAL}×: ${verdict}`);
}

/** Heap retained by `copies` parsed models of `text` (the text itself already in memory), per model. */
function measureHeap(text: string, copies: number): { model: number; ratio: number } {
  gc();
  gc();
  const before = process.memoryUsage().heapUsed;
  let models: Digest[] | undefined = Array.from({ length: copies }, () => parseDigest(text));
  gc();
  gc();
  const after = process.memoryUsage().heapUsed;
  const model = (after - before) / copies;
  if (models.some((digest) => digest.articles.length === 0)) {
    throw new Error('no articles');
  }
  models = undefined;
  return { model, ratio: model / Buffer.byteLength(text) };
}

/** Heap retained by a model when the caller has dropped the text (slices of it stay alive), per model. */
function measureStandalone(bytes: Buffer, copies: number): number {
  gc();
  gc();
  const before = process.memoryUsage().heapUsed;
  let models: Digest[] | undefined = Array.from({ length: copies }, () => parseDigest(bytes.toString('utf8')));
  gc();
  gc();
  const after = process.memoryUsage().heapUsed;
  if (models.length !== copies) {
    throw new Error('unreachable');
  }
  models = undefined;
  return (after - before) / copies / bytes.length;
}

function main(): void {
  console.log(`Node ${process.version}, ${new Date().toISOString()}`);
  const fixture = readFixture();
  const large = generateDigest(20_000, { seed: 7 }).text;

  console.log('Parse against a bare split of the same text, run in turns (parse/split: median of the ratio per turn):');
  table.row('digest', 'articles', 'MB', 'parse ms', 'MB/s', 'split ms', 'parse/split', 'goal');
  measureSpeed('fixture cs.DC', fixture);
  measureSpeed('generated 20,000', large);
  table.print();

  console.log('\nModel heap (retained after parse, text already in memory; fixture: mean of 50 models) against text size (UTF-8 bytes):');
  for (const [name, text, copies] of [['fixture cs.DC', fixture, 50], ['generated 20,000', large, 1]] as const) {
    const { model, ratio } = measureHeap(text, copies);
    const standalone = measureStandalone(Buffer.from(text, 'utf8'), copies);
    console.log(`  ${name}: text ${megabytes(Buffer.byteLength(text)).toFixed(1)} MB, model ${megabytes(model).toFixed(1)} MB, ratio ${ratio.toFixed(2)}× (target ≤ 3×); with the text it keeps alive once the caller drops it: ${standalone.toFixed(2)}×`);
  }

  console.log('\nTime per article as the digest grows (flat means linear):');
  table.row('articles', 'MB', 'parse ms', 'µs/article', 'split ms', 'parse/split');
  let first: number | undefined;
  for (const count of [100, 2_000, 20_000]) {
    const text = count === 20_000 ? large : generateDigest(count, { seed: 7 }).text;
    const { run: parse, baseline: split, ratio } = medianAgainst(() => parseDigest(text).articles.length, () => text.split('\n').length, 1500);
    const perArticle = (parse * 1000) / count;
    first ??= perArticle;
    table.row(count, megabytes(Buffer.byteLength(text)), parse, `${perArticle.toFixed(2)} (${(perArticle / first).toFixed(2)}× of 100)`, split, `${ratio.toFixed(2)}×`);
  }
  table.print();
  // Opening a digest, the extension's own part: the bytes decoded, parsed, grouped by date as the Articles view shows them.
  // The rest of the < 1 s (VS Code opening the editor, the language switch, the tree's refresh and drawing) is measured in code-server (README, Tests).
  const bytes = Buffer.from(fixture, 'utf8');
  const open = median(() => groupByDate(parseDigest(new TextDecoder().decode(bytes)).articles).length);
  const openLarge = median(() => groupByDate(parseDigest(large).articles).length, 3000, 3);
  console.log(`\nOpening a digest, the extension's part (decode, parse, group by date): the sample ${open.toFixed(2)} ms, 20,000 articles ${openLarge.toFixed(0)} ms; goal for the whole open (to rows in the Articles view): < 1000 ms.`);
  console.log('\nTargets: parse/split ≤ 3×, model heap ≤ 3× text size, µs/article flat.');
}

main();
