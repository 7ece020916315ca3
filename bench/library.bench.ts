/**
 * `npm run bench`, third part: the Library on a generated library of 365 days
 * × 2 subjects × 150 articles (about 110,000 articles, ~300 MB) in a temp
 * folder, scanned by the Library's own scanner (src/core/library/scanner.ts)
 * with Node's fs in place of VS Code's. Each figure next to its goal,
 * measured in the same run:
 * - read + decode every file (the baseline: what any indexer must do);
 * - a cold scan (list, stat, head check, read, summarize every file, the
 *   view's grouping on each change event): goal ≤ 2× the baseline;
 * - the newest digest listed from nothing: goal < 1 s;
 * - a warm start from the stored index (read + decode it, stat every file,
 *   compare size and mtime): goal ≤ 0.2× the cold scan;
 * - the longest synchronous task of each phase (scan, warm start, the index
 *   saved and loaded), from perf_hooks.monitorEventLoopDelay: goal ≤ 50 ms
 *   (next to 0.5.0's one-step JSON save and load of the same index);
 * - the heap the Library holds for the year (its summaries), against the text.
 * The temp folder is deleted at the end. Asserts nothing about time.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { CandidateRules, summarizeDigest, decodeLibraryCache, DEFAULT_INCLUDES, encodeLibraryCache, groupBySubject, HEAD_BYTES, LibraryScanner, readLibraryCache, Slicer, writeLibraryCache, type CacheEntry, type FileStamp, type ScanHost, type ScanReport } from '../src/core/library';
import { generateDigest } from '../test/support/generate';
import { hugeDigests } from './hugeDigests';
import { megabytes, ms, requireGc, Table } from './measure';

const DAYS = Number(process.env.DAYS ?? 365);
const SUBJECTS = ['cs.DC', 'cs.LG'];
const ARTICLES = 150;
/** Distinct generated days per subject; the other days reuse their text under their own header (generation stays fast). */
const TEMPLATES = 8;
const RUNS = 3;
const LONG_TASK_GOAL_MS = 50;

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

/** What VS Code does for the Library (findFiles, stat, reads), done with Node's fs. */
function nodeHost(folder: string): ScanHost<string> {
  const rules = new CandidateRules(DEFAULT_INCLUDES, ['**/.git', '**/node_modules']);
  return {
    list: async () => {
      // As src/library/candidates.ts does: the globs matched a slice at a time.
      const slicer = new Slicer();
      const names: string[] = [];
      for (const name of await fs.promises.readdir(folder, { recursive: true })) {
        if (rules.accepts(name.split(path.sep).join('/'))) {
          names.push(name);
        }
        await slicer.tick();
      }
      const files: FileStamp<string>[] = [];
      for (let i = 0; i < names.length; i += 64) {
        files.push(...(await Promise.all(names.slice(i, i + 64).map(async (name) => {
          const file = path.join(folder, name);
          const stat = await fs.promises.stat(file);
          return { file, key: `file://${file}`, size: stat.size, mtime: stat.mtimeMs };
        }))));
      }
      return files;
    },
    readHead: async (file, bytes) => {
      const handle = await fs.promises.open(file, 'r');
      try {
        const buffer = new Uint8Array(bytes);
        const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
        return { head: buffer.subarray(0, bytesRead) };
      } finally {
        await handle.close();
      }
    },
    readWhole: (file) => fs.promises.readFile(file),
    fileOf: (key) => key.slice('file://'.length),
  };
}

/** A scanner as the extension has it: the view regroups its rows on change events, at most every 250 ms. */
function libraryScanner(folder: string, onFirst?: (summary: string) => void): LibraryScanner<string> {
  let last = 0;
  const scanner: LibraryScanner<string> = new LibraryScanner(nodeHost(folder), {
    read: () => undefined,
    removed: () => undefined,
    unreadable: () => undefined,
    changed: (now) => {
      if (now || performance.now() - last > 250) {
        last = performance.now();
        const groups = groupBySubject(scanner.digests(), (known) => known.summary!, (known) => known.key);
        if (onFirst && groups.length > 0) {
          onFirst(`${groups[0].subject} ${groups[0].items[0].summary!.date}`);
        }
      }
    },
    progress: () => undefined,
  });
  return scanner;
}

async function readAll(files: readonly string[]): Promise<number> {
  let chars = 0;
  for (const file of files) {
    chars += new TextDecoder().decode(await fs.promises.readFile(file)).length;
  }
  return chars;
}

const never = { isCancellationRequested: false };

/** Runs `work` with the event loop watched: its time and the longest time the loop was held (≈ the longest synchronous task). */
async function watched<T>(work: () => Promise<T>): Promise<{ ms: number; longestMs: number; value: T }> {
  gc();
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  const t0 = performance.now();
  const value = await work();
  const elapsed = performance.now() - t0;
  // One more turn, so a block at the very end is recorded too.
  await new Promise((resolve) => setTimeout(resolve, 5));
  histogram.disable();
  return { ms: elapsed, longestMs: histogram.max / 1e6, value };
}

