/**
 * `npm run bench`, third part: the Library on a generated library of 365 days
 * × 2 subjects × 150 articles (about 110,000 articles, ~300 MB) in a temp
 * folder. Each figure next to its goal, measured in the same run:
 * - read + decode every file (the baseline: what any indexer must do);
 * - index every file as the Library does (head check on the first 4 KB,
 *   read, decode, summarize): goal ≤ 2× the baseline;
 * - the newest digest listed from nothing (list the folder, stat, sort by
 *   mtime, head-check and summarize the newest): goal < 1 s;
 * - a warm start from the stored index (read + decode the index, stat every
 *   file, compare size and mtime): goal ≤ 0.2× the cold index.
 * The temp folder is deleted at the end. Asserts nothing about time.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { decodeLibraryCache, encodeLibraryCache, HEAD_BYTES, looksLikeDigest, summarizeDigest, type CacheEntry } from '../src/core/library';
import { generateDigest } from '../test/support/generate';
import { megabytes, ms, requireGc, Table } from './measure';

const DAYS = 365;
const SUBJECTS = ['cs.DC', 'cs.LG'];
const ARTICLES = 150;
/** Distinct generated days per subject; the other days reuse their text under their own header (generation stays fast). */
const TEMPLATES = 8;
const RUNS = 3;

const gc = requireGc();

function isoDay(offset: number): string {
  return new Date(Date.UTC(2025, 5, 1) - offset * 86_400_000).toISOString().slice(0, 10);
}

/** Writes the library; returns its files, newest first by mtime. */
function writeLibrary(folder: string): { files: string[]; bytes: number } {
  const files: string[] = [];
  let bytes = 0;
  const now = Date.now() / 1000;
  SUBJECTS.forEach((subject, s) => {
    const templates = Array.from({ length: TEMPLATES }, (_, t) => generateDigest(ARTICLES, { seed: 1 + t + s * TEMPLATES }).text.replace(/^cs\.DC @ 2025-06-01: /, ''));
    const dir = path.join(folder, subject);
    fs.mkdirSync(dir, { recursive: true });
    for (let day = 0; day < DAYS; day++) {
      const date = isoDay(day);
      const file = path.join(dir, `${subject}-${date}.txt`);
      const text = `${subject} @ ${date}: ${templates[day % TEMPLATES]}`;
      fs.writeFileSync(file, text);
      // The newest date is the newest file, as a pipeline writes them.
      fs.utimesSync(file, now - day * 86_400, now - day * 86_400);
      bytes += Buffer.byteLength(text);
      files.push(file);
    }
  });
  // A few files that are no digest, as a real folder has.
  fs.writeFileSync(path.join(folder, 'README.md'), '# My digests\n');
  fs.writeFileSync(path.join(folder, 'notes.txt'), 'Read later.\n');
  return { files: [...files, path.join(folder, 'README.md'), path.join(folder, 'notes.txt')], bytes };
}

async function readHead(file: string): Promise<string> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const buffer = new Uint8Array(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return new TextDecoder().decode(buffer.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

async function readAll(files: readonly string[]): Promise<number> {
  let chars = 0;
  for (const file of files) {
    chars += new TextDecoder().decode(await fs.promises.readFile(file)).length;
  }
  return chars;
}

/** What the Library does for each file of a cold start. */
async function indexAll(files: readonly string[]): Promise<CacheEntry[]> {
  const entries: CacheEntry[] = [];
  for (const file of files) {
    const stat = await fs.promises.stat(file);
    let summary = null;
    if (looksLikeDigest(await readHead(file))) {
      summary = summarizeDigest(new TextDecoder().decode(await fs.promises.readFile(file))) ?? null;
    }
    entries.push({ uri: `file://${file}`, size: stat.size, mtime: stat.mtimeMs, summary });
  }
  return entries;
}

/** From nothing to the newest digest's summary: list, stat, sort, then the newest file only. */
async function newestListed(folder: string): Promise<string> {
  const names = await fs.promises.readdir(folder, { recursive: true });
  const candidates = names.filter((name) => name.endsWith('.txt') || name.endsWith('.md')).map((name) => path.join(folder, name));
  const stats = await Promise.all(candidates.map(async (file) => ({ file, mtime: (await fs.promises.stat(file)).mtimeMs })));
  stats.sort((a, b) => b.mtime - a.mtime);
  for (const { file } of stats) {
    if (looksLikeDigest(await readHead(file))) {
      const summary = summarizeDigest(new TextDecoder().decode(await fs.promises.readFile(file)));
      if (summary) {
        return `${summary.subject} ${summary.date}`;
      }
    }
  }
  return 'none';
}

/** A warm start: the stored index, then a stat per file to see what changed. */
async function warmStart(cacheFile: string, files: readonly string[]): Promise<number> {
  const loaded = decodeLibraryCache(new TextDecoder().decode(await fs.promises.readFile(cacheFile)));
  const byUri = new Map(loaded.entries.map((entry) => [entry.uri, entry]));
  let changed = 0;
  for (const file of files) {
    const stat = await fs.promises.stat(file);
    const entry = byUri.get(`file://${file}`);
    if (!entry || entry.size !== stat.size || entry.mtime !== stat.mtimeMs) {
      changed++;
    }
  }
  return changed;
}

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  gc();
  const t0 = performance.now();
  const value = await run();
  return { ms: performance.now() - t0, value };
}

async function medianOf<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const results = [];
  for (let i = 0; i < RUNS; i++) {
    results.push(await timed(run));
  }
  results.sort((a, b) => a.ms - b.ms);
  return results[Math.floor(results.length / 2)];
}

