/// <reference lib="dom" />
/**
 * The Workbench's steps in VS Code's own surfaces: context menus, the Settings editor, the
 * editor's cursor, notifications, dialogs, the color theme picker. Mixed into Workbench (workbench.ts).
 */
import * as assert from 'node:assert/strict';
import type { Locator } from 'playwright-core';
import type { Workbench } from './workbench';

export const dialogSteps = {
  /** The labels of the open context menu (separators left out). */
  async contextMenuItems(this: Workbench): Promise<string[]> {
    // The container of an earlier menu stays, hidden; the editor's menu lives in a shadow root (CSS locators pierce it).
    const menu = this.page.locator('.context-view.monaco-menu-container').filter({ visible: true }).first();
    await menu.waitFor();
    const labels = await menu.locator('.action-item:not(.disabled) .action-label').allInnerTexts();
    return labels.map((label) => label.trim()).filter(Boolean);
  },

  async closeContextMenu(this: Workbench): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.page.locator('.context-view.monaco-menu-container').filter({ visible: true }).first().waitFor({ state: 'hidden' });
  },

  /** Right-clicks into the text of the active editor group's editor. */
  async editorContextMenu(this: Workbench): Promise<string[]> {
    // The middle of the editor: its top lines may be covered by sticky scroll.
    const box = await this.page.locator('.editor-group-container.active .monaco-editor .overflow-guard').first().boundingBox();
    assert.ok(box, 'an editor is open');
    await this.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2, { button: 'right' });
    return this.contextMenuItems();
  },

  /** Sets a boolean setting in the Settings editor, as a user does (the workbench does not watch settings.json written from outside). */
  async setBooleanSetting(this: Workbench, search: string, title: string, value: boolean): Promise<void> {
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
  },

  /** Waits until the status bar shows the cursor at this line and column (1-based). */
  async waitForCursor(this: Workbench, line: number, column: number): Promise<void> {
    const text = new RegExp(`^\\s*Ln ${line}, Col ${column}\\s*$`);
    await this.page.locator('[id="status.editor.selection"]', { hasText: text }).waitFor({ timeout: 10_000 }).catch(async () => {
      throw new Error(`The cursor is at "${(await this.page.locator('[id="status.editor.selection"]').innerText()).trim()}", not at Ln ${line}, Col ${column}`);
    });
  },

  /** Puts the keyboard focus in the active editor without clicking in it (a click could land on a CodeLens). */
  async focusEditor(this: Workbench): Promise<void> {
    await this.runCommand('View: Focus Active Editor Group');
    await this.page.locator('.editor-group-container.active .monaco-editor.focused').waitFor({ timeout: 10_000 });
  },

  /** Moves the cursor of the active editor to the start of a line (1-based) with "Go to Line" (Ctrl+G). */
  async goToLine(this: Workbench, line: number): Promise<void> {
    await this.page.keyboard.press('Control+g');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`:${line}`);
    await this.page.keyboard.press('Enter');
    await this.waitForCursor(line, 1);
  },

  /** A notification toast with this text. */
  notification(this: Workbench, text: RegExp): Locator {
    return this.page.locator('.notifications-toasts .notification-toast', { hasText: text }).first();
  },

  /** The modal dialog VS Code shows (e.g. before opening an external website): its text. */
  async dialogText(this: Workbench): Promise<string> {
    const dialog = this.page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 15_000 });
    return dialog.innerText();
  },

  async clickDialogButton(this: Workbench, label: string): Promise<void> {
    await this.page.locator('.monaco-dialog-box a.monaco-button, .monaco-dialog-box .monaco-button', { hasText: label }).first().click();
    await this.page.locator('.monaco-dialog-box').waitFor({ state: 'detached' });
  },

  /** Picks a color theme in "Preferences: Color Theme", as a user does. */
  async setColorTheme(this: Workbench, label: string): Promise<void> {
    await this.runCommand('Preferences: Color Theme');
    // The theme picker replaces the palette in the same widget; filter it to the theme.
    // fill(), not keyboard.type(): typed letters that reach a focused view would run its single-key bindings.
    await this.page.locator('.quick-input-widget input[placeholder*="Color Theme"]').fill(label);
    const row = this.page.locator(`.quick-input-list .monaco-list-row[aria-label^="${label}"]`).first();
    await row.waitFor();
    await row.click();
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  },
};
