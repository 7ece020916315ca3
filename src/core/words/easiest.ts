/**
 * "Easiest first": articles ordered by their share of new words in the
 * language learned, lowest first, so a learner picks a paper at their
 * level. Ties keep fewer new words first, then the given order; articles
 * without a word in the language (nothing to learn from) go last, in their
 * given order.
 */
import { newWordShare, type NewWordShare, type WordStatuses } from './known';

/**
 * The articles in easiest-first order (a new array; the input is left as
 * it is). `wordsOf` gives an article's word keys (see articleWords.ts:
 * distinct words of its title and abstract); `statuses`, the learner's
 * known and learning words.
 */
export function easiestFirst<A>(articles: readonly A[], wordsOf: (article: A) => Iterable<string>, statuses: WordStatuses): A[] {
  const shares = articles.map((article, position) => ({ article, position, share: newWordShare(wordsOf(article), statuses) }));
  shares.sort((a, b) => easier(a.share, b.share) || a.position - b.position);
  return shares.map((entry) => entry.article);
}

/** Negative when `a` is the easier read; 0 when as easy. Articles without words sort after all others. */
export function easier(a: NewWordShare, b: NewWordShare): number {
  if ((a.words === 0) !== (b.words === 0)) {
    return a.words === 0 ? 1 : -1;
  }
  return a.newWords * b.words - b.newWords * a.words || a.newWords - b.newWords;
}
