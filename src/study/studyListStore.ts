import * as vscode from 'vscode';
import { migrateStudyList } from '../core';
import { asStudyEntry, STUDY_SCHEMA, studyEntriesOf, studyEntryId, type StudyEntry } from '../core/study';
import type { Damage, Store, StoredRecords } from '../store';

/** The 0.5.0 key: the whole list as one value (read for migration, never written). */
export const STUDY_LIST_KEY = 'digestReader.studyList';

/**
 * The study list of this user: records of the store keyed by each entry's
 * stable id (studyEntryId), synced and merged (two windows adding a term
 * each keep both). Adding an entry again replaces it, so the list never
 * holds the same sentence twice.
 */
export class StudyListStore implements vscode.Disposable {
  readonly records: StoredRecords<StudyEntry>;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(private readonly store: Store) {
    this.records = store.open(STUDY_SCHEMA, { synced: true, what: vscode.l10n.t('study list'), legacy: { key: STUDY_LIST_KEY, migrate: migrateStudyList } });
    this.disposables.push(this.records.onDidChange(() => this.changed.fire()));
  }

  /** Every entry, in the order added (oldest first); copies, so a caller cannot change the store. */
  entries(): StudyEntry[] {
    return studyEntriesOf(this.records.records.live()).map(copyOf);
  }

  get(id: string): StudyEntry | undefined {
    const entry = this.records.records.get(id);
    return entry && copyOf(entry);
  }

  /**
   * Adds an entry, or replaces the one with its id. Returns the stored entry,
   * or undefined when it is not a valid entry (a digest without a date, an
   * empty text): nothing is stored then.
   */
  add(entry: StudyEntry): StudyEntry | undefined {
    const valid = asStudyEntry(entry);
    if (!valid) {
      return undefined;
    }
    const id = studyEntryId(valid);
    if (this.records.records.set(id, valid)) {
      this.records.changedHere([id]);
    }
    return valid;
  }

  /**
   * Changes the texts of the entry with `id`. A term's id is its text: when
   * that changes so does the id (the old one becomes a tombstone), and an
   * entry already holding the new id is replaced. Returns the updated entry,
   * undefined when there is none or the change leaves no valid entry.
   */
  update(id: string, change: Pick<StudyEntry, 'texts'> & Partial<Pick<StudyEntry, 'word'>>): StudyEntry | undefined {
    const current = this.records.records.get(id);
    const updated = current ? asStudyEntry({ ...current, ...change }) : undefined;
    if (!updated) {
      return undefined;
    }
    const newId = studyEntryId(updated);
    const changed = [newId];
    if (newId !== id) {
      this.records.records.set(id, undefined);
      changed.push(id);
    }
    this.records.records.set(newId, updated);
    this.records.changedHere(changed);
    return updated;
  }

  remove(id: string): boolean {
    if (!this.records.records.has(id) || !this.records.records.set(id, undefined)) {
      return false;
    }
    this.records.changedHere([id]);
    return true;
  }

  /** Merges what other windows or Settings Sync stored, now. */
  reload(): void {
    this.store.check();
  }

  /** What the last damaged value set aside (undefined when none was met). */
  get lastDamage(): Damage | undefined {
    return this.store.notices.lastDamage;
  }

  /** Resolves when every change so far is stored. */
  flush(): Promise<void> {
    return this.records.flush();
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
}

function copyOf(entry: StudyEntry): StudyEntry {
  const word = entry.word && { ...entry.word, ...(entry.word.context ? { context: { ...entry.word.context } } : {}) };
  return { ...entry, texts: { ...entry.texts }, ...(word ? { word } : {}) };
}
