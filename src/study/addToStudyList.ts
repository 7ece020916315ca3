/** Add to Study List: a sentence or term of an article (the panel passes which), or what is selected in a digest editor. */
import * as vscode from 'vscode';
import { articleForLine, articleKey, findArticle } from '../core';
import { digestLengthModels, entryForSelection, sentenceEntry, studyEntryId, termEntry, type StudyEntry } from '../core/study';
import { asArticleTarget } from '../common/articleTarget';
import { escapeIcons } from '../common/escape';
import { asStarredTarget } from '../common/starredTarget';
import type { DigestDocuments } from '../digests';
import type { PanelTarget } from '../panel';
import type { ReadingStore } from '../reading';
import type { StudyListStore } from './studyListStore';
import { mainLanguage } from './studyTree';

/** What the panel (and tests) pass: the article, and a sentence group number, a term, or a word from the pop-up. */
export interface AddToStudyListArgument {
  target: PanelTarget;
  /** 1-based, as sentenceEntries numbers groups; a number inside a group adds that group. */
  sentence?: number;
  term?: { language: string; text: string };
  /** A dictionary word, and the study number of the sentence it is in (none: the title). */
  word?: { language: string; text: string; sentence?: number };
}

/** The dictionary's reading and meaning of a word. */
export type DescribeWord = (language: string, word: string) => Promise<{ pinyin?: string; meaning?: string }>;

export interface AddServices {
  documents: DigestDocuments;
  reading: ReadingStore;
  store: StudyListStore;
  describeWord?: DescribeWord;
}

type Source = Parameters<typeof sentenceEntry>[0];
type StudyArticle = Parameters<typeof sentenceEntry>[1];

/** The article a target names, as the study core reads it: an open digest's (with its length models), or a starred copy (no models: one abstract is all there is). */
async function resolve(services: AddServices, value: unknown): Promise<{ digest: Source; article: StudyArticle; models: ReturnType<typeof digestLengthModels> } | undefined> {
  const starred = asStarredTarget(value);
  if (starred) {
    const star = services.reading.state.starredArticle(starred.starredKey);
    return star && { digest: { subject: star.subject, date: star.digestDate }, article: { ...star, key: star.key }, models: {} };
  }
  const target = asArticleTarget(value);
  if (!target) {
    return undefined;
  }
  const entry = services.documents.get(target.uri) ?? (await services.documents.open(target.uri).then(undefined, () => undefined));
  const article = entry && findArticle(entry.digest, target);
  return article && { digest: entry.digest, article: { ...article, key: articleKey(entry.digest, article) }, models: digestLengthModels(entry.digest, article.sourceLanguage) };
}

/** A word with what its flashcard needs: the dictionary's pinyin and meaning, and the sentence (or title) it came from in every language. */
async function wordEntry(word: NonNullable<AddToStudyListArgument['word']>, resolved: NonNullable<Awaited<ReturnType<typeof resolve>>>, describeWord?: DescribeWord): Promise<StudyEntry | undefined> {
  const { digest, article, models } = resolved;
  const text = typeof word.text === 'string' ? word.text.trim() : '';
  if (text === '' || typeof word.language !== 'string') {
    return undefined;
  }
  const sentence = typeof word.sentence === 'number' && Number.isSafeInteger(word.sentence) && word.sentence >= 1 ? sentenceEntry(digest, article, word.sentence, Date.now(), models) : undefined;
  const context = sentence?.texts ?? article.titles;
  const described: { pinyin?: string; meaning?: string } = describeWord ? await describeWord(word.language, text).catch(() => ({})) : {};
  const entry = termEntry(digest, article, word.language, text, Date.now());
  entry.word = {
    ...(described.pinyin ? { pinyin: described.pinyin } : {}),
    ...(described.meaning ? { meaning: described.meaning } : {}),
    ...(Object.values(context).some((value) => value !== undefined) ? { context: { ...context } } : {}),
  };
  return entry;
}

function entryFromArgument(argument: AddToStudyListArgument, resolved: NonNullable<Awaited<ReturnType<typeof resolve>>>): StudyEntry | undefined {
  const { digest, article, models } = resolved;
  if (typeof argument.sentence === 'number' && Number.isSafeInteger(argument.sentence) && argument.sentence >= 1) {
    return sentenceEntry(digest, article, argument.sentence, Date.now(), models);
  }
  const term = argument.term;
  if (term && typeof term.language === 'string' && typeof term.text === 'string' && term.text.trim() !== '') {
    return termEntry(digest, article, term.language, term.text, Date.now());
  }
  return undefined;
}

/** The selection of the active digest editor: its sentence group inside an abstract, else the selected text as a term. */
function entryFromEditor(documents: DigestDocuments): StudyEntry | undefined {
  const editor = vscode.window.activeTextEditor;
  const entry = editor && documents.current(editor.document);
  if (!editor || !entry) {
    return undefined;
  }
  const { selection, document } = editor;
  const article = articleForLine(entry.digest, selection.start.line);
  if (!article) {
    return undefined;
  }
  const key = articleKey(entry.digest, article);
  return entryForSelection(
    entry.digest, { ...article, key }, document.lineAt(selection.start.line).text, selection.start.character,
    document.getText(selection), Date.now(), digestLengthModels(entry.digest, article.sourceLanguage),
  );
}

function describe(entry: StudyEntry): string {
  const text = entry.texts[mainLanguage(entry)] ?? '';
  return escapeIcons(text.length > 50 ? `${text.slice(0, 49)}…` : text);
}

/** Adds; returns the entry stored, or undefined (and says why) when there is nothing to add. */
export async function addToStudyList(services: AddServices, argument?: unknown): Promise<StudyEntry | undefined> {
  let entry: StudyEntry | undefined;
  if (typeof argument === 'object' && argument !== null && 'target' in argument) {
    const given = argument as AddToStudyListArgument;
    const resolved = await resolve(services, given.target);
    if (!resolved) {
      void vscode.window.showWarningMessage(vscode.l10n.t('That article is no longer there to add from.'));
      return undefined;
    }
    entry = given.word ? await wordEntry(given.word, resolved, services.describeWord) : entryFromArgument(given, resolved);
  } else {
    entry = entryFromEditor(services.documents);
  }
  if (!entry) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Select a sentence or a word of an article in a digest, then add it to the study list.'));
    return undefined;
  }
  const already = services.store.get(studyEntryId(entry)) !== undefined;
  const stored = services.store.add(entry);
  if (!stored) {
    // asStudyEntry refused it: a digest without a date, a language code that is none.
    void vscode.window.showWarningMessage(vscode.l10n.t('This cannot be kept in the study list (its digest has no date, or the text is not usable).'));
    return undefined;
  }
  const label = stored.kind === 'sentence' ? vscode.l10n.t('sentence {0}', stored.sentence ?? 0) : vscode.l10n.t('term');
  vscode.window.setStatusBarMessage(already
    ? vscode.l10n.t('Updated in the study list ({0}): {1}', label, describe(stored))
    : vscode.l10n.t('Added to the study list ({0}): {1}', label, describe(stored)), 5000);
  return stored;
}
