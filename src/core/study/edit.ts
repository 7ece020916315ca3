/** Editing a study entry's texts: what the answers to one prompt per language make of it. */
import type { Translations } from '../digest/model';
import type { StudyWord } from './studyList';

/**
 * The entry's texts after editing: each language the entry has takes its
 * answer (trimmed); an empty answer removes that language, unless that
 * would leave none: an entry keeps at least one text, so then undefined
 * (nothing to change). A language without an answer stays as it was.
 */
export function editedTexts(texts: Translations, answers: Readonly<Record<string, string | undefined>>): Translations | undefined {
  const result: Translations = {};
  for (const [language, text] of Object.entries(texts)) {
    if (text === undefined) {
      continue;
    }
    const answer = Object.prototype.hasOwnProperty.call(answers, language) ? answers[language] : undefined;
    const value = answer === undefined ? text : answer.trim();
    if (value !== '') {
      result[language] = value;
    }
  }
  return Object.keys(result).length > 0 ? result : undefined;
}

/** A saved word after its meaning was edited: the answer trimmed, empty for none; no answer keeps it. */
export function editedWord(word: StudyWord, meaning: string | undefined): StudyWord {
  if (meaning === undefined) {
    return word;
  }
  const rest = { ...word };
  delete rest.meaning;
  return meaning.trim() === '' ? rest : { ...rest, meaning: meaning.trim() };
}
