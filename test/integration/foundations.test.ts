/**
 * Defects a review of 0.1.0 found (issue 11), each shown where a user meets
 * it: in the extension host, through the views and commands.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, clickRow, closeAll, labelOf, openDigest, panelArticle, readText, sampleUri, scratchUri, stays, waitFor, writeText } from './helpers';

let sampleText: string;

/** A digest file of the test's own, in the workspace's scratch/ folder. */
function writeDigest(name: string, text: string): Promise<vscode.Uri> {
  return writeText(scratchUri(`foundations-${name}`), text);
}

async function setSetting(name: string, value: boolean | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('digestReader').update(name, value, vscode.ConfigurationTarget.Global);
}

describe('Foundations: addressing, active digest, language choice, fresh parses', () => {
  before(async () => {
    sampleText = await readText(sampleUri);
  });
  afterEach(closeAll);

  it('shows and selects the second day\'s article 21 in a file of two concatenated days', async () => {
    const reader = await api();
    const uri = await writeDigest('two-days.txt', `${sampleText.trimEnd()}\n${sampleText.replace('cs.DC @ 2025-06-01: 103', 'cs.DC @ 2025-06-02: 103')}`);
    await openDigest(uri);
    await vscode.commands.executeCommand('workbench.view.extension.digestReader');
    const digest = await waitFor('206 articles', () => reader.documents.get(uri)?.digest.articles.length === 206 && reader.documents.get(uri)?.digest);
    const [firstDay, secondDay] = digest.articles.filter((article) => article.index === 21);
    // The second day's header is a header, not article 102's German abstract, and nothing is reported.
    assert.deepEqual(Object.keys(digest.articles[102].abstracts).sort(), ['en', 'zh']);
    assert.deepEqual(vscode.languages.getDiagnostics(uri), []);
    await waitFor('the view to name both days', () => reader.articlesTree.view.description === 'cs.DC · 2 days, 2025-06-01 to 2025-06-02 · 206 articles');
    // Both article 21s are rows of their own under Wed 2025-05-28.
    const date = reader.articlesTree.rows().find((node) => labelOf(reader.articlesTree.getTreeItem(node)) === 'Wed 2025-05-28');
    assert.ok(date);
    const rows = reader.articlesTree.rows(date).filter((node) => labelOf(reader.articlesTree.getTreeItem(node)).startsWith('21 '));
    assert.equal(rows.length, 2);
    await clickRow(reader.articlesTree.view, rows[1], reader.articlesTree.getTreeItem(rows[1]));
    await waitFor('the panel on the second day\'s article 21', () => panelArticle(reader)?.line === secondDay.line);
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
    assert.equal(editor?.selection.active.line, secondDay.line);
    await waitFor('the second row selected', () => reader.articlesTree.view.selection[0] === rows[1]);
    assert.notEqual(firstDay.line, secondDay.line);
    // Next from there is the second day's article 22, not the first day's.
    await vscode.commands.executeCommand('digestReader.nextArticle');
    await waitFor('the second day\'s article 22', () => panelArticle(reader)?.index === 22 && (panelArticle(reader)?.line ?? 0) > secondDay.line);
  });

  it('keeps the Articles view on the digest while another editor has focus, until the digest\'s tab closes', async () => {
    const reader = await api();
    const digestEditor = await openDigest(sampleUri);
    await waitFor('the sample to be active', () => reader.documents.active?.document.uri.toString() === sampleUri.toString());
    const notes = await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'My notes on today\'s papers.' });
    await vscode.window.showTextDocument(notes, { viewColumn: vscode.ViewColumn.Beside, preview: false });
    await stays('the sample stays active with the notes focused', () => reader.documents.active?.document.uri.toString() === sampleUri.toString() && reader.articlesTree.rows().length === 7, 1000);
    await vscode.window.showTextDocument(digestEditor.document, { viewColumn: digestEditor.viewColumn });
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    const tabs = () => vscode.window.tabGroups.all.flatMap((group) => group.tabs.map((tab) => tab.label)).join(', ');
    await waitFor('no active digest once its tab is closed', () => reader.documents.active === undefined || assert.fail(`still active: ${reader.documents.active.document.uri.toString()}; tabs: ${tabs()}`));
    assert.equal(reader.articlesTree.rows().length, 0);
  });

  it('respects a user who switches a digest .txt back to Plain Text', async () => {
    const reader = await api();
    const uri = await writeDigest('plain-by-choice.txt', sampleText);
    const editor = await openDigest(uri);
    assert.equal(editor.document.languageId, 'digest');
    const plain = await vscode.languages.setTextDocumentLanguage(editor.document, 'plaintext');
    assert.equal(plain.languageId, 'plaintext');
    await stays('the document stays Plain Text', () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())?.languageId === 'plaintext');
    assert.equal(reader.documents.get(uri), undefined, 'it is no longer read as a digest');
    // Choosing Digest again reads it again.
    const back = await vscode.languages.setTextDocumentLanguage(plain, 'digest');
    await waitFor('the digest read again', () => reader.documents.get(back.uri));
  });

  it('lists a plain-text digest opened in an editor in the Articles view before switching it to the Digest language', async () => {
    // The switch keeps the workbench busy for a few hundred ms: rows asked for meanwhile were drawn after it.
    const reader = await api();
    const uri = await writeDigest('rows-first.txt', sampleText.replace('cs.DC @ 2025-06-01: 103', 'cs.DC @ 2025-06-03: 103'));
    await vscode.commands.executeCommand('workbench.view.extension.digestReader');
    await waitFor('the Articles view showing', () => reader.articlesTree.view.visible);
    let fetchedAtSwitch: string | undefined;
    const listening = vscode.workspace.onDidOpenTextDocument((document) => {
      if (document.uri.toString() === uri.toString() && document.languageId === 'digest') {
        fetchedAtSwitch ??= reader.articlesTree.fetchedDigest ?? 'none';
      }
    });
    try {
      // As Quick Open and the Explorer do: the workbench opens the editor, and the extension hears of both at once.
      await vscode.commands.executeCommand('vscode.open', uri, { preview: false });
      await waitFor('the digest switched to the Digest language', () => fetchedAtSwitch);
    } finally {
      listening.dispose();
    }
    assert.equal(fetchedAtSwitch, uri.toString(), 'the Articles view\'s rows were fetched before the switch');
  });

  it('reads a digest closed and reopened at once as a digest again (a close is no choice of Plain Text)', async () => {
    const reader = await api();
    const uri = await writeDigest('reopened.txt', sampleText);
    await openDigest(uri);
    await closeAll();
    const editor = await openDigest(uri);
    assert.equal(editor.document.languageId, 'digest');
    assert.ok(reader.documents.get(uri));
  });

  it('applies digestReader.detectPlainTextDigests at once, both ways', async () => {
    const reader = await api();
    const uri = await writeDigest('setting.txt', sampleText);
    await openDigest(uri);
    const languageOf = () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())?.languageId;
    try {
      await setSetting('detectPlainTextDigests', false);
      await waitFor('plain text once detection is off', () => languageOf() === 'plaintext' && reader.documents.get(uri) === undefined);
      await setSetting('detectPlainTextDigests', true);
      await waitFor('a digest again once detection is on', () => languageOf() === 'digest' && reader.documents.get(uri));
    } finally {
      await setSetting('detectPlainTextDigests', undefined);
    }
  });

  it('folds on the current lines right after an edit, and the link provider survives deleted lines', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'digest', content: sampleText });
    const editor = await vscode.window.showTextDocument(document);
    const reader = await api();
    await waitFor('the untitled digest to be read', () => reader.documents.get(document.uri));
    await editor.edit((edit) => edit.insert(new vscode.Position(105, 0), '\n'));
    // Asked at once, before the debounced re-parse: article 21 (lines 231-236) is now one line lower.
    const folds = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', document.uri);
    assert.ok(folds.some((f) => f.start === 232 && f.end === 237), `article 21 folds on its new lines: ${JSON.stringify(folds.slice(0, 3))}`);
    assert.ok(folds.some((f) => f.start === 2 && f.end === 104), 'the table of contents folds');
    const last = document.lineCount - 1;
    await editor.edit((edit) => edit.delete(new vscode.Range(last - 300, 0, last, 0)));
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', document.uri);
    assert.ok(links.every((link) => link.range.end.line < document.lineCount));
    assert.ok(links.length > 100);
  });

  it('keeps the panel on article 20 when Enter is pressed at its end (no jump to 21)', async () => {
    const reader = await api();
    const document = await vscode.workspace.openTextDocument({ language: 'digest', content: sampleText });
    const editor = await vscode.window.showTextDocument(document);
    const entry = await waitFor('the untitled digest to be read', () => reader.documents.get(document.uri));
    const article20 = entry.digest.articles.find((a) => a.index === 20);
    assert.ok(article20);
    await vscode.commands.executeCommand('digestReader.showArticle', { uri: document.uri, index: 20 });
    await waitFor('the panel on article 20', () => panelArticle(reader)?.index === 20);
    const end = document.lineAt(article20.endLine).range.end;
    await vscode.window.showTextDocument(document, { viewColumn: editor.viewColumn });
    editor.selection = new vscode.Selection(end, end);
    await vscode.commands.executeCommand('type', { text: '\n' });
    assert.equal(editor.selection.active.line, article20.endLine + 1);
    await stays('the panel stays on article 20', () => panelArticle(reader)?.index === 20, 800);
  });

  it('shows the article under the cursor in an open panel, unless digestReader.followCursor is off', async () => {
    const reader = await api();
    const editor = await openDigest(sampleUri);
    await vscode.commands.executeCommand('digestReader.showArticle', { uri: sampleUri, index: 1 });
    await waitFor('the panel on article 1', () => panelArticle(reader)?.index === 1);
    await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn });
    editor.selection = new vscode.Selection(235, 0, 235, 0); // in article 21's abstract
    await waitFor('the panel to follow the cursor to article 21', () => panelArticle(reader)?.index === 21);
    try {
      await setSetting('followCursor', false);
      editor.selection = new vscode.Selection(112, 0, 112, 0); // "Article 1"
      await stays('the panel stays on article 21', () => panelArticle(reader)?.index === 21, 800);
      assert.notEqual(labelOf(reader.articlesTree.getTreeItem(reader.articlesTree.view.selection[0] ?? reader.articlesTree.rows()[0])).slice(0, 3), '01 ');
    } finally {
      await setSetting('followCursor', undefined);
    }
  });

  it('keeps the tree\'s nodes across a re-parse that changes no row', async () => {
    const reader = await api();
    const document = await vscode.workspace.openTextDocument({ language: 'digest', content: sampleText });
    const editor = await vscode.window.showTextDocument(document);
    const entry = await waitFor('the untitled digest to be read', () => reader.documents.get(document.uri));
    const before = reader.articlesTree.rows().flatMap((date) => reader.articlesTree.rows(date));
    const length = document.lineAt(235).text.length;
    await editor.edit((edit) => edit.insert(new vscode.Position(235, length), ' More.'));
    await waitFor('the re-parse', () => reader.documents.get(document.uri) !== entry);
    const after = reader.articlesTree.rows().flatMap((date) => reader.articlesTree.rows(date));
    assert.equal(after.length, 103);
    assert.ok(after.every((node, i) => node === before[i]), 'the same node objects');
  });

  it('opens the bundled sample read-only', async () => {
    const reader = await api();
    await vscode.commands.executeCommand('digestReader.openSample');
    const editor = await waitFor('the sample in an editor', () => vscode.window.activeTextEditor?.document.uri.scheme === 'digest-sample' && vscode.window.activeTextEditor);
    await waitFor('the sample read as a digest', () => reader.documents.get(editor.document.uri)?.digest.articles.length === 103);
    const before = editor.document.getText();
    await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn });
    await vscode.commands.executeCommand('type', { text: 'typed by mistake' });
    assert.equal(editor.document.getText(), before, 'typing changes nothing in the read-only sample');
    assert.equal(editor.document.isDirty, false);
  });
});
