import * as vscode from 'vscode';
import { articleKey, encodeReadingState, migrateReadingState, ReadingState, starParts, type Digest, type Marking, type StarRecord, type StarredArticle, type StarText } from '../core';
import type { Store, StoredRecords } from '../store';

/** The 0.5.0 key: one value of everything read and starred (read for migration, never written). */
export const STATE_KEY = 'digestReader.readingState';

/** Which keys a change touched; `all` after a reset or an import. */
export type ReadingChange = { keys: readonly string[] } | 'all';

/** When this machine's copy is read again for a star's text that was not there yet (its window writes it beside the star). */
const STAR_TEXT_RETRIES_MS = [1_000, 3_000];

/**
 * The reading state of this user: read flags, stars and "not interested" marks, synced through
 * Settings Sync as records that merge (see src/store), and each star's display
 * text on this machine, refilled from a digest when it is seen again. Another
 * window's markings are merged in within seconds; this window's undo history
 * stays.
 */
export class ReadingStore implements vscode.Disposable {
  readonly state: ReadingState;
  private readonly changed = new vscode.EventEmitter<ReadingChange>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  /** Where each record kind is kept: tests and tools read and write the stored shards through these. */
  readonly storage: { read: StoredRecords<true>; stars: StoredRecords<StarRecord>; starTexts: StoredRecords<StarText>; notInterested: StoredRecords<true> };

  private disposed = false;
  /** The digests of the Library that list these papers, read and parsed (set once the Library is there). */
  private digestsListing: ((keys: readonly string[]) => Promise<readonly Digest[]>) | undefined;

  constructor(
    private readonly store: Store,
    /** The digests open in this window (a star's text is refilled from them). */
    private readonly openDigests: () => readonly Digest[] = () => [],
  ) {
    this.state = new ReadingState(store.writer);
    const what = vscode.l10n.t('reading state');
    // The 0.5.0 value holds all three: decoded once for the three (at 100,000 ids a decode is 35–70 ms), not once each.
    let last: { stored: unknown; migrated: ReturnType<typeof migrateReadingState> } | undefined;
    const migrate = (stored: unknown): ReturnType<typeof migrateReadingState> => {
      const kept = last;
      if (kept && kept.stored === stored) {
        return kept.migrated;
      }
      const migrated = migrateReadingState(stored);
      last = { stored, migrated };
      setTimeout(() => (last = undefined), 0); // the three read it in one task; the decoded value is not kept
      return migrated;
    };
    // Its problems are said once, with the read marks.
    this.storage = {
      read: store.bind(this.state.read, { synced: true, what, legacy: { key: STATE_KEY, migrate: (stored) => migrate(stored).read } }),
      stars: store.bind(this.state.stars, { synced: true, what, legacy: { key: STATE_KEY, migrate: (stored) => migrate(stored).stars } }),
      starTexts: store.bind(this.state.starTexts, { synced: false, what, legacy: { key: STATE_KEY, migrate: (stored) => migrate(stored).starTexts } }),
      // New in this version (issue 18): 0.5.0 kept none.
      notInterested: store.bind(this.state.notInterested, { synced: true, what }),
    };
    for (const stored of this.allStorage()) {
      this.disposables.push(stored.onDidChange((change) => {
        this.state.touch();
        this.changed.fire(change);
      }));
    }
    this.disposables.push(this.storage.stars.onDidChange((change) => change !== 'all' && void this.fetchStarTexts(change.keys, 0)));
  }

  /** Starred here or merged in, with no display text on this machine yet. */
  private withoutText(keys: readonly string[]): string[] {
    return keys.filter((key) => this.state.isStarred(key) && !this.state.starTexts.has(key));
  }

  /**
   * A star another window of this machine made comes with its display text
   * in this machine's copy, written beside it (the text is never synced):
   * that copy is read again, and again a little later if the text is not
   * there yet. A star from another machine gets its text from a digest open
   * here, else, once those tries are over, from a digest of the Library that
   * lists the paper (and again whenever a digest with it is read: see refill).
   */
  private async fetchStarTexts(keys: readonly string[], attempt: number): Promise<void> {
    // At start the stars may come in before this machine's copy of their texts is read: that read brings them.
    await this.storage.starTexts.ready;
    let missing = this.withoutText(keys);
    if (missing.length === 0 || this.disposed) {
      return;
    }
    await this.storage.starTexts.rereadCopy(missing);
    missing = this.withoutText(missing);
    for (const digest of this.openDigests()) {
      if (missing.length > 0) {
        this.refill(digest);
        missing = this.withoutText(missing);
      }
    }
    if (missing.length > 0 && attempt < STAR_TEXT_RETRIES_MS.length) {
      setTimeout(() => void this.fetchStarTexts(missing, attempt + 1), STAR_TEXT_RETRIES_MS[attempt]);
    } else if (missing.length > 0 && this.digestsListing) {
      for (const digest of await this.digestsListing(missing)) {
        if (!this.disposed) {
          this.refill(digest);
        }
      }
    }
  }

