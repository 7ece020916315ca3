/**
 * Drives the VS Code workbench in headless Chromium as a user does, and saves
 * a screenshot of each step: code-server 1.100 (Node extension host) or
 * VS Code for the Web 1.137 (web worker extension host, `Workbench.openWeb`).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type Frame, type FrameLocator, type Locator, type Page } from 'playwright-core';
import * as assert from 'node:assert/strict';
import { projectRoot } from '../support/fixtures';
import { FIXTURE } from './uiWorkspace';
import { editExtensionState } from './browserStorage';
import { codeServerErrors, extensionHostLogFiles, webConsoleErrors, type ConsoleEntry } from './hostLogs';
import { CHROMIUM_ARGS, chromiumPath, createProfile, installExtension, installLanguagePack, startCodeServer, workbenchUrl, type Profile } from '../host/codeServer';
import { launchWebBrowser, startVsCodeWeb, VSCODE_WEB_VERSION } from '../host/vscodeWeb';

export const screenshotsRoot = path.join(projectRoot, 'test-results', 'screenshots');

export interface WorkbenchOptions {
  name: string;
  folder: string;
  /** Load the extension from the working tree (development) or install this .vsix first. */
  vsix?: string;
  settings?: Record<string, unknown>;
  /** A language pack (.vsix) to install first, and the display language to start code-server in (`--locale`). */
  languagePack?: string;
  locale?: string;
  /** Workspace Trust on (the folder opens untrusted: the trust prompt waits for an answer). */
  workspaceTrust?: boolean;
}

/** What runs the workbench: code-server with its profile on disk, or VS Code for the Web with its page console. */
type Host =
  | { readonly kind: 'code-server'; readonly profile: Profile; close(): Promise<void> }
  | { readonly kind: 'web'; readonly version: string; readonly console: ConsoleEntry[]; close(): Promise<void> };

export class Workbench {
  private step = 0;

  private constructor(
    readonly page: Page,
    private readonly host: Host,
    private readonly screenshots: string,
    /** A second window of the same browser and server closes only its page. */
    private readonly secondary = false,
  ) {}

  /** code-server 1.100: the extension from the working tree, or installed from a .vsix into a clean profile. */
  static async open(options: WorkbenchOptions): Promise<Workbench> {
    const trust = options.workspaceTrust ? { 'security.workspace.trust.enabled': true } : {};
    const profile = createProfile(`ui-${options.name}`, { ...trust, ...options.settings });
    if (options.vsix) {
      installExtension(profile, options.vsix);
    }
    if (options.languagePack) {
      installLanguagePack(profile, options.languagePack);
    }
    const server = await startCodeServer(profile, { locale: options.locale, workspaceTrust: options.workspaceTrust });
    const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
    const context = await browser.newContext({ viewport: { width: 1500, height: 950 } });
    const page = await context.newPage();
    const url = workbenchUrl(server, { folder: options.folder, extensionDevelopmentPath: options.vsix ? undefined : projectRoot });
    const host: Host = {
      kind: 'code-server',
      profile,
      close: async () => {
        await browser.close();
        await server.stop();
        fs.rmSync(path.dirname(profile.userDataDir), { recursive: true, force: true });
      },
    };
    return Workbench.load(page, url, host, options.name);
  }

  /**
   * VS Code for the Web 1.137 (served by @vscode/test-web) with the extension
   * from the working tree (its `browser` entry), `folder` mounted as
   * vscode-test-web://mount/. The page's console is recorded from the start:
   * the web worker extension host reports its errors there.
   */
  static async openWeb(options: { name: string; folder: string }): Promise<Workbench> {
    const server = await startVsCodeWeb({ folder: options.folder, extensionDevelopmentPath: projectRoot });
    const browser = await launchWebBrowser();
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    const entries: ConsoleEntry[] = [];
    const record = (target: Page): void => {
      target.on('console', (message) => {
        const where = message.location().url;
        entries.push({ type: message.type(), text: message.type() === 'error' && where ? `${message.text()} [${where}]` : message.text() });
      });
      target.on('pageerror', (error) => entries.push({ type: 'pageerror', text: `${error.name}: ${error.message}\n${error.stack ?? ''}` }));
    };
    record(page);
    browser.context.on('page', record); // another window, and pages the workbench opens
    const host: Host = {
      kind: 'web',
      version: VSCODE_WEB_VERSION,
      console: entries,
      close: async () => {
        await browser.close();
        await server.stop();
      },
    };
    return Workbench.load(page, server.url, host, options.name);
  }

