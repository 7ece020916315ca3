/**
 * The distinct words of each article, kept so that the shares of a whole
 * digest are recounted from them, not segmented again, when the learner
 * marks a word. Chinese words the dictionary has are kept by word id (the
 * number of their first CC-CEDICT entry, which the segmenter hands on from
 * its own walk of the dictionary): a small integer a word instead of a set
 * entry, repeats skipped with one read, a key string made once per
 * headword, and each word's status asked once per digest.
 */
import type { WordLookup } from './dictionary';
import { articleWordKeys, withoutMath, type ArticleTexts } from './articleWords';
import { wordKey, type NewWordShare, type WordLanguage, type WordStatuses } from './known';
import { FoundWords, segmentChinese } from './segment';
import { doubled } from './segmentSpace';

/** A dictionary whose headwords have word ids (CC-CEDICT's). */
export interface NumberedLookup extends WordLookup {
  /** How many entries: word ids are below it. */
  readonly size: number;
  /** The word id of `text[start, end)`, or −1 when it is no headword. */
  entryIndexAt(text: string, start: number, end: number): number;
}

/** An article's distinct words: dictionary words by id, the others (German, or Chinese the dictionary lacks) by key. */
interface ArticleWords {
  /** A plain array of small integers: kept on the heap, unlike a small typed array's buffer, which the collector tracks one by one. */
  ids: readonly number[];
  others: readonly string[];
}

/** `zh:` keys of dictionary words by word id, each made once. */
class KeysById {
  /** Filled from the start: a sparse array would be a slow hash table. */
  private readonly keys: string[];
  /** Which keys are made: a byte each, read where the segmenter is (the keys themselves are far apart in memory). */
  private readonly made: Uint8Array;
  /** Which statuses are known for this call (see isNewIn): a call's stamp, and a byte per id. */
  private readonly asked: Int32Array;
  private readonly newWords: Uint8Array;
  private call = 0;

  constructor(size: number) {
    this.keys = new Array<string>(size).fill('');
    this.made = new Uint8Array(size);
    this.asked = new Int32Array(size);
    this.newWords = new Uint8Array(size);
  }

  keyOf(id: number): string {
    return this.keys[id];
  }

  /** Whether word `id` is new in `statuses`, each id asked once until isNewIn is called again. */
  isNewIn(statuses: WordStatuses): (id: number) => boolean {
    const call = ++this.call;
    return (id) => {
      if (this.asked[id] !== call) {
        this.asked[id] = call;
        this.newWords[id] = statuses.statusOf(this.keys[id]) === 'new' ? 1 : 0;
      }
      return this.newWords[id] === 1;
    };
  }

  /** Makes the key of word `id`, found at `text[start, end)`, if it is not made yet. */
  remember(id: number, text: string, start: number, end: number): void {
    if (this.made[id] === 0) {
      this.made[id] = 1;
      this.keys[id] = wordKey('zh', text.slice(start, end));
    }
  }
}

/**
 * Collects one article's distinct words at a time. Which ids the article
 * has met is kept as a stamp per id (a new article takes a new stamp), so a
 * repeated word (a third of an article's words) costs one read.
 */
class WordCollector {
  /** Two bytes an id, so that the table (250 KB) stays in the processor's cache; cleared when the stamps run out. */
  private readonly stamps: Uint16Array;
  private stamp = 0;
  private ids = new Int32Array(256);
  private count = 0;
  private readonly others = new Set<string>();
  /** The segmenter's words, before they are counted. */
  readonly found = new FoundWords();

  constructor(private readonly lookup: NumberedLookup, private readonly keys: KeysById) {
    this.stamps = new Uint16Array(lookup.size);
  }

  begin(): void {
    if (++this.stamp === 0x10000) {
      this.stamps.fill(0);
      this.stamp = 1;
    }
    this.count = 0;
    this.others.clear();
  }

  /** The word `text[start, end)`, whose id is `id` when the segmenter had it (else −1: looked up here). */
  add(text: string, start: number, end: number, id: number): void {
    const word = id >= 0 ? id : this.lookup.entryIndexAt(text, start, end);
    if (word < 0) {
      this.others.add(wordKey('zh', text.slice(start, end)));
      return;
    }
    if (this.stamps[word] === this.stamp) {
      return;
    }
    this.stamps[word] = this.stamp;
    this.keys.remember(word, text, start, end);
    if (this.count === this.ids.length) {
      this.ids = doubled(this.ids);
    }
    this.ids[this.count++] = word;
  }

  /** Every word of `text` (see segmentChinese). */
  addText(text: string, lookup: WordLookup): void {
    const found = this.found;
    found.count = 0;
    segmentChinese(text, lookup, found);
    for (let k = 0; k < found.count; k++) {
      this.add(text, found.starts[k], found.ends[k], found.ids[k]);
    }
  }

  end(): ArticleWords {
    const ids = new Array<number>(this.count);
    for (let k = 0; k < this.count; k++) {
      ids[k] = this.ids[k];
    }
    return { ids, others: this.others.size === 0 ? NO_OTHERS : [...this.others] };
  }
}

/**
 * What an article's words were found in: a 32-bit FNV-1a of its title and
 * abstract, and their length, enough to notice an edited article, far
 * smaller than the text (and hashed where they are, not joined first).
 */
function sourceOf(article: ArticleTexts, language: WordLanguage): number {
  const title = article.titles[language] ?? '';
  const abstract = article.abstracts[language] ?? '';
  const hash = fnv1a(fnv1a(2166136261 | 0, title), abstract);
  return (hash >>> 0) * 65536 + ((title.length + abstract.length) % 65536);
}

