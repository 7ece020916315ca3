import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, articleTabLabel, clickRow, closeAll, labelOf, fixtureUri, openDigest, readText, stays, testDigestUri, treeRows, waitFor, workspaceUri } from './helpers';

describe('Digest Reader in VS Code', () => {
  let fixtureBefore: Uint8Array;
  let fixtureMtime: number;

  before(async () => {
    fixtureBefore = await vscode.workspace.fs.readFile(fixtureUri);
    fixtureMtime = (await vscode.workspace.fs.stat(fixtureUri)).mtime;
  });
  afterEach(closeAll);

  it('opens a digest .txt as language "digest", recognized by its first line', async () => {
    const editor = await openDigest(fixtureUri);
    assert.equal(editor.document.languageId, 'digest');
  });

  it('lists the 7 dates newest first with their counts, and describes the digest', async () => {
    const reader = await api();
    reader.reading.clear();
    await openDigest(fixtureUri);
    const rows = await waitFor('the Articles view to show the fixture', async () => {
      const current = await treeRows(reader);
      return current.length === 7 && current;
    });
    assert.deepEqual(rows.map((r) => [r.label, r.description]), [
      ['Fri 2025-05-30', '1 · 1 unread'],
      ['Thu 2025-05-29', '18 · 18 unread'],
      ['Wed 2025-05-28', '15 · 15 unread'],
      ['Tue 2025-05-27', '27 · 27 unread'],
      ['Mon 2025-05-26', '26 · 26 unread'],
      ['Sun 2025-05-25', '4 · 4 unread'],
      ['Sat 2025-05-24', '12 · 12 unread'],
    ]);
    assert.deepEqual(rows.map((r) => r.children.length), [1, 18, 15, 27, 26, 4, 12]);
    assert.deepEqual(rows[1].children[0], { label: '00 From Connectivity to Autonomy: The Dawn of Self-Evolving Communication Systems', description: '2505.23710v1' });
    assert.equal(rows[1].children[17].label.slice(0, 3), '61 ');
    assert.equal(reader.articlesTree.view.description, 'cs.DC · 2025-06-01 · 103 articles');
    assert.equal(reader.articlesTree.view.message, 'cs.DC · 2025-06-01 · 103 articles');
  });

  it('shows article 21 when clicked: reveals "Article 21" and opens the panel on it', async () => {
    const reader = await api();
    await openDigest(fixtureUri);
    const dateNode = reader.articlesTree.rows().find((node) => labelOf(reader.articlesTree.getTreeItem(node)) === 'Wed 2025-05-28');
    assert.ok(dateNode);
    const node = reader.articlesTree.rows(dateNode).find((child) => labelOf(reader.articlesTree.getTreeItem(child)).startsWith('21 '));
    assert.ok(node);
    await clickRow(reader.articlesTree.view, node, reader.articlesTree.getTreeItem(node));
    const editor = await waitFor('the editor to be on Article 21', () => {
      const e = vscode.window.visibleTextEditors.find((v) => v.document.uri.toString() === fixtureUri.toString());
      return e && e.selection.active.line === 231 && e;
    });
    assert.equal(editor.document.lineAt(editor.selection.active.line).text, 'Article 21');
    assert.ok(editor.visibleRanges.some((range) => range.contains(new vscode.Position(231, 0))), 'Article 21 is scrolled into view');
    await waitFor('the article panel on cs.DC · 21', () => articleTabLabel() === 'cs.DC · 21');
  });

  it('"Open arXiv page" opens https://arxiv.org/abs/<id> for a tree item, the cursor, and the PDF', async () => {
    const reader = await api();
    const editor = await openDigest(fixtureUri);
    const target = { uri: fixtureUri, index: 21 };
    assert.equal(await vscode.commands.executeCommand('digestReader.openArxivPage', target), 'https://arxiv.org/abs/2505.20314v2');
    assert.equal(await vscode.commands.executeCommand('digestReader.openPdf', target), 'https://arxiv.org/pdf/2505.20314v2');
    // From the editor: the article under the cursor (here inside article 21's abstract), and its TOC line.
    editor.selection = new vscode.Selection(235, 10, 235, 10);
    assert.equal(await vscode.commands.executeCommand('digestReader.openArxivPage'), 'https://arxiv.org/abs/2505.20314v2');
    editor.selection = new vscode.Selection(23, 0, 23, 0);
    assert.equal(await vscode.commands.executeCommand('digestReader.openArxivPage'), 'https://arxiv.org/abs/2505.20314v2');
    assert.ok(reader.documents.get(fixtureUri));
    assert.equal(await vscode.commands.executeCommand('digestReader.copyId', target), '2505.20314v2');
    assert.equal(await vscode.env.clipboard.readText(), '2505.20314v2');
  });

  it('asks with a Quick Pick when no article is under the cursor', async () => {
    const editor = await openDigest(fixtureUri);
    editor.selection = new vscode.Selection(0, 0, 0, 0); // the header names no article
    let answered = false;
    const opened = vscode.commands.executeCommand<string>('digestReader.openArxivPage').then((url) => {
      answered = true;
      return url;
    });
    // Accept the first item as soon as the Quick Pick is there (accepting with none open does nothing).
    await waitFor('the Quick Pick to be answered', async () => {
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await new Promise((resolve) => setTimeout(resolve, 200));
      return answered;
    });
    assert.equal(await opened, 'https://arxiv.org/abs/2505.23710v1'); // the first article, 00
  });

  it('selects the article under the cursor in the Articles view', async () => {
    const reader = await api();
    const editor = await openDigest(fixtureUri);
    await vscode.commands.executeCommand('workbench.view.extension.digestReader');
    await waitFor('the Articles view to be visible', () => reader.articlesTree.view.visible);
    await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preserveFocus: false });
    const selectedLabel = () => {
      const selected = reader.articlesTree.view.selection[0];
      return selected && labelOf(reader.articlesTree.getTreeItem(selected));
    };
    editor.selection = new vscode.Selection(235, 3, 235, 3); // inside article 21's abstract
    assert.match(await waitFor('article 21 to be selected', () => selectedLabel()?.startsWith('21 ') && selectedLabel()), /^21 \$Δ\$-Nets/);
    editor.selection = new vscode.Selection(112, 0, 112, 0); // "Article 1"
    assert.match(await waitFor('article 1 to be selected', () => selectedLabel()?.startsWith('01 ') && selectedLabel()), /^01 Distributed Federated Learning/);
  });

  it('offers outline (dates → articles), folding per article and date run, and arXiv ids as links', async () => {
    await openDigest(fixtureUri);
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', fixtureUri);
    assert.equal(symbols[0].name, 'Contents');
    assert.equal(symbols[1].name, 'Thu 2025-05-29');
    assert.equal(symbols[1].children.length, 12);
    assert.equal(symbols[1].children[0].name, '00 From Connectivity to Autonomy: The Dawn of Self-Evolving Communication Systems');
    assert.equal(symbols[2].name, 'Fri 2025-05-30');
    assert.equal(symbols.slice(1).reduce((n, s) => n + s.children.length, 0), 103);
    const folds = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', fixtureUri);
    assert.ok(folds.some((f) => f.start === 231 && f.end === 236), 'article 21 folds');
    assert.ok(folds.some((f) => f.start === 105 && f.end === 176), 'the first 05-29 run folds');
    const allLinks = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', fixtureUri);
    // Ours only: VS Code adds its own links for URLs in abstracts.
    const links = allLinks.filter((link) => link.tooltip?.startsWith('Open https://arxiv.org/abs/'));
    const article21 = links.find((l) => l.range.start.line === 233);
    assert.equal(article21?.target?.toString(true), 'https://arxiv.org/abs/2505.20314v2');
    assert.equal(links.length, 206);
  });

  it('reports a cut-off digest in the Problems panel on the right lines and in the view', async () => {
    const reader = await api();
    const text = await readText(fixtureUri);
    const cut = text.slice(0, text.indexOf('Article 58\n') + 'Article 58\nTitle@2025-05-27 (2): Ab'.length);
    const document = await vscode.workspace.openTextDocument({ language: 'digest', content: cut });
    await vscode.window.showTextDocument(document);
    const diagnostics = await waitFor('diagnostics', () => {
      const found = vscode.languages.getDiagnostics(document.uri);
      return found.length > 0 && found;
    });
    const header = diagnostics.find((d) => d.range.start.line === 0);
    assert.equal(header?.message, 'The header announces 103 articles but 59 were found; the file may be cut short.');
    assert.equal(header?.severity, vscode.DiagnosticSeverity.Warning);
    assert.ok(diagnostics.some((d) => d.range.start.line === text.slice(0, text.indexOf('Article 58\n')).split('\n').length - 1 && d.message.includes('Article 58 has no Authors line')));
    await waitFor('the view to say the count is off', () => reader.articlesTree.view.description === 'cs.DC · 2025-06-01 · 59 of 103 articles');
    assert.match(reader.articlesTree.view.message ?? '', /The header announces 103 articles but 59 were found/);
  });

  it('re-parses on edits: the tree follows the document', async () => {
    const reader = await api();
    const content = ['cs.XX @ 2025-06-01: 1', '-', '00 05-29 (4) A B C 2505.00001v1', 'Article 0', 'Title@2025-05-29 (4): First title', 'Title: First title | Erster | 第一 2505.00001v1 |', 'Authors (1): Ann', 'Abstract.', '摘要。'].join('\n');
    const document = await vscode.workspace.openTextDocument({ language: 'digest', content });
    const editor = await vscode.window.showTextDocument(document);
    await waitFor('the first title', async () => (await treeRows(reader))[0]?.children[0]?.label === '00 First title');
    await editor.edit((edit) => edit.replace(new vscode.Range(4, 0, 4, document.lineAt(4).text.length), 'Title@2025-05-29 (4): Edited title'));
    await editor.edit((edit) => edit.replace(new vscode.Range(5, 0, 5, document.lineAt(5).text.length), 'Title: Edited title | Bearbeitet | 已编辑 2505.00001v1 |'));
    await waitFor('the edited title', async () => (await treeRows(reader))[0]?.children[0]?.label === '00 Edited title');
  });

  it('keeps the article panel in step with edits of its digest', async () => {
    const content = ['cs.AA @ 2025-06-01: 1', '-', '00 05-29 (4) A B C 2505.00001v1', 'Article 0', 'Title@2025-05-29 (4): First', 'Title: First | Erste | 第一 2505.00001v1 |', 'Authors (1): Ann', 'Abstract.', '摘要。'].join('\n');
    const document = await vscode.workspace.openTextDocument({ language: 'digest', content });
    const editor = await vscode.window.showTextDocument(document);
    const reader = await api();
    await waitFor('the digest to be read', () => reader.documents.get(document.uri));
    await vscode.commands.executeCommand('digestReader.showArticle', { uri: document.uri, index: 0 });
    await waitFor('the panel on cs.AA · 00', () => articleTabLabel() === 'cs.AA · 00');
    await editor.edit((edit) => edit.replace(new vscode.Range(0, 0, 0, 5), 'cs.BB'));
    await waitFor('the panel to follow the edit', () => articleTabLabel() === 'cs.BB · 00');
  });

  it('reads Markdown digests (arXiv and news) while keeping Markdown highlighting', async () => {
    const reader = await api();
    const editor = await openDigest(testDigestUri('cs.PL-2025-06-01.md'));
    assert.equal(editor.document.languageId, 'markdown');
    await waitFor('cs.PL in the view', () => reader.articlesTree.view.description === 'cs.PL · 2025-06-01 · 3 articles');
    const news = await openDigest(testDigestUri('german-news-2025-06-01.md'));
    assert.equal(news.document.languageId, 'markdown');
    const rows = await waitFor('the news articles', async () => {
      const current = await treeRows(reader);
      return current[0]?.children.length === 2 && current;
    });
    assert.deepEqual(rows[0].children.map((c) => c.label), ['00 Railway announces new routes', '01 Weather: sun at the weekend']);
  });

  it('leaves a plain .txt that is no digest as plain text', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'Just some notes.\nArticle 1\n' });
    await vscode.window.showTextDocument(document);
    await stays('the notes stay plain text', () => document.languageId === 'plaintext' && !vscode.workspace.textDocuments.some((d) => d.uri.toString() === document.uri.toString() && d.languageId === 'digest'), 1000);
  });

  it('shows hostile text verbatim in the tree', async () => {
    const reader = await api();
    await openDigest(testDigestUri('hostile.txt'));
    const rows = await waitFor('the hostile digest', async () => {
      const current = await treeRows(reader);
      return current.length === 2 && current;
    });
    assert.equal(rows[0].children[0].label, '00 <script>window.__pwned=1</script> Evil');
  });

  it('never writes to a digest file', async () => {
    assert.deepEqual(await vscode.workspace.fs.readFile(fixtureUri), fixtureBefore);
    assert.equal((await vscode.workspace.fs.stat(fixtureUri)).mtime, fixtureMtime);
    // Every document of the workspace's file system (file: in Node's host, vscode-test-web: on the web).
    for (const document of vscode.workspace.textDocuments) {
      if (document.uri.scheme === workspaceUri.scheme) {
        assert.equal(document.isDirty, false, `${document.uri.toString()} was changed`);
      }
    }
  });
});
