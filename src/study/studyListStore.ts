import * as vscode from 'vscode';
import { asStudyEntry, decodeStudyList, encodeStudyList, studyEntryId, type StudyEntry } from '../core/study';
import { StoredValue, type SyncedMemento } from './storedValue';

/** The globalState key: synced with Settings Sync. */
export const STUDY_LIST_KEY = 'digestReader.studyList';

/**
 * The study list of this user, in `globalState` (synced). Entries are kept
 * by their stable id (studyEntryId): adding one again replaces it, so the
 * list never holds the same sentence twice. Saved on every change; a damaged
 * stored list is read as far as it goes (see StoredValue).
 */
export class StudyListStore implements vscode.Disposable {
  private list: StudyEntry[] = [];
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly value: StoredValue<StudyEntry[]>;
  private saving: Promise<void> = Promise.resolve();

  constructor(memento: SyncedMemento, output: vscode.OutputChannel) {
    memento.setKeysForSync([STUDY_LIST_KEY]);
    this.value = new StoredValue(memento, STUDY_LIST_KEY, vscode.l10n.t('study list'), (stored) => {
      const loaded = decodeStudyList(stored);
      return { value: loaded.entries, problems: loaded.problems, recognized: loaded.recognized };
    }, output);
    this.list = this.value.load();
  }

  /** Every entry, in the order added (oldest first); copies, so a caller cannot change the store. */
  entries(): StudyEntry[] {
    return this.list.map((entry) => ({ ...entry, texts: { ...entry.texts } }));
  }

  get(id: string): StudyEntry | undefined {
    const entry = this.list.find((candidate) => studyEntryId(candidate) === id);
    return entry && { ...entry, texts: { ...entry.texts } };
  }

  /**
   * Adds an entry, or replaces the one with its id (keeping that one's place).
   * Returns the stored entry, or undefined when it is not a valid entry (a
   * digest without a date, an empty text): nothing is stored then.
   */
  add(entry: StudyEntry): StudyEntry | undefined {
    const valid = asStudyEntry(entry);
    if (!valid) {
      return undefined;
    }
    const id = studyEntryId(valid);
    const at = this.list.findIndex((candidate) => studyEntryId(candidate) === id);
    this.list = at >= 0 ? this.list.map((candidate, i) => (i === at ? valid : candidate)) : [...this.list, valid];
    this.afterChange();
    return valid;
  }

  /**
   * Changes the texts of the entry with `id`. A term's id is its text: when
   * that changes so does the id, and an entry already holding the new id is
   * replaced. Returns the updated entry, undefined when there is none or the
   * change leaves no valid entry.
   */
  update(id: string, change: Pick<StudyEntry, 'texts'> & Partial<Pick<StudyEntry, 'word'>>): StudyEntry | undefined {
    const at = this.list.findIndex((candidate) => studyEntryId(candidate) === id);
    const updated = at >= 0 ? asStudyEntry({ ...this.list[at], ...change }) : undefined;
    if (!updated) {
      return undefined;
    }
    const newId = studyEntryId(updated);
    this.list = this.list.flatMap((candidate, i) => (i === at ? [updated] : studyEntryId(candidate) === newId ? [] : [candidate]));
    this.afterChange();
    return updated;
  }

  remove(id: string): boolean {
    const before = this.list.length;
    this.list = this.list.filter((candidate) => studyEntryId(candidate) !== id);
    if (this.list.length === before) {
      return false;
    }
    this.afterChange();
    return true;
  }

  /** Re-reads the stored list (another window, Settings Sync, a test's damaged value). */
  /** Reads the stored value again if another window or Settings Sync changed it. */
  reloadIfChanged(): void {
    if (this.value.changedElsewhere()) {
      this.reload();
    }
  }

  reload(): void {
    this.list = this.value.load();
    this.changed.fire();
  }

  /** The stored value as it is (tests write a damaged one, then reload). */
  get stored(): { read(): unknown; write(value: unknown): Thenable<void> } {
    // A write waits for the saves before it, so none of them lands on top of it.
    return { read: () => this.value.raw.read(), write: (value) => (this.saving = this.saving.then(() => this.value.raw.write(value))) };
  }

  /** What the last read could not read (undefined when all was read). */
  get lastDamage(): StoredValue<StudyEntry[]>['lastDamage'] {
    return this.value.lastDamage;
  }

  /** Resolves when every change so far is stored. */
  flush(): Promise<void> {
    return this.saving;
  }

  private afterChange(): void {
    this.changed.fire();
    const data = encodeStudyList(this.list);
    // Writes in order; a failed write leaves the list in memory for the next one.
    this.saving = this.saving.then(() => this.value.save(data)).then(undefined, (error: unknown) => {
      void vscode.window.showErrorMessage(vscode.l10n.t('Could not save the study list: {0}', String(error)));
    });
  }

  dispose(): void {
    this.changed.dispose();
  }
}
