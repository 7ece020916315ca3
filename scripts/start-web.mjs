// `npm run start:web`: VS Code for the Web 1.137 (the vscode.dev workbench,
// served by @vscode/test-web) with Digest Reader loaded from this folder's
// `browser` entry, in the web worker extension host, on a copy of the bundled
// sample digest or on a folder of your digests. Prints the URL to open.
//   npm run start:web -- ~/digests            your digests (also `--folder ~/digests`); default: a copy of the sample
//   npm run start:web -- --browser            also open it in a Chromium window whose profile lets the panel run
//   npm run start:web -- --port 8081          choose the port (default 8081: `npm start` keeps 8080)
//   npm run start:web -- --screenshot a.png   open it in headless Chromium, show an article, save a screenshot, stop
// The article panel is a webview, served from another origin (`<id>.localhost`) inside the page: a browser that
// blocks third-party cookies refuses its service worker and the panel stays blank. --browser starts Chromium with
// a profile of its own that allows them; in your own browser, allow them for localhost (see the README).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { startOptions } from './startOptions.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const host = require(path.join(root, 'out', 'test', 'host', 'vscodeWeb.js'));

const options = startOptions(process.argv.slice(2), 8081);
const { port, screenshot } = options;
const SAMPLE = 'cs.DC-2025-06-01.txt';

// Your folder as it is; else a copy of the sample (the workbench can edit and save what it opens: never the original).
const copy = options.folder ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'digest-reader-web-'));
if (copy) {
  fs.copyFileSync(path.join(root, 'sample', SAMPLE), path.join(copy, SAMPLE));
}
const folder = options.folder ?? copy;
const server = await host.startVsCodeWeb({ folder, extensionDevelopmentPath: root, port });
// The workbench opens the sample itself once it is up, as `code FOLDER FILE` does.
const url = host.webWorkbenchUrl(server, copy ? { openFile: SAMPLE } : {});

const stop = async () => {
  await server.stop();
  if (copy) {
    fs.rmSync(copy, { recursive: true, force: true });
  }
};

if (screenshot) {
  // The page a user gets from the URL above (the sample open in an editor), in a browser that lets webviews run.
  const browser = await host.launchWebBrowser();
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await page.goto(url);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    const digests = page.locator('.activitybar .action-item', { has: page.locator('a.action-label[aria-label^="Digests"]') });
    const article = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    if (options.folder) {
      // Your folder: the first digest the Library lists, its first article.
      await digests.click();
      const library = page.locator('.part.sidebar .pane', { has: page.locator('.pane-header .title', { hasText: /^Library$/i }) });
      if ((await library.locator('.pane-header').first().getAttribute('aria-expanded')) !== 'true') {
        await library.locator('.pane-header .title').first().click();
      }
      await library.locator('.monaco-list-row[aria-level="2"]').first().click({ timeout: 60_000 });
      const articles = page.locator('.part.sidebar .pane', { has: page.locator('.pane-header .title', { hasText: /^Articles$/i }) });
      await articles.locator('.message', { hasText: / articles?/ }).waitFor({ timeout: 30_000 });
      await articles.locator('.monaco-list-row[aria-level="2"]').first().click({ timeout: 30_000 });
      await article.locator('.title h1').first().waitFor({ timeout: 30_000 });
    } else {
      await page.locator('[id="status.editor.mode"]', { hasText: 'Digest' }).waitFor({ timeout: 30_000 });
      await digests.click();
      const row = page.locator('.part.sidebar .monaco-list-row', { hasText: '21 $Δ$-Nets' }).first();
      await row.click({ timeout: 30_000 });
      await article.locator('.title.lang-en h1 .katex').first().waitFor({ timeout: 30_000 });
    }
    await page.mouse.move(700, 500); // no hover tooltip over the rows
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await page.screenshot({ path: screenshot });
    console.log(`Saved ${screenshot}`);
  } finally {
    await browser.close();
    await stop();
  }
} else {
  console.log(`\nDigest Reader is running in VS Code for the Web ${host.VSCODE_WEB_VERSION} (its browser entry, in the web worker extension host).`);
  console.log(`Open this in your browser:\n\n  ${url}\n`);
  console.log(copy
    ? `A copy of the sample digest (in ${copy}) opens in the editor; click the Digests icon in the activity bar.`
    : `${folder} is open: click the Digests icon in the activity bar; the Library lists its digests.`);
  console.log('The article panel needs third-party cookies allowed for localhost (the README says how); --browser opens a Chromium that allows them. Ctrl+C stops.');
  let browser;
  if (options.browser) {
    const display = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
    if (display) {
      browser = await host.launchWebBrowser({ headless: false, viewport: null });
      const page = browser.context.pages()[0] ?? (await browser.context.newPage());
      await page.goto(url);
    } else {
      console.log('--browser: there is no display here (DISPLAY is not set); open the URL in a browser on your own machine.');
    }
  }
  const quit = async () => {
    await browser?.close();
    await stop();
    process.exit(0);
  };
  process.on('SIGINT', quit);
  process.on('SIGTERM', quit);
}
