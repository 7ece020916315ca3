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

  it('says "also in" an earlier digest of the workspace that was never opened, from the Library\'s index (issue 19)', async () => {
    // The Library started and watching (alone under --grep, nothing else has started it), then another subject's
    // digest of the day before lists the same papers; nobody opens it.
    await reader.library.whenScanned();
    const other = await writeText(scratchUri('cs.LG-2025-05-31.txt'), sampleText.replace('cs.DC @ 2025-06-01: 103', 'cs.LG @ 2025-05-31: 103'));
    try {
      await reader.library.whenIdle();
      await waitFor('the Library lists it', () => reader.library.entries().some((entry) => entry.summary.subject === 'cs.LG'), 20_000);
      await openDigest(sampleUri);
      await waitFor('the tree', () => reader.articlesTree.rows().length === 7);
      const row = articleRow(reader, 'Wed 2025-05-28', '21 ');
      await waitFor('the row names the other digest', () => String(row.item().description).endsWith('also in cs.LG 2025-05-31'));
      assert.equal(reader.documents.get(other), undefined, 'the other digest was never opened');
    } finally {
      await vscode.workspace.fs.delete(other);
    }
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

  it('n pressed twice in quick succession in the Articles view shows the next two unread articles, not one of them twice', async () => {
    await openDigest(sampleUri);
    await vscode.commands.executeCommand('workbench.view.extension.digestReader');
    await waitFor('the tree', () => reader.articlesTree.rows().length === 7);
    const tree = reader.articlesTree;
    const selectedLabel = () => (tree.view.selection[0] ? labelOf(tree.getTreeItem(tree.view.selection[0])) : '');
    await vscode.commands.executeCommand('digestReader.showArticle', { uri: sampleUri, index: 12 });
    await waitFor('row 12 selected', () => selectedLabel().startsWith('12 '));
    // The second press 30 ms after the first: before the first one's row is selected and its article marked read.
    const first = vscode.commands.executeCommand('digestReader.nextUnread', { from: 'tree' });
    await new Promise((resume) => setTimeout(resume, 30));
    const second = vscode.commands.executeCommand('digestReader.nextUnread', { from: 'tree' });
    await Promise.all([first, second]);
    await waitFor('article 1 in the panel, its row selected', () => panelArticle(reader)?.index === 1 && selectedLabel().startsWith('01 '));
    // Article 1 was shown, and read; article 0 is read only if the panel showed it before the second press came.
    await waitFor('article 1 read', () => reader.reading.state.isRead(articleKeyOf(1)));
    assert.equal(reader.reading.state.isRead(articleKeyOf(2)), false);
    // A third press goes on from there.
    await vscode.commands.executeCommand('digestReader.nextUnread', { from: 'tree' });
    await waitFor('article 2 in the panel, its row selected', () => panelArticle(reader)?.index === 2 && selectedLabel().startsWith('02 '));
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
      // The row the user is at stays while read, and goes when they move on. (Rows are selected through the view's
      // reveal queue, as keys select them: a raw view.reveal here would race the root refresh Hide Read just sent.)
      const tree = reader.articlesTree;
      const wednesday = () => tree.rows(dateRow(reader, 'Wed 2025-05-28')).map((n) => labelOf(tree.getTreeItem(n)).slice(0, 3));
      const all = wednesday();
      assert.ok(all.length >= 3, `Wednesday's rows: ${all.join(', ')}`);
      const showAndSelect = async (label: string) => {
        await vscode.commands.executeCommand('digestReader.showArticle', { uri: sampleUri, index: Number(label) });
        await waitFor(`row ${label} selected`, () => labelOf(tree.getTreeItem(tree.view.selection[0])).startsWith(label)).catch((error: unknown) => {
          throw new Error(`${String(error)}; visible ${tree.view.visible}, selection ${tree.view.selection.map((n) => labelOf(tree.getTreeItem(n)).slice(0, 3)).join(',')}, rows ${wednesday().join(',')}`);
        });
        await waitFor(`article ${label} read`, () => reader.reading.state.isRead(articleKeyOf(Number(label))));
      };
      await showAndSelect(all[0]);
      await stays('the row the user is at stays listed though read', () => wednesday().includes(all[0]), 1_000);
      await showAndSelect(all[1]);
      await waitFor('the first row gone once the user moved on, the second kept', () => !wednesday().includes(all[0]) && wednesday().includes(all[1]));
      assert.deepEqual(wednesday(), all.slice(1));
    } finally {
      await vscode.commands.executeCommand('digestReader.showRead');
    }
    assert.equal(reader.articlesTree.rows().length, 7);
  });

  it('loads a stored 0.5.0 value (read marks, a star with its abstracts, news), loses nothing on upgrade, and merges it with newer markings', async () => {
    // Literally what 0.5.0 stored under digestReader.readingState after reading 2504.00100 and 2504.00205 and a news item, and starring a paper.
    // (Ids this session never marked: a marking made since the upgrade, such as the tests' resets, wins over 0.5.0's timeless marks.)
    const stored050 = {
      format: 'digest-reader-state', version: 1, stamp: 'k3j9x2:7',
      read: { arxiv: { 2504: '2s,2x' }, other: ['news:German News|2025-06-01|Railway announces new routes'] },
      starred: [{
        key: '2504.00300', starredAt: 1748772000000, kind: 'arxiv', subject: 'cs.DC', digestDate: '2025-04-30', index: 21, date: '2025-04-28',
        arxivId: '2504.00300v2', sourceLanguage: 'en', titles: { en: '$Δ$-Nets: Interaction-Based System for Optimal Parallel $λ$-Reduction', de: '$Δ$-Nets' },
        authors: ['Daniel Augusto Rizzi Salvadori'], abstracts: { en: 'I present a model of universal parallel computation called $\\Delta$-Nets.' },
      }],
    };
    await reader.store.raw('digestReader.readingState').write(stored050);
    await vscode.commands.executeCommand('digestReader.markRead', { uri: sampleUri, index: 4 }); // a marking made after the upgrade
    reader.reading.reload();
    await waitFor('the 0.5.0 marks', () => reader.reading.state.isRead('2504.00100') && reader.reading.state.isRead('2504.00205'));
    assert.ok(reader.reading.state.isRead('news:German News|2025-06-01|Railway announces new routes'));
    assert.ok(reader.reading.state.isRead(articleKeyOf(4)), 'and the newer marking');
    const star = reader.reading.state.starredArticle('2504.00300');
    assert.equal(star?.titles.en, stored050.starred[0].titles.en, 'the star keeps its titles');
    assert.equal(star?.abstracts.en, stored050.starred[0].abstracts.en, 'and its abstract (on this machine)');
    assert.equal(star?.starredAt, stored050.starred[0].starredAt);
    // The 0.5.0 value itself is left as it was (a machine still on 0.5.0 may sync it), never rewritten.
    assert.deepEqual(reader.store.raw('digestReader.readingState').read(), stored050);
    // Marking unread after the upgrade wins over 0.5.0's mark, also when the 0.5.0 value is read again.
    reader.reading.setRead(['2504.00100'], false, 'Marked unread');
    await reader.store.raw('digestReader.readingState').write({ ...stored050, stamp: 'k3j9x2:8' });
    reader.reading.reload();
    assert.equal(reader.reading.state.isRead('2504.00100'), false);
    assert.ok(reader.reading.state.isRead('2504.00205'));
    await reader.store.raw('digestReader.readingState').write(undefined);
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
