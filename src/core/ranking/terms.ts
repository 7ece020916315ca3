/**
 * The words of an article that the ranking learns from: its English title
 * and abstract, and its authors. Everything stays on the machine and comes
 * from the digest's own text.
 *
 * - Words: lower case, accents dropped (the search's `fold`), stop words out
 *   (scikit-learn's English list), at least two characters, starting with a
 *   letter; English plurals folded to the singular (`networks` → `network`,
 *   `policies` → `policy`), so one star on "federated networks" counts for
 *   "a federated network" too.
 * - Phrases: each pair of neighbouring words after stop words are dropped
 *   (`federated learning`), as scikit-learn builds bigrams.
 * - Authors: each whole name is one term (`Eric Müller`), never split into
 *   words: two Müllers are two people.
 * - The title counts twice: it says what a paper is about in a few words.
 *
 * A term becomes a feature id by hashing (no vocabulary to keep in step
 * across digests, so each digest's features are computed and stored alone).
 */
import { fold } from '../search/tokenize';
import { ENGLISH_STOP_WORDS } from './stopWords';

/** Feature ids are in [0, FEATURE_SPACE): 2^20 hashed buckets. */
export const FEATURE_BITS = 20;
export const FEATURE_SPACE = 1 << FEATURE_BITS;
const FEATURE_MASK = FEATURE_SPACE - 1;

export type TermKind = 'word' | 'phrase' | 'author';

/** What an article gives the ranking (plain data from the parsed digest). */
export interface ArticleText {
  title: string;
  abstract: string;
  authors: readonly string[];
}

const WORD = /[\p{L}\p{N}_]+/gu;
const STARTS_WITH_LETTER = /^\p{L}/u;

/** FNV-1a over UTF-16 units, then a final mix (murmur3's): a 32-bit hash of a term. */
function hashString(text: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix(h);
}

function mix(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const WORD_SEED = 0;
const AUTHOR_SEED = 0x5bd1e995;

function pairHash(first: number, second: number): number {
  return mix((Math.imul(first, 31) + second + 0x9e3779b9) | 0);
}

/** The feature id of a word (as `words` returns it), a phrase of two such words, or an author's name. */
export function featureOf(kind: TermKind, term: string): number {
  if (kind === 'author') {
    return hashString(normalizeAuthor(term), AUTHOR_SEED) & FEATURE_MASK;
  }
  if (kind === 'phrase') {
    const [first, second] = term.split(' ');
    return pairHash(hashString(first, WORD_SEED), hashString(second, WORD_SEED)) & FEATURE_MASK;
  }
  return hashString(term, WORD_SEED) & FEATURE_MASK;
}

function normalizeAuthor(name: string): string {
  return fold(name).replace(/\s+/g, ' ').trim();
}

/** English plural to singular, conservatively (Harman's S-stemmer): `policies` → `policy`, `models` → `model`, `class` stays. */
export function singular(word: string): string {
  if (word.length <= 3 || !word.endsWith('s')) {
    return word;
  }
  if (word.endsWith('ies') && !word.endsWith('eies') && !word.endsWith('aies')) {
    return word.slice(0, -3) + 'y';
  }
  if (word.endsWith('es') && !word.endsWith('aes') && !word.endsWith('ees') && !word.endsWith('oes')) {
    return word.slice(0, -1);
  }
  if (word.endsWith('us') || word.endsWith('ss') || word.endsWith('is')) {
    return word;
  }
  return word.slice(0, -1);
}

/** The words of a text as the ranking keeps them: folded, singular, no stop words; each with the form the text had. */
export function words(text: string): { word: string; shown: string }[] {
  const out: { word: string; shown: string }[] = [];
  WORD.lastIndex = 0;
  for (let match = WORD.exec(text); match !== null; match = WORD.exec(text)) {
    const shown = match[0];
    if (shown.length < 2 || !STARTS_WITH_LETTER.test(shown)) {
      continue;
    }
    const folded = fold(shown);
    if (ENGLISH_STOP_WORDS.has(folded)) {
      continue;
    }
    out.push({ word: singular(folded), shown: shown.toLowerCase() });
  }
  return out;
}

/** One term of an article, with how often it occurs (the title's words twice). */
export interface ArticleTerm {
  feature: number;
  kind: TermKind;
  /** As a user reads it: `federated learning`, `Eric Müller`. */
  shown: string;
  count: number;
}

/** Every term of an article, by feature id (the first term seen names a shared id). */
export function articleTerms(article: ArticleText): Map<number, ArticleTerm> {
  const terms = new Map<number, ArticleTerm>();
  const add = (feature: number, kind: TermKind, shown: string, count: number) => {
    const known = terms.get(feature);
    if (known) {
      known.count += count;
    } else {
      terms.set(feature, { feature, kind, shown, count });
    }
  };
  const addText = (text: string, weight: number) => {
    const list = words(text);
    const hashes = list.map((w) => hashString(w.word, WORD_SEED));
    for (let i = 0; i < list.length; i++) {
      add(hashes[i] & FEATURE_MASK, 'word', list[i].shown, weight);
      if (i + 1 < list.length) {
        add(pairHash(hashes[i], hashes[i + 1]) & FEATURE_MASK, 'phrase', `${list[i].shown} ${list[i + 1].shown}`, weight);
      }
    }
  };
  addText(article.title, 2);
  addText(article.abstract, 1);
  for (const author of article.authors) {
    const name = author.replace(/\s+/g, ' ').trim();
    if (name !== '') {
      add(hashString(normalizeAuthor(name), AUTHOR_SEED) & FEATURE_MASK, 'author', name, 1);
    }
  }
  return terms;
}
