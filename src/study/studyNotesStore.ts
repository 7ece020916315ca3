import * as vscode from 'vscode';
import { migrateStudyNotes } from '../core';
import { isNoteKey, isNoteLanguage, MAX_NOTE_LENGTH, noteKey, NOTES_SCHEMA, splitNoteKey, type StudyNote } from '../core/study';
import type { Damage, Store, StoredRecords } from '../store';

/** The 0.5.0 key: every note as one value (read for migration, never written). */
export const STUDY_NOTES_KEY = 'digestReader.studyNotes';

/** Which note changed; `all` after a reset. */
export type StudyNoteChange = { articleKey: string; language: string } | 'all';

/**
 * Exercise notes: the reader's own translation where the digest has `nan`,
 * one record per article key and language (synced, merged: notes on two
 * articles written in two windows are both kept). The panel reads and writes
 * them through get/set.
 */
export class StudyNotesStore implements vscode.Disposable {
  readonly records: StoredRecords<StudyNote>;
  private readonly changed = new vscode.EventEmitter<StudyNoteChange>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(private readonly store: Store) {
    this.records = store.open(NOTES_SCHEMA, { synced: true, what: vscode.l10n.t('study notes'), legacy: { key: STUDY_NOTES_KEY, migrate: migrateStudyNotes } });
    this.disposables.push(this.records.onDidChange((change) => {
      if (change === 'all') {
        this.changed.fire('all');
        return;
      }
      for (const key of change.keys) {
        const split = splitNoteKey(key);
        if (split) {
          this.changed.fire(split);
        }
      }
    }));
  }

  get(articleKey: string, language: string): StudyNote | undefined {
    const note = this.records.records.get(noteKey(articleKey, language));
    return note && { ...note };
  }

  /** Every note of one article, by language. */
  forArticle(articleKey: string): Record<string, string> {
    const notes: Record<string, string> = {};
    for (const [key, note] of this.records.records.live()) {
      const split = key.startsWith(articleKey) ? splitNoteKey(key) : undefined;
      if (split?.articleKey === articleKey) {
        notes[split.language] = note.text;
      }
    }
    return notes;
  }

  /** Writes a note; blank text deletes it. Resolves when stored; rejects on a key, language or text too long to keep. */
  set(articleKey: string, language: string, text: string): Promise<void> {
    if (!isNoteKey(articleKey) || !isNoteLanguage(language)) {
      return Promise.reject(new RangeError(`Not a note's article key and language: ${JSON.stringify(articleKey.slice(0, 100))}, ${JSON.stringify(language.slice(0, 20))}`));
    }
    if (text.length > MAX_NOTE_LENGTH) {
      return Promise.reject(new RangeError(`A note holds at most ${MAX_NOTE_LENGTH} characters.`));
    }
    const key = noteKey(articleKey, language);
    if (this.records.records.set(key, text.trim() === '' ? undefined : { text, updatedAt: Date.now() })) {
      this.records.changedHere([key]);
    }
    return this.records.flush();
  }

  /** Merges what other windows or Settings Sync stored, now. */
  reload(): void {
    this.store.check();
  }

  get lastDamage(): Damage | undefined {
    return this.store.notices.lastDamage;
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
