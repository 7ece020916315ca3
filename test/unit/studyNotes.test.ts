import * as assert from 'node:assert/strict';
import { articleKey, parseDigest, type Digest } from '../../src/core';
import {
  decodeStudyNotes, digestLengthModels, editedTexts, encodeStudyNotes, entryForSelection, fieldAt, MAX_NOTE_LENGTH, NOTES_FORMAT, withNote,
} from '../../src/core/study';
import { readFixture } from '../support/fixtures';

describe('study notes codec', () => {
  it('reads back what it wrote, through JSON as globalState keeps it', () => {
    let notes = withNote(decodeStudyNotes(undefined).notes, '2505.23649', 'zh', '我的翻译', 1000);
    notes = withNote(notes, '2505.23649', 'de', 'Meine Übersetzung', 2000);
    const loaded = decodeStudyNotes(JSON.parse(JSON.stringify(encodeStudyNotes(notes))));
    assert.deepEqual(loaded.problems, []);
    assert.equal(loaded.recognized, true);
    assert.deepEqual({ ...loaded.notes['2505.23649'] }, { zh: { text: '我的翻译', updatedAt: 1000 }, de: { text: 'Meine Übersetzung', updatedAt: 2000 } });
  });

  it('deletes a note on blank text, and the article with its last note; leaves the input unchanged', () => {
    const one = withNote(decodeStudyNotes(undefined).notes, 'k', 'zh', 'x', 1);
    const none = withNote(one, 'k', 'zh', '  ', 2);
    assert.equal(one.k.zh.text, 'x');
    assert.deepEqual(Object.keys(none), []);
  });

  it('refuses keys, languages and texts it could not keep', () => {
    const empty = decodeStudyNotes(undefined).notes;
    assert.throws(() => withNote(empty, '', 'zh', 'x', 1), RangeError);
    assert.throws(() => withNote(empty, 'k', 'Chinese', 'x', 1), RangeError);
    assert.throws(() => withNote(empty, 'k', 'zh', 'x'.repeat(MAX_NOTE_LENGTH + 1), 1), RangeError);
  });

  it('drops damaged notes and says so, keeping the good ones; a foreign value is not recognized', () => {
    const loaded = decodeStudyNotes({
      format: NOTES_FORMAT, version: 1,
      notes: {
        good: { zh: { text: 'ok', updatedAt: 5 }, de: { text: 42, updatedAt: 5 }, Chinese: { text: 'bad language', updatedAt: 5 } },
        '': { zh: { text: 'empty key', updatedAt: 5 } },
        listy: [1, 2],
        long: { zh: { text: 'x'.repeat(MAX_NOTE_LENGTH + 1), updatedAt: 5 } },
        undated: { zh: { text: 'x', updatedAt: 'yesterday' } },
      },
    });
    assert.equal(loaded.recognized, true);
    assert.deepEqual(Object.keys(loaded.notes), ['good']);
    assert.deepEqual({ ...loaded.notes.good }, { zh: { text: 'ok', updatedAt: 5 } });
    assert.deepEqual(loaded.problems, ['6 notes were damaged and skipped.']);
    for (const value of ['garbage', null, 7, { format: 'other', notes: {} }]) {
      const foreign = decodeStudyNotes(value);
      assert.equal(foreign.recognized, false, JSON.stringify(value));
      assert.deepEqual(Object.keys(foreign.notes), []);
      assert.equal(foreign.problems.length, 1);
    }
    const later = decodeStudyNotes({ format: NOTES_FORMAT, version: 2, notes: { k: { zh: { text: 'kept', updatedAt: 1 } } } });
    assert.equal(later.notes.k.zh.text, 'kept');
    assert.match(later.problems[0], /version 2/);
  });

  it('keeps a "__proto__" key as a key, never as a prototype', () => {
    const loaded = decodeStudyNotes(JSON.parse(`{"format":"${NOTES_FORMAT}","version":1,"notes":{"__proto__":{"zh":{"text":"p","updatedAt":1}}}}`));
    assert.equal(loaded.notes.__proto__.zh.text, 'p');
    assert.equal(({} as Record<string, unknown>).zh, undefined);
    assert.ok(JSON.stringify(encodeStudyNotes(loaded.notes)).includes('"__proto__"'));
  });
});

describe('study entry editing', () => {
  it('takes each answer, removes a language left empty, keeps at least one', () => {
    assert.deepEqual(editedTexts({ en: 'a', zh: 'b' }, { en: ' A ', zh: '' }), { en: 'A' });
    assert.deepEqual(editedTexts({ en: 'a', zh: 'b' }, { zh: 'B' }), { en: 'a', zh: 'B' });
    assert.equal(editedTexts({ en: 'a' }, { en: '' }), undefined);
    assert.equal(editedTexts({ en: 'a', zh: 'b' }, { en: '', zh: ' ' }), undefined);
  });
});

describe('study selection in a digest', () => {
  let digest: Digest;
  let lines: string[];
  before(() => {
    const text = readFixture();
    digest = parseDigest(text);
    lines = text.split('\n');
  });

  function select(index: number, lineOffset: number, needle: string, selected = needle) {
    const article = digest.articles[index];
    const lineText = lines[article.line + lineOffset];
    const start = lineText.indexOf(needle);
    assert.ok(start >= 0, `${needle} on line ${article.line + lineOffset}`);
    return entryForSelection(digest, { ...article, key: articleKey(digest, article) }, lineText, start, selected, 7, digestLengthModels(digest));
  }

  it('a word in the English or the Chinese abstract adds its sentence group', () => {
    const fromEnglish = select(5, 4, 'massive training');
    const fromChinese = select(5, 5, '大量培训');
    assert.equal(fromEnglish?.kind, 'sentence');
    assert.equal(fromEnglish?.sentence, 2);
    assert.deepEqual(fromChinese, fromEnglish);
    assert.equal(fromEnglish?.texts.zh, '随着LLMs的使用继续增加,许多努力集中于减少这些模型的大量培训间接费用。');
  });

  it('a selection in the Title line is a term in that column\'s language', () => {
    assert.deepEqual(select(5, 2, 'wassereffizientes')?.texts, { de: 'wassereffizientes' });
    assert.deepEqual(select(5, 2, '可持续碳')?.texts, { zh: '可持续碳' });
    assert.deepEqual(select(5, 2, 'Water-Efficient')?.texts, { en: 'Water-Efficient' });
    assert.equal(select(5, 2, 'Water-Efficient')?.kind, 'term');
    assert.equal(select(5, 2, 'Water-Efficient')?.arxivId, '2505.23554v1');
  });

  it('tells the columns apart by content and order', () => {
    const article = { arxivId: undefined, titles: { en: 'Same', de: 'Same', zh: '同' }, abstracts: {}, sourceLanguage: 'en', key: 'k' };
    const line = 'Title: Same | Same | 同 2505.00001v1 |';
    assert.deepEqual(fieldAt(line, article, line.indexOf('Same')), { field: 'title', language: 'en' });
    assert.deepEqual(fieldAt(line, article, line.lastIndexOf('Same')), { field: 'title', language: 'de' });
    assert.deepEqual(fieldAt(line, article, 0), { field: 'other' });
  });

  it('an empty selection outside an abstract adds nothing', () => {
    assert.equal(select(5, 2, 'Water-Efficient', ''), undefined);
  });
});
