/** The library issue, export slice: Copy Citation, a .bib file and a Markdown reading list of many articles. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, closeAll, openDigest, readText, sampleUri, scratchUri, testDigestUri, writeText } from './helpers';

interface ExportResult {
  target: vscode.Uri;
  count: number;
  skipped: number;
}

/** A .bib file's entries as a reader of it sees them: one `@misc{key,` per entry, braces balanced, each field on its line. */
function bibEntries(text: string): { key: string; fields: Map<string, string> }[] {
  let depth = 0;
  for (const c of text) {
    depth += c === '{' ? 1 : c === '}' ? -1 : 0;
    assert.ok(depth >= 0, 'a closing brace too many');
  }
  assert.equal(depth, 0, 'braces balance');
  return text.split(/^(?=@)/m).filter((s) => s.trim() !== '').map((entry) => {
    const head = /^@misc\{([a-z0-9]+),\n/.exec(entry);
    assert.ok(head, entry);
    const fields = new Map([...entry.matchAll(/^ {6}([a-zA-Z]+)=\{(.*)\},$/gm)].map((m) => [m[1], m[2]]));
    assert.ok(/\n\}\n*$/.test(entry), entry);
    return { key: head[1], fields };
  });
}

describe('Export: Copy Citation, BibTeX and Markdown exports', () => {
  afterEach(closeAll);

  it('exports three starred articles to a .bib file that holds exactly those three', async () => {
    const reader = await api();
    reader.reading.clear();
    await openDigest(sampleUri);
    for (const index of [3, 21, 40]) {
      await vscode.commands.executeCommand('digestReader.star', { uri: sampleUri, index });
    }
    const target = scratchUri('starred.bib');
    const result = await vscode.commands.executeCommand<ExportResult>('digestReader.exportBibtex', { source: 'starred', target });
    assert.equal(result.count, 3);
    const entries = bibEntries(await readText(target));
    const digest = reader.documents.get(sampleUri)?.digest;
    assert.ok(digest);
    const expected = [3, 21, 40].map((i) => (digest.articles[i].arxivId ?? '').replace(/v\d+$/, ''));
    assert.deepEqual(entries.map((e) => e.fields.get('eprint')).sort(), expected.sort());
    assert.equal(new Set(entries.map((e) => e.key)).size, 3);
    assert.equal(entries.find((e) => e.fields.get('eprint') === '2505.20314')?.fields.get('author'), 'Daniel Augusto Rizzi Salvadori');
  });

  it('exports tree rows (clicked and selected) and keeps the hostile digest as text in the Markdown list', async () => {
    const reader = await api();
    const uri = testDigestUri('hostile.txt');
    await openDigest(uri);
    const target = scratchUri('hostile.md');
    const nodes = [0, 1, 2].map((index) => ({ target: { uri, index } }));
    // A tree's context menu passes the clicked row and the selected rows; options come only from the palette and callers.
    const viaApi = await reader.exportArticles(reader.documents.get(uri)?.digest.articles.map((a) => ({ ...a, subject: 'cs.CR', digestDate: '2025-06-01' })) ?? [], 'markdown', { target, languages: ['en', 'zh'] });
    assert.equal(viaApi?.count, 3);
    const markdown = await readText(target);
    assert.ok(!/<(script|img|a|iframe|b|div)\b/i.test(markdown), markdown);
    assert.ok(!/\]\(javascript:/i.test(markdown), markdown);
    assert.ok(markdown.includes('## 1. &lt;script&gt;window.\\_\\_pwned=1&lt;/script&gt; Evil\n'), markdown);
    assert.ok(markdown.includes('## 3. \\[click\\]\\(javascript:window.\\_\\_pwned=7\\)\n'), markdown);
    assert.equal((markdown.match(/\]\(https:\/\/arxiv\.org\/(abs|pdf)\/2505\.0000[123]v1\)/g) ?? []).length, 6);
    assert.equal((markdown.match(/\]\(/g) ?? []).length, 6, 'no other link');
    const bib = scratchUri('hostile.bib');
    const fromRows = await vscode.commands.executeCommand<ExportResult>('digestReader.exportBibtex', nodes[1], [nodes[0], nodes[1]], { target: bib });
    assert.equal(fromRows.count, 2);
    assert.deepEqual(bibEntries(await readText(bib)).map((e) => e.fields.get('eprint')), ['2505.00001', '2505.00002']);
    const clickedOnly = await vscode.commands.executeCommand<ExportResult>('digestReader.exportBibtex', nodes[2], [nodes[0]], { target: bib });
    assert.equal(clickedOnly.count, 1, 'a click outside the selection exports the clicked row');
    assert.deepEqual(bibEntries(await readText(bib)).map((e) => e.fields.get('eprint')), ['2505.00003']);
  });

  it('never writes over a digest', async () => {
    const reader = await api();
    await openDigest(sampleUri);
    const before = await readText(sampleUri);
    assert.equal(await reader.exportArticles([{ arxivId: '2505.20314', titles: { en: 'x' }, authors: [] }], 'bibtex', { target: sampleUri }), undefined);
    const closedDigest = await writeText(scratchUri('closed-digest.txt'), 'cs.DC @ 2025-06-01: 1\n-\n');
    assert.equal(await reader.exportArticles([{ arxivId: '2505.20314', titles: { en: 'x' }, authors: [] }], 'markdown', { target: closedDigest, languages: ['en'] }), undefined);
    assert.equal(await readText(sampleUri), before);
    assert.equal(await readText(closedDigest), 'cs.DC @ 2025-06-01: 1\n-\n');
  });

  it('Copy Citation copies article 21 in APA: authors, year, title, arXiv id', async function () {
    this.timeout(120_000); // citeproc builds the APA engine on first use
    await openDigest(sampleUri);
    const citation = await vscode.commands.executeCommand<string>('digestReader.copyCitation', { uri: sampleUri, index: 21 });
    assert.equal(citation, 'Salvadori, D. A. R. (2025). $Δ$-Nets: Interaction-Based System for Optimal Parallel $λ$-Reduction (arXiv:2505.20314). arXiv. https://doi.org/10.48550/arXiv.2505.20314');
    assert.equal(await vscode.env.clipboard.readText(), citation);
  });

  it('Copy Citation uses a .csl style file the setting names, read from the workspace', async function () {
    this.timeout(120_000);
    await openDigest(sampleUri);
    await writeText(scratchUri('tiny.csl'), `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>Tiny</title><id>tiny</id><updated>2025-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout><names variable="author"><name form="short"/></names><text variable="number" prefix=" [" suffix="]"/></layout></bibliography>
</style>`);
    const settings = vscode.workspace.getConfiguration('digestReader');
    try {
      await settings.update('citationStyle', 'scratch/tiny.csl', vscode.ConfigurationTarget.Workspace);
      assert.equal(await vscode.commands.executeCommand('digestReader.copyCitation', { uri: sampleUri, index: 21 }), 'Salvadori [arXiv:2505.20314]');
      await settings.update('citationStyle', 'chicago', vscode.ConfigurationTarget.Workspace);
      await vscode.env.clipboard.writeText('unchanged');
      assert.equal(await vscode.commands.executeCommand('digestReader.copyCitation', { uri: sampleUri, index: 21 }), undefined, 'an unknown style copies nothing');
      assert.equal(await vscode.env.clipboard.readText(), 'unchanged');
    } finally {
      await settings.update('citationStyle', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
