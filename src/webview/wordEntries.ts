/**
 * The body of the word pop-up (wordPopup.ts): a word's dictionary entry
 * drawn as text nodes (every field is untrusted), and the sentence a screen
 * reader hears for it.
 */
import type { ArticleWords } from '../common/messages';
import { element, t } from './dom';

/** Fills `body` with the CC-CEDICT entries of `word`; returns what a screen reader hears. */
export function chineseEntry(body: HTMLElement, word: string, words: ArticleWords | undefined): string {
  const entries = words?.zh?.entries[word] ?? [];
  if (entries.length === 0) {
    body.append(element('p', 'no-entry', t('notInDictionary', 'CC-CEDICT')));
    return word;
  }
  const traditional = [...new Set(entries.map((entry) => entry.traditional))].filter((form) => form !== word);
  if (traditional.length > 0) {
    const line = element('p', 'traditional', `${t('traditional')} `);
    const forms = element('span', undefined, traditional.join(' · '));
    forms.lang = 'zh-Hant';
    line.append(forms);
    body.append(line);
  }
  for (const entry of entries) {
    const block = element('div', 'entry');
    const reading = element('p', 'pinyin', entry.pinyin);
    reading.lang = 'zh-Latn-pinyin';
    const senses = element('ol', 'senses');
    senses.lang = 'en';
    for (const sense of entry.senses) {
      senses.append(element('li', undefined, sense));
    }
    block.append(reading, senses);
    body.append(block);
  }
  return `${word}, ${entries.map((entry) => `${entry.pinyin}: ${entry.senses.slice(0, 3).join('; ')}`).join('. ')}`;
}

/** Fills `body` with the aligned English title and the learner's dictionary's entry of `word`; returns what a screen reader hears. */
export function germanEntry(body: HTMLElement, word: string, words: ArticleWords | undefined, english: string | undefined): string {
  if (english) {
    const line = element('p', 'aligned');
    const title = element('span', undefined, english);
    title.lang = 'en';
    line.append(element('span', 'aligned-label', `${t('englishTitle')} `), title);
    body.append(line);
  }
  const entries = words?.de?.[word.toLocaleLowerCase('de')] ?? [];
  if (words?.german === 'ready' && entries.length > 0) {
    for (const entry of entries) {
      body.append(element('p', 'german-entry', entry.text.length > 600 ? `${entry.text.slice(0, 599)}…` : entry.text));
    }
  } else {
    const message = words?.german === 'ready' ? t('notInDictionary', words.germanName ?? '') : words?.german === 'loading' ? t('germanLoading') : words?.german === 'failed' ? t('germanFailed') : t('noGermanDictionary');
    body.append(element('p', 'no-entry', message));
  }
  return `${word}. ${english ? `${t('englishTitle')} ${english}. ` : ''}${entries[0]?.text.split('\n').slice(0, 2).join(' ') ?? ''}`;
}
