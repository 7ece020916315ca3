/** The learner's words in the extension host (Node's and the web worker's): CC-CEDICT read through workspace.fs, a word saved with its note fields. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, closeAll, openDigest, sampleUri, stays, treeRows, waitFor } from './helpers';

interface WordEntry {
  kind: string;
  texts: Record<string, string>;
  arxivId?: string;
  word?: { pinyin?: string; meaning?: string; context?: Record<string, string> };
}

async function emptyList(): Promise<void> {
  const reader = await api();
  reader.studyList.store.records.clear();
  await reader.studyList.store.flush();
}

describe('Words: the dictionary in the extension host, and words saved for flashcards', () => {
  beforeEach(emptyList);
  afterEach(closeAll);
  after(emptyList);

  it('saves 车辆 from sentence 1 of article 1 with chē liàng, "vehicle" and the sentence in English and Chinese', async () => {
    await openDigest(sampleUri);
    const entry = await vscode.commands.executeCommand<WordEntry | undefined>('digestReader.addToStudyList', {
      target: { uri: sampleUri, index: 1 }, word: { language: 'zh', text: '车辆', sentence: 1 },
    });
    assert.ok(entry);
    assert.equal(entry.kind, 'term');
    assert.deepEqual(entry.texts, { zh: '车辆' });
    assert.equal(entry.arxivId, '2505.23706v1');
    assert.equal(entry.word?.pinyin, 'chē liàng');
    assert.equal(entry.word?.meaning, 'vehicle');
    assert.match(entry.word?.context?.en ?? '', /^In connected and autonomous vehicles, machine learning for safety message classification/);
    assert.match(entry.word?.context?.zh ?? '', /^在连接和自主的车辆中/);
  });

  it('a word from a title takes the titles as its context; a polyphone keeps every reading', async () => {
    await openDigest(sampleUri);
    const entry = await vscode.commands.executeCommand<WordEntry | undefined>('digestReader.addToStudyList', {
      target: { uri: sampleUri, index: 1 }, word: { language: 'zh', text: '长' },
    });
    assert.ok(entry);
    assert.equal(entry.word?.pinyin, 'cháng / zhǎng');
    assert.match(entry.word?.meaning ?? '', /^cháng: long; .* \| zhǎng: chief; head/);
    assert.match(entry.word?.context?.en ?? '', /^Distributed Federated Learning for Vehicular Network Security/);
  });
});

describe('Words: the meaning of a saved word is the learner\'s to edit', () => {
  beforeEach(emptyList);
  afterEach(closeAll);
  after(emptyList);

  it('edits the meaning on the card (and removes it with an empty answer), keeping pinyin and sentence', async () => {
    await openDigest(sampleUri);
    await vscode.commands.executeCommand('digestReader.addToStudyList', { target: { uri: sampleUri, index: 1 }, word: { language: 'zh', text: '车辆', sentence: 1 } });
    const id = '2505.23706#t:车辆';
    const edited = await vscode.commands.executeCommand<WordEntry | undefined>('digestReader.studyList.edit', { id, meaning: 'vehicle; car (my note)' });
    assert.equal(edited?.word?.meaning, 'vehicle; car (my note)');
    assert.equal(edited?.word?.pinyin, 'chē liàng');
    assert.match(edited?.word?.context?.zh ?? '', /车辆/);
    const cleared = await vscode.commands.executeCommand<WordEntry | undefined>('digestReader.studyList.edit', { id, meaning: '' });
    assert.equal(cleared?.word?.meaning, undefined);
    assert.equal(cleared?.word?.pinyin, 'chē liàng');
  });
});

describe('Words: known words kept in the store, counted per article', () => {
  const VEHICLE = 'zh:车辆';
  const firstTitle = 'Distributed Federated Learning for Vehicular';

  async function reset(): Promise<void> {
    await vscode.workspace.getConfiguration('digestReader.panel').update('studyMode', undefined, vscode.ConfigurationTarget.Global);
  }

  /** Article 1's row in the Articles view, once the shares of the digest are found (or not). */
  async function firstRow(withShare: boolean): Promise<{ label: string; description: string; position: number }> {
    const reader = await api();
    return waitFor(`article 1's row ${withShare ? 'with' : 'without'} its share`, async () => {
      for (const date of await treeRows(reader)) {
        const position = date.children.findIndex((child) => child.label.includes(firstTitle));
        const row = date.children[position];
        // In digest order the share is in the description; sorted easiest first, it leads the label.
        if (position >= 0 && /% new/.test(`${row.label} ${row.description}`) === withShare) {
          return { ...row, position };
        }
      }
      return undefined;
    }, 30_000);
  }

  afterEach(async () => {
    const reader = await api();
    reader.learner.known.setStatus(VEHICLE, 'new');
    await vscode.commands.executeCommand('digestReader.sortInDigestOrder');
    await closeAll();
  });
  after(reset);

  it('shows no share of new words to a reader who never asked (study mode off)', async () => {
    await openDigest(sampleUri);
    await vscode.workspace.getConfiguration('digestReader.panel').update('studyMode', undefined, vscode.ConfigurationTarget.Global);
    const row = await firstRow(false);
    await stays('no share on article 1', () => !/% new/.test(row.description));
  });

  it('in study mode: article 1 shows its share; 车辆 marked known is stored in a synced shard and lowers the share; "mark the rest known" brings it to 0% and first under easiest first', async () => {
    const reader = await api();
    await openDigest(sampleUri);
    await vscode.workspace.getConfiguration('digestReader.panel').update('studyMode', true, vscode.ConfigurationTarget.Global);
    const before = await firstRow(true);
    const [percent, newWords, words] = await shareOfFirst();
    assert.ok(words > 0 && newWords > 0, before.description);
    assert.ok(before.description.startsWith(`${percent}% new`), before.description);
    assert.equal(reader.learner.known.statusOf(VEHICLE), 'new');
    assert.equal(reader.learner.known.setStatus(VEHICLE, 'known'), true);
    await reader.learner.flush();
    const stored = Array.from({ length: 16 }, (_, shard) => JSON.stringify(reader.store.raw(`digestReader.store.knownWords.${shard}`).read() ?? ''));
    assert.ok(stored.some((text) => text.includes('车辆')), 'the known word is in a synced shard of the store');
    const after = await waitFor('one new word fewer', async () => {
      const share = await shareOfFirst();
      return share[1] === newWords - 1 ? share : undefined;
    });
    assert.equal(after[2], words);
    assert.ok(after[0] <= percent);

    await vscode.commands.executeCommand('digestReader.sortEasiestFirst');
    const article = reader.documents.active?.digest.articles.find((candidate) => candidate.index === 1);
    assert.ok(article);
    const keys = await reader.learner.shares.wordsOfArticle('x', article, 'zh');
    const marked = reader.learner.known.markNewKnown(keys);
    assert.ok(marked.length > 0);
    const first = await waitFor('article 1 first at 0% new', async () => {
      const row = await firstRow(true);
      return row.position === 0 && /^0% new · /.test(row.label) ? row : undefined;
    });
    assert.match(first.label, /^0% new · 01 /);
    assert.doesNotMatch(first.description, /% new/, 'the share is not said twice');
    for (const key of marked) {
      reader.learner.known.setStatus(key, 'new');
    }
    await reader.learner.flush();
  });

  /** Article 1's share as the Articles view has it: percent, new words, words. */
  async function shareOfFirst(): Promise<[number, number, number]> {
    const reader = await api();
    const digest = reader.documents.active?.digest;
    const article = digest?.articles.find((candidate) => candidate.index === 1);
    const share = digest && article ? reader.learner.shares.shareOf(digest, article) : undefined;
    return share ? [share.percent, share.newWords, share.words] : [-1, -1, -1];
  }
});
