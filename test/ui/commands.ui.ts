/// <reference lib="dom" />
/**
 * Commands where a user finds them: the Articles view's inline action and
 * context menu, the editor's context menu and title button (shown over a
 * digest, absent over other files), the Quick Pick of articles (untrusted
 * titles), and the bundled sample (read-only).
 */
import * as assert from 'node:assert/strict';
import type { Journey } from './journey';
import { FIXTURE, NOTES } from './uiWorkspace';

const DIGEST_EDITOR_COMMANDS = ['Open arXiv Page', 'Show Article', 'Copy BibTeX'];

export function commandsTopic(j: Journey): void {
  it('an article row shows "Open arXiv Page" inline on hover, and its context menu offers the article\'s commands', async () => {
    const { workbench } = j;
    await workbench.showArticle21();
    const row = workbench.treeRow('21 $Δ$-Nets');
    await workbench.page.mouse.move(700, 500);
    await row.hover();
    // Its label may carry the key (o) after the title.
    const inline = row.locator('.actions a.action-label.codicon-link-external[aria-label^="Open arXiv Page"]');
    await inline.waitFor({ state: 'visible', timeout: 10_000 });
    await workbench.screenshot('article-row-inline-action');
    await row.click({ button: 'right' });
    // Opening, then marking (whichever applies to the row's state), then copying, then exporting.
    const items = await workbench.contextMenuItems();
    assert.deepEqual([items.slice(0, 3), items.slice(-5)], [['Show Article', 'Open arXiv Page', 'Open PDF'], ['Copy arXiv Id', 'Copy BibTeX', 'Copy Citation', 'Export to BibTeX…', 'Export Reading List (Markdown)…']]);
    assert.ok(items.includes('Mark Read') !== items.includes('Mark Unread'), `one of Mark Read / Mark Unread: ${items.join(', ')}`);
    assert.ok(items.includes('Star') !== items.includes('Unstar'), `one of Star / Unstar: ${items.join(', ')}`);
    await workbench.screenshot('article-row-context-menu');
    await workbench.closeContextMenu();
  });

  it('the editor context menu offers Open arXiv Page and Show Article over a digest, and not over notes.txt', async () => {
    const { workbench } = j;
    await workbench.openDigest(FIXTURE);
    const overDigest = await workbench.editorContextMenu();
    await workbench.screenshot('editor-context-menu-digest');
    await workbench.closeContextMenu();
    for (const command of DIGEST_EDITOR_COMMANDS) {
      assert.ok(overDigest.includes(command), `"${command}" is in the digest's editor context menu: ${overDigest.join(', ')}`);
    }
    await workbench.openFromExplorer(NOTES);
    const overNotes = await workbench.editorContextMenu();
    await workbench.screenshot('editor-context-menu-notes');
    await workbench.closeContextMenu();
    assert.ok(overNotes.includes('Cut') || overNotes.includes('Copy'), `the editor context menu opened over notes.txt: ${overNotes.join(', ')}`);
    for (const command of DIGEST_EDITOR_COMMANDS) {
      assert.ok(!overNotes.includes(command), `"${command}" is not in a plain file's editor context menu: ${overNotes.join(', ')}`);
    }
  });

  it('the editor title shows "Show Article" over the digest\'s group and not over notes.txt opened to the side', async () => {
    const { workbench } = j;
    await workbench.closeAllEditors();
    // By default only the active group shows editor actions; with them in every group a window-wide condition shows.
    await workbench.setBooleanSetting('workbench.editor.alwaysShowEditorActions', 'Always Show Editor Actions', true);
    await workbench.closeAllEditors();
    await workbench.openDigest(FIXTURE);
    // A second group to the right, with notes.txt in it (the digest's group keeps the digest).
    await workbench.runCommand('View: Split Editor Right');
    await workbench.page.locator('.editor-group-container').nth(1).waitFor();
    await workbench.openFromExplorer(NOTES);
    const groups = workbench.page.locator('.editor-group-container');
    const digestGroup = groups.filter({ has: workbench.page.locator('.tab.active', { hasText: FIXTURE }) }).filter({ hasNot: workbench.page.locator('.tab', { hasText: NOTES }) });
    const notesGroup = groups.filter({ has: workbench.page.locator('.tab.active', { hasText: NOTES }) });
    await notesGroup.waitFor();
    const showArticle = (group: typeof groups) => group.locator('.editor-actions a.action-label.codicon-preview[aria-label^="Show Article"]');
    await workbench.screenshot('editor-title-two-groups');
    try {
      assert.equal(await showArticle(notesGroup).count(), 0, 'no "Show Article" button over notes.txt');
      await showArticle(digestGroup).waitFor({ state: 'visible', timeout: 5_000 }).catch(() => {
        throw new Error('No "Show Article" button over the digest\'s editor group while notes.txt is active in the other group');
      });
    } finally {
      await workbench.closeAllEditors(); // and the second group
      await workbench.setBooleanSetting('workbench.editor.alwaysShowEditorActions', 'Always Show Editor Actions', false);
      await workbench.closeAllEditors();
    }
  });

  it('the Quick Pick of articles shows a title\'s $(zap) as text, not as an icon', async () => {
    const { workbench } = j;
    await workbench.openDigest('hostile-icons.txt');
    // The cursor on the header line (line 1): no article under it, so the command offers a Quick Pick.
    await workbench.page.locator('.monaco-editor .view-line', { hasText: 'cs.CR @ 2025-06-01: 2' }).first().click();
    await workbench.page.keyboard.press('Control+Home');
    await workbench.page.locator('.monaco-editor .line-numbers.active-line-number', { hasText: /^\s*1\s*$/ }).first().waitFor();
    await workbench.runCommand('Digest: Open arXiv Page');
    const list = workbench.page.locator('.quick-input-widget .quick-input-list');
    const row = list.locator('.monaco-list-row', { hasText: 'Icons in a Title' }).first();
    await row.waitFor({ timeout: 10_000 });
    await workbench.screenshot('quick-pick-untrusted-title');
    const label = (await row.locator('.label-name').first().innerText()).trim();
    const icons = await list.locator('.codicon-zap, .codicon-gear').count();
    await workbench.page.keyboard.press('Escape');
    await workbench.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    assert.equal(icons, 0, `the Quick Pick rendered $(zap)/$(gear) from a digest title as icons (row label: "${label}")`);
    assert.match(label, /\$\(zap\) \$\(gear\) Icons in a Title/);
  });

  it('the sample opened from the welcome view is read-only: typing changes nothing', async () => {
    const { workbench } = j;
    const welcome = await workbench.showWelcomeView();
    await welcome.locator('.monaco-button', { hasText: 'Open Sample Digest' }).click();
    const tab = workbench.activeTab(FIXTURE);
    await tab.waitFor();
    assert.equal((await tab.locator('.label-name').first().innerText()).trim(), FIXTURE);
    // The sample's editor is the active group's (the workspace holds a file of the same name).
    const firstLine = workbench.page.locator('.editor-group-container.active .monaco-editor .view-line', { hasText: 'cs.DC @ 2025-06-01: 103' }).first();
    await firstLine.click();
    await workbench.page.keyboard.press('End');
    const end = 'cs.DC @ 2025-06-01: 103'.length + 1;
    await workbench.waitForCursor(1, end);
    await workbench.page.keyboard.type('x');
    // Either the editor says it is read-only, or the edit went in (the cursor moves on a column).
    const readOnly = workbench.page.locator('.monaco-editor-overlaymessage', { hasText: /read-only/i });
    const moved = workbench.page.locator('[id="status.editor.selection"]', { hasText: `Col ${end + 1}` });
    const dirty = workbench.page.locator('.tabs-container .tab.dirty', { hasText: FIXTURE });
    try {
      await readOnly.or(moved).first().waitFor({ timeout: 10_000 });
      await workbench.screenshot('sample-read-only');
      // Monaco renders spaces as no-break spaces.
      assert.equal((await firstLine.innerText()).replace(/\u00a0/g, ' ').trim(), 'cs.DC @ 2025-06-01: 103', 'typing into the sample changed it: it is not read-only');
      assert.equal(await dirty.count(), 0, 'the sample\'s tab shows the dirty marker');
      assert.match(await readOnly.innerText(), /Cannot edit in read-only editor/);
    } finally {
      if (await moved.count()) {
        // Never keep an edit of the sample (in development it is the working tree's file).
        await workbench.page.keyboard.press('Control+z');
        await workbench.waitForCursor(1, end);
      }
      await workbench.closeAllEditors();
    }
  });
}
