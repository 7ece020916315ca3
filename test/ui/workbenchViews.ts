/// <reference lib="dom" />
/**
 * The Workbench's steps in the sidebar: the Explorer, the Digests views (Articles, Starred,
 * Library), their rows and panes, the status bar's unread count. Mixed into Workbench (workbench.ts).
 */
import * as assert from 'node:assert/strict';
import type { FrameLocator, Locator } from 'playwright-core';
import { FIXTURE } from './uiWorkspace';
import type { Workbench } from './workbench';
import type { Sight } from './workbenchTiming';

export const viewSteps = {
  /** Opens `fileName` from the Explorer, waits until it reads as a Digest and the sidebar lists its articles. */
  async openDigest(this: Workbench, fileName: string): Promise<void> {
    await this.openFromExplorer(fileName);
    if (fileName.endsWith('.txt')) {
      // A plain-text digest switches to the Digest language; a Markdown one stays Markdown.
      await this.page.waitForFunction(() => document.querySelector('[id="status.editor.mode"]')?.textContent?.includes('Digest'), undefined, { timeout: 20_000 });
    }
    await this.openDigestsSidebar();
  },

  /** Expands a date row of the Articles view if it is collapsed (a click on an expanded one would collapse it). */
  async expandDate(this: Workbench, label: string): Promise<void> {
    const row = this.treeRow(label);
    await row.waitFor();
    if ((await row.getAttribute('aria-expanded')) !== 'true') {
      await row.click();
      await this.page.waitForFunction((text) => Array.from(document.querySelectorAll('.part.sidebar .monaco-list-row')).some((r) => r.textContent?.includes(text) && r.getAttribute('aria-expanded') === 'true'), label);
    }
  },

  /**
   * From any state: opens the digest, its sidebar and the article at `row`
   * (under the date row `date`, if given) in the panel, and waits until the
   * panel's place line contains `place`.
   */
  async showArticle(this: Workbench, fileName: string, row: string, place: string, date?: string): Promise<FrameLocator> {
    await this.openDigest(fileName);
    if (date) {
      // Only the rows in sight are rendered: the date row may be below an expanded one.
      await this.collapseAllInArticles();
      await this.expandDate(date);
    }
    await this.treeRow(row).click();
    // Off the row: its tooltip would otherwise open over the panel and take the next click.
    await this.page.mouse.move(700, 2);
    const frame = this.articleFrame();
    await frame.locator('.place', { hasText: place }).waitFor({ timeout: 20_000 });
    return frame;
  },

  /** Article 21 of the real digest in the panel. */
  async showArticle21(this: Workbench): Promise<FrameLocator> {
    return this.showArticle(FIXTURE, '21 $Δ$-Nets', 'Article 21', 'Wed 2025-05-28');
  },

  /**
   * The Digests view's welcome (no digest known to the extension). Closing the
   * editors may leave the last digest open in the background; a window reload
   * with no editor open starts clean.
   */
  async showWelcomeView(this: Workbench): Promise<Locator> {
    await this.closeAllEditors();
    const welcome = this.articlesView().locator('.welcome-view-content');
    if (!(await this.articlesView().isVisible())) {
      await this.clickDigestsIcon();
    }
    await this.articlesView().waitFor();
    if (!(await welcome.isVisible())) {
      await this.reloadWindow();
      if (!(await this.articlesView().isVisible())) {
        await this.clickDigestsIcon();
      }
    }
    await welcome.waitFor({ timeout: 30_000 });
    return welcome;
  },

  /**
   * Opens a digest with Quick Open (Ctrl+P), as a user does, and waits as openDigest does. With `sights`, times them
   * from the Enter (workbenchTiming.ts) and returns the times.
   */
  async quickOpenDigest(this: Workbench, fileName: string, sights?: Record<string, Sight>): Promise<Record<string, number> | undefined> {
    let times: Record<string, number> | undefined;
    // In a window that has just opened, Quick Open's list may still be filling in when Enter is pressed (CI run 48: the
    // third window of the two-window test got no editor in 15 s). Then the window is screenshot, and Quick Open tried once more.
    for (let attempt = 1; ; attempt++) {
      await this.page.keyboard.press('Control+p');
      await this.page.locator('.quick-input-widget input').waitFor();
      await this.page.keyboard.type(fileName);
      await this.page.locator('.quick-input-list .monaco-list-row', { hasText: fileName }).first().waitFor({ timeout: 15_000 });
      const stopwatch = sights && (await this.stopwatch(sights));
      await this.page.keyboard.press('Enter');
      const opened = await this.activeTab(fileName).waitFor({ timeout: 15_000 }).then(() => true, async (error: unknown) => {
        await this.screenshot(`quick-open-no-editor-${attempt}`);
        if (attempt >= 2) {
          throw error;
        }
        return false;
      });
      if (opened) {
        times = await stopwatch?.read();
        break;
      }
      await this.page.keyboard.press('Escape');
    }
    await this.page.waitForFunction(() => document.querySelector('[id="status.editor.mode"]')?.textContent?.includes('Digest'), undefined, { timeout: 20_000 });
    await this.openDigestsSidebar();
    return times;
  },

  /** Opens a file from the Explorer with a double click, as a user does. */
  async openFromExplorer(this: Workbench, fileName: string): Promise<void> {
    const explorer = this.page.locator('.activitybar a.action-label[aria-label^="Explorer"]');
    const folders = this.page.locator('.explorer-folders-view');
    // Just after a (re)load the workbench may still restore another sidebar over the Explorer: try again then.
    const deadline = Date.now() + 45_000;
    for (let attempt = 0; Date.now() < deadline && !(await folders.isVisible()); attempt++) {
      if (attempt === 0 && (await explorer.getAttribute('aria-expanded')) !== 'true') {
        await explorer.click();
      } else if (attempt > 0) {
        await this.page.keyboard.press('Escape'); // a palette left open by an attempt that came too early
        await this.runCommand('View: Show Explorer').catch(() => undefined); // shows it, never toggles it away
      }
      await folders.waitFor({ timeout: 5_000 }).catch(() => undefined);
    }
    await this.page.mouse.move(700, 500); // let the activity bar's hover go away
    await this.page.keyboard.press('Escape');
    const row = this.page.locator('.explorer-folders-view .monaco-list-row', { hasText: fileName }).first();
    // A file the test wrote a moment ago may not be listed until the Explorer hears of it from the file watcher.
    await row.waitFor({ timeout: 10_000 }).catch(async () => {
      await folders.hover();
      await this.page.locator('.part.sidebar a.action-label[aria-label="Refresh Explorer"]').click({ timeout: 5_000 });
    });
    await row.waitFor({ timeout: 30_000 });
    // A file created or deleted a moment ago may move the rows under the double click: then look again and retry.
    const tab = this.page.locator('.tabs-container .tab.active', { hasText: fileName }).first();
    for (let attempt = 1; ; attempt++) {
      await row.dblclick();
      try {
        await tab.waitFor({ timeout: attempt < 3 ? 10_000 : 30_000 });
        return;
      } catch (error) {
        if (attempt >= 3) {
          throw error;
        }
      }
    }
  },

  /** The language shown in the status bar for the active editor. */
  async statusBarLanguage(this: Workbench): Promise<string> {
    const item = this.page.locator('[id="status.editor.mode"]');
    await item.waitFor();
    return (await item.innerText()).trim();
  },

  /**
   * The Digests icon in the activity bar: its whole item, as the unread badge
   * (a sibling of the icon's link) takes the clicks on its corner.
   */
  digestsActivity(this: Workbench): Locator {
    return this.page.locator('.activitybar li.action-item', { has: this.page.locator('a.action-label[aria-label^="Digests"]') }).first();
  },

  async openDigestsSidebar(this: Workbench): Promise<Locator> {
    const view = this.articlesView();
    if (!(await view.isVisible())) {
      await this.clickDigestsIcon();
    }
    await this.page.mouse.move(700, 500);
    await view.waitFor();
    // A topic that gave another pane the sidebar's height may have folded Articles: a reader unfolds it to read.
    await this.setPaneExpanded(view, true);
    // The view settles once the digest is parsed: its message then names the article count.
    await view.locator('.message', { hasText: / articles?/ }).first().waitFor({ timeout: 20_000 }).catch(() => undefined);
    await view.locator('.monaco-list-row').first().waitFor({ timeout: 20_000 }).catch(() => undefined);
    return view;
  },

  /** The Digests icon in the activity bar: the item as a whole, since its unread badge covers the icon. */
  async clickDigestsIcon(this: Workbench): Promise<void> {
    // Clicking the icon of the container already shown would close the sidebar, and right after a reload the
    // workbench may still be restoring another one: click only when Digests is not shown, until its view is there.
    const shown = this.page.locator('.part.sidebar .composite.title', { hasText: /Digests/i });
    const icon = this.page.locator('.activitybar .action-item', { has: this.page.locator('a.action-label[aria-label^="Digests"]') });
    const deadline = Date.now() + 30_000;
    while (!(await this.articlesView().isVisible())) {
      if (Date.now() > deadline) {
        throw new Error('The Digests sidebar did not open');
      }
      if (!(await shown.isVisible())) {
        await icon.click();
      }
      await this.articlesView().waitFor({ timeout: 2_000 }).catch(() => undefined);
    }
  },

  /** The Articles view: its pane in the Digests sidebar (beside Starred). */
  articlesView(this: Workbench): Locator {
    return this.viewPane('Articles');
  },

  /** The Starred view's pane in the Digests sidebar. */
  starredView(this: Workbench): Locator {
    return this.viewPane('Starred');
  },

  /** The Library view's pane in the Digests sidebar. */
  libraryView(this: Workbench): Locator {
    return this.viewPane('Library');
  },

  /**
   * Expands or folds a view's pane by its title, as a user does, and waits
   * until it is so. Not by the header's middle: a view's title buttons show
   * there as the pointer arrives, and a click on one (the Articles view's
   * "Hide Read Articles") does something else instead. A CI flake was that.
   */
  async setPaneExpanded(this: Workbench, pane: Locator, expanded: boolean): Promise<void> {
    const header = pane.locator('.pane-header').first();
    if ((await header.getAttribute('aria-expanded')) !== String(expanded)) {
      await header.locator('.title').first().click();
      await pane.locator(`.pane-header[aria-expanded="${expanded}"]`).first().waitFor({ timeout: 10_000 });
    }
  },

  /** The Library with the sidebar's height: every other pane of the Digests sidebar folded (Articles, Starred, Study List). */
  async showLibraryAlone(this: Workbench): Promise<Locator> {
    await this.clickDigestsIcon();
    const sidebar = this.page.locator('.part.sidebar', { has: this.page.locator('.composite.title', { hasText: /Digests/i }) });
    for (const pane of await sidebar.locator('.pane').all()) {
      const title = (await pane.locator('.pane-header .title').first().innerText()).trim();
      await this.setPaneExpanded(pane, /^library$/i.test(title));
    }
    return this.libraryView();
  },

  /**
   * A digest's row of the Library, in sight: when it is not (its subject folded, or scrolled away below others
   * unfolded earlier), the Library is collapsed and only its subject unfolded. `name` starts its accessible name.
   */
  async libraryDigestRow(this: Workbench, subject: string, name: string): Promise<Locator> {
    const library = this.libraryView();
    const row = library.locator(`.monaco-list-row[aria-label^="${name}"]`).first();
    if (!(await row.isVisible())) {
      await library.locator('.pane-header').first().hover();
      await library.locator('.pane-header .action-label[aria-label^="Collapse All"]').click();
      await library.locator('.monaco-list-row[aria-level="1"]', { has: this.page.locator('.label-name', { hasText: new RegExp(`^${subject.replace(/\./g, '\\.')}$`) }) }).click();
    }
    await row.waitFor({ timeout: 30_000 });
    return row;
  },

  viewPane(this: Workbench, title: string): Locator {
    const sidebar = this.page.locator('.part.sidebar', { has: this.page.locator('.composite.title', { hasText: /Digests/i }) });
    return sidebar.locator('.pane', { has: this.page.locator('.pane-header .title', { hasText: new RegExp(`^${title}$`, 'i') }) });
  },

  /** Visible rows of the Articles view: label and description as shown. */
  async treeRows(this: Workbench): Promise<{ label: string; description: string }[]> {
    const rows = this.articlesView().locator('.monaco-list-row');
    const result: { label: string; description: string }[] = [];
    for (const row of await rows.all()) {
      const label = (await row.locator('.label-name').first().innerText()).trim();
      const description = (await row.locator('.label-description').first().innerText().catch(() => '')).trim();
      result.push({ label, description });
    }
    return result;
  },

  async collapseAllInArticles(this: Workbench): Promise<void> {
    await this.articlesView().hover();
    await this.articlesView().locator('a.action-label[aria-label="Collapse All"]').filter({ visible: true }).first().click();
  },

  /**
   * Clicks a list row where it is drawn now, as a user's pointer does. Why not `row.click()`: Playwright takes
   * hold of the row's element, then waits some frames and clicks where that element is then; a list redrawn
   * meanwhile may have reused the element for another row (VS Code's lists recycle their row elements), and
   * the click opens that row instead (seen in the Library while digests came in). Here aiming and clicking are
   * one step apart; a click that still met another row is said and tried again.
   */
  async clickRowAsDrawn(this: Workbench, row: Locator): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      await row.waitFor();
      // Aims, and listens for the row the press meets, in one step in the page.
      const aim = await row.evaluate((element) => {
        const box = element.getBoundingClientRect();
        const page = window as unknown as { rowPressed?: string };
        page.rowPressed = undefined;
        document.addEventListener('mousedown', (event) => {
          page.rowPressed = (event.target as Element | null)?.closest('.monaco-list-row')?.getAttribute('aria-label') ?? '(no row)';
        }, { capture: true, once: true });
        return { x: box.left + box.width / 2, y: box.top + box.height / 2, label: element.getAttribute('aria-label') ?? '' };
      });
      await this.page.mouse.click(aim.x, aim.y);
      const hitLabel = await this.page.evaluate(() => (window as unknown as { rowPressed?: string }).rowPressed ?? '(nothing)');
      if (hitLabel === aim.label) {
        return;
      }
      console.log(`      (a click aimed at "${aim.label}" met "${hitLabel}": the list redrew between aiming and clicking; attempt ${attempt})`);
      if (attempt === 3) {
        throw new Error(`Three clicks aimed at "${aim.label}" met other rows, the last "${hitLabel}"`);
      }
    }
  },

  treeRow(this: Workbench, text: string): Locator {
    return this.articlesView().locator('.monaco-list-row', { hasText: text }).first();
  },

  /** The extension's status bar item, `N/T unread`. */
  unreadStatus(this: Workbench): Locator {
    return this.page.locator('.statusbar-item', { hasText: /\d+\/\d+ unread/ }).first();
  },

  /** The status bar's `N/T unread`, as shown. */
  async unreadText(this: Workbench): Promise<string> {
    const text = (await this.unreadStatus().innerText({ timeout: 20_000 })).trim();
    const match = /(\d+)\/(\d+) unread/.exec(text);
    assert.ok(match, `the status bar shows "${text}"`);
    return match[0];
  },

  /** Waits until the status bar shows exactly `text` (e.g. `0/103 unread`). */
  async waitForUnread(this: Workbench, text: string, timeout = 10_000): Promise<void> {
    const exact = new RegExp(`(^|\\s)${text.replace('/', '\\/')}$`);
    await this.page.locator('.statusbar-item', { hasText: exact }).first().waitFor({ timeout }).catch(async () => {
      throw new Error(`The status bar shows "${await this.unreadText().catch(() => 'no unread count')}", not "${text}"`);
    });
  },

  /** Focuses the Articles view from the Command Palette ("Digests: Focus on Articles View"), and waits until it has focus. */
  async focusArticlesView(this: Workbench): Promise<void> {
    await this.runCommand('Digests: Focus on Articles View');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    await this.articlesView().locator('.monaco-list:focus-within, .monaco-list:focus').first().waitFor({ timeout: 10_000 });
  },

  /** The label of the selected row of a view (the Articles view unless given), or '' when none is selected or rendered. */
  async selectedLabel(this: Workbench, view: Locator = this.articlesView()): Promise<string> {
    const row = view.locator('.monaco-list-row.selected .label-name').first();
    return (await row.count()) ? (await row.innerText()).trim() : '';
  },

  /** Waits until the selected row's label is no longer `previous`; returns the new one. */
  async waitForSelectionChange(this: Workbench, previous: string, view: Locator = this.articlesView()): Promise<string> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const label = await this.selectedLabel(view);
      if (label && label !== previous) {
        return label;
      }
      assert.ok(Date.now() < deadline, `the selection stayed at "${previous}"`);
      await this.settled();
    }
  },

  /** Presses keys with `page.keyboard.press` and counts every press. */
  keyCounter(this: Workbench): { press(key: string): Promise<void>; readonly count: number } {
    let count = 0;
    const page = this.page;
    return {
      async press(key: string) {
        count++;
        await page.keyboard.press(key);
      },
      get count() {
        return count;
      },
    };
  },

  /** The Starred view's rows, labels as shown (digest rows and article rows). */
  async starredLabels(this: Workbench): Promise<string[]> {
    const view = this.starredView();
    await view.waitFor();
    await this.setPaneExpanded(view, true);
    return (await view.locator('.monaco-list-row .label-name').allInnerTexts()).map((label) => label.trim());
  },

  /** Waits until a row of the Starred view is labelled `title`. */
  async waitForStarredLabelsToInclude(this: Workbench, title: string, timeout = 15_000): Promise<void> {
    let labels: string[] = [];
    for (const deadline = Date.now() + timeout; !labels.includes(title) && Date.now() < deadline; await this.settled()) {
      labels = await this.starredLabels();
    }
    assert.ok(labels.includes(title), `the Starred view lists "${title}": ${JSON.stringify(labels)}`);
  },

  /** Waits until the Starred view's rows are `expected` (it rebuilds a moment after the state loads). */
  async waitForStarredLabels(this: Workbench, expected: string[], timeout = 15_000): Promise<void> {
    let labels: string[] = [];
    for (const deadline = Date.now() + timeout; labels.join('\n') !== expected.join('\n') && Date.now() < deadline; await this.settled()) {
      labels = await this.starredLabels();
    }
    assert.deepEqual(labels, expected);
  },
};
