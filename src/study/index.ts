/** Study mode: the study list (store, view, add/edit/delete, Anki and CSV export) and the exercise notes the panel keeps. */
import * as vscode from 'vscode';
import type { DigestDocuments } from '../digests';
import type { ReadingStore } from '../reading';
import type { Store } from '../store';
import { addToStudyList, type DescribeWord } from './addToStudyList';
import { deleteEntry, editEntry } from './entryCommands';
import { exportStudyList } from './exportStudy';
import { StudyListStore } from './studyListStore';
import { StudyNotesStore } from './studyNotesStore';
import { StudyTree } from './studyTree';

export { StudyListStore, STUDY_LIST_KEY } from './studyListStore';
export { StudyNotesStore, STUDY_NOTES_KEY, type StudyNoteChange } from './studyNotesStore';
export { StudyTree, STUDY_VIEW_ID, type StudyNode } from './studyTree';
export type { AddToStudyListArgument, DescribeWord } from './addToStudyList';
export { exerciseNotes } from './exerciseNotes';
export type { StudyExportFormat, StudyExportResult } from './exportStudy';

export interface StudyServices {
  documents: DigestDocuments;
  reading: ReadingStore;
  store: Store;
  /** The dictionaries' reading and meaning of a word saved from the pop-up. */
  describeWord?: DescribeWord;
}

/** What the rest of the extension (the panel, the API) uses. */
export interface Study {
  store: StudyListStore;
  notes: StudyNotesStore;
  tree: StudyTree;
}

export function register(context: vscode.ExtensionContext, services: StudyServices): Study {
  const store = new StudyListStore(services.store);
  const notes = new StudyNotesStore(services.store);
  const tree = new StudyTree(store);
  const add = { documents: services.documents, reading: services.reading, store, describeWord: services.describeWord };
  context.subscriptions.push(
    store,
    notes,
    tree,
    vscode.commands.registerCommand('digestReader.addToStudyList', (argument?: unknown) => addToStudyList(add, argument)),
    vscode.commands.registerCommand('digestReader.studyList.edit', (argument?: unknown) => editEntry(store, tree, argument)),
    vscode.commands.registerCommand('digestReader.studyList.delete', (argument?: unknown) => deleteEntry(store, tree, argument)),
    vscode.commands.registerCommand('digestReader.studyList.exportAnki', (argument?: unknown) => exportStudyList(store, services.documents, 'anki', argument)),
    vscode.commands.registerCommand('digestReader.studyList.exportCsv', (argument?: unknown) => exportStudyList(store, services.documents, 'csv', argument)),
  );
  return { store, notes, tree };
}