  private static async load(page: Page, url: string, host: Host, name: string): Promise<Workbench> {
    const screenshots = path.join(screenshotsRoot, name);
    fs.rmSync(screenshots, { recursive: true, force: true });
    fs.mkdirSync(screenshots, { recursive: true });
    await page.goto(url);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    // The workbench settles (extensions, views) a moment after it appears.
    await page.locator('.activitybar').waitFor();
    const workbench = new Workbench(page, host, screenshots);
    await workbench.dismissNotifications();
    return workbench;
  }

  /** Which workbench this is: code-server (VS Code 1.100) or VS Code for the Web (1.137). */
  get hostKind(): Host['kind'] {
    return this.host.kind;
  }

  /** code-server's profile (settings, logs); there is none on disk for VS Code for the Web. */
  get profile(): Profile {
    assert.ok(this.host.kind === 'code-server', 'VS Code for the Web keeps its profile in the browser');
    return this.host.profile;
  }

  /** Saves a screenshot of the page, or of one part of it (e.g. a view). */
  async screenshot(name: string, part?: Locator): Promise<string> {
    this.step++;
    const file = path.join(this.screenshots, `${String(this.step).padStart(2, '0')}-${name}.png`);
    await this.settled();
    await (part ?? this.page).screenshot({ path: file });
    return file;
  }

  /** Resolves once the page has rendered two more frames (layout and paint done), in place of a fixed sleep. */
  async settled(): Promise<void> {
    await this.page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
  }

  /** Every extension host log of this code-server run (one per window load; a reload starts another). */
  extensionHostLogs(): string[] {
    return extensionHostLogFiles(this.profile.userDataDir);
  }

  /** Everything the web workbench's page logged so far (VS Code for the Web only). */
  consoleEntries(): readonly ConsoleEntry[] {
    assert.ok(this.host.kind === 'web', 'code-server\'s extension host logs to files: see extensionHostLogs()');
    return this.host.console;
  }

  /**
   * The extension host's errors of this run, less the harmless ones listed above:
   * code-server's [error] log entries, or the web page's console errors and uncaught errors.
   */
  extensionHostErrors(): string[] {
    return this.host.kind === 'web' ? webConsoleErrors(this.host.console) : codeServerErrors(this.profile.userDataDir);
  }

  /**
   * "Developer: Reload Window", as a user does: unlike page.reload(), the
   * workbench stores its state first (a tab page reload may lose the last
   * changes, e.g. editors just closed come back).
   */
  async reloadWindow(): Promise<void> {
    const navigated = this.page.waitForEvent('framenavigated', { predicate: (frame) => frame === this.page.mainFrame(), timeout: 60_000 });
    await this.runCommand('Developer: Reload Window');
    await navigated;
    await this.page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await this.page.locator('.activitybar').waitFor();
    await this.dismissNotifications();
  }

  /** Closes every editor (and so the article panel), discarding nothing: tests leave no unsaved edits. */
  async closeAllEditors(): Promise<void> {
    await this.dismissNotifications();
    await this.runCommand('View: Close All Editor Groups');
    await this.page.locator('.tabs-container .tab').first().waitFor({ state: 'detached' });
    await this.page.locator('iframe.webview.ready').first().waitFor({ state: 'detached' }).catch(() => undefined);
  }

  /** The active editor's tab. */
  activeTab(fileName: string): Locator {
    return this.page.locator('.tabs-container .tab.active', { hasText: fileName }).first();
  }

