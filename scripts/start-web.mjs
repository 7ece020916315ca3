// `npm run start:web`: VS Code for the Web 1.137 (the vscode.dev workbench,
// served by @vscode/test-web) with Digest Reader loaded from this folder's
// `browser` entry, in the web worker extension host, and a copy of the bundled
// sample digest open. Prints the URL to open.
//   npm run start:web -- --port 8081          choose the port (default 8081: `npm start` keeps 8080)
//   npm run start:web -- --screenshot a.png   open it in headless Chromium, show an article, save a screenshot, stop
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const host = require(path.join(root, 'out', 'test', 'host', 'vscodeWeb.js'));

const arg = (name) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const port = Number(arg('port') ?? process.env.PORT ?? 8081);
const screenshot = arg('screenshot');
const SAMPLE = 'cs.DC-2025-06-01.txt';

// The workbench can edit and save what it opens: it gets a copy of the sample, never the original.
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'digest-reader-web-'));
fs.copyFileSync(path.join(root, 'sample', SAMPLE), path.join(folder, SAMPLE));
const server = await host.startVsCodeWeb({ folder, extensionDevelopmentPath: root, port });
// The workbench opens the file itself once it is up, as `code FOLDER FILE` does.
const url = host.webWorkbenchUrl(server, { openFile: SAMPLE });

const stop = async () => {
  await server.stop();
  fs.rmSync(folder, { recursive: true, force: true });
};

if (screenshot) {
  // The page a user gets from the URL above (the sample open in an editor), in a browser that lets webviews run.
  const browser = await host.launchWebBrowser();
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await page.goto(url);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator('[id="status.editor.mode"]', { hasText: 'Digest' }).waitFor({ timeout: 30_000 });
    const digests = page.locator('.activitybar .action-item', { has: page.locator('a.action-label[aria-label^="Digests"]') });
    await digests.click();
    const row = page.locator('.part.sidebar .monaco-list-row', { hasText: '21 $Δ$-Nets' }).first();
    await row.click({ timeout: 30_000 });
    const article = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    await article.locator('.title.lang-en h1 .katex').first().waitFor({ timeout: 30_000 });
    await page.mouse.move(700, 500); // no hover tooltip over the rows
    await page.waitForTimeout(800);
    await page.screenshot({ path: screenshot });
    console.log(`Saved ${screenshot}`);
  } finally {
    await browser.close();
    await stop();
  }
} else {
  console.log(`\nDigest Reader is running in VS Code for the Web ${host.VSCODE_WEB_VERSION} (its browser entry, in the web worker extension host).`);
  console.log(`Open this in your browser:\n\n  ${url}\n`);
  console.log(`A copy of the sample digest (in ${folder}) opens in the editor; click the Digests icon in the activity bar.`);
  console.log('Use a normal browser window: in a private one the article panel (a webview) may stay blank. Ctrl+C stops.');
  const quit = async () => {
    await stop();
    process.exit(0);
  };
  process.on('SIGINT', quit);
  process.on('SIGTERM', quit);
}
