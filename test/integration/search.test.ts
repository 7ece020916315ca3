import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DigestReaderApi } from '../../src/api';
import { searchParts, Segment } from '../../src/core/search';
import { api, closeAll, readText, sampleUri, scratchUri, waitFor, writeText } from './helpers';

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

  it('loads nothing before the first search; then removes the stored index of 0.5.0 without asking, and answers', async () => {
    const reader = await api();
    assert.equal(reader.searchIndex.isStarted, false, 'nothing was loaded or indexed at activation');
    const storage = reader.searchIndex.storedUri;
    assert.ok(storage, 'the test workspace has storage');
    // What 0.5.0 stored: one JSON snapshot beside the new segments' folder.
    const legacy = vscode.Uri.joinPath(storage, '..', 'search-index.json');
    await writeText(legacy, JSON.stringify({ stamps: {}, index: { format: 'digest-reader-search', version: 3, articles: [], terms: [], postings: { bytes: '', counts: '' } } }));
    const shown = await searchAndPick(reader, 'Ausbildung des Foderierten', '2505.23588v1');
    assert.equal(shown.index, 4);
    await waitFor('the 0.5.0 index removed', async () => (await readText(legacy).then(() => false, () => true)));
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

  it('finds Eric Müller typed as Mueller, and Frank Würthwein typed as Wuerthwein', async () => {
    const reader = await api();
    assert.equal((await searchAndPick(reader, 'Mueller', '2505.21185v1')).index, 46);
    assert.equal((await searchAndPick(reader, 'Wuerthwein', '2505.22864v1')).index, 20);
  });

  it('finds 舍, one Han character at the end of 取舍 in article 10\'s Chinese title', async () => {
    const reader = await api();
    const shown = await searchAndPick(reader, '舍', '2505.16508v2');
    assert.equal(shown.index, 10);
    await assertEditorOn(shown, /权衡取舍/);
  });

  it('finds the short surname Le among the many words starting with le, in the first rows', async () => {
    const reader = await api();
    const hits = reader.searchIndex.search.search('Le', 200).filter((hit) => hit.file.endsWith('/cs.DC-2025-06-01.txt'));
    assert.ok(hits.length > 20, 'many articles have words starting with le');
    // Le Qin (article 16) and Eve Le Guillou (41) come before every article that has only longer words.
    const first = hits.slice(0, 3).map((hit) => hit.index);
    assert.ok(first.includes(16) && first.includes(41), `first: ${first.join(', ')}`);
    const shown = await searchAndPick(reader, 'Eve Le', '2505.21266v1');
    assert.equal(shown.index, 41);
  });

  it('lists a paper in two digests as one row naming both, its English title beside a Chinese hit', async () => {
    const reader = await api();
    // The same day's sample again, as another subject's digest of the next day (a cross-list).
    const copy = await writeText(scratchUri('cs.LG-2025-06-02.txt'), (await readText(sampleUri)).replace('cs.DC @ 2025-06-01', 'cs.LG @ 2025-06-02'));
    try {
      await waitFor('the copy indexed', () => reader.searchIndex.search.search('Hybrid Batch Normalisation', 10).some((hit) => hit.file === copy.toString()), 30_000);
      await vscode.commands.executeCommand('digestReader.searchAll', 'Hybrid Batch Normalisation');
      const rows = await waitFor('the rows', () => {
        const shown = reader.searchRows().filter((row) => row.label.includes('Hybrid Batch Normalisation'));
        return shown.length > 0 && shown;
      });
      assert.equal(rows.length, 1, 'one row for the paper');
      assert.match(rows[0].detail ?? '', /^cs\.LG 2025-06-02 #31, cs\.DC 2025-06-01 #31 · 2505\.21877$/);
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      await vscode.commands.executeCommand('digestReader.searchAll', '混合批次正常化');
      const chinese = await waitFor('the Chinese row', () => reader.searchRows().find((row) => row.label.includes('混合批次正常化')));
      assert.match(chinese.detail ?? '', /cs\.DC 2025-06-01 #31 · 2505\.21877 · Hybrid Batch Normalisation: Resolving the Dilemma/);
      assert.match(chinese.description ?? '', /matched in the Chinese title/);
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    } finally {
      await vscode.workspace.fs.delete(copy);
      await waitFor('the copy gone from the index', () => !reader.searchIndex.search.search('Hybrid Batch Normalisation', 10).some((hit) => hit.file === copy.toString()), 30_000);
    }
  });

  it('stores its index as binary segments in the workspace storage, each file with its stamp from the Library: they answer as the live index', async () => {
    const reader = await api();
    await vscode.commands.executeCommand('digestReader.searchAll', 'Foderierten');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await waitFor('the index complete', () => reader.searchIndex.complete);
    await reader.searchIndex.flush();
    const folder = reader.searchIndex.storedUri;
    assert.ok(folder, 'the test workspace has storage');
    const names = (await vscode.workspace.fs.readDirectory(folder)).map(([name]) => name).sort();
    assert.ok(names.length > 0 && names.every((name) => /^(\d{4}-\d{2}|undated)\.seg$/.test(name)), names.join(', '));
    const segments = await Promise.all(names.map(async (name) => Segment.read(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, name)))));
    assert.ok(segments.every((segment) => segment !== undefined), 'every segment reads back');
    const live = reader.searchIndex.search;
    for (const query of ['Foderierten', 'federated learning', '独立定位', 'Salvadori', '2505.2031', '舍']) {
      const hits = (answer: { file: string; index: number; field: string }[]) => answer.map((hit) => `${hit.file}#${hit.index}:${hit.field}`).sort();
      const fromSegments = searchParts(segments.filter((segment): segment is Segment => segment !== undefined), query, 500);
      assert.ok(live.search(query, 500).length > 0, `"${query}" finds something`);
      assert.deepEqual(hits(fromSegments), hits(live.search(query, 500)), `the stored segments answer "${query}" as the live index`);
    }
    // Each stored file carries the stamp the Library has for it: unchanged files are not read again.
    const entries = reader.library.entries();
    const stored = segments.flatMap((segment) => segment?.files() ?? []);
    assert.ok(stored.length > 0);
    for (const { uri, stamp } of stored) {
      const entry = entries.find((candidate) => candidate.uri.toString() === uri);
      assert.ok(entry, `${uri} is in the Library`);
      assert.equal(stamp, `${entry.size}:${entry.mtime}`);
    }
    assert.ok((reader.searchIndex.clock.longest.get('search') ?? 0) > 0, 'searches were timed');
  });
});
