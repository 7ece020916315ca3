/**
 * What the reader has read, starred and marked "not interested", across
 * every digest, with undo: four record kinds of the store (read flags, stars,
 * "not interested" flags, and each star's display text kept on this machine).
 * Plain data in, plain data out; nothing here knows VS Code.
 */
import type { Translations } from '../digest/model';
import { NOT_INTERESTED_SCHEMA, READ_SCHEMA, STAR_SCHEMA, STAR_TEXT_SCHEMA, type StarRecord, type StarText } from './readSchemas';
import { sameValue } from './store/lww';
import { Records } from './store/records';

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

/** One key's change, as undo needs it: what it was and what the marking made it. */
interface Change<V> {
  before: V | undefined;
  after: V | undefined;
}

/** One marking, as undo needs it. */
export interface Marking {
  /** What the user did, for messages: "Marked 18 articles of Thu 2025-05-29 read". */
  label: string;
  read: Map<string, Change<true>>;
  stars: Map<string, Change<StarRecord>>;
  notInterested: Map<string, Change<true>>;
}

const UNDO_DEPTH = 100;

export function starParts(article: StarredArticle): { record: StarRecord; text: StarText } {
  const record: StarRecord = { kind: article.kind, subject: article.subject, digestDate: article.digestDate, index: article.index, starredAt: article.starredAt };
  if (article.arxivId !== undefined) {
    record.arxivId = article.arxivId;
  }
  const text: StarText = { sourceLanguage: article.sourceLanguage, titles: { ...article.titles }, authors: [...article.authors], abstracts: { ...article.abstracts } };
  if (article.date !== undefined) {
    text.date = article.date;
  }
  return { record, text };
}

export class ReadingState {
  readonly read: Records<true>;
  readonly stars: Records<StarRecord>;
  /** Papers the user marked "not interested" (`x`): the ranking's negative examples. */
  readonly notInterested: Records<true>;
  /** Display text of stars: on this machine only, refilled from digests. */
  readonly starTexts: Records<StarText>;
  private readonly undoStack: Marking[] = [];
  private counted = -1;
  private readCountCache = 0;
  /** Grows with every change: views and stores compare it instead of the data. */
  revision = 0;

  /** `writer`: this window's id, part of every stamp it writes. */
  constructor(writer = Math.random().toString(36).slice(2, 10)) {
    this.read = new Records(READ_SCHEMA, writer);
    this.stars = new Records(STAR_SCHEMA, writer);
    this.notInterested = new Records(NOT_INTERESTED_SCHEMA, writer);
    this.starTexts = new Records(STAR_TEXT_SCHEMA, writer);
  }

  isRead(key: string): boolean {
    return this.read.has(key);
  }

  isStarred(key: string): boolean {
    return this.stars.has(key);
  }

  isNotInterested(key: string): boolean {
    return this.notInterested.has(key);
  }

  notInterestedKeys(): string[] {
    return [...this.notInterested.live()].map(([key]) => key);
  }

  /** A starred article with its display text; without text (never seen on this machine) its titles are empty. */
  starredArticle(key: string): StarredArticle | undefined {
    const record = this.stars.get(key);
    if (!record) {
      return undefined;
    }
    const text = this.starTexts.get(key) ?? { sourceLanguage: 'en', titles: {}, authors: [], abstracts: {} };
    return { key, ...record, ...text };
  }

  get readCount(): number {
    if (this.counted !== this.revision) {
      let count = 0;
      for (const entry of this.read.live()) {
        count += entry[1] ? 1 : 0;
      }
      this.readCountCache = count;
      this.counted = this.revision;
    }
    return this.readCountCache;
  }

  /** Every starred article, newest digest first, then newest star first. */
  starred(): StarredArticle[] {
    const list: StarredArticle[] = [];
    for (const [key] of this.stars.live()) {
      const star = this.starredArticle(key);
      if (star) {
        list.push(star);
      }
    }
    return list.sort((a, b) =>
      a.digestDate !== b.digestDate ? (a.digestDate < b.digestDate ? 1 : -1) : a.subject !== b.subject ? (a.subject < b.subject ? -1 : 1) : b.starredAt - a.starredAt);
  }

  readKeysSnapshot(): string[] {
    return [...this.read.live()].map(([key]) => key);
  }

  /**
   * Marks keys read (or unread). Returns the keys whose state changed; a
   * marking that changes something can be undone, one that changes nothing
   * is not recorded.
   */
  setRead(keys: readonly string[], read: boolean, label: string, now = Date.now()): string[] {
    const changes = new Map<string, Change<true>>();
    for (const key of keys) {
      if (!changes.has(key) && this.read.has(key) !== read && this.read.set(key, read ? true : undefined, now)) {
        changes.set(key, { before: read ? undefined : true, after: read ? true : undefined });
      }
    }
    this.record({ label, read: changes, stars: new Map(), notInterested: new Map() });
    return [...changes.keys()];
  }

