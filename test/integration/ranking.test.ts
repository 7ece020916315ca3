/** Issue 18: sort by "For you" from the stars, with the score and why on each row; More like this across digests. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DigestReaderApi } from '../../src/api';
import { articleKey, NOT_INTERESTED_SCHEMA, parseDigest, Records, type Digest } from '../../src/core';
import { renderDigest, type GeneratedArticle } from '../support/generate';
import { FEDERATED, topicKeys } from '../support/rankingTopics';
import { api, closeAll, labelOf, openDigest, readText, sampleUri, scratchUri, waitFor, writeText } from './helpers';

/**
 * Another subject's digest: five of the sample's federated-learning papers again (new ids, as tomorrow's cs.LG
 * might list them) and the sample's article 21 cross-listed (same arXiv id: the same paper).
 */
function otherDigest(sample: Digest): string {
  const federated = sample.articles.filter((a) => FEDERATED.test(`${a.titles.en} ${a.abstracts.en}`)).slice(3, 8);
  const crossListed = sample.articles.find((a) => a.index === 21)!;
  // English only: the German and Chinese titles other tests search for stay the sample's alone.
  const articles: GeneratedArticle[] = [...federated, crossListed].map((a, index) => ({
    index, date: '2025-06-02', weekday: 1, arxivId: a === crossListed ? a.arxivId! : `2506.9${String(index).padStart(4, '0')}v1`,
    titles: { en: a.titles.en ?? '', de: 'nan', zh: 'nan' }, authors: a.authors, abstracts: { en: a.abstracts.en ?? '' },
  }));
  return renderDigest(articles, 'cs.LG', '2025-06-02');
}