function fnv1a(hash: number, text: string): number {
  for (let i = 0; i < text.length; i++) {
    hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  }
  return Math.imul(hash, 16777619); // the end of a text counts too: 'ab' + 'c' is not 'a' + 'bc'
}

const NO_IDS: readonly number[] = [];
const NO_OTHERS: readonly string[] = [];

/**
 * Words per article, remembered by a key of the caller's (the article's
 * key and digest), checked against the texts they were found in.
 */
export class ArticleWordCache {
  /** By language, then by the caller's key (no key string made per look-up). */
  private readonly articles: Record<WordLanguage, Map<string, { source: number; words: ArticleWords }>> = { zh: new Map(), de: new Map() };
  private readonly collector: WordCollector | undefined;
  private readonly keys: KeysById;

  // About 150 words an article: 4,000 articles (two large digests) in a language hold about 5 MB of word ids.
  constructor(private readonly lookup: WordLookup | NumberedLookup | undefined, private readonly limit = 4_000) {
    this.keys = new KeysById(lookup && 'entryIndexAt' in lookup ? lookup.size : 0);
    this.collector = lookup && 'entryIndexAt' in lookup ? new WordCollector(lookup, this.keys) : undefined;
  }

  /** The keys of the article's distinct words in `language`. */
  wordsOf(cacheKey: string, article: ArticleTexts, language: WordLanguage): Set<string> {
    const { ids, others } = this.articleWords(cacheKey, article, language);
    const keys = new Set(others);
    ids.forEach((id) => keys.add(this.keys.keyOf(id)));
    return keys;
  }

  share(cacheKey: string, article: ArticleTexts, language: WordLanguage, statuses: WordStatuses): NewWordShare {
    return this.sharesOf([{ key: cacheKey, article }], language, statuses)[0];
  }

  /**
   * The shares of many articles (a digest's) at once: each dictionary word's status is asked once
   * however many of them have it (a digest's 300,000 words are some 20,000 distinct ones, and the
   * store is asked twice a word). The statuses are read as they are during the call.
   */
  sharesOf(items: readonly { key: string; article: ArticleTexts }[], language: WordLanguage, statuses: WordStatuses): NewWordShare[] {
    const isNew = this.keys.isNewIn(statuses);
    return items.map(({ key, article }) => {
      const { ids, others } = this.articleWords(key, article, language);
      let newWords = 0;
      for (let k = 0; k < ids.length; k++) {
        newWords += isNew(ids[k]) ? 1 : 0;
      }
      for (const other of others) {
        newWords += statuses.statusOf(other) === 'new' ? 1 : 0;
      }
      const words = ids.length + others.length;
      return { words, newWords, percent: words === 0 ? 0 : Math.round((newWords / words) * 100) };
    });
  }

  /**
   * Finds the words of several articles at once (those not known yet): for Chinese, their texts are
   * segmented as one, so ICU is asked once for the group's few ambiguous stretches instead of once an
   * article, and the dictionary's look-ups run together (ICU between them pushes the trie out of the
   * processor's cache). The same words as article by article: a line break between texts ends every
   * run of Han characters, and each stretch is segmented on its own.
   */
  prepare(items: readonly { key: string; article: ArticleTexts }[], language: WordLanguage): void {
    const { lookup, collector } = this;
    const missing = items.map((item) => ({ ...item, source: sourceOf(item.article, language) })).filter((item) => this.articles[language].get(item.key)?.source !== item.source);
    if (language !== 'zh' || !lookup || !collector || missing.length < 2) {
      missing.forEach((item) => this.articleWords(item.key, item.article, language));
      return;
    }
    const texts = missing.map(({ article }) => chineseTexts(article).join('\n'));
    const ends: number[] = [];
    texts.reduce((end, text) => (ends.push(end + text.length), end + text.length + 1), 0);
    const joined = texts.join('\n');
    const { found } = collector;
    found.count = 0;
    segmentChinese(joined, lookup, found);
    let at = 0;
    collector.begin();
    for (let k = 0; k < found.count; k++) {
      while (found.starts[k] >= ends[at]) {
        this.remember(missing[at].key, language, missing[at].source, collector.end());
        collector.begin();
        at++;
      }
      collector.add(joined, found.starts[k], found.ends[k], found.ids[k]);
    }
    for (; at < missing.length; at++) {
      this.remember(missing[at].key, language, missing[at].source, collector.end());
      collector.begin();
    }
  }

  private articleWords(cacheKey: string, article: ArticleTexts, language: WordLanguage): ArticleWords {
    const source = sourceOf(article, language);
    const cached = this.articles[language].get(cacheKey);
    if (cached && cached.source === source) {
      return cached.words;
    }
    return this.remember(cacheKey, language, source, this.findWords(article, language));
  }

  private findWords(article: ArticleTexts, language: WordLanguage): ArticleWords {
    const { lookup, collector } = this;
    if (language !== 'zh' || !lookup || !collector) {
      return { ids: NO_IDS, others: [...new Set(articleWordKeys(article, language, lookup))] };
    }
    collector.begin();
    for (const text of chineseTexts(article)) {
      collector.addText(text, lookup);
    }
    return collector.end();
  }

  private remember(cacheKey: string, language: WordLanguage, source: number, words: ArticleWords): ArticleWords {
    const articles = this.articles[language];
    if (articles.size >= this.limit) {
      articles.delete(articles.keys().next().value as string);
    }
    articles.set(cacheKey, { source, words });
    return words;
  }
}

/** The article's Chinese title and abstract, math blanked ('' where missing). */
function chineseTexts(article: ArticleTexts): string[] {
  return [article.titles.zh, article.abstracts.zh].map((raw) => (raw ? withoutMath(raw) : ''));
}
