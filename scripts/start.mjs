// `npm start`: VS Code (code-server 1.100.3) with Digest Reader loaded from
// this folder, on the bundled sample digest or a folder of your digests.
// Prints the URL to open.
//   npm start -- ~/digests            your digests (also `--folder ~/digests`); default: the sample
//   npm start -- --port 8080          choose the port (default 8080)
//   npm start -- --screenshot a.png   open it in headless Chromium, show an article, save a screenshot, stop
// Read state, stars and settings are kept in .vscode-test/start-profile/ from one start to the next.
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { startOptions } from './startOptions.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const host = require(path.join(root, 'out', 'test', 'host', 'codeServer.js'));

const { port, screenshot, folder } = startOptions(process.argv.slice(2), 8080);
const sample = path.join(root, 'sample', 'cs.DC-2025-06-01.txt');

host.ensureCodeServer();
const profile = host.persistentProfile(path.join(root, '.vscode-test', 'start-profile'));
const server = await host.startCodeServer(profile, { port });
// Your folder as it is (the Library lists its digests), or the sample's folder with the sample open.
const url = host.workbenchUrl(server, folder ? { folder, extensionDevelopmentPath: root } : { folder: path.dirname(sample), openFile: sample, extensionDevelopmentPath: root });

if (screenshot) {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: host.chromiumPath(), args: host.CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 1500, height: 950 } });
  await page.goto(url);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  if (folder) {
    // Your folder: the Library lists its digests; the first one opened from there, its first article shown.
    // The item as a whole: its unread badge covers the icon's middle.
    await page.locator('.activitybar .action-item', { has: page.locator('a.action-label[aria-label^="Digests"]') }).click();
    const library = page.locator('.part.sidebar .pane', { has: page.locator('.pane-header .title', { hasText: /^Library$/i }) });
    const header = library.locator('.pane-header').first();
    if ((await header.getAttribute('aria-expanded')) !== 'true') {
      await header.locator('.title').click();
    }
    await library.locator('.monaco-list-row[aria-level="2"]').first().click({ timeout: 60_000 });
    const articles = page.locator('.part.sidebar .pane', { has: page.locator('.pane-header .title', { hasText: /^Articles$/i }) });
    await articles.locator('.message', { hasText: / articles?/ }).waitFor({ timeout: 30_000 });
    await articles.locator('.monaco-list-row[aria-level="2"]').first().click({ timeout: 30_000 });
  } else {
    await page.locator('[id="status.editor.mode"]', { hasText: 'Digest' }).waitFor({ timeout: 30_000 });
    // The item as a whole: its unread badge covers the icon's middle.
    await page.locator('.activitybar .action-item', { has: page.locator('a.action-label[aria-label^="Digests"]') }).click();
    await page.locator('.part.sidebar .monaco-list-row', { hasText: '00 From Connectivity' }).first().click({ timeout: 30_000 });
  }
  await page.frameLocator('iframe.webview.ready').frameLocator('#active-frame').locator('.title h1').first().waitFor({ timeout: 30_000 });
  await page.mouse.move(700, 500); // no tooltip over the rows
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await page.screenshot({ path: screenshot });
  console.log(`Saved ${screenshot}`);
  await browser.close();
  await server.stop();
} else {
  console.log(`\nDigest Reader is running in VS Code ${host.VSCODE_VERSION} (code-server).`);
  console.log(`Open this in your browser:\n\n  ${url}\n`);
  console.log(folder
    ? `${folder} is open: click the Digests icon in the activity bar; the Library lists its digests. Ctrl+C stops.`
    : 'The sample digest is open; click the Digests icon in the activity bar. Ctrl+C stops.');
  const stop = async () => {
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
