/// <reference lib="dom" />
/**
 * Search All Digests as a user meets it: Ctrl+Alt+F, typing, the rows (title
 * in the language that matched, digest and date, read state, where it matched),
 * picking one with Enter, the article in the panel.
 */
import * as assert from 'node:assert/strict';
import type { Journey } from './journey';
import { FIXTURE } from './uiWorkspace';
import { shownWhole } from './shownWhole';

export function searchTopic(j: Journey): void {
  it('Ctrl+Alt+F searches every digest as you type; a German query without umlauts lists the German title; Enter shows it in the panel', async () => {
    const { workbench } = j;
    await workbench.openDigest(FIXTURE);
    await workbench.page.keyboard.press('Control+Alt+f');
    const widget = workbench.page.locator('.quick-input-widget');
    await widget.locator('.quick-input-title', { hasText: 'Search All Digests' }).waitFor({ timeout: 10_000 });
    const input = widget.locator('input');
    await input.pressSequentially('federated lea', { delay: 40 });
    const rows = widget.locator('.quick-input-list .monaco-list-row');
    // The first row once the index answered the whole query (earlier keystrokes list other rows).
    await rows.first().filter({ hasText: 'matched in the English title' }).filter({ hasText: 'Federated Learning' }).waitFor({ timeout: 30_000 });
    await workbench.screenshot('search-english');
    const first = await rows.first().innerText();
    assert.match(first, /Federated Learning/i);
    assert.match(first, /cs\.DC 2025-06-01/);
    assert.match(first, /matched in the English title/);

    await input.fill('');
    await input.pressSequentially('Ausbildung des Foderierten', { delay: 40 });
    const german = rows.filter({ hasText: 'Beschleunigte Ausbildung des Föderierten Lernens' }).first();
    await german.waitFor({ timeout: 15_000 });
    assert.match(await german.innerText(), /matched in the German title/);
    // One row per paper: its digest and date first on the row's second line, shown whole; the English title after them.
    assert.match(await german.innerText(), /cs\.DC 2025-06-01 #04 · 2505\.23588 · Accelerated Training of Federated Learning/);
    assert.match(await german.innerText(), /read · matched in the German title|unread · matched in the German title/);
    assert.equal(await shownWhole(german, 'cs.DC 2025-06-01 #04'), true, 'the digest and date are not cut off');
    await workbench.screenshot('search-german');
    await workbench.page.keyboard.press('Enter');
    await widget.waitFor({ state: 'hidden' });
    const frame = workbench.articleFrame();
    await frame.locator('.place', { hasText: 'Article 4 ' }).waitFor({ timeout: 20_000 });
    assert.match(await frame.locator('.title.lang-de h1').innerText(), /Föderierten Lernens/);
    await workbench.screenshot('search-picked');
  });
}
