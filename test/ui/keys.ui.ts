/// <reference lib="dom" />
/**
 * The keys a user learns: `?` lists the triage keys where they work, and a
 * digest editor has the same commands on Alt-chords (never single keys, which
 * would type into the file).
 */
import * as assert from 'node:assert/strict';
import type { Journey } from './journey';
import { FIXTURE } from './uiWorkspace';
import { readFixture } from '../support/fixtures';

/** The keys `?` lists, in order (README and package.json bind the same). */
const LISTED_KEYS = ['j', 'k', 'n', 's', 'm', 'x', 'u', 'o', 'p', 'Shift+A', '?'];

/** The 1-based editor line of `Article N` in the real digest. */
export function lineOfArticle(index: number): number {
  const line = readFixture().split('\n').indexOf(`Article ${index}`);
  assert.ok(line >= 0, `Article ${index} is in the fixture`);
  return line + 1;
}

export function keysTopic(j: Journey): void {
  it('? in the focused Articles view lists the triage keys; picking "j" there shows the next article', async () => {
    const { workbench } = j;
    await workbench.showArticle21();
    await workbench.focusArticlesView();
    await workbench.page.keyboard.press('Shift+Slash');
    const list = workbench.page.locator('.quick-input-widget');
    await list.locator('.quick-input-title', { hasText: 'Digest Reader keys' }).waitFor({ timeout: 10_000 });
    const rows = list.locator('.quick-input-list .monaco-list-row');
    await rows.first().waitFor();
    const shown = await rows.evaluateAll((elements) => elements.map((row) => row.querySelector('.label-name')?.textContent?.trim() ?? ''));
    assert.deepEqual(shown, LISTED_KEYS);
    assert.match(await rows.nth(2).innerText(), /Next unread article/);
    await workbench.screenshot('keys-list');
    await rows.first().click();
    await workbench.articleFrame().locator('.place', { hasText: 'Article 22 ' }).waitFor({ timeout: 10_000 });
    assert.match(await workbench.selectedLabel(), /^22 Smart Contracts/);
  });

  it('in the digest editor, Alt+M flips the read state of the article under the cursor, Alt+U undoes it, Alt+J shows the next article', async () => {
    const { workbench } = j;
    // No panel open: one would follow the cursor, and showing article 30 would mark it read.
    await workbench.closeAllEditors();
    await workbench.openDigest(FIXTURE);
    await workbench.focusEditor();
    await workbench.goToLine(lineOfArticle(30) + 3);
    const before = await workbench.unreadText();
    await workbench.page.keyboard.press('Alt+m');
    // Article 30 was read or unread: either way the count moves by one.
    let after = before;
    for (const deadline = Date.now() + 10_000; after === before && Date.now() < deadline; await workbench.settled()) {
      after = await workbench.unreadText();
    }
    const unreadOf = (text: string): number => Number(text.split('/')[0]);
    assert.equal(Math.abs(unreadOf(after) - unreadOf(before)), 1, `Alt+M took the count from ${before} to ${after}`);
    await workbench.page.keyboard.press('Alt+u');
    await workbench.waitForUnread(before);
    await workbench.page.keyboard.press('Alt+j');
    await workbench.articleFrame().locator('.place', { hasText: 'Article 31 ' }).waitFor({ timeout: 10_000 });
    // A chord types nothing into the file.
    assert.equal(await workbench.page.locator('.tabs-container .tab.active.dirty').count(), 0, 'the digest was not changed');
    await workbench.screenshot('editor-alt-j');
  });
}

/** Where the keys start: the status bar's count leads to the Articles view, whose rows say their state to screen readers. */
export function statusTopic(j: Journey): void {
  it('clicking "N/103 unread" in the status bar focuses the Articles view; each row tells a screen reader read or unread', async () => {
    const { workbench } = j;
    const frame = await workbench.showArticle21();
    const row = workbench.treeRow('21 $Δ$-Nets');
    // Shown, so read; the panel's button makes it unread.
    await workbench.page.waitForFunction(() => /^Article 21, read/.test(document.querySelector('.monaco-list-row.selected')?.getAttribute('aria-label') ?? ''), undefined, { timeout: 10_000 });
    await frame.locator('.state button', { hasText: /^Mark unread$/ }).click();
    await row.and(workbench.page.locator('[aria-label^="Article 21, unread"]')).waitFor({ timeout: 10_000 });
    assert.match((await row.getAttribute('aria-label')) ?? '', /^Article 21, unread(, starred)?: \$Δ\$-Nets: Interaction-Based System/);
    await workbench.page.locator('.editor-group-container').first().click({ position: { x: 300, y: 300 } }); // the focus elsewhere
    await workbench.unreadStatus().click();
    await workbench.articlesView().locator('.monaco-list:focus-within, .monaco-list:focus').first().waitFor({ timeout: 10_000 });
  });
}
