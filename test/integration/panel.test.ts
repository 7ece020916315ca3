/** Issue 19: the article panel following the cursor shows without reading for the user; only an article asked for is read. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DigestReaderApi } from '../../src/api';
import { api, closeAll, openDigest, panelArticle, sampleUri, stays, waitFor } from './helpers';

/** Puts the cursor of the sample's editor into the text of article `index` (its authors line), as a click there does. */
function moveCursorInto(reader: DigestReaderApi, index: number): string {
  const article = reader.documents.get(sampleUri)?.digest.articles.find((candidate) => candidate.index === index);
  assert.ok(article?.arxivId, `article ${index}`);
  const editor = vscode.window.visibleTextEditors.find((candidate) => candidate.document.uri.toString() === sampleUri.toString());
  assert.ok(editor, 'the sample is in an editor');
  const line = article.line + 3;
  assert.match(editor.document.lineAt(line).text, /^Authors/);
  editor.selection = new vscode.Selection(line, 4, line, 4);
  // Read state follows the paper: its arXiv id without the version.
  return article.arxivId.replace(/v\d+$/, '');
}

describe('Panel: following the cursor is not reading', () => {
  let reader: DigestReaderApi;
  const settings = () => vscode.workspace.getConfiguration('digestReader');

  beforeEach(async () => {
    reader = await api();
    reader.reading.clear();
    await openDigest(sampleUri);
    await vscode.commands.executeCommand('digestReader.showArticle', { uri: sampleUri, index: 21 });
    await waitFor('the panel on article 21', () => panelArticle(reader)?.index === 21);
  });

  afterEach(async () => {
    await settings().update('markReadAfterDwell', undefined, vscode.ConfigurationTarget.Global);
    await closeAll();
  });

  it('a cursor moved into an unread article shows it in the open panel and leaves it unread; showing it on purpose reads it', async () => {
    assert.equal(reader.reading.state.isRead('2505.20314'), true, 'article 21 was asked for: read');
    const key = moveCursorInto(reader, 22);
    await waitFor('the panel to follow the cursor to article 22', () => panelArticle(reader)?.index === 22);
    await stays('article 22 unread', () => !reader.reading.state.isRead(key), 1000);
    await vscode.commands.executeCommand('digestReader.showArticle', { uri: sampleUri, index: 22 });
    await waitFor('article 22 read once asked for', () => reader.reading.state.isRead(key));
  });

  it('with digestReader.markReadAfterDwell set, an article the cursor stays in becomes read after that many seconds', async () => {
    await settings().update('markReadAfterDwell', 1, vscode.ConfigurationTarget.Global);
    // Timed from the cursor's move: the dwell starts when the panel follows, which is after it (seeing the panel follow
    // is later still, by a poll and, on the web, a message: too late a start to time from).
    const moved = Date.now();
    const key = moveCursorInto(reader, 23);
    await waitFor('the panel to follow the cursor to article 23', () => panelArticle(reader)?.index === 23);
    assert.equal(reader.reading.state.isRead(key), false, 'not read at once');
    await waitFor('article 23 read after the dwell', () => reader.reading.state.isRead(key), 5_000);
    assert.ok(Date.now() - moved >= 1000, `read ${Date.now() - moved} ms after the cursor moved, not after the dwell`);
    // Passing through an article is no dwell: the cursor moves on before the time is up.
    const passed = moveCursorInto(reader, 24);
    await waitFor('the panel on article 24', () => panelArticle(reader)?.index === 24);
    moveCursorInto(reader, 25);
    await waitFor('the panel on article 25', () => panelArticle(reader)?.index === 25);
    await stays('article 24 unread', () => !reader.reading.state.isRead(passed), 1500);
  });

  it('turning digestReader.markReadAfterDwell off stops a dwell under way: the article stays unread', async () => {
    await settings().update('markReadAfterDwell', 2, vscode.ConfigurationTarget.Global);
    const key = moveCursorInto(reader, 26);
    await waitFor('the panel to follow the cursor to article 26', () => panelArticle(reader)?.index === 26);
    await settings().update('markReadAfterDwell', 0, vscode.ConfigurationTarget.Global);
    await stays('article 26 unread after the dwell was turned off', () => !reader.reading.state.isRead(key), 3000);
  });
});
