/** Issue 7: read state and stars that follow the paper, triage commands, and state that survives. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DigestReaderApi } from '../../src/api';
import { api, clickRow, closeAll, labelOf, openDigest, panelArticle, readText, sampleUri, scratchUri, stays, waitFor, writeText } from './helpers';

let sampleText: string;

function dateRow(reader: DigestReaderApi, label: string) {
  const node = reader.articlesTree.rows().find((n) => labelOf(reader.articlesTree.getTreeItem(n)) === label);
  assert.ok(node, `date ${label}`);
  return node;
}

function articleRow(reader: DigestReaderApi, date: string, prefix: string) {
  const node = reader.articlesTree.rows(dateRow(reader, date)).find((n) => labelOf(reader.articlesTree.getTreeItem(n)).startsWith(prefix));
  assert.ok(node, `article ${prefix}`);
  return { node, item: () => reader.articlesTree.getTreeItem(node) };
}

const iconOf = (item: vscode.TreeItem) => (item.iconPath as vscode.ThemeIcon).id;

describe('Triage: read state and stars', () => {
  let reader: DigestReaderApi;
  before(async () => {
    sampleText = await readText(sampleUri);
  });
  beforeEach(async () => {
    reader = await api();
    reader.reading.clear();
    await vscode.workspace.getConfiguration('digestReader').update('markReadOnShow', undefined, vscode.ConfigurationTarget.Global);
  });
  afterEach(closeAll);

  it('marks an article read when the panel shows it, and shows it in the row, the date, the badge', async () => {
    await openDigest(sampleUri);
    await waitFor('the tree', () => reader.articlesTree.rows().length === 7);
    const row = articleRow(reader, 'Wed 2025-05-28', '21 ');
    assert.equal(iconOf(row.item()), 'circle-filled');
    assert.match(row.item().accessibilityInformation?.label ?? '', /^Article 21, unread:/);
    assert.equal(reader.articlesTree.view.badge?.value, 103);
    await vscode.commands.executeCommand('digestReader.showArticle', { uri: sampleUri, index: 21 });
    await waitFor('article 21 read', () => iconOf(row.item()) === 'circle-outline');
    assert.equal(reader.articlesTree.getTreeItem(dateRow(reader, 'Wed 2025-05-28')).description, '15 · 14 unread');
    assert.equal(reader.articlesTree.view.badge?.value, 102);
    assert.match(row.item().accessibilityInformation?.label ?? '', /^Article 21, read:/);
    assert.match(String(row.item().contextValue), /^digestArticleWithId\.read$/);
  });

  it('does not mark read on show when digestReader.markReadOnShow is off', async () => {
    await vscode.workspace.getConfiguration('digestReader').update('markReadOnShow', false, vscode.ConfigurationTarget.Global);
    await openDigest(sampleUri);
    await vscode.commands.executeCommand('digestReader.showArticle', { uri: sampleUri, index: 21 });
    await waitFor('the panel on 21', () => panelArticle(reader)?.index === 21);
    await stays('article 21 stays unread', () => !reader.reading.state.isRead('2505.20314'), 800);
  });

  it('marks a date and the whole digest read, and undoes each, one at a time', async () => {
    await openDigest(sampleUri);
    await waitFor('the tree', () => reader.articlesTree.rows().length === 7);
    await vscode.commands.executeCommand('digestReader.markDateRead', dateRow(reader, 'Thu 2025-05-29'));
    assert.equal(reader.articlesTree.getTreeItem(dateRow(reader, 'Thu 2025-05-29')).description, '18');
    assert.equal(reader.articlesTree.view.badge?.value, 85);
    await vscode.commands.executeCommand('digestReader.markDigestRead');
    const badge = (): number | undefined => reader.articlesTree.view.badge?.value;
    assert.equal(badge(), undefined);
    await vscode.commands.executeCommand('digestReader.undo');
    assert.equal(badge(), 85);
    await vscode.commands.executeCommand('digestReader.undo');
    assert.equal(badge(), 103);
  });

  it('stars from a tree row; the Starred view keeps it readable after its digest is closed', async () => {
    await openDigest(sampleUri);
    await waitFor('the tree', () => reader.articlesTree.rows().length === 7);
    const row = articleRow(reader, 'Wed 2025-05-28', '21 ');
    await vscode.commands.executeCommand('digestReader.star', row.node);
    assert.equal(iconOf(row.item()), 'star-full');
    assert.match(String(row.item().description), /^● unread · 2505\.20314v2$/);
    const [digest] = reader.starredTree.getChildren();
    assert.equal(labelOf(reader.starredTree.getTreeItem(digest)), 'cs.DC · 2025-06-01');
    const [starred] = reader.starredTree.getChildren(digest);
    assert.match(labelOf(reader.starredTree.getTreeItem(starred)), /^21 \$Δ\$-Nets/);
    await closeAll();
    await clickRow(reader.starredTree.view, starred, reader.starredTree.getTreeItem(starred));
    await waitFor('the panel on the starred copy', () => {
      const shown = reader.panelArticle();
      return shown !== undefined && 'starredKey' in shown && shown.starredKey === '2505.20314';
    });
    await vscode.commands.executeCommand('digestReader.toggleStar', { starredKey: '2505.20314' });
    assert.equal(reader.starredTree.getChildren().length, 0);
  });

  it('carries read state to the same papers in another digest, and says where they were seen', async () => {
    await openDigest(sampleUri);
    await vscode.commands.executeCommand('digestReader.markDigestRead');
    const next = await writeText(scratchUri('cs.DC-2025-06-02.txt'), sampleText.replace('cs.DC @ 2025-06-01: 103', 'cs.DC @ 2025-06-02: 103'));
    await openDigest(next);
    await waitFor('the next day in the view', () => reader.articlesTree.view.description === 'cs.DC · 2025-06-02 · 103 articles');
    assert.equal(reader.articlesTree.view.badge, undefined, 'every paper is already read');
    const row = articleRow(reader, 'Wed 2025-05-28', '21 ');
    assert.equal(row.item().description, '2505.20314v2 · also in cs.DC 2025-06-01');
  });

  it('walks the unread articles with n from the start and says when the digest is done', async () => {
    await openDigest(sampleUri);
    await waitFor('the tree', () => reader.articlesTree.rows().length === 7);
    // Nothing current (no panel open): n starts from the first article in the Articles view's order.
    await vscode.commands.executeCommand('digestReader.nextUnread', { from: 'panel' });
    await waitFor('the first article in the Articles view\'s order (12, the only one on Fri)', () => panelArticle(reader)?.index === 12);
    await vscode.commands.executeCommand('digestReader.nextUnread', { from: 'panel' });
    await waitFor('then article 0', () => panelArticle(reader)?.index === 0);
    await vscode.commands.executeCommand('digestReader.markDigestRead');
    await vscode.commands.executeCommand('digestReader.markUnread', { uri: sampleUri, index: 5 });
    await vscode.commands.executeCommand('digestReader.nextUnread', { from: 'panel' });
    await waitFor('the one unread article left', () => panelArticle(reader)?.index === 5);
  });

  it('hides read articles on request, keeping the selected one until the user moves on', async () => {
    await openDigest(sampleUri);
    await vscode.commands.executeCommand('workbench.view.extension.digestReader');
    await waitFor('the tree', () => reader.articlesTree.rows().length === 7);
    await vscode.commands.executeCommand('digestReader.markDateRead', dateRow(reader, 'Sun 2025-05-25'));
    await vscode.commands.executeCommand('digestReader.hideRead');
    try {
      assert.deepEqual(reader.articlesTree.rows().map((n) => labelOf(reader.articlesTree.getTreeItem(n))).includes('Sun 2025-05-25'), false);
      assert.equal(reader.articlesTree.rows(dateRow(reader, 'Fri 2025-05-30')).length, 1);
    } finally {
      await vscode.commands.executeCommand('digestReader.showRead');
    }
    assert.equal(reader.articlesTree.rows().length, 7);
  });

  it('keeps what it can of a damaged stored state, says so, and loses nothing it could read', async () => {
    await openDigest(sampleUri);
    await vscode.commands.executeCommand('digestReader.star', { uri: sampleUri, index: 21 });
    await vscode.commands.executeCommand('digestReader.markRead', { uri: sampleUri, index: 3 });
    await reader.reading.flush();
    const good = reader.reading.stored.read() as { read: { arxiv: Record<string, string> }; starred: unknown[] };
    // As another version or a careless hand might leave it.
    await reader.reading.stored.write({ ...good, version: 99, read: { ...good.read, other: [7, null] }, starred: [...good.starred, { key: 'half' }] });
    reader.reading.reload();
    assert.ok(reader.reading.state.isStarred('2505.20314'));
    assert.ok(reader.reading.state.isRead(articleKeyOf(3)));
    assert.equal(reader.reading.state.starred().length, 1);
    await reader.reading.stored.write('not even an object');
    reader.reading.reload();
    assert.equal(reader.reading.state.readCount, 0, 'a state of no known shape reads as empty');
  });

  it('exports, and imports by merging; an invalid import changes nothing', async () => {
    await openDigest(sampleUri);
    await vscode.commands.executeCommand('digestReader.star', { uri: sampleUri, index: 21 });
    await vscode.commands.executeCommand('digestReader.markRead', { uri: sampleUri, index: 3 });
    const file = scratchUri('triage-state.json');
    await vscode.commands.executeCommand('digestReader.exportReadingState', file);
    const exported = JSON.parse(await readText(file)) as { format: string; version: number; starred: unknown[] };
    assert.equal(exported.format, 'digest-reader-state');
    assert.equal(exported.version, 1);
    assert.equal(exported.starred.length, 1);
    reader.reading.clear();
    for (const [name, text] of [['broken.json', '{ "format": "digest-reader-state", '], ['other.json', '{"read": ["x"]}']]) {
      const bad = await writeText(scratchUri(`triage-${name}`), text);
      assert.equal(await vscode.commands.executeCommand('digestReader.importReadingState', bad), false, name);
      assert.equal(reader.reading.state.readCount, 0, `${name} changed nothing`);
    }
    await vscode.commands.executeCommand('digestReader.markRead', { uri: sampleUri, index: 4 });
    assert.equal(await vscode.commands.executeCommand('digestReader.importReadingState', file), true);
    assert.ok(reader.reading.state.isRead(articleKeyOf(3)) && reader.reading.state.isRead(articleKeyOf(4)) && reader.reading.state.isStarred('2505.20314'));
  });
});

function articleKeyOf(index: number): string {
  const lines = sampleText.split('\n');
  const at = lines.indexOf(`Article ${index}`);
  const id = /(\d{4}\.\d{5})v\d+ \|$/.exec(lines[at + 2])?.[1];
  assert.ok(id);
  return id;
}
