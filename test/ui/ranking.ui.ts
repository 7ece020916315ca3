/// <reference lib="dom" />
/**
 * Issue 18 in the workbench: star three federated-learning papers of the
 * sample, sort the Articles view "For you" (its title button), and the other
 * federated-learning papers lead their dates, each row with its score, the
 * tooltip and the panel saying why; it all survives a window reload. More
 * Like This from a row's context menu lists similar papers with what they share.
 */
import * as assert from 'node:assert/strict';
import type { Frame, Locator } from 'playwright-core';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generateDigest, renderDigest } from '../support/generate';
import { audit } from './audit.ui';
import type { Journey } from './journey';
import { shownWhole } from './shownWhole';
import { FIXTURE } from './uiWorkspace';

/** The sample's papers that mention federated learning, by date (see test/support/rankingTopics.ts). */
const FEDERATED_26 = ['64 ', '71 ', '76 ', '81 ', '86 '];
const FEDERATED_27 = ['33 ', '36 ', '37 ', '47 '];

/** A row's label without the score that leads it under "For you" (`87% · 64 Title…` → `64 Title…`). */
const articleOf = (label: string): string => label.replace(/^\d{1,3}% · /, '');

export function rankingTopic(j: Journey): void {
  /** The labels of a date's rows, in the order shown. */
  async function dateRows(date: string): Promise<{ label: string; description: string }[]> {
    const { workbench } = j;
    await workbench.collapseAllInArticles();
    await workbench.expandDate(date);
    // The rows render a moment after the date expands: read until two reads agree.
    let previous = '';
    for (let attempt = 0; attempt < 40; attempt++) {
      const rows = await workbench.treeRows();
      const at = rows.findIndex((row) => row.label === date);
      const end = rows.findIndex((row, i) => i > at && /^\w{3} \d{4}-\d{2}-\d{2}$/.test(row.label));
      const under = rows.slice(at + 1, end < 0 ? undefined : end);
      const now = JSON.stringify(under);
      if (under.length >= 5 && now === previous) {
        return under;
      }
      previous = now;
      await workbench.page.waitForTimeout(250);
    }
    throw new Error(`the rows of ${date} did not settle`);
  }

  /**
   * Scrolls the Articles view with the wheel, as a reader does, until `target` (in a row) is drawn: the list draws
   * only the rows in sight and starts at the top after a reload, and it may be redrawn while it is scrolled (the
   * ranking trains again after the reload), so this looks down, then up, until it is there.
   */
  async function scrollTo(target: Locator): Promise<void> {
    const { workbench } = j;
    await workbench.articlesView().locator('.monaco-list').first().hover();
    for (let step = 0; step < 120 && (await target.count()) === 0; step++) {
      await workbench.page.mouse.wheel(0, step % 60 < 30 ? 100 : -100);
      await workbench.settled();
    }
    await workbench.page.mouse.move(700, 2);
    await target.waitFor({ timeout: 15_000 });
  }

  /** Unstars every starred article with its row's Unstar button in the Starred view, until the view lists none. */
  async function unstarAll(): Promise<void> {
    const { workbench } = j;
    const view = workbench.starredView();
    await view.waitFor();
    await workbench.setPaneExpanded(view, true);
    const articles = view.locator('.monaco-list-row[aria-level="2"]');
    // The view fills a moment after it is expanded: its rows, or its welcome text when nothing is starred (counting
    // at once found no row, and the stars of earlier topics stayed in the model).
    await articles.first().or(view.locator('.welcome-view-content', { hasText: 'No starred articles yet' })).waitFor({ timeout: 15_000 });
    for (const deadline = Date.now() + 90_000; (await articles.count()) > 0;) {
      assert.ok(Date.now() < deadline, `the Starred view still lists ${await articles.count()} articles`);
      const row = articles.first();
      const label = (await row.locator('.label-name').innerText()).trim();
      await row.hover();
      await row.locator('a.action-label[aria-label^="Unstar"]').click();
      await view.locator('.monaco-list-row[aria-level="2"] .label-name', { hasText: label }).first().waitFor({ state: 'detached', timeout: 10_000 });
    }
    // Folded again: the Articles view keeps its height, so the rows a date shows are the same before and after a reload.
    await workbench.setPaneExpanded(view, false);
    await workbench.page.mouse.move(700, 2);
  }

  /** A button of the Articles view's title, by the start of its name (title buttons show while the pointer is over the view). */
  async function titleButton(name: string) {
    const { workbench } = j;
    await workbench.articlesView().hover();
    const button = workbench.articlesView().locator(`a.action-label[aria-label^="${name}"]`).filter({ visible: true }).first();
    await button.waitFor();
    return button;
  }

  /** "Sort Articles by…" in the view's title, then an entry of its Quick Pick ("For you, within each date", "Digest order"). */
  async function sortBy(entry: string) {
    const { workbench } = j;
    await (await titleButton('Sort Articles by')).click();
    const pick = workbench.page.locator('.quick-input-widget');
    await pick.locator('.quick-input-title', { hasText: 'Sort the Articles view by' }).waitFor();
    await pick.locator('.quick-input-list .monaco-list-row', { hasText: entry }).first().click();
    await pick.waitFor({ state: 'hidden' });
  }

  it('three starred federated-learning papers, sorted "For you": the topic leads its dates, rows show score and why; after a reload too', async function () {
    this.timeout(240_000);
    const { workbench } = j;
    // From no star: what earlier topics starred would mix other topics into the model. Stars are kept in the store
    // (synced shards and this machine's copy, which brings back a star edited out of one of them), so they are taken
    // back as a reader does: Unstar on each row of the Starred view.
    await workbench.openDigest(FIXTURE);
    await unstarAll();
    await workbench.collapseAllInArticles();
    await workbench.expandDate('Thu 2025-05-29');
    // Starred with the panel's button (a key pressed right after a click may act on the row selected before).
    for (const [row, place] of [['01 Distributed Federated', 'Article 1 '], ['04 Accelerated Training of Federated', 'Article 4 '], ['13 The Panaceas', 'Article 13 ']]) {
      await workbench.treeRow(row).click();
      await workbench.page.mouse.move(700, 2);
      const frame = workbench.articleFrame();
      await frame.locator('.place', { hasText: place }).waitFor({ timeout: 20_000 });
      await frame.locator('.state button', { hasText: /Star$/ }).click();
      await frame.locator('.state button', { hasText: /Starred$/ }).waitFor();
    }
    await workbench.page.mouse.move(700, 2);
    await sortBy('For you, within each date');
    await workbench.articlesView().locator('.message', { hasText: 'For you: by similarity to 3 starred papers' }).waitFor({ timeout: 60_000 });

    const check = async (shot: string) => {
      const monday = await dateRows('Mon 2025-05-26');
      assert.deepEqual(monday.slice(0, 5).map((row) => FEDERATED_26.some((prefix) => articleOf(row.label).startsWith(prefix))).filter(Boolean).length >= 4, true, `Mon 2025-05-26 starts with ${monday.slice(0, 5).map((r) => r.label).join(' | ')}`);
      // The score leads the label: at the sidebar's default width the description after it is cut off.
      assert.ok(monday.every((row) => /^\d{1,3}% · \d+ /.test(row.label)), `every row starts with its score: ${monday.map((r) => r.label).join(' | ')}`);
      await workbench.screenshot(shot);
      const tuesday = await dateRows('Tue 2025-05-27');
      assert.ok(tuesday.slice(0, 4).filter((row) => FEDERATED_27.some((prefix) => articleOf(row.label).startsWith(prefix))).length >= 3, `Tue 2025-05-27 starts with ${tuesday.slice(0, 4).map((r) => r.label).join(' | ')}`);
    };
    await check('for-you-sorted');

    // The first row's tooltip says why.
    const monday = await dateRows('Mon 2025-05-26');
    await workbench.treeRow(articleOf(monday[0].label)).hover();
    const hover = workbench.page.locator('.monaco-hover, .workbench-hover').filter({ hasText: 'Ranked up by' }).first();
    await hover.waitFor({ timeout: 15_000 });
    assert.match(await hover.innerText(), /Ranked\sup\sby:\s[^\n]*federated/i); // the hover renders spaces as no-break spaces
    await workbench.screenshot('for-you-tooltip');
    await workbench.page.mouse.move(700, 2);

    // The panel says it too.
    await workbench.treeRow(articleOf(monday[0].label)).click();
    await workbench.page.mouse.move(700, 2);
    const frame = workbench.articleFrame();
    const why = frame.locator('.for-you');
    await why.waitFor({ timeout: 20_000 });
    assert.match(await why.innerText(), /For you: \d+% · ranked up by [^\n]*federated/i);
    await workbench.screenshot('for-you-panel');

    // x on a row of the Articles view: a thumbs-down and "not interested" on the row, and the view says papers like it rank lower; u takes it back.
    const tuesdayRows = await dateRows('Tue 2025-05-27');
    // By its number and title: its score changes once it is marked.
    const rejected = articleOf(tuesdayRows[tuesdayRows.length - 1].label);
    await workbench.treeRow(rejected).click();
    await workbench.articleFrame().locator('.place', { hasText: `Article ${Number(rejected.slice(0, 3))} ` }).waitFor({ timeout: 20_000 });
    await workbench.focusArticlesView(); // the row clicked stays selected
    const marked = workbench.treeRow(rejected).locator('.label-description', { hasText: 'not interested' });
    const lower = workbench.articlesView().locator('.message', { hasText: 'Papers like the 1 marked not interested rank lower' });
    await workbench.page.keyboard.press('x');
    // Ranked again, the row goes down its date, maybe out of sight: the wheel finds it (the keys still act on it, selected).
    await lower.waitFor({ timeout: 30_000 });
    await scrollTo(marked);
    assert.equal(await workbench.treeRow(rejected).locator('.codicon-thumbsdown').count(), 1, 'the row\'s icon is a thumbs-down');
    await workbench.screenshot('not-interested-row');
    await workbench.page.keyboard.press('u');
    await lower.waitFor({ state: 'detached', timeout: 30_000 });
    await scrollTo(workbench.treeRow(rejected));
    assert.equal(await marked.count(), 0, 'u took "not interested" back');
    await workbench.page.keyboard.press('x');
    await lower.waitFor({ timeout: 30_000 });
    await scrollTo(marked);

    await workbench.reloadWindow('digestReader.article');
    await workbench.openDigestsSidebar(); // the digest's editor and the panel come back with the window
    await workbench.articlesView().locator('.message', { hasText: 'For you: by similarity to 3 starred papers' }).waitFor({ timeout: 60_000 });
    await check('for-you-after-reload');
    await dateRows('Tue 2025-05-27');
    await scrollTo(workbench.treeRow(rejected).locator('.label-description', { hasText: 'not interested' }));
    await workbench.screenshot('not-interested-after-reload');
  });

  it('More Like This from a row lists similar papers with the words they share', async function () {
    this.timeout(120_000);
    const { workbench } = j;
    await workbench.openDigest(FIXTURE);
    await workbench.collapseAllInArticles();
    await workbench.expandDate('Sat 2025-05-24');
    await workbench.treeRow('91 Toward Malicious Clients').click({ button: 'right' });
    const items = await workbench.contextMenuItems();
    assert.ok(items.includes('More Like This'), items.join(', '));
    const item = workbench.page.locator('.context-view.monaco-menu-container .action-label', { hasText: 'More Like This' }).filter({ visible: true }).first();
    await item.click();
    const pick = workbench.page.locator('.quick-input-widget');
    const title = pick.locator('.quick-input-title', { hasText: 'More like “Toward Malicious Clients' });
    // A click that lands while the menu is still settling leaves it open with the item highlighted: Enter picks it then.
    if (!(await title.waitFor({ timeout: 5_000 }).then(() => true, () => false)) && (await item.isVisible())) {
      await workbench.page.keyboard.press('Enter');
    }
    await title.waitFor();
    const rows = pick.locator('.quick-input-list .monaco-list-row');
    await rows.first().waitFor({ timeout: 60_000 });
    const first = await rows.first().innerText();
    assert.match(first, /cs\.DC 2025-06-01 #\d{2} · similarity \d+% · shares: /);
    // Where it is listed stays readable beside the longest title: on a line of its own, first.
    const listing = /cs\.DC 2025-06-01 #\d{2}/.exec(first)?.[0] ?? '';
    assert.equal(await shownWhole(rows.first(), listing), true, `"${listing}" is not cut off`);
    await workbench.screenshot('more-like-this');
    await rows.first().click();
    await workbench.articleFrame().locator('.place').waitFor();
    await workbench.page.keyboard.press('Escape');
  });

  it('"Sort Articles by…" → Digest order puts the rows back in the digest\'s order and drops the scores', async () => {
    const { workbench } = j;
    await workbench.openDigest(FIXTURE);
    await workbench.page.mouse.move(700, 2);
    await sortBy('Digest order');
    const monday = await dateRows('Mon 2025-05-26');
    const numbers = monday.map((row) => Number(row.label.slice(0, 2)));
    assert.deepEqual(numbers, [...numbers].sort((a, b) => a - b));
    assert.ok(monday.every((row) => !/%/.test(row.description) && !/%/.test(row.label)), monday.map((row) => `${row.label} | ${row.description}`).join('\n'));
  });

  /** The inbox's page (a webview's inner frame), found by its content. */
  async function inboxFrame(attempts = 100): Promise<Frame> {
    const { workbench } = j;
    for (let attempt = 0; attempt < attempts; attempt++) {
      for (const frame of workbench.page.frames()) {
        if (await frame.locator('main#inbox').count().catch(() => 0)) {
          return frame;
        }
      }
      await workbench.page.waitForTimeout(200);
    }
    throw new Error('The inbox frame was not found');
  }

  /**
   * The inbox's page once it lists rows. A page that did not say ready within
   * 8 s of a window reload (a busy CI machine) is loaded again by the
   * page-load watch: the frame found before is then gone, and the new one is
   * looked for.
   */
  async function inboxFrameWithRows(ms = 60_000): Promise<Frame> {
    const deadline = Date.now() + ms;
    for (;;) {
      const frame = await inboxFrame();
      try {
        await frame.locator('li.row').first().waitFor({ timeout: Math.max(1_000, deadline - Date.now()) });
        return frame;
      } catch (error) {
        if (!/detached/i.test(String(error)) || Date.now() > deadline) {
          throw error;
        }
        console.log('      (the inbox page was loaded again while the test waited for its rows)');
      }
    }
  }

  it('the inbox lists every unread paper of the recent digests, full title and first sentence readable, and the triage keys empty it; after a reload too', async function () {
    this.timeout(240_000);
    const { workbench } = j;
    // Its own new papers: the topics before it read nearly all of the sample. A digest of the day arrives in the folder.
    const arrived = path.join(j.workspace, 'cs.AI-2025-06-01.txt');
    fs.writeFileSync(arrived, renderDigest(generateDigest(80, { seed: 18, abstractWords: 30 }).articles, 'cs.AI', '2025-06-01'));
    try {
      await workbench.openDigest(FIXTURE); // the extension at work (right after the window opens, the palette may not list its commands yet)
      await workbench.closeAllEditors();
      await workbench.runCommand('Digest: Open Inbox (Unread Papers of Recent Digests)');
      let inbox = await inboxFrame();
      const heading = inbox.locator('h1');
      await heading.filter({ hasText: /unread papers? of \d+ digests/ }).waitFor({ timeout: 60_000 });
      const rows = inbox.locator('li.row');
      // Listed once the Library has read the new digest.
      await inbox.locator('li.row .meta', { hasText: 'cs.AI 2025-06-01' }).first().waitFor({ timeout: 60_000 });
      const count = await rows.count();
      assert.ok(count > 50, `${count} rows`);
      const listed = (await inbox.locator('li.row .meta').allInnerTexts()).join('\n');
      assert.match(listed, /cs\.AI 2025-06-01/);
      assert.match(listed, /cs\.LG 2025-05-3[01]/);
      // A whole title and the abstract's first sentence, with no hover.
      const first = rows.first();
      assert.ok((await first.locator('.title').innerText()).length > 20);
      assert.ok((await first.locator('.lead').innerText()).length > 20);
      await workbench.screenshot('inbox');

      // Keys: j moves, Enter reads the paper in the article panel (and marks it read), m marks read.
      await first.click();
      const title1 = await inbox.locator('li.row[aria-selected="true"] .title').innerText();
      await workbench.page.keyboard.press('j');
      const title2 = await inbox.locator('li.row[aria-selected="true"] .title').innerText();
      assert.notEqual(title2, title1);
      await workbench.page.keyboard.press('Enter');
      await workbench.articleFrameHandle().then((frame) => frame.locator('.title.lang-en h1', { hasText: title2.slice(0, 30) }).waitFor({ timeout: 30_000 }));
      inbox = await inboxFrame();
      await inbox.locator('li.row[aria-selected="true"].read').waitFor();
      await workbench.screenshot('inbox-reading');
      await inbox.locator('li.row[aria-selected="true"]').click();
      await workbench.page.keyboard.press('j');
      await workbench.page.keyboard.press('m');
      // Read rows leave once the selection moves on.
      await workbench.page.keyboard.press('j');
      assert.equal(await inbox.locator('li.row .title', { hasText: title2 }).count(), 0, 'the paper read is gone from the inbox');
      // Shift+A: everything left is read; the inbox is empty.
      await workbench.page.keyboard.press('Shift+A');
      await inbox.locator('p.empty', { hasText: 'All read' }).waitFor({ timeout: 15_000 });
      await workbench.screenshot('inbox-empty');
      // u brings them back (undo), and the inbox survives a window reload.
      await workbench.page.keyboard.press('u');
      await rows.first().waitFor({ timeout: 15_000 });
      await workbench.reloadWindow('digestReader.inbox');
      inbox = await inboxFrame(150).catch(async () => {
        // Seen once in a CI run: the workbench came back from the reload with no editor at all (neither the inbox nor
        // the article panel, though its stored layout had both). Then the inbox is opened again, as a user would,
        // and still has to list what the undo brought back.
        console.log('      (the workbench restored no inbox after the reload: opened again)');
        await workbench.screenshot('inbox-not-restored');
        await workbench.runCommand('Digest: Open Inbox (Unread Papers of Recent Digests)');
        return inboxFrame();
      });
      inbox = await inboxFrameWithRows().catch(async (error: unknown) => {
        await workbench.screenshot('inbox-no-rows-after-reload');
        throw error;
      });
      assert.ok((await inbox.locator('li.row').count()) >= count - 3);
      await workbench.screenshot('inbox-after-reload');
    } catch (error) {
      await workbench.screenshot('inbox-as-it-failed'); // before the editors close: what the user saw then
      throw error;
    } finally {
      await workbench.closeAllEditors().catch(() => undefined);
      fs.rmSync(arrived, { force: true });
    }
  });

  it('axe-core finds no WCAG 2.1 A/AA violation in the inbox: light, high contrast, dark', async function () {
    this.timeout(300_000);
    const { workbench } = j;
    await workbench.openDigest(FIXTURE);
    const found: string[] = [];
    // The theme is switched with the inbox closed (the palette does not open over a focused webview's keys), then the inbox opened in it.
    for (const [theme, bodyClass] of [['Light Modern', 'vscode-light'], ['Dark High Contrast', 'vscode-high-contrast'], ['Dark Modern', 'vscode-dark']]) {
      await workbench.closeAllEditors();
      await workbench.setColorTheme(theme);
      await workbench.runCommand('Digest: Open Inbox (Unread Papers of Recent Digests)');
      const inbox = await inboxFrame();
      await inbox.waitForFunction((cls) => document.body.classList.contains(cls), bodyClass, { timeout: 15_000 });
      await inbox.locator('li.row[aria-selected="true"]').first().waitFor({ timeout: 60_000 });
      for (const violation of await audit(inbox)) {
        found.push(`${theme}: ${violation.id} (${violation.help}) at ${violation.targets.join(' | ')}`);
      }
      await workbench.screenshot(`inbox-audit-${bodyClass.replace('vscode-', '')}`);
    }
    await workbench.closeAllEditors();
    assert.deepEqual(found, []);
  });
}
