/// <reference lib="dom" />
/**
 * The user journey in a real workbench (code-server 1.100.3 in headless
 * Chromium): open a digest from the Explorer, read the sidebar, click an
 * article, read the panel, open the arXiv page, use the palette, survive a
 * hostile digest, switch themes, reload. Screenshots: test-results/screenshots/.
 * Runs against the working tree and against the packaged .vsix; the other
 * topics (triage.ui.ts, panel.ui.ts, commands.ui.ts, keys.ui.ts; sharedState.ui.ts
 * and library.ui.ts in development only) join the same journeys; triage.ui.ts comes first, as it starts from nothing read.
 */
import * as assert from 'node:assert/strict';
import { commandsTopic } from './commands.ui';
import { editorAidsTopic } from './editorAids.ui';
import { exportTopic } from './export.ui';
import { filtersTopic } from './filters.ui';
import { journey, type Journey } from './journey';
import { ARXIV_21, openArxivPageFromPanel } from './steps';
import { keysTopic, statusTopic } from './keys.ui';
import { libraryTopic } from './library.ui';
import { panelTopic } from './panel.ui';
import { rankingTopic } from './ranking.ui';
import { searchTopic } from './search.ui';
import { sharedStateTopic } from './sharedState.ui';
import { studyTopic } from './study.ui';
import { auditTopic } from './audit.ui';
import { bigDigestTopic } from './bigDigest.ui';
import { followCursorTopic } from './followCursor.ui';
import { panelGroupTopic } from './panelGroup.ui';
import { walkthroughTopic } from './walkthrough.ui';
import { triageTopic } from './triage.ui';
import { wordsTopic } from './words.ui';
import { FIXTURE } from './uiWorkspace';


