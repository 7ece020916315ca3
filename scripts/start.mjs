// `npm start`: VS Code (code-server 1.100.3) with Digest Reader loaded from
// this folder and the bundled sample digest open. Prints the URL to open.
//   npm start -- --port 8080          choose the port (default 8080)
//   npm start -- --screenshot a.png   open it in headless Chromium, show an article, save a screenshot, stop
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const host = require(path.join(root, 'out', 'test', 'host', 'codeServer.js'));

const arg = (name) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const port = Number(arg('port') ?? process.env.PORT ?? 8080);
const screenshot = arg('screenshot');
const sample = path.join(root, 'sample', 'cs.DC-2025-06-01.txt');

host.ensureCodeServer();
const profile = host.createProfile('start');
const server = await host.startCodeServer(profile, { port });
const url = host.workbenchUrl(server, { folder: path.dirname(sample), openFile: sample, extensionDevelopmentPath: root });

if (screenshot) {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: host.chromiumPath(), args: host.CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 1500, height: 950 } });
  await page.goto(url);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.locator('[id="status.editor.mode"]', { hasText: 'Digest' }).waitFor({ timeout: 30_000 });
  await page.locator('.activitybar a.action-label[aria-label^="Digests"]').click();
  await page.waitForTimeout(1500);
  await page.locator('.part.sidebar .monaco-list-row', { hasText: '00 From Connectivity' }).first().click();
  await page.frameLocator('iframe.webview.ready').frameLocator('#active-frame').locator('.title.lang-en h1').waitFor({ timeout: 30_000 });
  await page.waitForTimeout(800);
  await page.screenshot({ path: screenshot });
  console.log(`Saved ${screenshot}`);
  await browser.close();
  await server.stop();
} else {
  console.log(`\nDigest Reader is running in VS Code ${host.VSCODE_VERSION} (code-server).`);
  console.log(`Open this in your browser:\n\n  ${url}\n`);
  console.log('The sample digest is open; click the Digests icon in the activity bar. Ctrl+C stops.');
  const stop = async () => {
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
