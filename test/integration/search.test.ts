import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DigestReaderApi } from '../../src/api';
import { SearchIndexStore } from '../../src/search/searchStore';
import { api, closeAll, waitFor } from './helpers';

interface Shown {
  uri: vscode.Uri;
  index: number;
  line?: number;
  arxivId?: string;
}

function shownArticle(reader: DigestReaderApi): Shown | undefined {
  const shown = reader.panelArticle();
  return shown && 'index' in shown ? shown : undefined;
}

/**
 * Runs "Search All Digests" with a query as a user types it, accepts the first
 * row, and waits until the panel shows `arxivId`: what the user sees.
 */
async function searchAndPick(reader: DigestReaderApi, query: string, arxivId: string): Promise<Shown> {
  await vscode.commands.executeCommand('digestReader.searchAll', query);
  // The rows reach the workbench a moment after the command resolves: accept until the panel follows.
  return waitFor(`the panel to show ${arxivId} after searching "${query}"`, async () => {
    const shown = shownArticle(reader);
    if (shown?.arxivId === arxivId) {
      return shown;
    }
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await new Promise((resolve) => setTimeout(resolve, 300));
    return undefined;
  }, 30_000);
}

/** The editor shows the article's file with the cursor on its "Article N" line. */
async function assertEditorOn(shown: Shown, title: RegExp): Promise<void> {
  const editor = await waitFor('the digest editor on the article', () =>
    vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === shown.uri.toString() && e.selection.active.line === shown.line));
  assert.equal(editor.document.lineAt(editor.selection.active.line).text, `Article ${shown.index}`);
  assert.match(editor.document.lineAt(editor.selection.active.line + 2).text, title);
}

describe('search all digests', function () {
  this.timeout(90_000);

  beforeEach(closeAll);
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await closeAll();
  });

  it('finds an English title as it is typed and shows the article in the panel, editor and Articles view', async () => {
    const reader = await api();
    await vscode.commands.executeCommand('workbench.view.extension.digestReader');
    await waitFor('the Articles view to be visible', () => reader.articlesTree.view.visible);
    const shown = await searchAndPick(reader, 'Self-Evolving Communicat', '2505.23710v1');
    assert.equal(shown.index, 0);
    await assertEditorOn(shown, /^Title: From Connectivity to Autonomy/);
    await waitFor('the article selected in the Articles view', () => {
      const selected = reader.articlesTree.view.selection[0];
      const item = selected && reader.articlesTree.getTreeItem(selected);
      const label = item && (typeof item.label === 'object' ? item.label.label : item.label);
      return label?.startsWith('00 From Connectivity');
    });
  });

  it('finds a German title typed without its umlaut (Foderierten → Föderierten)', async () => {
    const reader = await api();
    const shown = await searchAndPick(reader, 'Ausbildung des Foderierten', '2505.23588v1');
    assert.equal(shown.index, 4);
    await assertEditorOn(shown, /Beschleunigte Ausbildung des Föderierten Lernens/);
  });

  it('finds a Chinese title by a phrase inside it (no spaces)', async () => {
    const reader = await api();
    const shown = await searchAndPick(reader, '独立定位', '2410.15332v3');
    assert.equal(shown.index, 50);
    await assertEditorOn(shown, /独立定位/);
  });

  it('keeps its index in the workspace storage with each file\'s stamp from the Library: the stored index answers as the live one', async () => {
    const reader = await api();
    await vscode.commands.executeCommand('digestReader.searchAll', 'Foderierten');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await waitFor('the index complete', () => reader.searchIndex.complete);
    await reader.searchIndex.flush();
    const storedUri = reader.searchIndex.storedUri;
    assert.ok(storedUri, 'the test workspace has storage');
    const stored = await new SearchIndexStore(vscode.Uri.joinPath(storedUri, '..')).load();
    assert.ok(stored, 'the stored index reads back');
    const live = reader.searchIndex.search;
    for (const query of ['Foderierten', 'federated learning', '独立定位', 'Salvadori', '2505.2031']) {
      const hits = (search: typeof live) => search.search(query, 20).map((hit) => `${hit.file}#${hit.index}:${hit.field}`);
      assert.ok(hits(live).length > 0, `"${query}" finds something`);
      assert.deepEqual(hits(stored.search), hits(live), `the stored index answers "${query}" as the live one`);
    }
    // Each stored file carries the stamp the Library has for it: unchanged files are not read again.
    const entries = reader.library.entries();
    assert.ok(stored.stamps.size > 0);
    for (const [uri, stamp] of stored.stamps) {
      const entry = entries.find((candidate) => candidate.uri.toString() === uri);
      assert.ok(entry, `${uri} is in the Library`);
      assert.equal(stamp, `${entry.size}:${entry.mtime}`);
    }
  });
});