  /** Where a star's text is looked for last: the Library's digests that list the paper. */
  setDigestsListing(find: (keys: readonly string[]) => Promise<readonly Digest[]>): void {
    this.digestsListing = find;
  }

  private allStorage(): StoredRecords<unknown>[] {
    return [this.storage.read, this.storage.stars, this.storage.starTexts, this.storage.notInterested] as unknown[] as StoredRecords<unknown>[];
  }

  /** Resolves when this machine's copy (and the stars' display text) has been read. */
  get ready(): Promise<void> {
    return Promise.all(this.allStorage().map((stored) => stored.ready)).then(() => undefined);
  }

  /** Merges what another window or Settings Sync stored, now (the store also does it every two seconds). */
  reload(): void {
    this.store.check();
  }

  setRead(keys: readonly string[], read: boolean, label: string): string[] {
    const changed = this.state.setRead(keys, read, label);
    this.storage.read.changedHere(changed);
    return changed;
  }

  setStar(key: string, article: StarredArticle | undefined, label: string): boolean {
    const changed = this.state.setStar(key, article, label);
    if (changed) {
      this.storage.stars.changedHere([key]);
      this.storage.starTexts.changedHere([key]);
      this.storage.notInterested.changedHere([key]); // starring takes a "not interested" back
    }
    return changed;
  }

  /** Marks papers "not interested" (which also marks them read and unstars them), or takes the mark back. */
  setNotInterested(keys: readonly string[], notInterested: boolean, label: string): string[] {
    const changed = this.state.setNotInterested(keys, notInterested, label);
    if (changed.length > 0) {
      this.storage.notInterested.changedHere(changed);
      this.storage.read.changedHere(changed);
      this.storage.stars.changedHere(changed);
    }
    return changed;
  }

  undo(): Marking | undefined {
    const undone = this.state.undo();
    if (undone) {
      this.storage.read.changedHere(undone.undone.filter((key) => undone.read.has(key)));
      this.storage.stars.changedHere(undone.undone.filter((key) => undone.stars.has(key)));
      this.storage.notInterested.changedHere(undone.undone.filter((key) => undone.notInterested.has(key)));
    }
    return undone;
  }

  /** A digest was read: the display text of its starred articles is kept current (and refilled where it was missing). */
  refill(digest: Digest): void {
    const refreshed: string[] = [];
    for (const article of digest.articles) {
      const key = articleKey(digest, article);
      if (this.state.isStarred(key)) {
        const { text } = starParts({ key, starredAt: 0, kind: digest.kind, subject: digest.subject, digestDate: digest.date, index: article.index, date: article.date, arxivId: article.arxivId, sourceLanguage: article.sourceLanguage, titles: article.titles, authors: article.authors, abstracts: article.abstracts });
        if (this.state.refreshStarText(key, text)) {
          refreshed.push(key);
        }
      }
    }
    if (refreshed.length > 0) {
      this.storage.starTexts.changedHere(refreshed);
    }
  }

  /** Adds an imported state; returns how much was new. */
  merge(read: Iterable<string>, starred: Iterable<StarredArticle>): { read: number; starred: number } {
    const counts = this.state.merge(read, starred);
    for (const stored of this.allStorage()) {
      stored.changedHere('all');
    }
    return counts;
  }

  /** Unmarks and unstars everything (through the API, for tests and tools; not a user command). Tombstones, so it merges too. */
  clear(): void {
    this.state.setNotInterested(this.state.notInterestedKeys(), false, 'clear');
    this.state.setRead(this.state.readKeysSnapshot(), false, 'clear');
    for (const star of this.state.starred()) {
      this.state.setStar(star.key, undefined, 'clear');
    }
    for (const stored of this.allStorage()) {
      stored.changedHere('all');
    }
  }

  /** What an export writes. */
  snapshot(): ReturnType<typeof encodeReadingState> {
    return encodeReadingState(this.state.readKeysSnapshot(), this.state.starred());
  }

  /** Stores every marking made so far now (tests, export, deactivation). */
  async flush(): Promise<void> {
    await Promise.all(this.allStorage().map((stored) => stored.flush()));
  }

  dispose(): void {
    this.disposed = true;
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
