/**
 * What triage needs from a digest and the reading state: the reading order
 * (the Articles view's: dates newest first, digest order within a date),
 * each article's key, unread counts per date, and the next unread article.
 * Plain data: the tree, the status bar, the keys and the bench use it alike.
 */
import { articleKey } from '../digest/articleKey';
import { groupByDate } from '../digest/group';
import type { Article, Digest } from '../digest/model';

export interface TriageDigest {
  /** Articles in reading order. */
  order: Article[];
  /** Each article's key (see articleKey). */
  keys: Map<Article, string>;
}

// One per parse: a digest's order and keys do not change with the reading state.
const triageByDigest = new WeakMap<Digest, TriageDigest>();

export function triageOf(digest: Digest): TriageDigest {
  let triage = triageByDigest.get(digest);
  if (!triage) {
    const order = groupByDate(digest.articles).flatMap((group) => group.articles);
    const keys = new Map(digest.articles.map((article) => [article, articleKey(digest, article)]));
    triage = { order, keys };
    triageByDigest.set(digest, triage);
  }
  return triage;
}

export interface UnreadCounts {
  total: number;
  unread: number;
  /** Unread articles per date (`undefined` for undated articles). */
  byDate: Map<string | undefined, number>;
}

export function unreadCounts(digest: Digest, isRead: (key: string) => boolean): UnreadCounts {
  const { keys } = triageOf(digest);
  const byDate = new Map<string | undefined, number>();
  let unread = 0;
  for (const article of digest.articles) {
    if (!isRead(keys.get(article) ?? '')) {
      unread++;
      byDate.set(article.date, (byDate.get(article.date) ?? 0) + 1);
    }
  }
  return { total: digest.articles.length, unread, byDate };
}

/** The article `offset` places from `from` in reading order; the first (or last) when `from` is undefined. */
export function stepInReadingOrder(digest: Digest, from: Article | undefined, offset: 1 | -1, order: readonly Article[] = triageOf(digest).order): Article | undefined {
  if (!from) {
    return offset === 1 ? order[0] : order[order.length - 1];
  }
  const position = order.indexOf(from);
  return position < 0 ? undefined : order[position + offset];
}

/**
 * The next unread article after `from` in reading order, going round to the
 * start; from the start when `from` is undefined. Undefined when every
 * article is read: the digest is done.
 */
export function nextUnread(digest: Digest, from: Article | undefined, isRead: (key: string) => boolean, order: readonly Article[] = triageOf(digest).order): Article | undefined {
  const { keys } = triageOf(digest);
  const start = from ? order.indexOf(from) + 1 : 0;
  for (let i = 0; i < order.length; i++) {
    const article = order[(start + i) % order.length];
    if (article !== from && !isRead(keys.get(article) ?? '')) {
      return article;
    }
  }
  return undefined;
}
