/// <reference lib="dom" />
/**
 * Triage as a user does it: through a whole digest by keyboard alone, the
 * panel's keys, the Starred view, read state and stars across a reload,
 * the rows in three themes, and an import that fails.
 * The first test expects a fresh profile (nothing read yet): keep this
 * topic first in its journey.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Journey } from './journey';
import { FIXTURE } from './uiWorkspace';
import { ROW_21, STARRED_ICON, starArticle21 } from './steps';

const TOTAL = 103;
/** A row's state icon (inline actions use the same codicons). */
const STARRED = STARRED_ICON;
const READ = '.custom-view-tree-node-item-icon.codicon-circle-outline';
const UNREAD = '.custom-view-tree-node-item-icon.codicon-circle-filled';

export function triageTopic(j: Journey): void {
  /** Labels of the rows starred by the first test (none when it did not run). */
  const starredByKeys: string[] = [];

  const unreadOf = (text: string): number => Number(text.split('/')[0]);

  /**
   * Clicks a row, waits for the panel to show it, and sets its read state with
   * the panel's button (a key pressed right after a click may act on the row
   * selected before: see the report of this topic).
   */
  const showAndMark = async (row: string, place: string, state: 'read' | 'unread'): Promise<void> => {
    const { workbench } = j;
    await workbench.treeRow(row).click();
    const frame = workbench.articleFrame();
    await frame.locator('.place', { hasText: `Article ${place} ` }).waitFor({ timeout: 10_000 });
    if (state === 'unread') {
      await frame.locator('.state button', { hasText: /^Mark unread$/ }).click();
      await frame.locator('.state button', { hasText: /^Mark read$/ }).waitFor();
    }
  };


  it('keyboard-only triage: n through all 103 articles, s on three, at most 1.1 key presses per article', async function () {
    this.timeout(300_000);
    const { workbench } = j;
    await workbench.openDigest(FIXTURE);
    // The journey's first test, in a fresh profile: nothing is read yet.
    assert.equal(await workbench.unreadText(), `${TOTAL}/${TOTAL} unread`, 'the triage topic runs first in its journey, in a fresh profile');
    await workbench.focusArticlesView(); // from the palette; its keys are not counted below
    const keys = workbench.keyCounter();
    let label = await workbench.selectedLabel();
    const starAt = new Set([5, 52, 100]); // the last one stays in sight at the end
    for (let read = 1; read <= TOTAL; read++) {
      await keys.press('n');
      await workbench.waitForUnread(`${TOTAL - read}/${TOTAL} unread`);
      label = await workbench.waitForSelectionChange(label);
      if (starAt.has(read)) {
        await keys.press('s');
        await workbench.articlesView().locator(`.monaco-list-row.selected ${STARRED}`).waitFor();
        starredByKeys.push(label);
      }
    }
    await workbench.waitForUnread(`0/${TOTAL} unread`);
    const perArticle = keys.count / TOTAL;
    console.log(`      keyboard-only triage: ${keys.count} key presses for ${TOTAL} articles (${starAt.size} starred) = ${perArticle.toFixed(3)} per article`);
    assert.ok(perArticle <= 1.1, `${perArticle.toFixed(3)} key presses per article`);
    await keys.press('n');
    await workbench.notification(/Done: all 103 articles of cs\.DC 2025-06-01 are read\./).waitFor();
    await workbench.screenshot('triage-done');
    const view = workbench.articlesView();
    assert.equal(await view.locator(UNREAD).count(), 0, 'no row shows unread');
    assert.ok(await view.locator(READ).count() > 0, 'rows show read');
    assert.ok(await view.locator(STARRED).count() > 0, 'a starred row is in sight');
    await workbench.screenshot('triage-tree', view);
    await workbench.dismissNotifications();
  });

  it('in the panel, k shows the previous article, m flips its read state, u undoes that; the focus stays in the panel', async () => {
    const { workbench } = j;
    const frame = await workbench.showArticle21();
    await frame.locator('.authors').click(); // focus the panel's page, as a user does
    await workbench.page.keyboard.press('k');
    await frame.locator('.place', { hasText: 'Article 20 ' }).waitFor({ timeout: 10_000 });
    // Shown, so read.
    await frame.locator('.state button', { hasText: /^Mark unread$/ }).waitFor();
    const read = await workbench.unreadText();
    const unread = `${unreadOf(read) + 1}/${TOTAL} unread`;
    await workbench.page.keyboard.press('m');
    await frame.locator('.state button', { hasText: /^Mark read$/ }).waitFor({ timeout: 10_000 });
    await workbench.waitForUnread(unread);
    await workbench.screenshot('panel-m-unread');
    await workbench.page.keyboard.press('u');
    await frame.locator('.state button', { hasText: /^Mark unread$/ }).waitFor({ timeout: 10_000 });
    await workbench.waitForUnread(read);
    assert.equal(await frame.locator('.place', { hasText: 'Article 20 ' }).count(), 1, 'the panel still shows article 20');
    // The focus is still in the panel: its tab is the active one, and the page has focus.
    assert.ok(await workbench.page.evaluate(() => document.activeElement instanceof HTMLIFrameElement && document.activeElement.classList.contains('webview')), 'the focus is in the article panel');
    await workbench.page.locator('.tabs-container .tab.active', { hasText: 'cs.DC · 20' }).waitFor();
    assert.ok(await (await workbench.articleFrameHandle()).evaluate(() => document.hasFocus()), 'the panel\'s page has focus');
  });

  it('j in the focused Articles view selects the next article: type-to-find does not take the key', async () => {
    const { workbench } = j;
    await workbench.showArticle21();
    await workbench.focusArticlesView();
    const view = workbench.articlesView();
    const before = await workbench.selectedLabel();
    assert.ok(before.startsWith('21 '), `article 21 is selected, not "${before}"`);
    await workbench.page.keyboard.press('j');
    const after = await workbench.waitForSelectionChange(before);
    assert.match(after, /^22 Smart Contracts/);
    await workbench.articleFrame().locator('.place', { hasText: 'Article 22 ' }).waitFor({ timeout: 10_000 });
    await workbench.screenshot('tree-key-j', view);
    assert.equal(await workbench.page.locator('.monaco-tree-type-filter, .monaco-list-type-filter').filter({ visible: true }).count(), 0, 'a type-to-find box opened');
    assert.equal(await view.locator('.monaco-list-row .highlight').count(), 0, 'rows are highlighted as matches of a find');
    assert.ok(await view.locator('.monaco-list:focus-within, .monaco-list:focus').count() > 0, 'the Articles view keeps the focus');
  });

  it('the Starred view lists the starred articles under "cs.DC · 2025-06-01"; a click shows one from the starred copy', async () => {
    const { workbench } = j;
    await starArticle21(workbench);
    const label21 = (await workbench.treeRow(ROW_21).locator('.label-name').innerText()).trim();
    let labels: string[] = [];
    for (const deadline = Date.now() + 10_000; !labels.includes(label21) && Date.now() < deadline; await workbench.settled()) {
      labels = await workbench.starredLabels();
    }
    assert.equal(labels[0], 'cs.DC · 2025-06-01');
    for (const starred of [label21, ...starredByKeys]) {
      assert.ok(labels.includes(starred), `the Starred view lists "${starred}": ${labels.join(' | ')}`);
    }
    await workbench.screenshot('starred-view', workbench.starredView());
    await workbench.closeAllEditors();
    await workbench.starredView().locator('.monaco-list-row', { hasText: label21 }).first().click();
    const frame = workbench.articleFrame();
    await frame.locator('.from-starred', { hasText: 'Shown from your starred copy' }).waitFor({ timeout: 20_000 });
    assert.match(await frame.locator('.title.lang-en h1').innerText(), /-Nets: Interaction-Based System for Optimal Parallel/);
    await workbench.screenshot('starred-shown');
  });

  it('read state and stars survive a window reload', async function () {
    this.timeout(180_000);
    const { workbench } = j;
    await starArticle21(workbench);
    const read = await workbench.unreadText();
    await workbench.articleFrame().locator('.state button', { hasText: /^Mark unread$/ }).click(); // 21 was read by showing it: now unread
    const count = `${unreadOf(read) + 1}/${TOTAL} unread`;
    await workbench.waitForUnread(count);
    // The Starred view fills a moment after it is first expanded.
    let starred: string[] = [];
    for (const deadline = Date.now() + 15_000; starred.length < 2 && Date.now() < deadline; await workbench.settled()) {
      starred = await workbench.starredLabels();
    }
    assert.ok(starred.length >= 2, `a digest row and a starred article: ${starred.join(' | ')}`);
    // A panel restored after the reload shows article 21 again, and so marks it read (see this topic's report).
    await workbench.closeAllEditors();
    await workbench.reloadWindow();
    await workbench.quickOpenDigest(FIXTURE);
    await workbench.waitForUnread(count, 30_000);
    await workbench.waitForStarredLabels(starred);
    await workbench.screenshot('after-reload-state');
  });

  if (j.mode === 'development') {
    it('unread, read and starred rows differ by shape in Light Modern, Dark High Contrast and Dark Modern', async function () {
      this.timeout(180_000);
      const { workbench } = j;
      await workbench.showArticle21();
      await workbench.collapseAllInArticles();
      await workbench.expandDate('Wed 2025-05-28');
      // Each row clicked is shown, so read; the panel's button makes it unread again.
      const states: [string, string, 'unread' | 'read'][] = [['19 Visualizing', '19', 'unread'], ['20 The National', '20', 'read'], ['23 Pilot-Quantum', '23', 'unread'], ['18 Profiling', '18', 'read']];
      for (const [row, place, state] of states) {
        await showAndMark(row, place, state);
      }
      await starArticle21(workbench);
      for (const [row, , state] of states) {
        await workbench.treeRow(row).locator(state === 'read' ? READ : UNREAD).waitFor({ timeout: 5_000 });
      }
      for (const [theme, workbenchClass] of [['Light Modern', 'vs'], ['Dark High Contrast', 'hc-black'], ['Dark Modern', 'vs-dark']]) {
        await workbench.setColorTheme(theme);
        await workbench.page.locator(`.monaco-workbench.${workbenchClass}`).waitFor({ timeout: 15_000 });
        await workbench.screenshot(`triage-rows-${theme.toLowerCase().replace(/ /g, '-')}`, workbench.articlesView());
      }
    });
  }

  it('importing a file that is not JSON says so and changes nothing', async () => {
    const { workbench } = j;
    const bad = path.join(j.workspace, 'bad.json');
    fs.writeFileSync(bad, 'read: 2505.20314 (this is not JSON)\n');
    await workbench.openDigest(FIXTURE);
    const count = await workbench.unreadText();
    const starred = await workbench.starredLabels();
    await workbench.runCommand('Digest: Import Reading State…');
    // code-server's open dialog: a quick input holding a path.
    const input = workbench.page.locator('.quick-input-widget input');
    // It lists the workspace folder once it has read it; then the path typed is the one taken.
    await workbench.page.locator('.quick-input-list .monaco-list-row', { hasText: 'bad.json' }).first().waitFor({ timeout: 15_000 });
    await input.fill(bad);
    await workbench.page.waitForFunction((file) => document.querySelector<HTMLInputElement>('.quick-input-widget input')?.value === file, bad);
    await workbench.page.keyboard.press('Enter');
    const error = workbench.notification(/bad\.json could not be imported: it is not valid JSON/);
    await error.waitFor({ timeout: 15_000 });
    assert.match(await error.innerText(), /Nothing was changed\./);
    await workbench.screenshot('import-not-json');
    assert.equal(await workbench.unreadText(), count);
    assert.deepEqual(await workbench.starredLabels(), starred);
    await workbench.dismissNotifications();
  });
}
