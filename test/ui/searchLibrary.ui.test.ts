/// <reference lib="dom" />
/**
 * Search All Digests on a library of half a year (2 subjects × 182 days ×
 * 150 articles = 54,600 articles, ~100 MB), in code-server 1.100: it answers
 * while the library is being indexed and right after a window reload (from
 * the stored segments), and nothing of ours held the extension host for more
 * than 50 ms (the index logs `[Digest Reader] long task: …` when a step of
 * its work does; VS Code logs an unresponsive extension host as
 * "Extension host … is unresponsive"): neither may appear in the extension
 * host's logs, the output channel's log or the page's console.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ConsoleMessage } from 'playwright-core';
import { generateDigest } from '../support/generate';
import { journey, type Journey } from './journey';

const DAYS = 182;
const SUBJECTS = ['cs.DC', 'cs.LG'];
const ARTICLES = 150;
const FOLDER = 'halfyear';

/**
 * Writes the half-year library (every file its own articles and ids), once; answers its file count. Written in
 * the order the Library lists them (cs.DC newest first, then cs.LG): the newest file is the Library's last row.
 */
function writeHalfYear(workspace: string): number {
  const folder = path.join(workspace, FOLDER);
  if (fs.existsSync(folder)) {
    return fs.readdirSync(folder).length;
  }
  fs.mkdirSync(folder, { recursive: true });
  let files = 0;
  SUBJECTS.forEach((subject, s) => {
    for (let day = 0; day < DAYS; day++) {
      const date = new Date(Date.UTC(2025, 4, 31) - day * 86_400_000).toISOString().slice(0, 10);
      const { text } = generateDigest(ARTICLES, { seed: 1000 + s * DAYS + day, abstractWords: 150, germanShare: 0.05 });
      // Every file its own arXiv ids (the generator draws them per seed), under its own header.
      fs.writeFileSync(path.join(folder, `${subject}-${date}.txt`), text.replace(/^cs\.DC @ 2025-06-01: /, `${subject} @ ${date}: `));
      files++;
    }
  });
  return files;
}

/** Lines anywhere in the code-server profile's logs (extension host, output channels, windows) that say a task ran long. */
function longTaskLines(userDataDir: string): string[] {
  const logs = path.join(userDataDir, 'logs');
  const walk = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));
  return (fs.existsSync(logs) ? walk(logs) : [])
    .flatMap((file) => fs.readFileSync(file, 'utf8').split('\n').map((line) => `${path.relative(logs, file)}: ${line}`))
    .filter((line) => /long task:|is unresponsive/i.test(line));
}

