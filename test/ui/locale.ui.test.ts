/**
 * The extension's own UI follows VS Code's display language: code-server
 * started with `--locale de` (then `zh-cn`), with a minimal language pack of
 * ours installed (test/fixtures/language-pack: without a pack for the locale
 * VS Code stays English and `vscode.env.language` stays `en`). Checks the
 * workbench's language, a command title in the Command Palette, the Digests
 * sidebar's view names, texts the extension makes at run time
 * (`vscode.l10n.t`: the view's message, the status bar), the article panel
 * and the walkthrough. One code-server per language: 4.100.3 takes a
 * window's language from --locale, else from argv.json, and answers "en"
 * when that file is missing, so a cookie (as the browser's "Configure
 * Display Language" sets) never gets a say without writing the user's
 * ~/.code-server/argv.json. Screenshots:
 * test-results/screenshots/locale-<id>/.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { projectRoot } from '../support/fixtures';
import { Workbench } from './workbench';

interface LocaleCase {
  locale: string;
  /** The command "Digest: Open Sample Digest" as the palette lists it. */
  openSample: string;
  container: string;
  views: string[];
  /** The Articles view's message for the sample, and the status bar's unread count. */
  articles: RegExp;
  unread: RegExp;
  /** The article panel: its place line, the side-by-side button, and the language names over the columns. */
  place: string;
  sideBySide: string;
  languages: string[];
  studyMode: string;
  /** The date row of article 2 in the Articles view (weekday in the display language). */
  date: string;
  /** The walkthrough's title, its steps, and the heading of its keys page. */
  walkthrough: string;
  steps: string[];
  keys: string;
}

const CASES: LocaleCase[] = [
  {
    locale: 'de',
    openSample: 'Digest: Beispiel-Digest öffnen',
    container: 'Digests',
    views: ['Artikel', 'Mit Stern', 'Bibliothek', 'Lernliste'],
    articles: /cs\.DC · 2025-06-01 · 103 Artikel/,
    unread: /\d+\/103 ungelesen/,
    place: 'cs.DC · 2025-06-01 · Artikel 2 (3 von 103)',
    sideBySide: 'Nebeneinander',
    languages: ['Englisch', 'Deutsch', 'Chinesisch'],
    studyMode: 'Lernmodus',
    date: 'Do 2025-05-29',
    walkthrough: 'Erste Schritte mit Digest Reader',
    steps: ['Die Ansicht „Digests“ öffnen', 'Einen Artikel anzeigen', 'Mit den Tasten sichten', 'Jeder Digest in der Bibliothek'],
    keys: 'Die Tasten zum Sichten',
  },
  {
    locale: 'zh-cn',
    openSample: 'Digest: 打开示例摘要',
    container: '摘要',
    views: ['文章', '星标', '文库', '学习列表'],
    articles: /cs\.DC · 2025-06-01 · 103 篇文章/,
    unread: /\d+\/103 未读/,
    place: 'cs.DC · 2025-06-01 · 第 2 篇（共 103 篇中的第 3 篇）',
    sideBySide: '并排对照',
    languages: ['英语', '德语', '中文'],
    studyMode: '学习模式',
    date: '周四 2025-05-29',
    walkthrough: 'Digest Reader 入门',
    steps: ['打开“摘要”视图', '显示一篇文章', '用按键分拣', '文库中的每个摘要集'],
    keys: '分拣按键',
  },
];

/** Packs the test language pack into a .vsix (code-server installs extensions from a .vsix or the marketplace only). */
function packLanguagePack(folder: string): string {
  const vsix = path.join(folder, 'digest-reader-test-language-pack.vsix');
  const vsce = path.join(projectRoot, 'node_modules', '.bin', 'vsce');
  const result = spawnSync(vsce, ['package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', vsix], {
    cwd: path.join(projectRoot, 'test', 'fixtures', 'language-pack'),
    encoding: 'utf8',
  });
  assert.equal(result.status, 0, `vsce package failed:\n${result.stdout}\n${result.stderr}`);
  return vsix;
}

