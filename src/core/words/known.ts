/**
 * What the learner knows, word by word (LingQ's scale, simplified): every
 * word is new until marked learning or known. A word is named by its key,
 * `zh:车辆` (the simplified form, as the digest writes it) or `de:fahrzeug`
 * (German lower-cased: the same word at the start of a title or inside it).
 * An article's share of new words counts words, not occurrences (types,
 * not tokens): 车辆 three times in an abstract is one word to learn.
 */

export type WordStatus = 'new' | 'learning' | 'known';
export type WordLanguage = 'zh' | 'de';

export const WORD_STATUSES: readonly WordStatus[] = ['new', 'learning', 'known'];

/** Statuses by key; a key not there is new. */
export interface WordStatuses {
  statusOf(key: string): WordStatus;
}

export function isWordLanguage(value: unknown): value is WordLanguage {
  return value === 'zh' || value === 'de';
}

export function isWordStatus(value: unknown): value is WordStatus {
  return value === 'new' || value === 'learning' || value === 'known';
}

/** The key of a word as written in a text of `language`. */
export function wordKey(language: WordLanguage, word: string): string {
  // Han characters have no composed forms to fold; German ones do (ü as u + ¨).
  return language === 'de' ? `de:${word.normalize('NFC').trim().toLocaleLowerCase('de')}` : `zh:${word.trim()}`;
}

/** The word of a key (`zh:车辆` → `车辆`) and its language; undefined for anything else. */
export function parseWordKey(key: string): { language: WordLanguage; word: string } | undefined {
  const language = key.slice(0, 2);
  return key[2] === ':' && isWordLanguage(language) && key.length > 3 ? { language, word: key.slice(3) } : undefined;
}

export interface NewWordShare {
  /** Distinct words of the article in the language (its types). */
  words: number;
  /** Of those, how many are new (neither learning nor known). */
  newWords: number;
  /** newWords / words, rounded to a whole percent; 0 for an article without words in the language. */
  percent: number;
}

/** The share of new words among `keys` (an article's words, repeats allowed: each counts once). */
export function newWordShare(keys: Iterable<string>, statuses: WordStatuses): NewWordShare {
  const distinct = keys instanceof Set ? (keys as Set<string>) : new Set(keys);
  let newWords = 0;
  for (const key of distinct) {
    if (statuses.statusOf(key) === 'new') {
      newWords++;
    }
  }
  const words = distinct.size;
  return { words, newWords, percent: words === 0 ? 0 : Math.round((newWords / words) * 100) };
}

/** Statuses from a plain map (tests, and the webview's slice). */
export function statusesOf(map: ReadonlyMap<string, WordStatus>): WordStatuses {
  return { statusOf: (key) => map.get(key) ?? 'new' };
}

/** A set of flags kept somewhere (the store's records of a set schema): a key is in it or not. */
export interface FlagSet {
  has(key: string): boolean;
  /** `true` adds, `undefined` removes; says whether anything changed. */
  set(key: string, value: true | undefined): boolean;
}

/**
 * The learner's words over two kept sets, known and learning (a word in
 * neither is new). A word is in one at most; should two windows have put it
 * in both before they merged, known wins.
 */
export class KnownWords implements WordStatuses {
  constructor(private readonly known: FlagSet, private readonly learning: FlagSet) {}

  statusOf(key: string): WordStatus {
    return this.known.has(key) ? 'known' : this.learning.has(key) ? 'learning' : 'new';
  }

  /** Sets a word's status; false when it was that already. */
  setStatus(key: string, status: WordStatus): boolean {
    if (!parseWordKey(key)) {
      return false;
    }
    const known = this.known.set(key, status === 'known' ? true : undefined);
    const learning = this.learning.set(key, status === 'learning' ? true : undefined);
    return known || learning;
  }

  /** "Mark the rest known": every new word of `keys` becomes known (words being learned stay so); returns those marked. */
  markNewKnown(keys: Iterable<string>): string[] {
    const marked: string[] = [];
    for (const key of new Set(keys)) {
      if (this.statusOf(key) === 'new' && this.setStatus(key, 'known')) {
        marked.push(key);
      }
    }
    return marked;
  }
}
