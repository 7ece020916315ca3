/**
 * Drives the VS Code workbench in headless Chromium as a user does, and saves
 * a screenshot of each step: code-server 1.100 (Node extension host) or
 * VS Code for the Web 1.137 (web worker extension host, `Workbench.openWeb`).
 * This file opens, reloads and closes it; the steps a test takes are in
 * files by where they happen, mixed into the class: the sidebar's views
 * (workbenchViews.ts), the article panel (workbenchPanel.ts), VS Code's own
 * menus, settings, editor cursor and dialogs (workbenchDialogs.ts), and a
 * stopwatch of what a user waits for (workbenchTiming.ts).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type Locator, type Page } from 'playwright-core';
import * as assert from 'node:assert/strict';
import { projectRoot } from '../support/fixtures';
import { editExtensionState, storedLayoutMentions } from './browserStorage';
import { codeServerErrors, extensionHostLogFiles, webConsoleErrors, type ConsoleEntry } from './hostLogs';
import { CHROMIUM_ARGS, chromiumPath, createProfile, installExtension, installLanguagePack, startCodeServer, workbenchUrl, type Profile } from '../host/codeServer';
import { launchWebBrowser, startVsCodeWeb, VSCODE_WEB_VERSION } from '../host/vscodeWeb';
import { dialogSteps } from './workbenchDialogs';
import { panelSteps } from './workbenchPanel';
import { viewSteps } from './workbenchViews';
import { timingSteps } from './workbenchTiming';

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

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- merged with the interface of its steps (end of file)
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
    return this.host.kind === 'web' ? webConsoleErrors(this.host.console) : codeServerErrors(this.profile.userDataDir, projectRoot);
  }

  /**
   * "Developer: Reload Window", as a user does: unlike page.reload(), the
   * workbench stores its state first (a tab page reload may lose the last
   * changes, e.g. editors just closed come back).
   */
  /**
   * Reloads the window. `restoring`: a view type whose editor the reload must
   * bring back; the reload waits (up to 30 s) until the workbench has stored
   * a layout with it, as it does every few seconds when idle.
   */
  async reloadWindow(restoring?: string): Promise<void> {
    if (restoring) {
      let stored = false;
      for (const deadline = Date.now() + 30_000; !(stored = await storedLayoutMentions(this.page, restoring)) && Date.now() < deadline;) {
        await this.page.waitForTimeout(250);
      }
      if (!stored) {
        console.log(`      (the workbench stored no layout with ${restoring} in 30 s: reloading anyway)`);
      }
    }
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

  /** Edits one key of the extension's global state in the browser's storage (see browserStorage.ts); false when not stored. */
  async editExtensionState(key: string, edit: (value: unknown) => unknown): Promise<boolean> {
    return editExtensionState(this.page, key, edit);
  }

  async dismissNotifications(): Promise<void> {
    await this.page.keyboard.press('Escape');
  }

  async runCommand(title: string): Promise<void> {
    const input = this.page.locator('.quick-input-widget input');
    // Click the command whose title is exactly this one (others may contain it).
    const exact = new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
    const row = this.page.locator('.quick-input-list .monaco-list-row').filter({ has: this.page.locator('.label-name', { hasText: exact }) }).first();
    // The palette lists the commands known when it opens: right after a reload the extensions' may come a moment
    // later (the activity bar shows its cached icons meanwhile), so a palette without the command is opened again.
    // F1 itself can be lost (CI run 29, and a full UI run here, both right after the panel had the focus): it is
    // pressed again when the palette does not open.
    for (const deadline = Date.now() + 45_000; ;) {
      await this.page.keyboard.press('F1');
      const opened = await input.waitFor({ timeout: 5_000 }).then(() => true, () => false);
      if (opened) {
        await input.fill(`>${title}`);
        if (await row.waitFor({ timeout: 5_000 }).then(() => true, () => false)) {
          break;
        }
        await this.page.keyboard.press('Escape');
      }
      assert.ok(Date.now() < deadline, opened ? `the palette lists no "${title}"` : 'F1 opens no palette');
    }
    await row.click();
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

/** A group of steps as methods of Workbench (their `this` is the workbench). */
type Steps<T> = { [K in keyof T]: OmitThisParameter<T[K]> };

// The steps join the class: `workbench.treeRow(…)`, `workbench.articleFrame()`, `workbench.dialogText()`.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- the steps are assigned to the prototype just below
export interface Workbench extends Steps<typeof viewSteps>, Steps<typeof panelSteps>, Steps<typeof dialogSteps>, Steps<typeof timingSteps> {}
Object.assign(Workbench.prototype, viewSteps, panelSteps, dialogSteps, timingSteps);
