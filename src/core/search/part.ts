/**
 * The query engine over the parts of an index: the stored segments (one
 * per month, segment.ts) and the part still being built (librarySearch.ts).
 * Every query word must match; a hit's best field decides its class (title,
 * then authors/id, then abstract), newer first within a class.
 */
import { LANGUAGES } from './documents';
import { bestField, FIELD_COUNTS, MAX_COUNTED_WORDS, TopHits } from './ranking';
import { queryWords, type QueryWord } from './tokenize';
import { FIELDS, type IndexedArticle, type MatchKind, type SearchField, type SearchHit, type SearchLanguage } from './types';

/**
 * A prefix expands to the word itself and then its completions, the most
 * frequent first, as long as their postings stay within a budget of this
 * many per document of the part (at least PREFIX_MIN_POSTINGS): every
 * completion of any prefix longer than two or three letters, the commonest
 * ones of a two-letter prefix in a year's library. A keystroke stays fast.
 */
export const PREFIX_POSTINGS_PER_DOC = 10;
export const PREFIX_MIN_POSTINGS = 100_000;

/** What the query engine needs of a part: terms, their postings, and documents. */
export interface IndexPart {
  /** Document ids are 0 … docCount - 1. */
  readonly docCount: number;
  /** False for a document of a file removed (or replaced) since the part was made. */
  isLive(doc: number): boolean;
  /** The term's id, if the part has it. */
  termId(term: string): number | undefined;
  /** Ids of every term that starts with `prefix`, the prefix itself included. */
  termsWithPrefix(prefix: string): number[];
  /** Documents listed for a term. */
  postingCount(term: number): number;
  /** ORs the term's field mask into `masks[doc]` for each of its documents. */
  orMasks(term: number, masks: Uint8Array): void;
  /** Days since 1970 of the document's date, for ranking. */
  daysOf(doc: number): number;
  article(doc: number): IndexedArticle;
}

const FIELD_INFO: Record<SearchField, { kind: MatchKind; language: SearchLanguage; tier: number }> = {
  titleEn: { kind: 'title', language: 'en', tier: 0 },
  titleDe: { kind: 'title', language: 'de', tier: 0 },
  titleZh: { kind: 'title', language: 'zh', tier: 0 },
  authors: { kind: 'authors', language: 'en', tier: 1 },
  arxivId: { kind: 'arxivId', language: 'en', tier: 1 },
  abstractEn: { kind: 'abstract', language: 'en', tier: 2 },
  abstractDe: { kind: 'abstract', language: 'de', tier: 2 },
  abstractZh: { kind: 'abstract', language: 'zh', tier: 2 },
};
/** Per field: its class as a score, above any date in days (title 200,000, authors/id 100,000, abstract 0). */
const TIER_SCORE = FIELDS.map((field) => (2 - FIELD_INFO[field].tier) * 100_000);
/**
 * A word being typed that matches as it stands (`Le`, a surname) ranks its
 * article above those that match only by a longer word (`learning`): the
 * user may have typed the whole word.
 */
const EXACT_SCORE = 300_000;

/** The terms a query word stands for in one part: exact terms, or for a prefix the exact terms first and the most frequent completions. */
function termsOf(part: IndexPart, word: QueryWord, budget: number): number[] {
  const exact = new Set<number>();
  for (const term of word.terms) {
    const id = part.termId(term);
    if (id !== undefined) {
      exact.add(id);
    }
  }
  if (!word.prefix) {
    return [...exact];
  }
  const others = [...new Set(word.terms.flatMap((term) => part.termsWithPrefix(term)))].filter((id) => !exact.has(id));
  const kept = [...exact];
  let postings = kept.reduce((sum, id) => sum + part.postingCount(id), 0);
  const total = others.reduce((sum, id) => sum + part.postingCount(id), postings);
  if (total <= budget || word.every) {
    return [...kept, ...others];
  }
  // The most frequent ones; ties by term order. A numeric sort of keys: count above, position below.
  const keys = Float64Array.from(others, (id, i) => part.postingCount(id) * 2 ** 24 + (2 ** 24 - 1 - i)).sort().reverse();
  for (const key of keys) {
    const id = others[2 ** 24 - 1 - (key % 2 ** 24)];
    postings += part.postingCount(id);
    if (postings > budget) {
      break;
    }
    kept.push(id);
  }
  return kept;
}