describe('UI: the extension in German and Chinese (code-server --locale, with a language pack)', function () {
  this.timeout(90_000);
  let temp = '';
  let languagePack = '';

  before(() => {
    temp = fs.mkdtempSync(path.join(os.tmpdir(), 'digest-reader-locale-'));
    languagePack = packLanguagePack(temp);
  });

  after(() => {
    fs.rmSync(temp, { recursive: true, force: true });
  });

  for (const c of CASES) {
    it(`--locale ${c.locale}: the palette, the Digests sidebar, the extension's own messages and the walkthrough are in that language`, async () => {
      const folder = fs.mkdtempSync(path.join(temp, `workspace-${c.locale}-`));
      const workbench = await Workbench.open({ name: `locale-${c.locale}`, folder, languagePack, locale: c.locale });
      const { page } = workbench;
      try {
        // The workbench runs in the language (VS Code's NLS: what the extension host reports as vscode.env.language).
        assert.equal(await page.evaluate(() => (globalThis as { _VSCODE_NLS_LANGUAGE?: string })._VSCODE_NLS_LANGUAGE), c.locale);

        // The Digests container's icon, named in the language, once the extension is registered (the palette lists its commands from then on).
        const icon = page.locator('.activitybar .action-item', { has: page.locator(`a.action-label[aria-label^="${c.container}"]`) }).first();
        await icon.waitFor({ timeout: 30_000 });

        // A command title in the Command Palette (package.nls.<locale>.json).
        await page.keyboard.press('F1');
        const input = page.locator('.quick-input-widget input');
        await input.waitFor();
        await input.fill(`>${c.openSample}`);
        const row = page.locator('.quick-input-list .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: c.openSample }) }).first();
        await row.waitFor({ timeout: 15_000 });
        await workbench.screenshot('palette');
        await row.click();
        await page.locator('.tabs-container .tab.active', { hasText: 'cs.DC-2025-06-01.txt' }).first().waitFor({ timeout: 20_000 });

        // The Digests sidebar: container and view names (package.nls), the view's message and the status bar (l10n bundle).
        const sidebar = page.locator('.part.sidebar', { has: page.locator('.composite.title', { hasText: c.container }) });
        if (!(await sidebar.isVisible())) {
          await icon.click();
        }
        await sidebar.waitFor({ timeout: 20_000 });
        const titles = sidebar.locator('.pane-header .title');
        await page.waitForFunction((names) => {
          const shown = Array.from(document.querySelectorAll('.part.sidebar .pane-header .title')).map((t) => t.textContent?.trim().toLowerCase());
          return names.every((name) => shown.includes(name.toLowerCase()));
        }, c.views, { timeout: 20_000 });
        assert.deepEqual((await titles.allTextContents()).map((t) => t.trim()), c.views);
        const articles = sidebar.locator('.pane', { has: page.locator('.pane-header .title', { hasText: c.views[0] }) }).first();
        await articles.locator('.message', { hasText: c.articles }).waitFor({ timeout: 20_000 });
        await page.locator('.statusbar-item', { hasText: c.unread }).first().waitFor({ timeout: 20_000 });
        await page.mouse.move(900, 500); // no hover over the activity bar in the picture
        await workbench.screenshot('sidebar');

        // The article panel: the extension sends its words in the same language, and names the languages in it.
        const date = articles.locator('.monaco-list-row', { hasText: c.date }).first();
        if ((await date.getAttribute('aria-expanded')) !== 'true') {
          await date.click();
        }
        await articles.locator('.monaco-list-row', { hasText: '02 Parallel GPU-Accelerated' }).first().click();
        const frame = workbench.articleFrame();
        await frame.locator('.place', { hasText: c.place }).waitFor({ timeout: 20_000 });
        await frame.locator('button.options-toggle').click();
        await frame.locator('.toolbar button', { hasText: c.sideBySide }).click();
        await frame.locator('.titles.parallel').waitFor({ timeout: 10_000 });
        assert.deepEqual(await frame.locator('.titles.parallel .title .label').allTextContents(), c.languages);
        assert.equal(await frame.locator('.toolbar button', { hasText: c.studyMode }).count(), 1);
        assert.equal(await frame.locator('html').getAttribute('lang'), c.locale);
        assert.equal(await frame.locator('.meta .date').innerText(), c.date);
        await page.mouse.move(900, 500);
        await workbench.screenshot('panel');

        // The walkthrough: its title in the list, its steps, its keys page (package.nls names a media file per language).
        await workbench.closeAllEditors();
        await workbench.runCommand('Welcome: Open Walkthrough...');
        await page.locator('.quick-input-widget input').fill('Digest Reader');
        await page.locator('.quick-input-list .monaco-list-row', { hasText: c.walkthrough }).first().click();
        const steps = page.locator('.gettingStartedContainer .gettingStartedSlideDetails .getting-started-step');
        await steps.first().waitFor({ timeout: 20_000 });
        assert.deepEqual((await steps.locator('.step-title').allInnerTexts()).map((title) => title.trim()), c.steps);
        await steps.nth(2).locator('.step-title').click();
        const keys = page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
        await keys.locator('h1', { hasText: c.keys }).waitFor({ timeout: 15_000 });
        await workbench.screenshot('walkthrough-keys');
        const errors = workbench.extensionHostErrors();
        assert.deepEqual(errors, [], `The extension host logged ${errors.length} error(s):\n${errors.join('\n')}`);
      } catch (error) {
        await workbench.screenshot('FAILED').catch(() => undefined);
        throw error;
      } finally {
        await workbench.close();
      }
    });
  }
});