describe('Ranking: For you and More like this', function () {
  this.timeout(120_000);
  let reader: DigestReaderApi;
  let sample: Digest;
  let federated: string[];
  const other = scratchUri('ranking/cs.LG-2025-06-02.txt');

  before(async () => {
    reader = await api();
    sample = parseDigest(await readText(sampleUri));
    federated = topicKeys(sample, FEDERATED);
    await writeText(other, otherDigest(sample));
    const listed = () => reader.library.entries().some((e) => e.uri.toString() === other.toString());
    // The watcher tells the Library within a second or two; after another suite's rescans it may have missed it: a rescan finds it.
    if (!(await waitFor('the Library to list the other digest', listed, 10_000).then(() => true, () => false))) {
      await reader.library.rescan();
      await waitFor('the Library to list the other digest after a rescan', listed, 30_000);
    }
  });
  beforeEach(() => reader.reading.clear());
  after(async () => {
    await reader.articlesSort.set('digest', false);
    reader.reading.clear();
    // The file first: the Library's watcher hears a file deleted (a folder deleted whole may be one event for the folder).
    await vscode.workspace.fs.delete(other, { useTrash: false });
    await vscode.workspace.fs.delete(scratchUri('ranking'), { recursive: true, useTrash: false });
    const gone = () => !reader.library.entries().some((e) => e.uri.toString() === other.toString());
    if (!(await waitFor('the Library to drop the other digest', gone, 10_000).then(() => true, () => false))) {
      await reader.library.rescan();
      await waitFor('the Library to drop the other digest after a rescan', gone, 30_000);
    }
    await closeAll();
  });

  it('three starred federated-learning papers put the topic on top of each date under "For you", each row with its score and why', async () => {
    await openDigest(sampleUri);
    await vscode.commands.executeCommand('workbench.view.extension.digestReader');
    const tree = reader.articlesTree;
    await waitFor('the tree', () => tree.rows().length === 7);
    const starred = federated.slice(0, 3);
    for (const key of starred) {
      const article = sample.articles.find((a) => articleKey(sample, a) === key)!;
      await vscode.commands.executeCommand('digestReader.star', { uri: sampleUri, index: article.index, line: article.line, arxivId: article.arxivId });
    }
    await vscode.commands.executeCommand('digestReader.sortForYou');
    await waitFor('"For you" on', () => reader.forYou.enabled);
    await reader.forYou.whenScored();
    await waitFor('the model from the stars', () => reader.ranking.summary.kind === 'similar' && reader.ranking.summary.positives === 3);
    assert.match(tree.view.message ?? '', /For you: by similarity to 3 starred papers/);

    // Within each date, the unstarred federated-learning papers come before the others: count the top of each date.
    let topicOnTop = 0;
    let topicInAll = 0;
    for (const date of tree.rows().filter((node) => tree.rows(node).length > 0)) {
      const rows = tree.rows(date).map((node) => ({ node, item: tree.getTreeItem(node) }));
      const articles = rows.map(({ node }) => (node as { article: { index: number; arxivId?: string } }).article);
      const keys = articles.map((a) => a.arxivId?.replace(/v\d+$/, '') ?? '');
      const members = keys.filter((key) => federated.includes(key) && !starred.includes(key)).length;
      const top = keys.filter((key) => !starred.includes(key)).slice(0, members);
      topicInAll += members;
      topicOnTop += top.filter((key) => federated.includes(key)).length;
      for (const { item } of rows) {
        // The score leads the label: at the sidebar's default width the description is cut off.
        assert.match(labelOf(item), /^\d{1,3}% · \d+ /, `the score on ${labelOf(item)}`);
      }
    }
    assert.ok(topicInAll >= 10, `${topicInAll} federated papers unstarred`);
    assert.ok(topicOnTop / topicInAll >= 0.8, `${topicOnTop} of ${topicInAll} on top of their dates`);

    // The first unstarred federated-learning row says why, in its tooltip (resolved on hover).
    const first = tree.rows().flatMap((date) => tree.rows(date)).find((node) => {
      const key = (node as { article: { arxivId?: string } }).article.arxivId?.replace(/v\d+$/, '') ?? '';
      return federated.includes(key) && !starred.includes(key);
    });
    assert.ok(first, 'a federated-learning row');
    const item = tree.resolveTreeItem(tree.getTreeItem(first), first);
    // As the hover shows it: appendText escaped the text for Markdown.
    const tooltip = (item.tooltip as vscode.MarkdownString).value.replace(/&nbsp;/g, ' ').replace(/\\(.)/g, '$1');
    assert.match(tooltip, /For you: \d+%/);
    assert.match(tooltip, /Ranked up by: [^\n]*federated/);
  });

  it('steps through the articles in the order "For you" shows them (j)', async () => {
    await openDigest(sampleUri);
    for (const key of federated.slice(0, 3)) {
      const article = sample.articles.find((a) => articleKey(sample, a) === key)!;
      await vscode.commands.executeCommand('digestReader.star', { uri: sampleUri, index: article.index, line: article.line, arxivId: article.arxivId });
    }
    await reader.articlesSort.set('forYou', false);
    await reader.forYou.whenScored();
    const tree = reader.articlesTree;
    const firstDate = tree.rows().find((node) => tree.rows(node).length > 1)!;
    const [a, b] = tree.rows(firstDate).map((node) => (node as { article: { index: number } }).article.index);
    await vscode.commands.executeCommand('digestReader.showArticle', { uri: sampleUri, index: a });
    await vscode.commands.executeCommand('digestReader.nextArticle', { from: 'panel' });
    await waitFor(`the panel on article ${b}, the next row under "For you"`, () => {
      const shown = reader.panelArticle();
      return shown && 'index' in shown && shown.index === b;
    });
  });

  it('"not interested" (x): the row says so (icon and words), papers like it rank lower, u undoes it, and the mark is kept in the store and merged from another machine', async () => {
    await openDigest(sampleUri);
    await vscode.commands.executeCommand('workbench.view.extension.digestReader');
    const tree = reader.articlesTree;
    const targetOf = (key: string) => {
      const article = sample.articles.find((a) => articleKey(sample, a) === key)!;
      return { uri: sampleUri, index: article.index, line: article.line, arxivId: article.arxivId };
    };
    const [liked, rejected, similar] = federated;
    await vscode.commands.executeCommand('digestReader.star', targetOf(liked));
    await reader.articlesSort.set('forYou', false);
    await reader.forYou.whenScored();
    await waitFor('the model from one star', () => reader.ranking.summary.kind === 'similar' && reader.ranking.summary.positives === 1 && reader.ranking.summary.negatives === 0);
    const shownDigest = () => reader.documents.get(sampleUri)!.digest;
    const rawScore = (key: string) => {
      const digest = shownDigest();
      const article = digest.articles.find((a) => articleKey(digest, a) === key)!;
      return reader.articlesSort.active?.scoreOf(digest, article)?.value;
    };
    const before = await waitFor('a score for a federated-learning paper', () => rawScore(similar));

    // x on another federated-learning paper (the keys pass where they were pressed; a target works the same).
    await vscode.commands.executeCommand('digestReader.toggleNotInterested', targetOf(rejected));
    assert.ok(reader.reading.state.isNotInterested(rejected));
    assert.ok(reader.reading.state.isRead(rejected), 'marked read with it');
    await waitFor('the model with the mark', () => reader.ranking.summary.kind === 'similar' && reader.ranking.summary.negatives === 1);
    await reader.forYou.whenScored();
    assert.match(tree.view.message ?? '', /Papers like the 1 marked not interested rank lower/);
    const after = await waitFor('the new score', () => rawScore(similar));
    assert.ok(after < before, `a paper like the one marked scores lower: ${before} → ${after}`);
    const row = tree.rows().flatMap((date) => tree.rows(date)).find((node) => (node as { article: { arxivId?: string } }).article.arxivId?.startsWith(rejected));
    assert.ok(row, 'its row');
    const item = tree.getTreeItem(row);
    assert.match(String(item.description), /not interested/);
    assert.equal((item.iconPath as vscode.ThemeIcon).id, 'thumbsdown');
    assert.match(item.accessibilityInformation?.label ?? '', /not interested/);

    // Kept in the store (synced): the stored shard holds it.
    await reader.store.flush();
    const shard = reader.reading.storage.notInterested.records.shardOf(rejected);
    const probe = new Records(NOT_INTERESTED_SCHEMA, 'probe');
    probe.mergeStored(shard, reader.reading.storage.notInterested.stored(shard).read());
    assert.ok(probe.has(rejected), 'the stored shard has the mark');
    // Another machine's mark arrives by Settings Sync: merged, this machine's kept.
    const theirs = sample.articles.map((a) => articleKey(sample, a)).find((key) => key !== rejected && new Records(NOT_INTERESTED_SCHEMA, 'p').shardOf(key) === shard)!;
    const remote = new Records(NOT_INTERESTED_SCHEMA, 'remote');
    remote.set(theirs, true, Date.now());
    await reader.reading.storage.notInterested.stored(shard).write(JSON.parse(JSON.stringify(remote.encode(shard))));
    reader.reading.reload();
    await waitFor('the other machine\'s mark', () => reader.reading.state.isNotInterested(theirs));
    assert.ok(reader.reading.state.isNotInterested(rejected), 'and this machine\'s mark stays');

    // u undoes the marking made here: the mark and the read mark go.
    await vscode.commands.executeCommand('digestReader.undo');
    assert.equal(reader.reading.state.isNotInterested(rejected), false);
    assert.equal(reader.reading.state.isRead(rejected), false);
    assert.doesNotMatch(String(tree.getTreeItem(row).description), /not interested/);
  });

  it('More like this lists similar papers of another digest, with the words they share', async () => {
    await openDigest(sampleUri);
    const article = sample.articles.find((a) => articleKey(sample, a) === federated[1])!; // not among those the other digest lists again
    const items = await vscode.commands.executeCommand<{ label: string; description: string; detail: string; row: { file: string; listedIn: string[] } }[]>('digestReader.moreLikeThis', { uri: sampleUri, index: article.index, line: article.line, arxivId: article.arxivId });
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.ok(items && items.length >= 5, `${items?.length} similar papers`);
    const fromOther = items.slice(0, 10).filter((item) => item.row.file === other.toString());
    assert.ok(fromOther.length >= 3, `papers of cs.LG 2025-06-02 among the first ten: ${items.slice(0, 10).map((i) => `${i.label} (${i.detail})`).join('; ')}`);
    assert.match(fromOther[0].detail, /^cs\.LG 2025-06-02 #\d{2}(, [^·]+)? · similarity \d+% · /, 'its digest and number first, on the line of its own');
    assert.match(items[0].detail, /shares: .*federated/);
    assert.ok(!items.some((item) => item.row.file === sampleUri.toString() && item.label.endsWith(article.titles.en!)), 'not the article itself');
  });

  it('the inbox lists the unread papers of several digests, subjects and days, one row per paper, and marks made anywhere apply', async () => {
    await vscode.workspace.getConfiguration('digestReader').update('inbox.days', 7, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('digestReader.openInbox');
    const inbox = await waitFor('the inbox', () => reader.inbox());
    await inbox.whenLoaded();
    const rows = await waitFor('the inbox rows', () => inbox.visibleRows().length > 100 && inbox.visibleRows());
    const digests = new Set(rows.flatMap((row) => row.listedIn));
    assert.ok(digests.has('cs.DC 2025-06-01') && digests.has('cs.LG 2025-06-02'), [...digests].join(', '));
    const subjects = new Set([...digests].map((d) => d.split(' ')[0]));
    assert.ok(subjects.size >= 2, [...subjects].join(', '));
    const days = new Set(rows.map((row) => row.date.slice(-10)));
    assert.ok(days.size >= 5, `papers of ${days.size} days`);
    // The cross-listed paper is one row naming both digests.
    const nets = rows.filter((row) => row.key === '2505.20314');
    assert.equal(nets.length, 1);
    assert.deepEqual(nets[0].listedIn, ['cs.LG 2025-06-02', 'cs.DC 2025-06-01']);
    assert.match(nets[0].lead, /^I present a model of universal parallel computation/);
    assert.equal(new Set(rows.map((row) => row.key)).size, rows.length, 'one row per paper');
    // Marking the sample read in the editor empties its papers from the inbox.
    await openDigest(sampleUri);
    await vscode.commands.executeCommand('digestReader.markDigestRead');
    await waitFor('the sample\'s papers gone from the inbox', () => !inbox.visibleRows().some((row) => row.listedIn.includes('cs.DC 2025-06-01')));
    assert.ok(inbox.visibleRows().some((row) => row.listedIn.includes('cs.LG 2025-06-02')), 'the other digest\'s papers stay');
    await vscode.workspace.getConfiguration('digestReader').update('inbox.days', undefined, vscode.ConfigurationTarget.Global);
  });

  it('the panel says why for a paper of another digest, opened from the inbox, while the view shows the digest\'s order', async () => {
    await openDigest(sampleUri);
    await reader.articlesSort.set('digest', false);
    for (const key of federated.slice(0, 3)) {
      const article = sample.articles.find((a) => articleKey(sample, a) === key)!;
      await vscode.commands.executeCommand('digestReader.star', { uri: sampleUri, index: article.index, line: article.line, arxivId: article.arxivId });
    }
    await vscode.commands.executeCommand('digestReader.openInbox');
    const inbox = await waitFor('the inbox', () => reader.inbox());
    await inbox.whenLoaded();
    await waitFor('the model from the stars', () => reader.ranking.summary.kind === 'similar' && reader.ranking.summary.positives === 3);
    // The other digest's first paper (federated learning), shown in the panel as Enter in the inbox shows it.
    await vscode.commands.executeCommand('digestReader.showArticle', { uri: other, index: 0 });
    await waitFor('the panel on the other digest', () => {
      const shown = reader.panelArticle();
      return shown && 'uri' in shown && shown.uri.toString() === other.toString();
    });
    const entry = await waitFor('the other digest read', () => reader.documents.get(other));
    const why = await reader.forYou.panelWhy(entry.digest, entry.digest.articles[0]);
    assert.ok(why, 'a score and why for the paper of cs.LG');
    assert.match(why.score, /^\d{1,3}%$/);
    assert.ok(why.up.some((word) => /federated/i.test(word)), `ranked up by ${why.up.join(', ')}`);
  });

  it('keeps each digest\'s features in the workspace storage beside the Library\'s index, for the next window', async () => {
    await reader.ranking.whenIdle();
    const storage = reader.library.cacheUri;
    assert.ok(storage, 'a workspace storage');
    const folder = vscode.Uri.joinPath(storage, '..', 'ranking');
    const files = await waitFor('the stored features', async () => {
      const listed = await vscode.workspace.fs.readDirectory(folder).then(undefined, () => []);
      return listed.length >= 2 && listed;
    });
    assert.ok(files.every(([name]) => /^[0-9a-f]{8}\.seg$/.test(name)), files.map(([name]) => name).join(', '));
  });
});
