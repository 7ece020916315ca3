/// <reference lib="dom" />
/**
 * Read state shared and guarded: a marking made in one window shows in
 * another once it has the focus again, and a damaged stored state gives a
 * message and loses nothing that could be read.
 */
import * as assert from 'node:assert/strict';
import type { Journey } from './journey';
import { FIXTURE } from './uiWorkspace';
import { lineOfArticle } from './keys.ui';
import { starArticle21 } from './steps';

const STATE_KEY = 'digestReader.readingState';

export function sharedStateTopic(j: Journey): void {
  it('a damaged stored state gives a message with details, and keeps every star and read mark it could read', async function () {
    this.timeout(180_000);
    const { workbench } = j;
    await starArticle21(workbench);
    const count = await workbench.unreadText();
    const starred = await workbench.starredLabels();
    await workbench.closeAllEditors();
    // As a later version or a careless hand might leave it: an unknown version and a read list of the wrong shape.
    const damaged = await workbench.editExtensionState(STATE_KEY, (state) => {
      assert.ok(state && typeof state === 'object', `the stored reading state is ${JSON.stringify(state)}`);
      const record = state as Record<string, unknown>;
      return { ...record, version: 99, read: { ...(record.read as object), other: [7, null] } };
    });
    assert.ok(damaged, 'the reading state is stored in the browser\'s storage');
    await workbench.reloadWindow();
    const warning = workbench.notification(/could not read all of your stored reading state/);
    await warning.waitFor({ timeout: 30_000 });
    await workbench.screenshot('damaged-state-warning');
    await warning.locator('.monaco-button', { hasText: 'Show Details' }).click();
    const output = workbench.page.locator('.part.panel .monaco-editor .view-lines');
    await output.filter({ hasText: 'could not be read completely' }).first().waitFor({ timeout: 15_000 });
    await workbench.screenshot('damaged-state-details');
    await workbench.quickOpenDigest(FIXTURE);
    await workbench.waitForUnread(count, 30_000);
    await workbench.waitForStarredLabels(starred);
    await workbench.runCommand('View: Hide Panel');
  });

  // Keep this test last: in code-server a second window leaves the first one's webviews blank.
  it('a marking made in one window shows in a second window once that one has the focus', async function () {
    this.timeout(180_000);
    const { workbench } = j;
    // Nothing open in the first window, so the second restores no panel (a shown article is marked read).
    await workbench.closeAllEditors();
    const second = await workbench.openAnotherWindow();
    try {
      await second.quickOpenDigest(FIXTURE);
      const before = await second.unreadText();
      await workbench.page.bringToFront();
      await workbench.quickOpenDigest(FIXTURE);
      await workbench.focusEditor();
      await workbench.goToLine(lineOfArticle(40) + 2);
      await workbench.page.keyboard.press('Alt+m');
      let after = before;
      for (const deadline = Date.now() + 10_000; after === before && Date.now() < deadline; await workbench.settled()) {
        after = await workbench.unreadText();
      }
      assert.notEqual(after, before, 'Alt+M in the first window changed its count');
      await second.page.bringToFront();
      await second.page.locator('.monaco-workbench').click({ position: { x: 700, y: 400 } });
      await second.waitForUnread(after, 30_000);
      await second.screenshot('second-window-sees-marking');
    } finally {
      await second.close();
      await workbench.page.bringToFront();
    }
  });
}
