import type { ExerciseNotes } from '../panel';
import type { StudyNotesStore } from './studyNotesStore';

/** A title's note is kept under the article key with this suffix; an abstract's under the key itself. */
const TITLE_SUFFIX = '#title';

/**
 * The notes as the panel asks for them: by field (`title.zh`, `abstract.de`).
 * One store holds both, so Settings Sync and the damaged-state handling cover
 * every translation the reader wrote.
 */
export function exerciseNotes(notes: StudyNotesStore): ExerciseNotes {
  return {
    forArticle(articleKey) {
      const fields: Record<string, string> = {};
      for (const [language, text] of Object.entries(notes.forArticle(articleKey))) {
        fields[`abstract.${language}`] = text;
      }
      for (const [language, text] of Object.entries(notes.forArticle(articleKey + TITLE_SUFFIX))) {
        fields[`title.${language}`] = text;
      }
      return fields;
    },
    set(articleKey, field, text) {
      const [kind, language] = field.split('.');
      return notes.set(kind === 'title' ? articleKey + TITLE_SUFFIX : articleKey, language, text);
    },
    onDidChange: notes.onDidChange,
  };
}