function readingTopic(j: Journey): void {
  it('with no digest open, the Digests view explains itself and opens the bundled sample', async () => {
    const { workbench } = j;
    await workbench.screenshot('workbench');
    const welcome = await workbench.showWelcomeView();
    assert.match(await welcome.innerText(), /A digest is one day's reading list/);
    await workbench.screenshot('welcome-view');
    await welcome.locator('.monaco-button', { hasText: 'Open Sample Digest' }).click();
    await workbench.page.locator('.tabs-container .tab.active', { hasText: FIXTURE }).first().waitFor();
    await workbench.page.waitForFunction(() => document.querySelector('[id="status.editor.mode"]')?.textContent?.includes('Digest'), undefined, { timeout: 20_000 });
    await workbench.articlesView().locator('.message', { hasText: 'cs.DC · 2025-06-01 · 103 articles' }).waitFor();
    await workbench.screenshot('sample-opened');
    await workbench.closeAllEditors();
  });

  it('opens a digest .txt from the Explorer as a "Digest"', async () => {
    const { workbench } = j;
    await workbench.openFromExplorer(FIXTURE);
    await workbench.page.waitForFunction(() => document.querySelector('[id="status.editor.mode"]')?.textContent?.includes('Digest'), undefined, { timeout: 20_000 });
    assert.equal(await workbench.statusBarLanguage(), 'Digest');
    await workbench.screenshot('digest-opened');
  });

  it('lists the 7 dates, newest first, with their counts in the Digests sidebar', async () => {
    const { workbench } = j;
    await workbench.openDigest(FIXTURE);
    const view = workbench.articlesView();
    await workbench.treeRow('Fri 2025-05-30').waitFor();
    await workbench.collapseAllInArticles();
    // Collapsed: only the seven date rows are left.
    await workbench.page.waitForFunction(() => {
      const pane = Array.from(document.querySelectorAll('.part.sidebar .pane')).find((p) => p.querySelector('.pane-header .title')?.textContent?.trim().toLowerCase() === 'articles');
      return pane?.querySelectorAll('.monaco-list-row').length === 7;
    });
    // The count, then how many are unread (which depends on what this journey read before).
    const rows = (await workbench.treeRows()).map((row) => ({ label: row.label, description: row.description.split(' · ')[0] }));
    assert.deepEqual(rows, [
      { label: 'Fri 2025-05-30', description: '1' },
      { label: 'Thu 2025-05-29', description: '18' },
      { label: 'Wed 2025-05-28', description: '15' },
      { label: 'Tue 2025-05-27', description: '27' },
      { label: 'Mon 2025-05-26', description: '26' },
      { label: 'Sun 2025-05-25', description: '4' },
      { label: 'Sat 2025-05-24', description: '12' },
    ]);
    assert.match(await view.innerText(), /cs\.DC · 2025-06-01 · 103 articles/);
    await workbench.screenshot('articles-by-date');
  });

  it('clicking article 21 reveals "Article 21" and shows its three titles in the panel', async () => {
    const { workbench } = j;
    await workbench.openDigest(FIXTURE);
    await workbench.collapseAllInArticles();
    await workbench.expandDate('Wed 2025-05-28');
    await workbench.treeRow('21 $Δ$-Nets').click();
    const frame = workbench.articleFrame();
    const en = frame.locator('.title.lang-en h1');
    await en.waitFor({ timeout: 20_000 });
    await frame.locator('.place', { hasText: 'Article 21' }).waitFor();
    assert.match(await en.innerText(), /-Nets: Interaction-Based System for Optimal Parallel .*-Reduction/s);
    assert.equal(await en.getAttribute('lang'), 'en');
    assert.match(await frame.locator('.title.lang-de h1').innerText(), /Interaktionsbasiertes System für eine optimale parallele/);
    assert.equal(await frame.locator('.title.lang-de h1').getAttribute('lang'), 'de');
    assert.match(await frame.locator('.title.lang-zh h1').innerText(), /最佳平行互动系统/);
    assert.equal(await frame.locator('.title.lang-zh h1').getAttribute('lang'), 'zh');
    // TeX math is typeset (MathML), not shown as `$Δ$`.
    assert.ok((await en.locator('math').count()) >= 2, 'the title\'s math is typeset');
    assert.match(await frame.locator('.meta').innerText(), /Wed 2025-05-28.*arXiv 2505\.20314v2/s);
    assert.match(await frame.locator('.authors').innerText(), /Daniel Augusto Rizzi Salvadori/);
    assert.match(await frame.locator('.abstract.lang-en p').innerText(), /I present a model of universal parallel computation/);
    assert.match(await frame.locator('.abstract.lang-zh p').innerText(), /我提出了一个称为/);
    // The editor shows the article's first line at the cursor (line 232 is "Article 21").
    await workbench.page.locator('.monaco-editor .view-line', { hasText: /^Article\s21$/ }).first().waitFor();
    assert.equal((await workbench.page.locator('.monaco-editor .line-numbers.active-line-number').first().innerText()).trim(), '232');
    await workbench.screenshot('article-21');
  });

  it('"Open arXiv page" in the panel asks to open https://arxiv.org/abs/2505.20314v2, and opens it', async () => {
    const { workbench } = j;
    await workbench.showArticle21();
    await openArxivPageFromPanel(workbench);
  });

  it('"Digest: Open arXiv Page" from the Command Palette opens the article under the cursor', async () => {
    const { workbench } = j;
    await workbench.showArticle21();
    await workbench.page.locator('.monaco-editor .view-line', { hasText: /^Article\s21$/ }).first().click();
    await workbench.runCommand('Digest: Open arXiv Page');
    assert.match(await workbench.dialogText(), new RegExp(ARXIV_21.replace(/[./]/g, '\\$&')));
    await workbench.screenshot('palette-open-arxiv');
    await workbench.clickDialogButton('Cancel');
  });

  it('the panel\'s Next and Previous buttons move through the digest', async () => {
    const { workbench } = j;
    const frame = await workbench.showArticle21();
    await frame.locator('button', { hasText: 'Next' }).click();
    await frame.locator('.place', { hasText: 'Article 22' }).waitFor();
    assert.match(await frame.locator('.title.lang-en h1').innerText(), /Smart Contracts for SMEs and Large Companies/);
    await workbench.screenshot('next-article');
    await frame.locator('button', { hasText: 'Previous' }).click();
    await frame.locator('.place', { hasText: 'Article 21' }).waitFor();
  });

  it('shows a hostile digest\'s markup as text and runs none of it', async () => {
    const { workbench } = j;
    const frame = await workbench.showArticle('hostile.txt', '00 <script>', 'cs.CR');
    assert.equal(await frame.locator('.title.lang-en h1').innerText(), '<script>window.__pwned=1</script> Evil');
    assert.match(await frame.locator('.authors').innerText(), /Mallory <\/div><script>window\.__pwned=9<\/script>/);
    assert.match(await frame.locator('.abstract.lang-en p').innerText(), /<style>body\{display:none\}<\/style>/);
    const handle = await workbench.articleFrameHandle();
    // Nothing from the digest became an element: the article holds only the panel's own markup.
    assert.deepEqual(await handle.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: number }).__pwned,
      injected: document.querySelectorAll('#article :is(script, img, a, iframe, style, b, object, embed, link, svg)').length,
      hidden: getComputedStyle(document.body).display,
    })), { pwned: undefined, injected: 0, hidden: 'block' });
    await workbench.treeRow('02 [click](javascript').click();
    await frame.locator('.place', { hasText: 'Article 2 ' }).waitFor();
    assert.equal(await frame.locator('.title.lang-de h1').innerText(), '<a href="javascript:window.__pwned=8">link</a>');
    assert.equal(await handle.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
    await workbench.screenshot('hostile-digest');
  });

  it('restores the article panel after a window reload', async () => {
    const { workbench } = j;
    await workbench.showArticle21();
    // As a user does (Developer: Reload Window), once the workbench has stored its editors (it does every few seconds).
    await workbench.reloadWindow('digestReader.article');
    const frame = workbench.articleFrame();
    await frame.locator('.place', { hasText: 'Article 21' }).waitFor({ timeout: 30_000 });
    assert.match(await frame.locator('.title.lang-en h1').innerText(), /-Nets: Interaction-Based System/);
    await workbench.screenshot('restored-after-reload');
  });
}

describe('UI: reading a digest in the workbench (extension from the working tree)', function () {
  this.timeout(90_000);
  journey('development', [triageTopic, walkthroughTopic, readingTopic, panelTopic, commandsTopic, keysTopic, statusTopic, editorAidsTopic, libraryTopic, searchTopic, filtersTopic, exportTopic, studyTopic, wordsTopic, panelGroupTopic, followCursorTopic, bigDigestTopic, rankingTopic, auditTopic, sharedStateTopic]);
});

describe('UI: the packaged .vsix, installed into a clean profile', function () {
  this.timeout(90_000);
  // The packaged build's own risks: what .vscodeignore ships (the bundles, the citation worker, the sample) and that it
  // activates from a clean profile; the behaviour itself is the development journey's, with the same code.
  journey('installed', [readingTopic, exportTopic]);
});