async function main(): Promise<void> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'digest-library-bench-'));
  try {
    const generation = performance.now();
    const { files, bytes } = writeLibrary(folder);
    console.log(`\nLibrary: ${files.length} files (${DAYS} days × ${SUBJECTS.length} subjects × ${ARTICLES} articles = ${DAYS * SUBJECTS.length * ARTICLES} articles), ${megabytes(bytes).toFixed(0)} MB, written in ${ms(performance.now() - generation)} ms`);
    const newestFirst = files; // written newest first per subject; the Library sorts by mtime, as newestListed does

    await readAll(newestFirst); // the OS cache holds the files for every figure alike
    // Interleaved, so that both see the same load of a shared machine; the median pair by ratio.
    const pairs: { baseline: { ms: number }; cold: { ms: number; value: CacheEntry[] } }[] = [];
    for (let run = 0; run < RUNS; run++) {
      pairs.push({ baseline: await timed(() => readAll(newestFirst)), cold: await timed(() => indexAll(newestFirst)) });
    }
    pairs.sort((a, b) => a.cold.ms / a.baseline.ms - b.cold.ms / b.baseline.ms);
    const { baseline, cold } = pairs[Math.floor(pairs.length / 2)];
    const summarizeOnly = await medianOf(async () => {
      let spent = 0;
      for (const file of newestFirst.slice(0, 100)) {
        const text = new TextDecoder().decode(await fs.promises.readFile(file));
        const t0 = performance.now();
        summarizeDigest(text);
        spent += performance.now() - t0;
      }
      return spent;
    });
    const first = await medianOf(() => newestListed(folder));
    const cacheFile = path.join(folder, 'library-index.json');
    fs.writeFileSync(cacheFile, JSON.stringify(encodeLibraryCache(cold.value)));
    const warm = await medianOf(() => warmStart(cacheFile, newestFirst));
    const digests = cold.value.filter((entry) => entry.summary).length;
    const articles = cold.value.reduce((sum, entry) => sum + (entry.summary?.articleCount ?? 0), 0);

    const table = new Table();
    table.row('figure', 'ms', 'goal', 'ratio', 'note');
    table.row('read + decode all (baseline)', ms(baseline.ms), '', '1.00×', `${(megabytes(bytes) / (baseline.ms / 1000)).toFixed(0)} MB/s`);
    table.row('index all (head check + read + summarize)', ms(cold.ms), '≤ 2× baseline', `${(cold.ms / baseline.ms).toFixed(2)}×`, `${digests} digests, ${articles} articles`);
    table.row('  of which summarizing (CPU, from 100 files)', ms((summarizeOnly.value * newestFirst.length) / 100), '', `${((summarizeOnly.value * newestFirst.length) / 100 / baseline.ms).toFixed(2)}×`, 'the rest: stat, head read, second open');
    table.row('newest digest listed, from nothing', ms(first.ms), '< 1000 ms', `${(first.ms / 1000).toFixed(3)} s`, first.value);
    table.row('warm start from the stored index', ms(warm.ms), '≤ 0.2× cold', `${(warm.ms / cold.ms).toFixed(2)}×`, `${warm.value} changed; index ${megabytes(fs.statSync(cacheFile).size).toFixed(1)} MB`);
    table.print([0, 4]);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

void main();