/** A synchronous step's own time (it blocks the loop for all of it). */
function blocking<T>(work: () => T): { ms: number; value: T } {
  gc();
  const t0 = performance.now();
  const value = work();
  return { ms: performance.now() - t0, value };
}

function median<T extends { ms: number }>(results: T[]): T {
  return [...results].sort((a, b) => a.ms - b.ms)[Math.floor(results.length / 2)];
}

/** A warm start as a new window does it: the stored index read and decoded, restored, then every file stat'ed. */
async function warmStart(folder: string, cacheFile: string): Promise<ScanReport> {
  const scanner = libraryScanner(folder);
  const loaded = await readLibraryCache(new TextDecoder().decode(await fs.promises.readFile(cacheFile)), new Slicer());
  await scanner.restore(loaded.entries);
  return scanner.scan(never);
}

async function main(): Promise<void> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'digest-library-bench-'));
  try {
    const generation = performance.now();
    const { files, bytes } = writeLibrary(folder);
    console.log(`\nLibrary: ${files.length} files (${DAYS} days × ${SUBJECTS.length} subjects × ${ARTICLES} articles = ${DAYS * SUBJECTS.length * ARTICLES} articles), ${megabytes(bytes).toFixed(0)} MB, written in ${ms(performance.now() - generation)} ms`);

    await readAll(files); // the OS cache holds the files for every figure alike
    // Interleaved, so that both see the same load of a shared machine; the median pair by ratio.
    const pairs: { baseline: { ms: number }; cold: { ms: number; longestMs: number; value: { report: ScanReport; entries: CacheEntry[] } } }[] = [];
    for (let run = 0; run < RUNS; run++) {
      const baseline = await watched(() => readAll(files));
      const cold = await watched(async () => {
        const scanner = libraryScanner(folder);
        return { report: await scanner.scan(never), entries: scanner.cacheEntries() };
      });
      pairs.push({ baseline, cold });
    }
    pairs.sort((a, b) => a.cold.ms / a.baseline.ms - b.cold.ms / b.baseline.ms);
    const { baseline, cold } = pairs[Math.floor(pairs.length / 2)];
    const coldLongest = Math.max(...pairs.map((pair) => pair.cold.longestMs));
    const entries = cold.value.entries;

    // The newest digest listed, from nothing: the scan reads newest first; the time to its first change event with a digest.
    const firsts = [];
    for (let run = 0; run < RUNS; run++) {
      let listed: { ms: number; what: string } | undefined;
      const t0 = performance.now();
      const scanner = libraryScanner(folder, (what) => (listed ??= { ms: performance.now() - t0, what }));
      await scanner.scan(never);
      firsts.push(listed ?? { ms: Number.NaN, what: 'none' });
    }
    const first = median(firsts);

    // Saving and loading as the Library does (an entry per line, in slices), and as 0.5.0 did (one JSON object, one step).
    const saves = [];
    const loads = [];
    for (let run = 0; run < RUNS; run++) {
      saves.push(await watched(() => writeLibraryCache(entries, new Slicer())));
    }
    const save = median(saves);
    const stored = save.value;
    const cacheFile = path.join(folder, 'library-index.json');
    fs.writeFileSync(cacheFile, stored);
    for (let run = 0; run < RUNS; run++) {
      loads.push(await watched(() => readLibraryCache(stored, new Slicer())));
    }
    const load = median(loads);
    const oldStored = JSON.stringify(encodeLibraryCache(entries));
    const oldSave = median(Array.from({ length: RUNS }, () => blocking(() => JSON.stringify(encodeLibraryCache(entries)))));
    const oldLoad = median(Array.from({ length: RUNS }, () => blocking(() => decodeLibraryCache(oldStored))));
    const warms = [];
    for (let run = 0; run < RUNS; run++) {
      warms.push(await watched(() => warmStart(folder, cacheFile)));
    }
    const warm = median(warms);
    const warmLongest = Math.max(...warms.map((w) => w.longestMs));

    // The heap the Library holds for the year: a scanner restored from the index, the decoded text dropped.
    // The generated days repeat 8 texts, so their ids repeat (and JSON.parse shares equal strings): each key is made distinct first.
    let n = 0;
    const distinct = entries.map((entry) => ({ ...entry, summary: entry.summary && { ...entry.summary, keys: entry.summary.keys.map(() => `25${String(1 + (n % 12)).padStart(2, '0')}.${10000 + Math.floor(n++ / 12)}`) } }));
    const distinctStored = JSON.stringify(encodeLibraryCache(distinct));
    gc();
    gc();
    const heapBefore = process.memoryUsage().heapUsed;
    let held: LibraryScanner<string> | undefined = libraryScanner(folder);
    await held.restore(decodeLibraryCache(distinctStored).entries);
    gc();
    gc();
    const heap = process.memoryUsage().heapUsed - heapBefore;
    const heldDigests = held.digests().length;
    held = undefined;

    const digests = entries.filter((entry) => entry.summary).length;
    const articles = entries.reduce((sum, entry) => sum + (entry.summary?.articleCount ?? 0), 0);
    const verdict = (value: number) => (value <= LONG_TASK_GOAL_MS ? 'met' : 'NOT met');

    const table = new Table();
    table.row('figure', 'ms', 'goal', 'ratio', 'note');
    table.row('read + decode all (baseline)', ms(baseline.ms), '', '1.00×', `${(megabytes(bytes) / (baseline.ms / 1000)).toFixed(0)} MB/s`);
    table.row('cold scan (list, stat, head check, read, summarize)', ms(cold.ms), '≤ 2× baseline', `${(cold.ms / baseline.ms).toFixed(2)}×`, `${digests} digests, ${articles} articles`);
    table.row('newest digest listed, from nothing', ms(first.ms), '< 1000 ms', `${(first.ms / 1000).toFixed(3)} s`, first.what);
    table.row('warm start from the stored index', ms(warm.ms), '≤ 0.2× cold', `${(warm.ms / cold.ms).toFixed(2)}×`, `${warm.value.read} read; index ${megabytes(Buffer.byteLength(stored)).toFixed(1)} MB`);
    table.print([0, 4]);

    console.log(`\nLongest synchronous task on the thread (perf_hooks.monitorEventLoopDelay, 1 ms resolution; worst of ${RUNS} runs), goal ≤ ${LONG_TASK_GOAL_MS} ms:`);
    table.row('phase', 'longest ms', 'goal', 'verdict', 'note');
    table.row('scan, cold (110,000 articles)', ms(coldLongest), `≤ ${LONG_TASK_GOAL_MS}`, verdict(coldLongest), 'slices of 12 ms, then a yield');
    table.row('scan, warm (stored index restored, stat all)', ms(warmLongest), `≤ ${LONG_TASK_GOAL_MS}`, verdict(warmLongest), 'includes decoding the stored index');
    table.row('save the index (an entry per line, sliced)', ms(Math.max(...saves.map((run) => run.longestMs))), `≤ ${LONG_TASK_GOAL_MS}`, verdict(Math.max(...saves.map((run) => run.longestMs))), `${ms(save.ms)} ms in all; 0.5.0's one JSON.stringify: ${ms(oldSave.ms)} ms in one step`);
    table.row('load the index (parse + validate, sliced)', ms(Math.max(...loads.map((run) => run.longestMs))), `≤ ${LONG_TASK_GOAL_MS}`, verdict(Math.max(...loads.map((run) => run.longestMs))), `${ms(load.ms)} ms in all; 0.5.0's one JSON.parse + validate: ${ms(oldLoad.ms)} ms in one step`);
    table.print([0, 4]);

    console.log(`\nHeap the Library holds for ${heldDigests} digests (${articles} article keys): ${megabytes(heap).toFixed(1)} MB, ${(heap / bytes).toFixed(3)}× the ${megabytes(bytes).toFixed(0)} MB of text (${(heap / articles).toFixed(0)} bytes per article); head reads of ${HEAD_BYTES} bytes.`);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * Huge single digests (one day of 20,000 articles; 120 days in one file)
 * scanned by the Library's scanner: read, decoded in pages and summarized in
 * steps. The event loop's longest delay over the scan, next to what the one
 * step of decode and summary held it for before, and the 50 ms goal.
 */
async function hugeDigestFigures(): Promise<void> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'digest-huge-bench-'));
  try {
    console.log('\nLibrary: a huge single digest scanned (the event loop\'s longest delay over the scan, worst of 3; a busy machine inflates it):');
    const table = new Table();
    table.row('digest', 'MB', 'scan ms', 'longest ms', 'one step before', 'goal', 'summary');
    for (const { name, bytes, articles } of hugeDigests()) {
      const sub = fs.mkdtempSync(path.join(folder, 'd-'));
      fs.writeFileSync(path.join(sub, 'cs.DC-huge.txt'), bytes);
      const before = blocking(() => summarizeDigest(new TextDecoder().decode(bytes)));
      const runs = [];
      for (let run = 0; run < RUNS; run++) {
        runs.push(await watched(async () => {
          const scanner = libraryScanner(sub);
          await scanner.scan(never);
          return scanner.digests()[0]?.summary;
        }));
      }
      const longest = Math.max(...runs.map((run) => run.longestMs));
      const summary = median(runs).value;
      const agrees = summary?.articleCount === articles && summary.keys.length === articles && JSON.stringify(summary) === JSON.stringify(before.value);
      table.row(name, megabytes(bytes.byteLength).toFixed(0), ms(median(runs).ms), ms(longest), `${ms(before.ms)} ms`, `≤ ${LONG_TASK_GOAL_MS}: ${longest <= LONG_TASK_GOAL_MS ? 'met' : 'NOT met'}`, `${summary?.articleCount} articles, ${summary?.dates.length} days${agrees ? ', as one call reads it' : ', DIFFERS from one call'}`);
    }
    table.print([0, 6]);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

void main().then(hugeDigestFigures);
