/**
 * What the reader has read and starred, across every digest, with undo.
 * Plain data in, plain data out: the extension stores it (see
 * readingStateStore) and shows it; nothing here knows VS Code.
 */
import type { Translations } from '../digest/model';

/** What the panel needs to show a starred article after its digest is gone. */
export interface StarredArticle {
  key: string;
  /** When it was starred (ms since 1970): newest digests, then newest stars, first. */
  starredAt: number;
  kind: 'arxiv' | 'news';
  subject: string;
  digestDate: string;
  index: number;
  date?: string;
  arxivId?: string;
  sourceLanguage: string;
  titles: Translations;
  authors: string[];
  abstracts: Translations;
}

/** One marking, as undo needs it: the state of each key before it. */
export interface Marking {
  /** What the user did, for messages: "Marked 18 articles of Thu 2025-05-29 read". */
  label: string;
  read: Map<string, boolean>;
  stars: Map<string, StarredArticle | undefined>;
}

const UNDO_DEPTH = 100;

export class ReadingState {
  private readonly readKeys = new Set<string>();
  private readonly stars = new Map<string, StarredArticle>();
  private readonly undoStack: Marking[] = [];
  /** Grows with every change: views and stores compare it instead of the data. */
  revision = 0;

  isRead(key: string): boolean {
    return this.readKeys.has(key);
  }

  isStarred(key: string): boolean {
    return this.stars.has(key);
  }

  starredArticle(key: string): StarredArticle | undefined {
    return this.stars.get(key);
  }

  get readCount(): number {
    return this.readKeys.size;
  }

  /** Every starred article, newest digest first, then newest star first. */
  starred(): StarredArticle[] {
    return [...this.stars.values()].sort((a, b) =>
      a.digestDate !== b.digestDate ? (a.digestDate < b.digestDate ? 1 : -1) : a.subject !== b.subject ? (a.subject < b.subject ? -1 : 1) : b.starredAt - a.starredAt);
  }

  readKeysSnapshot(): string[] {
    return [...this.readKeys];
  }

  /**
   * Marks keys read (or unread). Returns the keys whose state changed; a
   * marking that changes something can be undone, one that changes nothing
   * is not recorded.
   */
  setRead(keys: readonly string[], read: boolean, label: string): string[] {
    const before = new Map<string, boolean>();
    for (const key of keys) {
      if (this.readKeys.has(key) !== read && !before.has(key)) {
        before.set(key, !read);
        if (read) {
          this.readKeys.add(key);
        } else {
          this.readKeys.delete(key);
        }
      }
    }
    this.record({ label, read: before, stars: new Map() });
    return [...before.keys()];
  }

  /** Stars (with what the panel needs) or unstars one article. */
  setStar(key: string, article: StarredArticle | undefined, label: string): boolean {
    const previous = this.stars.get(key);
    if (previous === undefined && article === undefined) {
      return false;
    }
    if (article) {
      this.stars.set(key, { ...article, key });
    } else {
      this.stars.delete(key);
    }
    this.record({ label, read: new Map(), stars: new Map([[key, previous]]) });
    return true;
  }

  /** Undoes the last marking; returns it (for "Undone: …"), or undefined when there is nothing to undo. */
  undo(): Marking | undefined {
    const marking = this.undoStack.pop();
    if (!marking) {
      return undefined;
    }
    for (const [key, wasRead] of marking.read) {
      if (wasRead) {
        this.readKeys.add(key);
      } else {
        this.readKeys.delete(key);
      }
    }
    for (const [key, star] of marking.stars) {
      if (star) {
        this.stars.set(key, star);
      } else {
        this.stars.delete(key);
      }
    }
    this.revision++;
    return marking;
  }

  /** Replaces everything with stored data (another window wrote it); undo history is kept only for what still applies. */
  replace(read: Iterable<string>, stars: Iterable<StarredArticle>): void {
    this.readKeys.clear();
    for (const key of read) {
      this.readKeys.add(key);
    }
    this.stars.clear();
    for (const star of stars) {
      this.stars.set(star.key, star);
    }
    this.undoStack.length = 0;
    this.revision++;
  }

  /** Adds what another state holds (an import): read stays read, stars are added, the newer star wins. */
  merge(read: Iterable<string>, stars: Iterable<StarredArticle>): { read: number; starred: number } {
    let newlyRead = 0;
    let newlyStarred = 0;
    for (const key of read) {
      if (!this.readKeys.has(key)) {
        this.readKeys.add(key);
        newlyRead++;
      }
    }
    for (const star of stars) {
      const mine = this.stars.get(star.key);
      if (!mine) {
        newlyStarred++;
      }
      if (!mine || mine.starredAt < star.starredAt) {
        this.stars.set(star.key, star);
      }
    }
    this.revision++;
    return { read: newlyRead, starred: newlyStarred };
  }

  private record(marking: Marking): void {
    if (marking.read.size === 0 && marking.stars.size === 0) {
      return;
    }
    this.revision++;
    this.undoStack.push(marking);
    if (this.undoStack.length > UNDO_DEPTH) {
      this.undoStack.shift();
    }
  }
}
