/** Study mode: the study list (add from the panel's argument and from an editor selection, edit, delete), its view, its exports, the notes, damaged state. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, closeAll, labelOf, openDigest, readText, sampleUri, scratchUri, waitFor, writeText } from './helpers';

interface Entry {
  kind: 'sentence' | 'term';
  articleKey: string;
  arxivId?: string;
  sentence?: number;
  texts: Record<string, string | undefined>;
  subject: string;
  digestDate: string;
}

interface ExportResult {
  target: vscode.Uri;
  count: number;
}

/** Sentence 2 of article 5 of the sample, as the file writes it (the translation's commas are ASCII). */
const EN = 'As the use of LLMs continues to grow, many efforts have focused on reducing the massive training overheads of these models.';
const ZH = '随着LLMs的使用继续增加,许多努力集中于减少这些模型的大量培训间接费用。';
const ID = '2505.23554#s2';

async function emptyList(): Promise<void> {
  const reader = await api();
  reader.studyList.store.records.clear();
  await reader.studyList.store.flush();
}

function add(argument?: unknown): Thenable<Entry | undefined> {
  return vscode.commands.executeCommand<Entry | undefined>('digestReader.addToStudyList', argument);
}

describe('Study list: add, view, edit, delete, export', () => {
  beforeEach(emptyList);
  afterEach(closeAll);
  after(emptyList);

  it('adds sentence 2 of an article with its English and Chinese text, shows it, and does not add it twice', async () => {
    const reader = await api();
    await openDigest(sampleUri);
    const added = await add({ target: { uri: sampleUri, index: 5 }, sentence: 2 });
    assert.ok(added);
    assert.deepEqual(added.texts, { en: EN, zh: ZH });
    assert.equal(added.kind, 'sentence');
    assert.equal(added.arxivId, '2505.23554v1');
    assert.equal(added.subject, 'cs.DC');
    assert.equal(added.digestDate, '2025-06-01');

    const nodes = reader.studyList.tree.getChildren();
    assert.equal(nodes.length, 1);
    const item = reader.studyList.tree.getTreeItem(nodes[0]);
    assert.equal(labelOf(item), EN);
    assert.equal(item.description, ZH, 'short enough to show whole');
    assert.equal(item.contextValue, 'studyEntry.sentence');
    const tooltip = item.tooltip;
    assert.ok(tooltip instanceof vscode.MarkdownString);
    assert.equal(tooltip.isTrusted, false);
    assert.ok(tooltip.value.includes('大量培训间接费用'), tooltip.value);

    assert.ok(await add({ target: { uri: sampleUri, index: 5 }, sentence: 2 }));
    assert.equal(reader.studyList.store.entries().length, 1, 'the same sentence again replaces, not duplicates');
  });

  it('adds from a selection in the editor: in an abstract its sentence, in a title a term in that column\'s language', async () => {
    const reader = await api();
    const editor = await openDigest(sampleUri);
    const article = reader.documents.get(sampleUri)?.digest.articles[5];
    assert.ok(article);
    const selectIn = (line: number, text: string): void => {
      const at = editor.document.lineAt(line).text.indexOf(text);
      assert.ok(at >= 0, text);
      editor.selection = new vscode.Selection(line, at, line, at + text.length);
    };
    selectIn(article.line + 5, '大量培训'); // the Chinese abstract
    const sentence = await add();
    assert.equal(sentence?.sentence, 2);
    assert.deepEqual(sentence.texts, { en: EN, zh: ZH });
    selectIn(article.line + 2, 'wassereffizientes'); // the German title on the Title: line
    const term = await add();
    assert.equal(term?.kind, 'term');
    assert.deepEqual(term.texts, { de: 'wassereffizientes' });
    assert.deepEqual(reader.studyList.store.entries().map((e) => e.kind), ['sentence', 'term']);
    assert.equal(labelOf(reader.studyList.tree.getTreeItem(reader.studyList.tree.getChildren()[0])), 'wassereffizientes', 'newest first');
  });

  it('adds a term the panel passes, and a sentence of a starred copy', async () => {
    const reader = await api();
    await openDigest(sampleUri);
    const term = await add({ target: { uri: sampleUri, index: 21 }, term: { language: 'en', text: ' optimal parallel reduction ' } });
    assert.ok(term);
    assert.equal(term.kind, 'term');
    assert.deepEqual(term.texts, { en: 'optimal parallel reduction' });
    assert.equal(term.articleKey, '2505.20314');
    await vscode.commands.executeCommand('digestReader.star', { uri: sampleUri, index: 21 });
    try {
      const fromStar = await add({ target: { starredKey: '2505.20314' }, sentence: 1 });
      assert.equal(fromStar?.sentence, 1);
      assert.ok(fromStar.texts.en?.startsWith('I present a model of universal parallel computation'), fromStar.texts.en);
      assert.equal(reader.studyList.store.entries().length, 2);
    } finally {
      await vscode.commands.executeCommand('digestReader.unstar', { uri: sampleUri, index: 21 });
    }
  });

  it('edits each language (an empty one removed, never the last) and deletes', async () => {
    const reader = await api();
    await openDigest(sampleUri);
    await add({ target: { uri: sampleUri, index: 5 }, sentence: 2 });
    const edited = await vscode.commands.executeCommand<Entry | undefined>('digestReader.studyList.edit', { id: ID, texts: { zh: '我的句子' } });
    assert.deepEqual(edited?.texts, { en: EN, zh: '我的句子' });
    assert.equal(await vscode.commands.executeCommand('digestReader.studyList.edit', { id: ID, texts: { en: '', zh: '' } }), undefined, 'an entry keeps one language');
    assert.deepEqual(reader.studyList.store.get(ID)?.texts, { en: EN, zh: '我的句子' });
    const dropped = await vscode.commands.executeCommand<Entry | undefined>('digestReader.studyList.edit', { id: ID, texts: { zh: '' } });
    assert.deepEqual(dropped?.texts, { en: EN });
    // A row of the view (no answers given) asks; Escape at the prompt changes nothing.
    const row = reader.studyList.tree.getChildren()[0];
    let settled = false;
    const asking = Promise.resolve(vscode.commands.executeCommand<Entry | undefined>('digestReader.studyList.edit', row)).finally(() => { settled = true; });
    await waitFor('the edit prompt to close on Escape', async () => {
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      await new Promise((resolve) => setTimeout(resolve, 100));
      return settled;
    });
    assert.equal(await asking, undefined);
    assert.deepEqual(reader.studyList.store.get(ID)?.texts, { en: EN });
    assert.equal(await vscode.commands.executeCommand('digestReader.studyList.delete', row), true);
    assert.equal(reader.studyList.store.entries().length, 0);
    assert.equal(reader.studyList.tree.getChildren().length, 0);
    assert.equal(await vscode.commands.executeCommand('digestReader.studyList.delete', { id: ID }), false);
  });

  it('exports for Anki with its headers and the entry\'s exact row, and as CSV; an empty list writes nothing', async () => {
    await openDigest(sampleUri);
    const emptyTarget = scratchUri('study-empty.tsv');
    assert.equal(await vscode.commands.executeCommand('digestReader.studyList.exportAnki', { target: emptyTarget }), undefined);
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(emptyTarget)), 'nothing written for an empty list');

    await add({ target: { uri: sampleUri, index: 5 }, sentence: 2 });
    const tsv = scratchUri('study.tsv');
    const result = await vscode.commands.executeCommand<ExportResult>('digestReader.studyList.exportAnki', { target: tsv });
    assert.equal(result.count, 1);
    assert.equal(result.target.toString(), tsv.toString());
    assert.deepEqual((await readText(tsv)).split('\n'), [
      '#separator:tab',
      '#html:false',
      '#columns:Id\tWord\tPinyin\tMeaning\tCloze\tEnglish\tGerman\tChinese\tSource\tTags',
      '#deck:Digest Reader',
      '#tags column:10',
      `${ID}\t\t\t\t\t${EN}\t\t${ZH}\tarXiv:2505.23554v1 · cs.DC 2025-06-01\tdigest-reader sentence cs.DC 2025-06-01`,
      '',
    ]);

    const settings = vscode.workspace.getConfiguration('digestReader');
    try {
      await settings.update('study.ankiDeck', 'Digests::cs.DC', vscode.ConfigurationTarget.Workspace);
      await vscode.commands.executeCommand('digestReader.studyList.exportAnki', { target: tsv });
      assert.equal((await readText(tsv)).split('\n')[3], '#deck:Digests::cs.DC');
    } finally {
      await settings.update('study.ankiDeck', undefined, vscode.ConfigurationTarget.Workspace);
    }

    const csv = scratchUri('study.csv');
    assert.equal((await vscode.commands.executeCommand<ExportResult>('digestReader.studyList.exportCsv', { target: csv })).count, 1);
    // The translation's ASCII commas make its field quoted.
    assert.equal(await readText(csv), `Id,Word,Pinyin,Meaning,Cloze,English,German,Chinese,Source,Tags\r\n${ID},,,,,"${EN}",,"${ZH}",arXiv:2505.23554v1 · cs.DC 2025-06-01,digest-reader sentence cs.DC 2025-06-01\r\n`);
  });

  it('never exports over a digest', async () => {
    await openDigest(sampleUri);
    await add({ target: { uri: sampleUri, index: 5 }, sentence: 2 });
    const before = await readText(sampleUri);
    assert.equal(await vscode.commands.executeCommand('digestReader.studyList.exportCsv', { target: sampleUri }), undefined);
    const closedDigest = await writeText(scratchUri('study-closed-digest.txt'), 'cs.DC @ 2025-06-01: 1\n-\n');
    assert.equal(await vscode.commands.executeCommand('digestReader.studyList.exportAnki', { target: closedDigest }), undefined);
    assert.equal(await readText(sampleUri), before);
  });
});

