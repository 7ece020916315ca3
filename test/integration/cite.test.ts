/** The library issue, cite slice: Copy BibTeX, the hover, CodeLens. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, closeAll, openDigest, sampleUri, testDigestUri, waitFor } from './helpers';

/** A hover's Markdown as the reader sees the text: appendText's escapes and non-breaking spaces undone. */
function shown(value: string): string {
  return value.replace(/&nbsp;/g, ' ').replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

async function hoverAt(uri: vscode.Uri, position: vscode.Position): Promise<vscode.MarkdownString[]> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return hovers.flatMap((hover) => hover.contents).filter((c): c is vscode.MarkdownString => c instanceof vscode.MarkdownString);
}

/** The line of the document whose text starts with `prefix`, and where `needle` stands on it. */
function find(document: vscode.TextDocument, prefix: string, needle: string): vscode.Position {
  for (let n = 0; n < document.lineCount; n++) {
    const text = document.lineAt(n).text;
    if (text.startsWith(prefix) && text.includes(needle)) {
      return new vscode.Position(n, text.indexOf(needle) + 2);
    }
  }
  assert.fail(`no line starting ${prefix} with ${needle}`);
}

async function lenses(uri: vscode.Uri): Promise<vscode.CodeLens[]> {
  return vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 1000);
}

describe('Cite: BibTeX, hover, CodeLens', () => {
  afterEach(closeAll);

  it('Copy BibTeX puts article 21\'s arXiv-style entry on the clipboard, from a target and from the cursor', async () => {
    const editor = await openDigest(sampleUri);
    const entry = await vscode.commands.executeCommand<string>('digestReader.copyBibtex', { uri: sampleUri, index: 21 });
    assert.match(entry, /^@misc\{salvadori2025[a-z0-9]*,\n/);
    assert.ok(entry.includes('eprint={2505.20314},'), entry);
    assert.ok(entry.includes('url={https://arxiv.org/abs/2505.20314},'), entry);
    assert.ok(entry.includes('author={Daniel Augusto Rizzi Salvadori},'), entry);
    assert.ok(entry.includes('primaryClass={cs.DC},'), entry);
    assert.equal(await vscode.env.clipboard.readText(), entry);
    await vscode.env.clipboard.writeText('');
    editor.selection = new vscode.Selection(235, 10, 235, 10);
    assert.equal(await vscode.commands.executeCommand('digestReader.copyBibtex'), entry);
    assert.equal(await vscode.env.clipboard.readText(), entry);
  });

  it('Copy BibTeX on a news article copies nothing: it has no arXiv id', async () => {
    const uri = testDigestUri('german-news-2025-06-01.md');
    await openDigest(uri);
    await vscode.env.clipboard.writeText('unchanged');
    assert.equal(await vscode.commands.executeCommand('digestReader.copyBibtex', { uri, index: 0 }), undefined);
    assert.equal(await vscode.env.clipboard.readText(), 'unchanged');
  });

  it('the hover on article 21\'s id and Title lines shows its three titles, authors, state and arXiv links', async () => {
    const reader = await api();
    reader.reading.clear();
    const editor = await openDigest(sampleUri);
    const document = editor.document;
    for (const position of [find(document, 'Title: $Δ$-Nets', '2505.20314v2'), new vscode.Position(232, 3), find(document, '21 ', '2505.20314v2')]) {
      const contents = await waitFor('a hover', async () => {
        const found = await hoverAt(sampleUri, position);
        return found.length > 0 && found;
      });
      assert.equal(contents.length, 1, `one hover at ${position.line}`);
      const [hover] = contents;
      assert.equal(hover.isTrusted, false);
      assert.equal(hover.supportHtml, false);
      const text = shown(hover.value);
      assert.ok(text.includes('$Δ$-Nets: Interaction-Based System for Optimal Parallel $λ$-Reduction'), text);
      assert.ok(text.includes('$Δ$-Nets: Interaktionsbasiertes System für eine optimale parallele $λ$-Reduktion'), text);
      assert.ok(text.includes('最佳平行互动系统'), text);
      assert.ok(text.includes('Daniel Augusto Rizzi Salvadori'), text);
      assert.ok(text.includes('Unread'), text);
      assert.ok(hover.value.includes('[Open arXiv page](https://arxiv.org/abs/2505.20314v2)'), hover.value);
      assert.ok(hover.value.includes('[PDF](https://arxiv.org/pdf/2505.20314v2)'), hover.value);
    }
    assert.deepEqual(await hoverAt(sampleUri, new vscode.Position(235, 5)), [], 'no hover inside an abstract');
  });

  it('the hover on a hostile digest shows its text as text: no raw HTML, no link but arXiv\'s', async () => {
    const uri = testDigestUri('hostile.txt');
    const editor = await openDigest(uri);
    for (const id of ['2505.00001v1', '2505.00002v1', '2505.00003v1']) {
      const [hover] = await waitFor(`a hover on ${id}`, async () => {
        const found = await hoverAt(uri, find(editor.document, 'Title: ', id));
        return found.length > 0 && found;
      });
      assert.equal(hover.isTrusted, false);
      assert.equal(hover.supportHtml, false);
      assert.doesNotMatch(hover.value, /<\/?(script|img|iframe|a|b|div|style)\b[^>]*(?<!\\)>/i, 'no tag closes with an unescaped >');
      const links = [...hover.value.matchAll(/(?<!\\)\]\(([^)]*)\)/g)].map((m) => m[1]);
      assert.deepEqual(links, [`https://arxiv.org/abs/${id}`, `https://arxiv.org/pdf/${id}`], hover.value);
    }
  });

  it('CodeLens gives 103 × 4 lenses on the sample, follows stars, and turns off with digestReader.codeLens', async () => {
    const reader = await api();
    reader.reading.clear();
    await openDigest(sampleUri);
    const all = await lenses(sampleUri);
    assert.equal(all.length, 103 * 4);
    const at21 = all.filter((lens) => lens.range.start.line === 231);
    assert.deepEqual(at21.map((lens) => lens.command?.title), ['Open arXiv page', 'PDF', 'Star', 'Copy BibTeX']);
    assert.deepEqual(at21.map((lens) => lens.command?.command), ['digestReader.openArxivPage', 'digestReader.openPdf', 'digestReader.star', 'digestReader.copyBibtex']);
    const lines = new Set(all.map((lens) => lens.range.start.line));
    assert.equal(lines.size, 103);
    const [open] = at21;
    assert.equal(await vscode.commands.executeCommand(open.command?.command ?? '', ...((open.command?.arguments ?? []) as unknown[])), 'https://arxiv.org/abs/2505.20314v2');
    const star = at21[2];
    await vscode.commands.executeCommand(star.command?.command ?? '', ...((star.command?.arguments ?? []) as unknown[]));
    const after = (await lenses(sampleUri)).filter((lens) => lens.range.start.line === 231);
    assert.equal(after[2].command?.title, 'Unstar');
    reader.reading.clear();

    const config = vscode.workspace.getConfiguration('digestReader');
    try {
      await config.update('codeLens', false, vscode.ConfigurationTarget.Global);
      assert.equal((await lenses(sampleUri)).length, 0);
    } finally {
      await config.update('codeLens', undefined, vscode.ConfigurationTarget.Global);
    }
    assert.equal((await lenses(sampleUri)).length, 103 * 4);
  });
});