  /** Opens `fileName` from the Explorer, waits until it reads as a Digest and the sidebar lists its articles. */
  async openDigest(fileName: string): Promise<void> {
    await this.openFromExplorer(fileName);
    if (fileName.endsWith('.txt')) {
      // A plain-text digest switches to the Digest language; a Markdown one stays Markdown.
      await this.page.waitForFunction(() => document.querySelector('[id="status.editor.mode"]')?.textContent?.includes('Digest'), undefined, { timeout: 20_000 });
    }
    await this.openDigestsSidebar();
  }

  /** Expands a date row of the Articles view if it is collapsed (a click on an expanded one would collapse it). */
  async expandDate(label: string): Promise<void> {
    const row = this.treeRow(label);
    await row.waitFor();
    if ((await row.getAttribute('aria-expanded')) !== 'true') {
      await row.click();
      await this.page.waitForFunction((text) => Array.from(document.querySelectorAll('.part.sidebar .monaco-list-row')).some((r) => r.textContent?.includes(text) && r.getAttribute('aria-expanded') === 'true'), label);
    }
  }

  /**
   * From any state: opens the digest, its sidebar and the article at `row`
   * (under the date row `date`, if given) in the panel, and waits until the
   * panel's place line contains `place`.
   */
  async showArticle(fileName: string, row: string, place: string, date?: string): Promise<FrameLocator> {
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
  }

  /** Article 21 of the real digest in the panel. */
  async showArticle21(): Promise<FrameLocator> {
    return this.showArticle(FIXTURE, '21 $Δ$-Nets', 'Article 21', 'Wed 2025-05-28');
  }

  /** The labels of the open context menu (separators left out). */
  async contextMenuItems(): Promise<string[]> {
    // The container of an earlier menu stays, hidden; the editor's menu lives in a shadow root (CSS locators pierce it).
    const menu = this.page.locator('.context-view.monaco-menu-container').filter({ visible: true }).first();
    await menu.waitFor();
    const labels = await menu.locator('.action-item:not(.disabled) .action-label').allInnerTexts();
    return labels.map((label) => label.trim()).filter(Boolean);
  }

  async closeContextMenu(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.page.locator('.context-view.monaco-menu-container').filter({ visible: true }).first().waitFor({ state: 'hidden' });
  }