describe('Study list: stored state and notes', () => {
  beforeEach(emptyList);
  after(emptyList);

  it('keeps the good entries of a damaged stored study list, says so, and survives garbage', async () => {
    const reader = await api();
    await openDigest(sampleUri);
    await add({ target: { uri: sampleUri, index: 5 }, sentence: 2 });
    await reader.studyList.store.flush();
    const records = reader.studyList.store.records;
    const shard = records.records.shardOf(ID);
    const good = records.stored(shard).read() as { v: number; w: string; e: unknown[][] };
    assert.equal(good.v, 1);
    assert.deepEqual(good.e.find(([id]) => id === ID)?.[2], reader.studyList.store.get(ID));
    // As another writer (a hand edit, a broken profile) might leave it: one entry without key or time, one value this version cannot read.
    await records.stored(shard).write({ ...good, w: 'another.1', e: [...good.e, ['x'], ['2505.1#s1', 29_000_000, 'garbage']] });
    reader.studyList.store.reload();
    assert.deepEqual(reader.studyList.store.entries().map((e) => e.texts), [{ en: EN, zh: ZH }]);
    assert.deepEqual(reader.studyList.store.lastDamage?.problems, ['1 entry was damaged (no key or time) and dropped.', '1 value could not be read; kept as stored.']);
    assert.equal(reader.studyList.tree.getChildren().length, 1);

    await records.stored(shard).write('not even an object');
    reader.studyList.store.reload();
    assert.ok(reader.studyList.store.lastDamage?.problems.some((p) => /not a stored shard/.test(p)), 'garbage is reported');
    assert.equal(reader.studyList.store.entries().length, 1, 'and loses nothing this window holds: it is written back');
    // Written back whole: at once, or at the store's next look at its shards (every 2 s) when the damaged shard was
    // handed over to be read on first ask.
    await waitFor('the shard whole again', async () => {
      await reader.studyList.store.flush();
      return (records.stored(shard).read() as { v?: number } | undefined)?.v === 1;
    }, 10_000);
  });

  it('keeps exercise notes per article and language; empty text deletes; a damaged note is dropped', async () => {
    const { notes } = (await api()).studyList;
    notes.records.clear();
    await notes.set('2505.23649', 'zh', '我自己的翻译');
    assert.equal(notes.get('2505.23649', 'zh')?.text, '我自己的翻译');
    assert.equal(notes.get('2505.23649', 'de'), undefined);
    const shard = notes.records.records.shardOf('2505.23649#zh');
    assert.deepEqual((notes.records.stored(shard).read() as { e: unknown[][] }).e.find(([key]) => key === '2505.23649#zh')?.[2], notes.get('2505.23649', 'zh'), 'stored in globalState');
    await notes.set('2505.23649', 'zh', '');
    assert.equal(notes.get('2505.23649', 'zh'), undefined);
    const aShard = notes.records.records.shardOf('a#zh');
    await notes.records.stored(aShard).write({ v: 1, w: 'another.2', e: [['a#zh', 29_000_000, { text: 'ok', updatedAt: 1 }], ['a', 29_000_000, { text: 'no language' }]] });
    notes.reload();
    assert.equal(notes.get('a', 'zh')?.text, 'ok');
    assert.deepEqual(notes.lastDamage?.problems, ['1 entry was damaged (no key or time) and dropped.']);
    notes.records.clear();
  });
});
