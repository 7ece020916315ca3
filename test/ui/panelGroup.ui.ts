/// <reference lib="dom" />
/**
 * The article panel keeps its own editor group, and stays in sight: a
 * digest opened from the Library while the reader works in the panel opens
 * in the group where they read text, and a digest open already is shown
 * there, never a second time in the panel's group.
 */
import * as assert from 'node:assert/strict';
import type { Locator } from 'playwright-core';
import type { Journey } from './journey';
import { FIXTURE } from './uiWorkspace';

export function panelGroupTopic(j: Journey): void {
  /** The editor groups, each with the labels of its tabs. */
  async function groups(): Promise<string[][]> {
    const page = j.workbench.page;
    const result: string[][] = [];
    for (const group of await page.locator('.editor-group-container').all()) {
      result.push((await group.locator('.tabs-container .tab .label-name').allInnerTexts()).map((label) => label.trim()));
    }
    return result;
  }

  /** The Library with the sidebar's height (Articles and Starred folded). */
  async function showLibrary(): Promise<Locator> {
    const { workbench } = j;
    await workbench.clickDigestsIcon();
    await workbench.setPaneExpanded(workbench.articlesView(), false);
    await workbench.setPaneExpanded(workbench.starredView(), false);
    await workbench.setPaneExpanded(workbench.libraryView(), true);
    return workbench.libraryView();
  }


  it('a digest opened from the Library while the panel has the focus opens beside it; the panel stays in sight, and no digest opens twice', async () => {
    const { workbench } = j;
    const { page } = workbench;
    await workbench.closeAllEditors();
    const frame = await workbench.showArticle21();
    await frame.locator('.authors').click(); // the reader works in the panel: its group is the active one
    const panelTab = page.locator('.tabs-container .tab', { hasText: 'cs.DC · 21' });
    await panelTab.waitFor();
    const library = await showLibrary();
    const row = (name: string) => library.locator(`.monaco-list-row[aria-label^="${name}"]`).first();
    await row('cs.LG Sat 2025-05-31').click();
    await workbench.activeTab('cs.LG-2025-05-31.txt').waitFor({ timeout: 20_000 });
    let tabs = await groups();
    const panelGroup = tabs.findIndex((labels) => labels.includes('cs.DC · 21'));
    assert.ok(panelGroup >= 0, `the panel is still open: ${JSON.stringify(tabs)}`);
    assert.ok(!tabs[panelGroup].includes('cs.LG-2025-05-31.txt'), `the digest opened in the panel's group: ${JSON.stringify(tabs)}`);
    // The panel is in sight, still on article 21.
    await frame.locator('.place', { hasText: 'Article 21' }).waitFor({ timeout: 10_000 });
    assert.ok(await page.locator('iframe.webview.ready').first().isVisible(), 'the panel is hidden behind the digest');
    await workbench.screenshot('library-digest-beside-panel');

    // The sample is open already: from the Library (the panel's group active again) it is shown where it is, not opened twice.
    await frame.locator('.authors').click();
    await row('cs.DC Sun 2025-06-01').click();
    await workbench.activeTab(FIXTURE).waitFor({ timeout: 20_000 });
    tabs = await groups();
    assert.equal(tabs.flat().filter((label) => label === FIXTURE).length, 1, `the sample is open once: ${JSON.stringify(tabs)}`);
    assert.ok(tabs[panelGroup].includes('cs.DC · 21') && !tabs[panelGroup].includes(FIXTURE), JSON.stringify(tabs));
    assert.ok(await page.locator('iframe.webview.ready').first().isVisible(), 'the panel is hidden behind the sample');
    await workbench.closeAllEditors();
    await workbench.setPaneExpanded(workbench.articlesView(), true);
  });
}
