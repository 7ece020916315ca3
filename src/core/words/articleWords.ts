/**
 * The words of one article in the language learned, from its title and its
 * abstract (math spans left out: `$O(n)$` holds no word to learn), as keys
 * (see known.ts), and a cache of them per article so that the shares of a
 * whole digest are recounted from word sets, not segmented again, when the
 * learner marks a word.
 */
import { findMath } from '../digest/math';
import type { Translations } from '../digest/model';
import type { WordLookup } from './dictionary';
import { newWordShare, wordKey, type NewWordShare, type WordLanguage, type WordStatuses } from './known';
import { chineseWords, forEachChineseWord, latinWords, type Token } from './segment';

export interface ArticleTexts {
  titles: Translations;
  abstracts: Translations;
}

/** `text` with its math spans blanked (same length, so offsets hold). */
export function withoutMath(text: string): string {
  let out = '';
  let at = 0;
  for (const span of findMath(text)) {
    out += text.slice(at, span.start) + ' '.repeat(span.end - span.start);
    at = span.end;
  }
  return at === 0 ? text : out + text.slice(at);
}

/** The words of `text` in `language`: Chinese by the dictionary, German as Latin-script words. */
export function wordsOf(text: string, language: WordLanguage, lookup: WordLookup | undefined): Token[] {
  const plain = withoutMath(text);
  if (language === 'zh') {
    return lookup ? chineseWords(plain, lookup) : [];
  }
  return latinWords(plain);
}

/** Every word key of the article's title and abstract in `language`, in reading order (repeats kept). */
export function articleWordKeys(article: ArticleTexts, language: WordLanguage, lookup: WordLookup | undefined): string[] {
  const keys: string[] = [];
  for (const text of [article.titles[language], article.abstracts[language]]) {
    if (text) {
      for (const token of wordsOf(text, language, lookup)) {
        keys.push(wordKey(language, text.slice(token.start, token.end)));
      }
    }
  }
  return keys;
}

/**
 * The article's distinct word keys in `language` (as articleWordKeys, as a
 * set), found the fast way for Chinese: words handed straight from the
 * segmenter, and a dictionary word's key made once per headword and reused
 * (a digest's 300,000 words are a few thousand headwords), so a digest is
 * counted without a string or token per word.
 */
export function articleWordSet(article: ArticleTexts, language: WordLanguage, lookup: WordLookup | undefined, keys: KeysByEntry | undefined): Set<string> {
  if (language !== 'zh' || !lookup || !keys) {
    return new Set(articleWordKeys(article, language, lookup));
  }
  const words = new Set<string>();
  for (const raw of [article.titles.zh, article.abstracts.zh]) {
    if (raw) {
      const text = withoutMath(raw);
      forEachChineseWord(text, lookup, (start, end) => words.add(keys.keyOf(text, start, end)));
    }
  }
  return words;
}

/** A dictionary the keys of whose headwords can be remembered by entry number (CC-CEDICT's). */
export interface NumberedLookup extends WordLookup {
  entryIndexAt(text: string, start: number, end: number): number;
}

/** `zh:` keys of dictionary words, made once per headword. */
export class KeysByEntry {
  private readonly keys: string[] = [];

  constructor(private readonly lookup: NumberedLookup) {}

  keyOf(text: string, start: number, end: number): string {
    const entry = this.lookup.entryIndexAt(text, start, end);
    if (entry < 0) {
      return wordKey('zh', text.slice(start, end));
    }
    return (this.keys[entry] ??= wordKey('zh', text.slice(start, end)));
  }
}

/** What an article's word set was made from (see fingerprint). */
function sourceOf(article: ArticleTexts, language: WordLanguage): number {
  return fingerprint(`${article.titles[language] ?? ''}\u0000${article.abstracts[language] ?? ''}`);
}

/** A 32-bit FNV-1a of the text and its length: enough to notice an edited article, far smaller than the text. */
function fingerprint(text: string): number {
  let hash = 2166136261 | 0;
  for (let i = 0; i < text.length; i++) {
    hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  }
  return (hash >>> 0) * 65536 + (text.length % 65536);
}

/**
 * Word sets per article, remembered by a key of the caller's (the article's
 * key and digest), checked against the texts they were made from.
 */
export class ArticleWordCache {
  private readonly sets = new Map<string, { source: number; words: Set<string> }>();
  private readonly keys: KeysByEntry | undefined;

  // About 150 words an article: 4,000 articles (two large digests) hold some 20 MB of word sets at most.
  constructor(private readonly lookup: WordLookup | NumberedLookup | undefined, private readonly limit = 4_000) {
    this.keys = lookup && 'entryIndexAt' in lookup ? new KeysByEntry(lookup) : undefined;
  }

  wordsOf(cacheKey: string, article: ArticleTexts, language: WordLanguage): Set<string> {
    const source = sourceOf(article, language);
    const cached = this.sets.get(`${language}:${cacheKey}`);
    if (cached && cached.source === source) {
      return cached.words;
    }
    return this.remember(cacheKey, language, source, articleWordSet(article, language, this.lookup, this.keys));
  }

  /**
   * Finds the word sets of several articles at once (those not known yet): for Chinese, their texts are
   * segmented as one, so ICU is asked once for the group's few ambiguous stretches instead of once an
   * article, and the dictionary's look-ups run together (ICU between them pushes the trie out of the
   * processor's cache). The same words as `wordsOf`, article by article: a line break between texts
   * ends every run of Han characters, and each stretch is segmented on its own.
   */
  prepare(items: readonly { key: string; article: ArticleTexts }[], language: WordLanguage): void {
    const { lookup, keys } = this;
    const missing = items.map((item) => ({ ...item, source: sourceOf(item.article, language) })).filter((item) => this.sets.get(`${language}:${item.key}`)?.source !== item.source);
    if (language !== 'zh' || !lookup || !keys || missing.length < 2) {
      missing.forEach((item) => this.wordsOf(item.key, item.article, language));
      return;
    }
    const texts = missing.map(({ article }) => [article.titles.zh, article.abstracts.zh].map((raw) => (raw ? withoutMath(raw) : '')).join('\n'));
    const ends: number[] = [];
    texts.reduce((end, text) => (ends.push(end + text.length), end + text.length + 1), 0);
    const joined = texts.join('\n');
    const sets = missing.map(() => new Set<string>());
    let at = 0;
    forEachChineseWord(joined, lookup, (start, end) => {
      while (start >= ends[at]) {
        at++;
      }
      sets[at].add(keys.keyOf(joined, start, end));
    });
    missing.forEach((item, k) => this.remember(item.key, language, item.source, sets[k]));
  }

  private remember(cacheKey: string, language: WordLanguage, source: number, words: Set<string>): Set<string> {
    if (this.sets.size >= this.limit) {
      this.sets.delete(this.sets.keys().next().value as string);
    }
    this.sets.set(`${language}:${cacheKey}`, { source, words });
    return words;
  }

  share(cacheKey: string, article: ArticleTexts, language: WordLanguage, statuses: WordStatuses): NewWordShare {
    return newWordShare(this.wordsOf(cacheKey, article, language), statuses);
  }
}
