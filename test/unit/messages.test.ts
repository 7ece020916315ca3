import * as assert from 'node:assert/strict';
import { isPanelState, isWebviewToExtension } from '../../src/common/messages';
import { DEFAULT_PREFERENCES, movedEarlier, shownLanguages, toPreferences } from '../../src/common/panelPreferences';

describe('messages from the article webview are validated', () => {
  it('accepts exactly the known messages', () => {
    for (const message of [{ type: 'ready' }, { type: 'openArxivPage' }, { type: 'openPdf' }, { type: 'copyId' }, { type: 'copyBibtex' }, { type: 'copyCitation' }, { type: 'navigate', direction: 'next' }, { type: 'navigate', direction: 'previous' }]) {
      assert.equal(isWebviewToExtension(message), true, JSON.stringify(message));
    }
  });

  it('rejects unknown types, extra fields and bad values', () => {
    for (const message of [
      null,
      undefined,
      'ready',
      42,
      {},
      { type: 'openExternal', url: 'https://evil.example' },
      { type: 'openArxivPage', id: '../../etc/passwd' },
      { type: 'copyBibtex', text: '@misc{x}' },
      { type: 'copyCitation', style: 'apa' },
      { type: 'openArxivPage', url: 'javascript:alert(1)' },
      { type: 'navigate', direction: 'sideways' },
      { type: 'navigate' },
      { type: 'navigate', direction: 'next', index: 5 },
      { type: ['ready'] },
    ]) {
      assert.equal(isWebviewToExtension(message), false, JSON.stringify(message));
    }
  });

  it('accepts only sound restored panel state', () => {
    assert.equal(isPanelState({ uri: 'file:///tmp/cs.DC.txt', index: 21 }), true);
    assert.equal(isPanelState({ uri: 'file:///tmp/cs.DC.txt', index: 21, line: 231, arxivId: '2505.20314v2' }), true);
    for (const state of [{ uri: 'file:///x', index: 1, line: -3 }, { uri: 'file:///x', index: 1, line: '7' }, { uri: 'file:///x', index: 1, arxivId: 5 }, undefined, null, {}, { uri: '', index: 1 }, { uri: 'file:///x', index: -1 }, { uri: 'file:///x', index: 1.5 }, { uri: 'file:///x', index: '1' }, { uri: 'x'.repeat(5000), index: 1 }]) {
      assert.equal(isPanelState(state), false, JSON.stringify(state));
    }
  });
});

