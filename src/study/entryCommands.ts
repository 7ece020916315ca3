/** The Study list's row commands: Edit (one prompt per language) and Delete. */
import * as vscode from 'vscode';
import { editedTexts, editedWord, type StudyEntry } from '../core/study';
import { escapeIcons } from '../common/escape';
import type { StudyListStore } from './studyListStore';
import { mainLanguage, type StudyTree } from './studyTree';

/**
 * A row of the view, or (tests, automation) `{ id, texts }`: `texts` stands
 * for the prompts' answers, a missing language kept, an empty one removed.
 * Without either: the view's selected row.
 */
function asRequest(value: unknown, tree: StudyTree): { id: string; texts?: Record<string, string>; meaning?: string } | undefined {
  if (typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string') {
    const { id, texts, meaning } = value as { id: string; texts?: unknown; meaning?: unknown };
    const answers = typeof texts === 'object' && texts !== null && !Array.isArray(texts)
      ? Object.fromEntries(Object.entries(texts).filter((pair): pair is [string, string] => typeof pair[1] === 'string'))
      : undefined;
    return { id, texts: answers, meaning: typeof meaning === 'string' ? meaning : undefined };
  }
  const selected = tree.view.selection[0];
  return selected && { id: selected.id };
}

function short(entry: StudyEntry): string {
  const text = entry.texts[mainLanguage(entry)] ?? '';
  return escapeIcons(text.length > 50 ? `${text.slice(0, 49)}…` : text);
}

/** Asks for each language's text in turn, then a saved word's meaning; Escape at any prompt cancels the whole edit. */
async function ask(entry: StudyEntry): Promise<{ texts: Record<string, string>; meaning?: string } | undefined> {
  const languages = Object.keys(entry.texts).filter((language) => entry.texts[language] !== undefined);
  const steps = languages.length + (entry.word ? 1 : 0);
  const answers: Record<string, string> = {};
  for (const [step, language] of languages.entries()) {
    const answer = await vscode.window.showInputBox({
      title: vscode.l10n.t('Edit study entry ({0}/{1})', step + 1, steps),
      prompt: languages.length > 1
        ? vscode.l10n.t('The text in {0}. Leave it empty to remove this language.', language)
        : vscode.l10n.t('The text in {0}.', language),
      value: entry.texts[language],
      ignoreFocusOut: true,
    });
    if (answer === undefined) {
      return undefined;
    }
    answers[language] = answer;
  }
  if (!entry.word) {
    return { texts: answers };
  }
  // The meaning on the card's back: the dictionary's when saved, the learner's own from here on.
  const meaning = await vscode.window.showInputBox({
    title: vscode.l10n.t('Edit study entry ({0}/{1})', steps, steps),
    prompt: vscode.l10n.t('The meaning on the flashcard. Leave it empty to have none.'),
    value: entry.word.meaning ?? '',
    ignoreFocusOut: true,
  });
  return meaning === undefined ? undefined : { texts: answers, meaning };
}

export async function editEntry(store: StudyListStore, tree: StudyTree, argument: unknown): Promise<StudyEntry | undefined> {
  const request = asRequest(argument, tree);
  const entry = request && store.get(request.id);
  if (!request || !entry) {
    return undefined;
  }
  const answers = request.texts || request.meaning !== undefined ? { texts: request.texts ?? {}, meaning: request.meaning } : await ask(entry);
  if (!answers) {
    return undefined; // Escape: nothing changes.
  }
  const texts = editedTexts(entry.texts, answers.texts);
  if (!texts) {
    void vscode.window.showInformationMessage(vscode.l10n.t('A study entry keeps a text in at least one language: nothing was changed.'));
    return undefined;
  }
  const updated = store.update(request.id, entry.word ? { texts, word: editedWord(entry.word, answers.meaning) } : { texts });
  if (updated) {
    vscode.window.setStatusBarMessage(vscode.l10n.t('Study entry changed: {0}', short(updated)), 5000);
  }
  return updated;
}

/** No confirmation: the status bar says what went, and adding it again from its digest brings it back. */
export function deleteEntry(store: StudyListStore, tree: StudyTree, argument: unknown): boolean {
  const request = asRequest(argument, tree);
  const entry = request && store.get(request.id);
  if (!request || !entry || !store.remove(request.id)) {
    return false;
  }
  vscode.window.setStatusBarMessage(vscode.l10n.t('Removed from the study list: {0}', short(entry)), 5000);
  return true;
}