function searchAtScaleTopic(j: Journey): void {
  const consoleLines: string[] = [];
  const record = (message: ConsoleMessage) => consoleLines.push(message.text());
  let listening = false;
  /** The page's console, recorded from the journey's first test that runs (for the last test's check). */
  const listen = () => {
    if (!listening) {
      j.workbench.page.on('console', record);
      listening = true;
    }
  };
  const widget = () => j.workbench.page.locator('.quick-input-widget');
  const rows = () => widget().locator('.quick-input-list .monaco-list-row');

  async function openSearch(query: string, fromPalette = false): Promise<void> {
    const { page } = j.workbench;
    await page.keyboard.press('Escape');
    if (fromPalette) {
      await j.workbench.runCommand('Digest: Search All Digests');
    } else {
      await page.keyboard.press('Control+Alt+f');
    }
    await widget().locator('.quick-input-title', { hasText: 'Search All Digests' }).waitFor({ timeout: 20_000 });
    await widget().locator('input').pressSequentially(query, { delay: 40 });
  }

  it('the Library lists half a year of digests from their headers first: no row moves under the pointer while it reads them', async () => {
    const { workbench } = j;
    listen();
    assert.equal(writeHalfYear(j.workspace), SUBJECTS.length * DAYS);
    // Each Library row's place (its `top` in the list) from the moment it is drawn, and every change of it.
    await workbench.page.evaluate(() => {
      const seen = new Map<string, string>();
      const record = { moves: [] as string[], beingRead: 0, furthest: 0 };
      (window as unknown as { libraryRows: typeof record }).libraryRows = record;
      const look = () => {
        const pane = Array.from(document.querySelectorAll('.part.sidebar .pane')).find((candidate) => /^library$/i.test(candidate.querySelector('.pane-header .title')?.textContent?.trim() ?? ''));
        // The view's message while it reads: "Indexing digests… 120 of 373 files".
        const done = /Indexing digests… ([\d,]+) of/.exec(pane?.querySelector('.message')?.textContent ?? '')?.[1];
        record.furthest = Math.max(record.furthest, Number((done ?? '0').replace(/,/g, '')));
        for (const row of Array.from(pane?.querySelectorAll<HTMLElement>('.monaco-list-row[aria-level="2"]') ?? [])) {
          const [name, counts = ''] = (row.getAttribute('aria-label') ?? '').split(': ');
          record.beingRead += counts.includes('being read') ? 1 : 0;
          const before = seen.get(name);
          if (before !== undefined && before !== row.style.top) {
            record.moves.push(`${name}: ${before} → ${row.style.top}`);
          }
          seen.set(name, row.style.top);
        }
      };
      new MutationObserver(look).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['style', 'aria-label'] });
    });
    const view = await workbench.showLibraryAlone();
    // The first rows: the sample's subjects, then cs.DC's newest day, each drawn before the scan has read it whole.
    const newest = view.locator('.monaco-list-row[aria-label^="cs.DC Sat 2025-05-31"]');
    await newest.waitFor({ timeout: 60_000 });
    await workbench.screenshot('library-halfyear-listed');
    await view.locator('.monaco-list-row[aria-label^="cs.DC Sat 2025-05-31"][aria-label*="unread"]').waitFor({ timeout: 120_000 });
    const rows = await workbench.page.evaluate(() => (window as unknown as { libraryRows: { moves: string[]; beingRead: number; furthest: number } }).libraryRows);
    assert.ok(rows.furthest > 0, 'the view said how far the Library had read (Indexing digests… N of 373 files, N > 0)');
    assert.deepEqual(rows.moves.slice(0, 5), [], `${rows.moves.length} moves of rows while the Library read the digests`);
    assert.ok(rows.beingRead > 0, 'rows were listed from their headers (\'reading…\') before their digests were read');
    await workbench.screenshot('library-halfyear-read');
    await workbench.setPaneExpanded(workbench.articlesView(), true);
  });

  it('answers Search All Digests while half a year of digests (54,600 articles) is being indexed', async () => {
    const { workbench } = j;
    listen();
    assert.equal(writeHalfYear(j.workspace), SUBJECTS.length * DAYS);
    await openSearch('federated graph');
    // Rows come from the months indexed so far, while the placeholder still counts files.
    const indexing = widget().locator('input[placeholder^="Indexing the digests"]');
    await indexing.waitFor({ timeout: 120_000 });
    await rows().first().filter({ hasText: 'matched in the English' }).waitFor({ timeout: 60_000 });
    assert.ok(await indexing.count() === 1, 'the rows came while indexing ran');
    await workbench.screenshot('search-while-indexing');
    const first = await rows().first().innerText();
    assert.match(first, /cs\.(DC|LG) 2025-\d\d-\d\d #\d\d/);
    // Indexing ends: the placeholder says how many articles it searches.
    await widget().locator('input[placeholder^="Search "]').waitFor({ timeout: 600_000 });
    const placeholder = await widget().locator('input').getAttribute('placeholder');
    const articles = Number((/Search ([\d,.]+) articles/.exec(placeholder ?? '')?.[1] ?? '0').replace(/[,.]/g, ''));
    assert.ok(articles >= SUBJECTS.length * DAYS * ARTICLES, placeholder ?? '');
    await workbench.screenshot('search-indexed');
    await workbench.page.keyboard.press('Escape');
  });

  it('answers right after a window reload, from the stored segments, without indexing again', async () => {
    const { workbench } = j;
    await workbench.reloadWindow();
    // From the palette: right after a reload a key press can come before the workbench listens for it.
    await openSearch('Wuerthwein', true);
    // Frank Würthwein, typed without the umlaut, in the sample digest.
    const row = rows().filter({ hasText: 'The National Research Platform' }).first();
    await row.waitFor({ timeout: 30_000 });
    assert.match(await row.innerText(), /cs\.DC 2025-06-01 #20/);
    assert.equal(await widget().locator('input[placeholder^="Indexing the digests: 0 of 3"]').count(), 0, 'the stored index was used');
    await workbench.screenshot('search-after-reload');
    await widget().locator('input').fill('');
    await widget().locator('input').pressSequentially('parallel memory', { delay: 40 });
    await rows().first().filter({ hasText: /Parallel|Memory|parallel|memory/ }).waitFor({ timeout: 20_000 });
    await workbench.screenshot('search-after-reload-typing');
    await workbench.page.keyboard.press('Escape');
  });

  it('no task of the search index held the extension host for more than 50 ms, and VS Code saw no unresponsive extension host', () => {
    const lines = [...longTaskLines(j.workbench.profile.userDataDir), ...consoleLines.filter((line) => /long task:|is unresponsive/i.test(line))];
    assert.deepEqual(lines, []);
    // The logs were read: the output channel's log of this run is there.
    j.workbench.page.off('console', record);
  });
}

describe('UI: Search All Digests on half a year of digests (code-server)', function () {
  this.timeout(600_000);
  journey('development', [searchAtScaleTopic], 'search-halfyear');
});
