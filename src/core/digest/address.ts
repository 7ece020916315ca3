/**
 * Where an article is: enough to find it again in a later parse of the same
 * text. The N of "Article N" alone is not enough: a file of several days
 * concatenated numbers every day from 0 again. The line is unique; the
 * number and the arXiv id re-find the article after edits moved its lines.
 */
import { articleAtLine } from './group';
import type { Article, Digest } from './model';

export interface ArticleAddress {
  /** The N of "Article N". */
  index: number;
  /** 0-based line of its "Article N" line when it was addressed; absent in old, number-only addresses. */
  line?: number;
  /** Its arXiv id when it was addressed. */
  arxivId?: string;
}

export function addressOf(article: Article): ArticleAddress {
  return article.arxivId === undefined ? { index: article.index, line: article.line } : { index: article.index, line: article.line, arxivId: article.arxivId };
}

/**
 * The article an address names: the article at its line if it is still the
 * same one (same number, same id); else the nearest article with the same id,
 * else the nearest with the same number. Number-only addresses take the first
 * article with that number, as 0.1.0 did.
 */
export function findArticle(digest: Digest, address: ArticleAddress): Article | undefined {
  const { index, line, arxivId } = address;
  if (line === undefined) {
    return digest.articles.find((article) => article.index === index && (arxivId === undefined || article.arxivId === arxivId))
      ?? digest.articles.find((article) => article.index === index);
  }
  const exact = articleAtLine(digest, line);
  if (exact && exact.line === line && exact.index === index && exact.arxivId === arxivId) {
    return exact;
  }
  const sameId = arxivId === undefined ? [] : digest.articles.filter((article) => article.arxivId === arxivId);
  const candidates = sameId.length > 0 ? sameId : digest.articles.filter((article) => article.index === index);
  return nearest(candidates, line);
}

function nearest(articles: readonly Article[], line: number): Article | undefined {
  let best: Article | undefined;
  for (const article of articles) {
    if (!best || Math.abs(article.line - line) < Math.abs(best.line - line)) {
      best = article;
    }
  }
  return best;
}

/** True when two addresses name the same article (the same line, number and id). */
export function sameAddress(a: ArticleAddress, b: ArticleAddress): boolean {
  return a.index === b.index && a.line === b.line && a.arxivId === b.arxivId;
}
