/**
 * Exports in the workbench: star three articles, select them in the Starred
 * view, "Export to BibTeX…" from its context menu, name the file in the save
 * dialog (code-server's simple file dialog, a quick input), then read the
 * file from disk and parse it with a BibTeX parser.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadBibtexParser } from '../support/bibtexParser';
import type { Journey } from './journey';
import { STARRED_ICON } from './steps';
import { FIXTURE } from './uiWorkspace';

/** Articles 20, 21 and 22 of the real digest (all of Wed 2025-05-28). */
const THREE = [
  { row: '20 The National Research Platform', eprint: '2505.22864' },
  { row: '21 $Δ$-Nets', eprint: '2505.20314' },
  { row: '22 Smart Contracts for SMEs', eprint: '2505.22619' },
];

export function exportTopic(j: Journey): void {
  it('"Copy citation" in the panel formats article 21 in the citation worker and says it was copied', async () => {
    const { workbench } = j;
    const frame = await workbench.showArticle21();
    await frame.locator('button', { hasText: 'Copy citation' }).click();
    // The first citation builds citeproc's APA engine in the worker (seconds); the message comes once the text is on the clipboard.
    await workbench.page.locator('.statusbar-item', { hasText: 'Copied the citation' }).waitFor({ timeout: 60_000 });
    // Said on the button itself, where the reader looks, and to screen readers; the button is itself again after a moment.
    await frame.locator('button[data-action="copyCitation"]', { hasText: '✓ Copied' }).waitFor({ timeout: 5_000 });
    assert.equal(await frame.locator('#announcer').innerText(), 'Copied the citation to the clipboard');
    await workbench.screenshot('citation-copied');
    await frame.locator('button[data-action="copyCitation"]', { hasText: /^Copy citation$/ }).waitFor({ timeout: 10_000 });
    await frame.locator('button', { hasText: 'Copy BibTeX' }).click();
    await frame.locator('button[data-action="copyBibtex"]', { hasText: '✓ Copied' }).waitFor({ timeout: 10_000 });
    assert.equal(await frame.locator('#announcer').innerText(), 'Copied the BibTeX entry to the clipboard');
    assert.equal(await frame.locator('button[data-action="copyCitation"]').innerText(), 'Copy citation', 'only the button that copied says so');
  });

  // The development journey's: nothing in it depends on packaging (the installed journey keeps Copy citation, its worker).
  if (j.mode === 'development') {
    it('exports three starred articles, selected in the Starred view, to a .bib file through the save dialog', async function () {
      this.timeout(180_000);
      const { workbench } = j;
      const { page } = workbench;
      await workbench.openDigest(FIXTURE);
      await workbench.collapseAllInArticles();
      await workbench.expandDate('Wed 2025-05-28');
      for (const { row } of THREE) {
        const tree = workbench.treeRow(row);
        if ((await tree.locator(STARRED_ICON).count()) === 0) {
          await tree.click();
          // The panel shows the clicked article once the extension host has the selection: then `s` stars that row.
          await workbench.articleFrame().locator('.place', { hasText: `Article ${row.slice(0, 2)} ` }).waitFor({ timeout: 20_000 });
          await page.keyboard.press('s');
          await tree.locator(STARRED_ICON).waitFor();
        }
      }
      // The Starred view may hold earlier stars too: select exactly these three there.
      await workbench.starredLabels();
      const starred = workbench.starredView();
      for (const [i, { row }] of THREE.entries()) {
        await starred.locator('.monaco-list-row', { hasText: row }).first().click({ modifiers: i === 0 ? [] : ['Control'] });
      }
      await page.waitForFunction(() => document.querySelectorAll('.part.sidebar .pane .monaco-list-row.selected').length >= 3);
      await starred.locator('.monaco-list-row', { hasText: THREE[2].row }).first().click({ button: 'right' });
      assert.ok((await workbench.contextMenuItems()).includes('Export to BibTeX…'));
      const item = page.locator('.context-view.monaco-menu-container .action-label', { hasText: 'Export to BibTeX…' }).filter({ visible: true }).first();
      await item.click();
      // code-server's save dialog is a quick input holding the proposed path.
      const target = path.join(j.workspace, 'three-starred.bib');
      fs.rmSync(target, { force: true });
      const input = page.locator('.quick-input-widget input');
      // A click that lands while the menu is still settling leaves it open with the item highlighted (seen in CI): Enter picks it then.
      if (!(await input.waitFor({ timeout: 5_000 }).then(() => true, () => false)) && (await item.isVisible())) {
        await page.keyboard.press('Enter');
      }
      await input.waitFor();
      await page.waitForFunction(() => document.querySelector<HTMLInputElement>('.quick-input-widget input')?.value.endsWith('selected.bib'));
      await workbench.screenshot('export-save-dialog');
      await input.fill(target);
      await page.keyboard.press('Enter');
      for (const deadline = Date.now() + 20_000; !fs.existsSync(target) && Date.now() < deadline;) {
        await page.waitForTimeout(200);
      }
      const parser = await loadBibtexParser();
      const library = parser.parse(fs.readFileSync(target, 'utf8'), { raw: true });
      assert.deepEqual(library.errors, []);
      assert.deepEqual(library.entries.map((e) => e.fields.eprint).sort(), THREE.map((t) => t.eprint).sort());
      await workbench.openFromExplorer('three-starred.bib');
      await workbench.screenshot('export-three-starred-bib');
      await workbench.closeAllEditors();
    });
  }
}