  /** Right-clicks into the text of the active editor group's editor. */
  async editorContextMenu(): Promise<string[]> {
    // The middle of the editor: its top lines may be covered by sticky scroll.
    const box = await this.page.locator('.editor-group-container.active .monaco-editor .overflow-guard').first().boundingBox();
    assert.ok(box, 'an editor is open');
    await this.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2, { button: 'right' });
    return this.contextMenuItems();
  }

  /**
   * The Digests view's welcome (no digest known to the extension). Closing the
   * editors may leave the last digest open in the background; a window reload
   * with no editor open starts clean.
   */
  async showWelcomeView(): Promise<Locator> {
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
  }

  /** Sets a boolean setting in the Settings editor, as a user does (the workbench does not watch settings.json written from outside). */
  async setBooleanSetting(search: string, title: string, value: boolean): Promise<void> {
    await this.runCommand('Preferences: Open User Settings');
    const editor = this.page.locator('.settings-editor');
    await editor.waitFor();
    await editor.locator('.settings-header .suggest-input-container').click();
    await this.page.keyboard.type(search);
    const checkbox = editor.locator('.setting-item-bool', { hasText: title }).locator('.setting-value-checkbox').first();
    await checkbox.waitFor({ timeout: 15_000 });
    if ((await checkbox.getAttribute('aria-checked')) !== String(value)) {
      await checkbox.click();
    }
    await this.page.waitForFunction(
      ([text, wanted]) => Array.from(document.querySelectorAll('.settings-editor .setting-item-bool')).some((item) => item.textContent?.includes(text) && item.querySelector('.setting-value-checkbox')?.getAttribute('aria-checked') === wanted),
      [title, String(value)] as const,
    );
    await this.runCommand('View: Close Editor');
    await editor.waitFor({ state: 'detached' });
  }

  /** Waits until the status bar shows the cursor at this line and column (1-based). */
  async waitForCursor(line: number, column: number): Promise<void> {
    const text = new RegExp(`^\\s*Ln ${line}, Col ${column}\\s*$`);
    await this.page.locator('[id="status.editor.selection"]', { hasText: text }).waitFor({ timeout: 10_000 }).catch(async () => {
      throw new Error(`The cursor is at "${(await this.page.locator('[id="status.editor.selection"]').innerText()).trim()}", not at Ln ${line}, Col ${column}`);
    });
  }

  /** Puts the keyboard focus in the active editor without clicking in it (a click could land on a CodeLens). */
  async focusEditor(): Promise<void> {
    await this.runCommand('View: Focus Active Editor Group');
    await this.page.locator('.editor-group-container.active .monaco-editor.focused').waitFor({ timeout: 10_000 });
  }

  /** Moves the cursor of the active editor to the start of a line (1-based) with "Go to Line" (Ctrl+G). */
  async goToLine(line: number): Promise<void> {
    await this.page.keyboard.press('Control+g');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`:${line}`);
    await this.page.keyboard.press('Enter');
    await this.waitForCursor(line, 1);
  }

  /** Edits one key of the extension's global state in the browser's storage (see browserStorage.ts); false when not stored. */
  async editExtensionState(key: string, edit: (value: unknown) => unknown): Promise<boolean> {
    return editExtensionState(this.page, key, edit);
  }

  async dismissNotifications(): Promise<void> {
    await this.page.keyboard.press('Escape');
  }

  /** Opens a digest with Quick Open (Ctrl+P), as a user does, and waits as openDigest does. */
  async quickOpenDigest(fileName: string): Promise<void> {
    await this.page.keyboard.press('Control+p');
    await this.page.locator('.quick-input-widget input').waitFor();
    await this.page.keyboard.type(fileName);
    await this.page.locator('.quick-input-list .monaco-list-row', { hasText: fileName }).first().waitFor({ timeout: 15_000 });
    await this.page.keyboard.press('Enter');
    await this.activeTab(fileName).waitFor({ timeout: 15_000 });
    await this.page.waitForFunction(() => document.querySelector('[id="status.editor.mode"]')?.textContent?.includes('Digest'), undefined, { timeout: 20_000 });
    await this.openDigestsSidebar();
  }

  /** Opens a file from the Explorer with a double click, as a user does. */
  async openFromExplorer(fileName: string): Promise<void> {
    const explorer = this.page.locator('.activitybar a.action-label[aria-label^="Explorer"]');
    const folders = this.page.locator('.explorer-folders-view');
    // Just after a (re)load the workbench may still restore another sidebar over the Explorer: try again then.
    for (let attempt = 0; attempt < 3 && !(await folders.isVisible()); attempt++) {
      if (attempt === 0 && (await explorer.getAttribute('aria-expanded')) !== 'true') {
        await explorer.click();
      } else if (attempt > 0) {
        await this.runCommand('View: Show Explorer'); // shows it, never toggles it away
      }
      await folders.waitFor({ timeout: 5_000 }).catch(() => undefined);
    }
    await this.page.mouse.move(700, 500); // let the activity bar's hover go away
    await this.page.keyboard.press('Escape');
    const row = this.page.locator('.explorer-folders-view .monaco-list-row', { hasText: fileName }).first();
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
  }

  /** The language shown in the status bar for the active editor. */
  async statusBarLanguage(): Promise<string> {
    const item = this.page.locator('[id="status.editor.mode"]');
    await item.waitFor();
    return (await item.innerText()).trim();
  }

  /**
   * The Digests icon in the activity bar: its whole item, as the unread badge
   * (a sibling of the icon's link) takes the clicks on its corner.
   */
  digestsActivity(): Locator {
    return this.page.locator('.activitybar li.action-item', { has: this.page.locator('a.action-label[aria-label^="Digests"]') }).first();
  }

  async openDigestsSidebar(): Promise<Locator> {
    const view = this.articlesView();
    if (!(await view.isVisible())) {
      await this.clickDigestsIcon();
    }
    await this.page.mouse.move(700, 500);
    await view.waitFor();
    // The view settles once the digest is parsed: its message then names the article count.
    await view.locator('.message', { hasText: / articles?/ }).first().waitFor({ timeout: 20_000 }).catch(() => undefined);
    await view.locator('.monaco-list-row').first().waitFor({ timeout: 20_000 }).catch(() => undefined);
    return view;
  }

  /** The Digests icon in the activity bar: the item as a whole, since its unread badge covers the icon. */
  async clickDigestsIcon(): Promise<void> {
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
  }

  /** The Articles view: its pane in the Digests sidebar (beside Starred). */
  articlesView(): Locator {
    return this.viewPane('Articles');
  }

  /** The Starred view's pane in the Digests sidebar. */
  starredView(): Locator {
    return this.viewPane('Starred');
  }

  /** The Library view's pane in the Digests sidebar. */
  libraryView(): Locator {
    return this.viewPane('Library');
  }

  private viewPane(title: string): Locator {
    const sidebar = this.page.locator('.part.sidebar', { has: this.page.locator('.composite.title', { hasText: /Digests/i }) });
    return sidebar.locator('.pane', { has: this.page.locator('.pane-header .title', { hasText: new RegExp(`^${title}$`, 'i') }) });
  }

  /** Visible rows of the Articles view: label and description as shown. */
  async treeRows(): Promise<{ label: string; description: string }[]> {
    const rows = this.articlesView().locator('.monaco-list-row');
    const result: { label: string; description: string }[] = [];
    for (const row of await rows.all()) {
      const label = (await row.locator('.label-name').first().innerText()).trim();
      const description = (await row.locator('.label-description').first().innerText().catch(() => '')).trim();
      result.push({ label, description });
    }
    return result;
  }

  async collapseAllInArticles(): Promise<void> {
    await this.articlesView().hover();
    await this.articlesView().locator('a.action-label[aria-label="Collapse All"]').filter({ visible: true }).first().click();
  }

  treeRow(text: string): Locator {
    return this.articlesView().locator('.monaco-list-row', { hasText: text }).first();
  }

  /** The extension's status bar item, `N/T unread`. */
  unreadStatus(): Locator {
    return this.page.locator('.statusbar-item', { hasText: /\d+\/\d+ unread/ }).first();
  }

  /** The status bar's `N/T unread`, as shown. */
  async unreadText(): Promise<string> {
    const text = (await this.unreadStatus().innerText({ timeout: 20_000 })).trim();
    const match = /(\d+)\/(\d+) unread/.exec(text);
    assert.ok(match, `the status bar shows "${text}"`);
    return match[0];
  }

  /** Waits until the status bar shows exactly `text` (e.g. `0/103 unread`). */
  async waitForUnread(text: string, timeout = 10_000): Promise<void> {
    const exact = new RegExp(`(^|\\s)${text.replace('/', '\\/')}$`);
    await this.page.locator('.statusbar-item', { hasText: exact }).first().waitFor({ timeout }).catch(async () => {
      throw new Error(`The status bar shows "${await this.unreadText().catch(() => 'no unread count')}", not "${text}"`);
    });
  }

  /** Focuses the Articles view from the Command Palette ("Digests: Focus on Articles View"), and waits until it has focus. */
  async focusArticlesView(): Promise<void> {
    await this.runCommand('Digests: Focus on Articles View');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    await this.articlesView().locator('.monaco-list:focus-within, .monaco-list:focus').first().waitFor({ timeout: 10_000 });
  }

  /** The label of the selected row of a view (the Articles view unless given), or '' when none is selected or rendered. */
  async selectedLabel(view: Locator = this.articlesView()): Promise<string> {
    const row = view.locator('.monaco-list-row.selected .label-name').first();
    return (await row.count()) ? (await row.innerText()).trim() : '';
  }

  /** Waits until the selected row's label is no longer `previous`; returns the new one. */
  async waitForSelectionChange(previous: string, view: Locator = this.articlesView()): Promise<string> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const label = await this.selectedLabel(view);
      if (label && label !== previous) {
        return label;
      }
      assert.ok(Date.now() < deadline, `the selection stayed at "${previous}"`);
      await this.settled();
    }
  }

  /** Presses keys with `page.keyboard.press` and counts every press. */
  keyCounter(): { press(key: string): Promise<void>; readonly count: number } {
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
  }

  /** The Starred view's rows, labels as shown (digest rows and article rows). */
  async starredLabels(): Promise<string[]> {
    const view = this.starredView();
    await view.waitFor();
    const header = view.locator('.pane-header').first();
    if ((await header.getAttribute('aria-expanded')) === 'false') {
      await header.click();
    }
    return (await view.locator('.monaco-list-row .label-name').allInnerTexts()).map((label) => label.trim());
  }

  /** A notification toast with this text. */
  /** Waits until the Starred view's rows are `expected` (it rebuilds a moment after the state loads). */
  async waitForStarredLabels(expected: string[], timeout = 15_000): Promise<void> {
    let labels: string[] = [];
    for (const deadline = Date.now() + timeout; labels.join('\n') !== expected.join('\n') && Date.now() < deadline; await this.settled()) {
      labels = await this.starredLabels();
    }
    assert.deepEqual(labels, expected);
  }

  notification(text: RegExp): Locator {
    return this.page.locator('.notifications-toasts .notification-toast', { hasText: text }).first();
  }

  /** The article panel's page, inside the webview's two iframes. */
  articleFrame(): FrameLocator {
    return this.page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  }

  /** The article panel's frame as a Frame, to evaluate script in it. */
  async articleFrameHandle(): Promise<Frame> {
    for (let attempt = 0; attempt < 50; attempt++) {
      for (const frame of this.page.frames()) {
        if (await frame.locator('main#article').count().catch(() => 0)) {
          return frame;
        }
      }
      await this.page.waitForTimeout(200);
    }
    throw new Error('The article panel frame was not found');
  }

  async runCommand(title: string): Promise<void> {
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`>${title}`);
    // Click the command whose title is exactly this one (others may contain it).
    const exact = new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
    const row = this.page.locator('.quick-input-list .monaco-list-row').filter({ has: this.page.locator('.label-name', { hasText: exact }) }).first();
    await row.click();
  }

  /** The modal dialog VS Code shows (e.g. before opening an external website): its text. */
  async dialogText(): Promise<string> {
    const dialog = this.page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 15_000 });
    return dialog.innerText();
  }

  async clickDialogButton(label: string): Promise<void> {
    await this.page.locator('.monaco-dialog-box a.monaco-button, .monaco-dialog-box .monaco-button', { hasText: label }).first().click();
    await this.page.locator('.monaco-dialog-box').waitFor({ state: 'detached' });
  }

  /** Picks a color theme in "Preferences: Color Theme", as a user does. */
  async setColorTheme(label: string): Promise<void> {
    await this.runCommand('Preferences: Color Theme');
    // The theme picker replaces the palette in the same widget; filter it to the theme.
    // fill(), not keyboard.type(): typed letters that reach a focused view would run its single-key bindings.
    await this.page.locator('.quick-input-widget input[placeholder*="Color Theme"]').fill(label);
    const row = this.page.locator(`.quick-input-list .monaco-list-row[aria-label^="${label}"]`).first();
    await row.waitFor();
    await row.click();
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  }

  /**
   * Another browser window on the same workbench URL, as a user opens a
   * second tab: the same server, profile and browser storage, its own
   * extension host.
   */
  async openAnotherWindow(): Promise<Workbench> {
    const page = await this.page.context().newPage();
    await page.goto(this.page.url());
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator('.activitybar').waitFor();
    const other = new Workbench(page, this.host, this.screenshots, true);
    other.step = 100;
    await other.dismissNotifications();
    return other;
  }

  async close(): Promise<void> {
    if (this.secondary) {
      await this.page.close();
      return;
    }
    await this.host.close();
  }
}