  /** Stars (with what the panel needs) or unstars one article. Starring takes back its "not interested" (one marking, undone together). */
  setStar(key: string, article: StarredArticle | undefined, label: string, now = Date.now()): boolean {
    const before = this.stars.get(key);
    if (before === undefined && article === undefined) {
      return false;
    }
    const parts = article && starParts({ ...article, key });
    if (!this.stars.set(key, parts?.record, now)) {
      return false;
    }
    if (parts) {
      this.starTexts.set(key, parts.text, now);
    }
    const notInterested = new Map<string, Change<true>>();
    if (parts && this.notInterested.has(key) && this.notInterested.set(key, undefined, now)) {
      notInterested.set(key, { before: true, after: undefined });
    }
    this.record({ label, read: new Map(), stars: new Map([[key, { before, after: parts?.record }]]), notInterested });
    return true;
  }

  /**
   * Marks papers "not interested" (or takes the mark back). Marking one also
   * marks it read (it leaves the inbox and `n` passes it) and unstars it; all
   * of it is one marking, undone together. Taking the mark back changes only
   * the mark. Returns the keys whose mark changed.
   */
  setNotInterested(keys: readonly string[], notInterested: boolean, label: string, now = Date.now()): string[] {
    const marking: Marking = { label, read: new Map(), stars: new Map(), notInterested: new Map() };
    for (const key of keys) {
      if (marking.notInterested.has(key) || this.notInterested.has(key) === notInterested || !this.notInterested.set(key, notInterested ? true : undefined, now)) {
        continue;
      }
      marking.notInterested.set(key, { before: notInterested ? undefined : true, after: notInterested ? true : undefined });
      if (notInterested && !this.read.has(key) && this.read.set(key, true, now)) {
        marking.read.set(key, { before: undefined, after: true });
      }
      const star = this.stars.get(key);
      if (notInterested && star !== undefined && this.stars.set(key, undefined, now)) {
        marking.stars.set(key, { before: star, after: undefined });
      }
    }
    this.record(marking);
    return [...marking.notInterested.keys()];
  }

  /** Keeps a starred article's display text current from its digest; true when it changed. Not a marking. */
  refreshStarText(key: string, text: StarText, now = Date.now()): boolean {
    if (!this.stars.has(key) || sameValue(this.starTexts.get(key), text)) {
      return false;
    }
    this.starTexts.set(key, text, now);
    this.revision++;
    return true;
  }

  /**
   * Undoes the last marking; returns it (for "Undone: …"), or undefined when
   * there is nothing to undo. A key that another window or machine changed
   * since is left as they made it: undo takes back this window's marking only.
   */
  undo(now = Date.now()): (Marking & { undone: string[] }) | undefined {
    const marking = this.undoStack.pop();
    if (!marking) {
      return undefined;
    }
    const keys: string[] = [];
    for (const [key, change] of marking.read) {
      if (sameValue(this.read.get(key), change.after) && this.read.set(key, change.before, now)) {
        keys.push(key);
      }
    }
    for (const [key, change] of marking.stars) {
      if (sameValue(this.stars.get(key), change.after) && this.stars.set(key, change.before, now)) {
        keys.push(key);
      }
    }
    for (const [key, change] of marking.notInterested) {
      if (sameValue(this.notInterested.get(key), change.after) && this.notInterested.set(key, change.before, now)) {
        keys.push(key);
      }
    }
    this.revision++;
    return { ...marking, undone: keys };
  }

  /** Something merged in from elsewhere (storage, an import): the views compare `revision`. */
  touch(): void {
    this.revision++;
  }

  /** Adds what an import holds: read stays read, stars are added (a newer star wins). Not undoable. */
  merge(read: Iterable<string>, stars: Iterable<StarredArticle>, now = Date.now()): { read: number; starred: number } {
    let newlyRead = 0;
    let newlyStarred = 0;
    for (const key of read) {
      if (!this.read.has(key) && this.read.set(key, true, now)) {
        newlyRead++;
      }
    }
    for (const star of stars) {
      const mine = this.stars.get(star.key);
      if (!mine || mine.starredAt < star.starredAt) {
        const { record, text } = starParts(star);
        this.stars.set(star.key, record, now);
        this.starTexts.set(star.key, text, now);
        newlyStarred += mine ? 0 : 1;
      }
    }
    this.revision++;
    return { read: newlyRead, starred: newlyStarred };
  }

  private record(marking: Marking): void {
    if (marking.read.size === 0 && marking.stars.size === 0 && marking.notInterested.size === 0) {
      return;
    }
    this.revision++;
    this.undoStack.push(marking);
    if (this.undoStack.length > UNDO_DEPTH) {
      this.undoStack.shift();
    }
  }
}