/**
 * One part's candidates for every query word, each with its per-field word
 * counts (4 bits per field) and whether a word being typed matched as it
 * stands.
 */
function matchPart(part: IndexPart, words: readonly QueryWord[], budget: number, offer: (doc: number, counts: number, exact: boolean) => void): void {
  const termLists = words.map((word) => termsOf(part, word, budget));
  if (termLists.some((terms) => terms.length === 0) || part.docCount === 0) {
    return;
  }
  const postings = (terms: number[]) => terms.reduce((sum, term) => sum + part.postingCount(term), 0);
  // The rarest word first: it makes the fewest candidates.
  const order = termLists.map((terms, i) => ({ terms, word: words[i], count: postings(terms) })).sort((a, b) => a.count - b.count);
  const masks = new Uint8Array(part.docCount);
  // Documents where the typed word matched as it stands (only worth knowing while a prefix expands).
  const prefixWord = words.find((word) => word.prefix && !word.every);
  let exact: Uint8Array | undefined;
  if (prefixWord) {
    exact = new Uint8Array(part.docCount);
    for (const term of prefixWord.terms) {
      const id = part.termId(term);
      if (id !== undefined) {
        part.orMasks(id, exact);
      }
    }
  }
  let candidates = new Int32Array(0);
  let counts = new Uint32Array(0);
  let n = 0;
  order.forEach(({ terms }, w) => {
    if (w > 0) {
      masks.fill(0);
    }
    for (const term of terms) {
      part.orMasks(term, masks);
    }
    if (w === 0) {
      candidates = new Int32Array(Math.min(masks.length, order[0].count));
      counts = new Uint32Array(candidates.length);
      for (let doc = 0; doc < masks.length && n < candidates.length; doc++) {
        if (masks[doc] !== 0 && part.isLive(doc)) {
          candidates[n] = doc;
          counts[n++] = FIELD_COUNTS[masks[doc]];
        }
      }
      return;
    }
    const counted = w < MAX_COUNTED_WORDS;
    let kept = 0;
    for (let i = 0; i < n; i++) {
      const mask = masks[candidates[i]];
      if (mask !== 0) {
        candidates[kept] = candidates[i];
        counts[kept++] = counted ? counts[i] + FIELD_COUNTS[mask] : counts[i];
      }
    }
    n = kept;
  });
  for (let i = 0; i < n; i++) {
    offer(candidates[i], counts[i], exact !== undefined && exact[candidates[i]] !== 0);
  }
}

/**
 * The best `limit` hits for a typed query across `parts`: every word must
 * match (the last one by its start while it is being typed); hits where
 * that word matched as typed first, then title hits, author and id hits,
 * abstract hits, each newest first.
 */
export function searchParts(parts: readonly IndexPart[], query: string, limit = 50, prefixBudget?: number): SearchHit[] {
  const words = queryWords(query);
  if (words.length === 0 || limit <= 0) {
    return [];
  }
  const top = new TopHits(limit);
  let base = 0;
  const bases: number[] = [];
  for (const part of parts) {
    bases.push(base);
    const partBase = base;
    const budget = prefixBudget ?? Math.max(PREFIX_MIN_POSTINGS, part.docCount * PREFIX_POSTINGS_PER_DOC);
    matchPart(part, words, budget, (doc, counts, exact) => {
      const field = bestField(counts);
      top.offer(partBase + doc, (exact ? EXACT_SCORE : 0) + TIER_SCORE[field] + part.daysOf(doc), field);
    });
    base += part.docCount;
  }
  return top.best().map(({ doc, score, field }) => {
    let p = bases.length - 1;
    while (bases[p] > doc) {
      p--;
    }
    return hitOf(parts[p].article(doc - bases[p]), FIELDS[field], score);
  });
}

function hitOf(article: IndexedArticle, field: SearchField, score: number): SearchHit {
  const { kind, language } = FIELD_INFO[field];
  const title = article.titles[language] ?? article.titles.en ?? LANGUAGES.map((l) => article.titles[l]).find(Boolean) ?? '';
  const shownLanguage = article.titles[language] !== undefined ? language : (LANGUAGES.find((l) => article.titles[l] === title) ?? 'en');
  return { ...article, field: kind, language: shownLanguage, title, score };
}
