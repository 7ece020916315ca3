import * as vscode from 'vscode';
import { decodeStudyNotes, encodeStudyNotes, withNote, type StudyNote, type StudyNotes } from '../core/study';
import { StoredValue, type SyncedMemento } from './storedValue';

export const STUDY_NOTES_KEY = 'digestReader.studyNotes';

/** Which note changed; `all` after a reload. */
export type StudyNoteChange = { articleKey: string; language: string } | 'all';

/**
 * Exercise notes: the reader's own translation where the digest has `nan`,
 * per article key and language, in `globalState` (synced). The panel reads
 * and writes them through get/set.
 */
export class StudyNotesStore implements vscode.Disposable {
  private notes: StudyNotes;
  private readonly changed = new vscode.EventEmitter<StudyNoteChange>();
  readonly onDidChange = this.changed.event;
  private readonly value: StoredValue<StudyNotes>;
  private saving: Promise<void> = Promise.resolve();

  constructor(memento: SyncedMemento, output: vscode.OutputChannel) {
    memento.setKeysForSync([STUDY_NOTES_KEY]);
    this.value = new StoredValue(memento, STUDY_NOTES_KEY, vscode.l10n.t('study notes'), (stored) => {
      const loaded = decodeStudyNotes(stored);
      return { value: loaded.notes, problems: loaded.problems, recognized: loaded.recognized };
    }, output);
    this.notes = this.value.load();
  }

  get(articleKey: string, language: string): StudyNote | undefined {
    const note = Object.prototype.hasOwnProperty.call(this.notes, articleKey) ? this.notes[articleKey][language] : undefined;
    return note && { ...note };
  }

  /** Every note of one article, by language. */
  forArticle(articleKey: string): Record<string, string> {
    const notes = Object.prototype.hasOwnProperty.call(this.notes, articleKey) ? this.notes[articleKey] : {};
    return Object.fromEntries(Object.entries(notes).map(([language, note]) => [language, note.text]));
  }

  /** Writes a note; blank text deletes it. Resolves when stored; rejects on a key, language or text too long to keep. */
  set(articleKey: string, language: string, text: string): Promise<void> {
    this.notes = withNote(this.notes, articleKey, language, text, Date.now());
    this.changed.fire({ articleKey, language });
    const data = encodeStudyNotes(this.notes);
    this.saving = this.saving.then(() => this.value.save(data)).then(undefined, (error: unknown) => {
      void vscode.window.showErrorMessage(vscode.l10n.t('Could not save the study notes: {0}', String(error)));
    });
    return this.saving;
  }

  /** Reads the stored value again if another window or Settings Sync changed it. */
  reloadIfChanged(): void {
    if (this.value.changedElsewhere()) {
      this.reload();
    }
  }

  reload(): void {
    this.notes = this.value.load();
    this.changed.fire('all');
  }

  get stored(): { read(): unknown; write(value: unknown): Thenable<void> } {
    // A write waits for the saves before it, so none of them lands on top of it.
    return { read: () => this.value.raw.read(), write: (value) => (this.saving = this.saving.then(() => this.value.raw.write(value))) };
  }

  get lastDamage(): StoredValue<StudyNotes>['lastDamage'] {
    return this.value.lastDamage;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
