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
  await reader.studyList.store.stored.write(undefined);
  reader.studyList.store.reload();
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
    const good = reader.studyList.store.stored.read() as { format: string; version: number; entries: unknown[] };
    assert.equal(good.format, 'digest-reader-study');
    await reader.studyList.store.stored.write({ ...good, entries: [...good.entries, { kind: 'sentence', articleKey: 'x' }, 'garbage'] });
    reader.studyList.store.reload();
    assert.deepEqual(reader.studyList.store.entries().map((e) => e.texts), [{ en: EN, zh: ZH }]);
    assert.deepEqual(reader.studyList.store.lastDamage?.problems, ['2 study entries were damaged and skipped.']);
    assert.equal(reader.studyList.tree.getChildren().length, 1);

    await reader.studyList.store.stored.write('not even an object');
    reader.studyList.store.reload();
    assert.equal(reader.studyList.store.entries().length, 0);
    assert.ok(reader.studyList.store.lastDamage, 'garbage is reported');
    assert.ok(await add({ target: { uri: sampleUri, index: 5 }, sentence: 2 }), 'the list works after garbage');
    reader.studyList.store.reload();
    assert.equal(reader.studyList.store.lastDamage, undefined, 'what it stored since reads back whole');
    assert.equal(reader.studyList.store.entries().length, 1);
  });

  it('keeps exercise notes per article and language; empty text deletes; a damaged note is dropped', async () => {
    const { notes } = (await api()).studyList;
    await notes.stored.write(undefined);
    notes.reload();
    await notes.set('2505.23649', 'zh', '我自己的翻译');
    assert.equal(notes.get('2505.23649', 'zh')?.text, '我自己的翻译');
    assert.equal(notes.get('2505.23649', 'de'), undefined);
    notes.reload();
    assert.equal(notes.get('2505.23649', 'zh')?.text, '我自己的翻译', 'read back from globalState');
    await notes.set('2505.23649', 'zh', '');
    assert.equal(notes.get('2505.23649', 'zh'), undefined);
    await notes.stored.write({ format: 'digest-reader-study-notes', version: 1, notes: { a: { zh: { text: 'ok', updatedAt: 1 }, de: { text: 5 } } } });
    notes.reload();
    assert.equal(notes.get('a', 'zh')?.text, 'ok');
    assert.deepEqual(notes.lastDamage?.problems, ['1 note was damaged and skipped.']);
    await notes.stored.write(undefined);
    notes.reload();
  });
});
