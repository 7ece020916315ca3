/** The learner's words in the extension host (Node's and the web worker's): CC-CEDICT read through workspace.fs, a word saved with its note fields. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, closeAll, openDigest, sampleUri } from './helpers';

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
