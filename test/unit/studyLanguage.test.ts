import * as assert from 'node:assert/strict';
import { automaticStudyLanguage, studyLanguageFor } from '../../src/core/study';
import { toPreferences } from '../../src/common/panelPreferences';

/** The sample's languages (arXiv): titles in English, German and Chinese; abstracts in English and Chinese. */
const ARXIV = { titles: ['en', 'de', 'zh'], abstracts: ['en', 'zh'] };
const AVAILABLE = ['en', 'de', 'zh'];

describe('study mode: which language it teaches', () => {
  it('picks a language the digest has in full: Chinese for an arXiv digest with German titles only', () => {
    assert.equal(automaticStudyLanguage(ARXIV, 'en', AVAILABLE), 'zh');
    assert.deepEqual(studyLanguageFor('', ARXIV, 'en', AVAILABLE), { language: 'zh', chosen: false, missing: [] });
  });

  it('picks German where the digest has German abstracts too, and a news digest\'s German original', () => {
    assert.equal(automaticStudyLanguage({ titles: ['en', 'de', 'zh'], abstracts: ['en', 'de', 'zh'] }, 'en', AVAILABLE), 'de');
    assert.equal(automaticStudyLanguage({ titles: ['de', 'en', 'zh'], abstracts: ['de', 'en', 'zh'] }, 'de', ['de', 'en', 'zh']), 'de');
  });

  it('falls back to the original when no translation is complete', () => {
    assert.equal(automaticStudyLanguage({ titles: ['en', 'de'], abstracts: ['en'] }, 'en', ['en', 'de']), 'en');
  });

  it('keeps the reader\'s choice and says what the digest lacks in it', () => {
    assert.deepEqual(studyLanguageFor('de', ARXIV, 'en', AVAILABLE), { language: 'de', chosen: true, missing: ['abstracts'] });
    assert.deepEqual(studyLanguageFor('de', { titles: ['en', 'zh'], abstracts: ['en', 'zh'] }, 'en', AVAILABLE), { language: 'de', chosen: true, missing: ['titles', 'abstracts'] });
  });

  it('a choice the article does not have at all (a stale setting) gives way to the automatic one', () => {
    assert.deepEqual(studyLanguageFor('ja', ARXIV, 'en', AVAILABLE), { language: 'zh', chosen: false, missing: [] });
  });

  it('the setting may be empty (automatic), which the panel\'s preferences keep', () => {
    assert.equal(toPreferences({}).studyLanguage, '');
    assert.equal(toPreferences({ studyLanguage: '' }).studyLanguage, '');
    assert.equal(toPreferences({ studyLanguage: 'zh' }).studyLanguage, 'zh');
    assert.equal(toPreferences({ studyLanguage: 'not a language' }).studyLanguage, '');
  });
});
