/**
 * Drives the VS Code workbench (code-server) in headless Chromium as a user
 * does, and saves a screenshot of each step.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser, type Frame, type FrameLocator, type Locator, type Page } from 'playwright-core';
import { projectRoot } from '../support/fixtures';
import { CHROMIUM_ARGS, chromiumPath, createProfile, installExtension, startCodeServer, workbenchUrl, type Profile, type RunningCodeServer } from '../host/codeServer';

export const screenshotsRoot = path.join(projectRoot, 'test-results', 'screenshots');

export interface WorkbenchOptions {
  name: string;
  folder: string;
  /** Load the extension from the working tree (development) or install this .vsix first. */
  vsix?: string;
  settings?: Record<string, unknown>;
}

export class Workbench {
  private step = 0;

  private constructor(
    readonly page: Page,
    private readonly browser: Browser,
    private readonly server: RunningCodeServer,
    readonly profile: Profile,
    private readonly screenshots: string,
  ) {}

  static async open(options: WorkbenchOptions): Promise<Workbench> {
    const profile = createProfile(`ui-${options.name}`, options.settings ?? {});
    if (options.vsix) {
      installExtension(profile, options.vsix);
    }
    const server = await startCodeServer(profile);
    const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
    const context = await browser.newContext({ viewport: { width: 1500, height: 950 } });
    const page = await context.newPage();
    const screenshots = path.join(screenshotsRoot, options.name);
    fs.rmSync(screenshots, { recursive: true, force: true });
    fs.mkdirSync(screenshots, { recursive: true });
    const url = workbenchUrl(server, { folder: options.folder, extensionDevelopmentPath: options.vsix ? undefined : projectRoot });
    await page.goto(url);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    // The workbench settles (extensions, views) a moment after it appears.
    await page.locator('.activitybar').waitFor();
    const workbench = new Workbench(page, browser, server, profile, screenshots);
    await workbench.dismissNotifications();
    return workbench;
  }

  async screenshot(name: string): Promise<string> {
    this.step++;
    const file = path.join(this.screenshots, `${String(this.step).padStart(2, '0')}-${name}.png`);
    await this.page.waitForTimeout(300);
    await this.page.screenshot({ path: file });
    return file;
  }

  async dismissNotifications(): Promise<void> {
    await this.page.keyboard.press('Escape');
  }

  /** Opens a file from the Explorer with a double click, as a user does. */
  async openFromExplorer(fileName: string): Promise<void> {
    const explorer = this.page.locator('.activitybar a.action-label[aria-label^="Explorer"]');
    if ((await explorer.getAttribute('aria-expanded')) !== 'true' && !(await this.page.locator('.explorer-folders-view').isVisible())) {
      await explorer.click();
    }
    await this.page.mouse.move(700, 500); // let the activity bar's hover go away
    await this.page.keyboard.press('Escape');
    const row = this.page.locator('.explorer-folders-view .monaco-list-row', { hasText: fileName }).first();
    await row.waitFor({ timeout: 30_000 });
    await row.dblclick();
    await this.page.locator('.tabs-container .tab.active', { hasText: fileName }).first().waitFor();
  }

  /** The language shown in the status bar for the active editor. */
  async statusBarLanguage(): Promise<string> {
    const item = this.page.locator('[id="status.editor.mode"]');
    await item.waitFor();
    return (await item.innerText()).trim();
  }

  async openDigestsSidebar(): Promise<Locator> {
    const button = this.page.locator('.activitybar a.action-label[aria-label^="Digests"]');
    const view = this.articlesView();
    if (!(await view.isVisible())) {
      await button.click();
    }
    await this.page.mouse.move(700, 500);
    await view.waitFor();
    // The view settles once the digest is parsed: its message then names the article count.
    await view.locator('.message', { hasText: / articles?/ }).first().waitFor({ timeout: 20_000 }).catch(() => undefined);
    await this.page.waitForTimeout(800);
    return view;
  }

  /** The Digests sidebar: its only view is Articles, so the sidebar is the view. */
  articlesView(): Locator {
    return this.page.locator('.part.sidebar', { has: this.page.locator('.composite.title', { hasText: /Digests/i }) });
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
    await this.page.locator('.quick-input-widget input[placeholder*="Color Theme"]').waitFor();
    await this.page.keyboard.type(label);
    const row = this.page.locator(`.quick-input-list .monaco-list-row[aria-label^="${label}"]`).first();
    await row.waitFor();
    await row.click();
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  }

  async close(): Promise<void> {
    await this.browser.close();
    await this.server.stop();
    fs.rmSync(path.dirname(this.profile.userDataDir), { recursive: true, force: true });
  }
}
