/**
 * A translation the digest lacks (`nan`) as an exercise: the reader writes
 * their own, kept with their notes by the extension (never in the digest),
 * and shown from then on in its place, marked as theirs.
 */
import type { NoteField } from '../common/messages';
import { button, element, t, vscode } from './dom';

export function exercise(field: NoteField, language: string, label: string, note: string | undefined): HTMLElement {
  const box = element('div', 'exercise');
  if (note !== undefined) {
    const own = element(field === 'title' ? 'h1' : 'p', 'text own', note);
    own.lang = language;
    box.append(element('span', 'own-label', t('yourTranslationNote')), own, button(t('edit'), t('yourTranslation', label), () => edit(box, field, language, label, note)));
    return box;
  }
  box.append(button(t('exercise', label), t('yourTranslation', label), () => edit(box, field, language, label, '')));
  return box;
}

function edit(box: HTMLElement, field: NoteField, language: string, label: string, current: string): void {
  const id = `exercise-${field}-${language}`;
  const caption = element('label', undefined, t('yourTranslation', label));
  caption.htmlFor = id;
  const input = element('textarea');
  input.id = id;
  input.lang = language;
  input.rows = field === 'title' ? 2 : 6;
  input.value = current;
  const save = (): void => vscode.postMessage({ type: 'saveNote', field, language, text: input.value.trim() });
  box.replaceChildren(
    caption,
    input,
    element('div', 'exercise-actions'),
  );
  box.lastElementChild?.append(button(t('save'), t('save'), save), button(t('cancel'), t('cancel'), () => box.replaceWith(exercise(field, language, label, current || undefined))));
  input.focus();
}