describe('study messages from the article webview, and the panel preferences, are validated', () => {
  it('accepts preference changes, sentences, terms and notes of the right shape', () => {
    for (const message of [
      { type: 'setPreferences', preferences: { layout: 'sideBySide' } },
      { type: 'setPreferences', preferences: { languageOrder: ['zh', 'en'], hiddenLanguages: ['de'], studyMode: true, studyLanguage: 'zh', pinyin: true, fontSize: 16, cjkFontSize: 0, cjkFont: 'kai' } },
      { type: 'addToStudyList', sentence: 3 },
      { type: 'addToStudyList', term: { language: 'zh', text: '上下文' } },
      { type: 'addWord', language: 'zh', word: '车辆', sentence: 2 },
      { type: 'addWord', language: 'de', word: 'Sicherheit' },
      { type: 'setWordStatus', language: 'zh', word: '车辆', status: 'known' },
      { type: 'markRestKnown', language: 'zh' },
      { type: 'setPreferences', preferences: { wordMarks: false } },
      { type: 'saveNote', field: 'abstract', language: 'zh', text: '我们研究……' },
      { type: 'saveNote', field: 'title', language: 'de', text: '' },
      { type: 'inputFocus', focused: true },
    ]) {
      assert.equal(isWebviewToExtension(message), true, JSON.stringify(message));
    }
  });

  it('rejects a change with any unknown or bad field, and bad sentences, terms and notes', () => {
    for (const message of [
      { type: 'setPreferences', preferences: {} },
      { type: 'setPreferences', preferences: { layout: 'grid' } },
      { type: 'setPreferences', preferences: { layout: 'stacked', evil: true } },
      { type: 'setPreferences', preferences: { fontSize: 4 } },
      { type: 'setPreferences', preferences: { fontSize: 1e9 } },
      { type: 'setPreferences', preferences: { cjkFont: 'Comic Sans"; } body { display: none' } },
      { type: 'setPreferences', preferences: { languageOrder: ['en', '"><script>'] } },
      { type: 'setPreferences', preferences: { studyLanguage: 'english please' } },
      { type: 'setPreferences', preferences: ['layout'] },
      { type: 'addToStudyList', sentence: 0 },
      { type: 'addToStudyList', sentence: 2.5 },
      { type: 'addToStudyList', sentence: '3' },
      { type: 'addToStudyList', term: { language: 'zh', text: '   ' } },
      { type: 'addToStudyList', term: { language: 'zh', text: 'x'.repeat(2001) } },
      { type: 'addToStudyList', term: { language: 'zh', text: 'x', html: '<b>' } },
      { type: 'addToStudyList', sentence: 3, term: { language: 'zh', text: 'x' } },
      { type: 'addToStudyList' },
      { type: 'addWord', language: 'en', word: 'vehicle' },
      { type: 'setWordStatus', language: 'zh', word: '车辆', status: 'mastered' },
      { type: 'setWordStatus', language: 'zh', word: '车辆' },
      { type: 'setWordStatus', language: 'zh', word: '', status: 'known' },
      { type: 'markRestKnown', language: 'en' },
      { type: 'markRestKnown', language: 'zh', words: ['x'] },
      { type: 'addWord', language: 'zh', word: '' },
      { type: 'addWord', language: 'zh', word: '车'.repeat(101) },
      { type: 'addWord', language: 'zh', word: '车\t辆' },
      { type: 'addWord', language: 'zh', word: '车辆', sentence: 0 },
      { type: 'addWord', language: 'zh', word: '车辆', html: '<b>' },
      { type: 'setPreferences', preferences: { wordMarks: 'yes' } },
      { type: 'saveNote', field: 'authors', language: 'zh', text: 'x' },
      { type: 'saveNote', field: 'title', language: '../zh', text: 'x' },
      { type: 'saveNote', field: 'title', language: 'zh', text: 'x'.repeat(20_001) },
      { type: 'saveNote', field: 'title', language: 'zh' },
      { type: 'inputFocus', focused: 'yes' },
      { type: 'inputFocus' },
    ]) {
      assert.equal(isWebviewToExtension(message), false, JSON.stringify(message));
    }
  });

  it('reads preferences from hand-edited settings field by field: a bad field takes its default, the rest stay', () => {
    assert.deepEqual(toPreferences({ layout: 'sideBySide', fontSize: 3, cjkFont: 'papyrus', hiddenLanguages: 'de', pinyin: 'yes' }), { ...DEFAULT_PREFERENCES, layout: 'sideBySide' });
    assert.deepEqual(toPreferences(null), DEFAULT_PREFERENCES);
  });

  it('shows the preferred languages first, the rest in the article\'s order, never none', () => {
    assert.deepEqual(shownLanguages(['de', 'en', 'zh'], { languageOrder: [], hiddenLanguages: [] }), ['de', 'en', 'zh']);
    assert.deepEqual(shownLanguages(['en', 'de', 'zh'], { languageOrder: ['zh', 'fr', 'en'], hiddenLanguages: ['de'] }), ['zh', 'en']);
    assert.deepEqual(shownLanguages(['en', 'zh'], { languageOrder: [], hiddenLanguages: ['en', 'zh'] }), ['en']);
    assert.deepEqual(movedEarlier(['en', 'de', 'zh'], 'zh'), ['en', 'zh', 'de']);
    assert.deepEqual(movedEarlier(['en', 'de', 'zh'], 'en'), ['en', 'de', 'zh']);
  });
});
