/**
 * An article's identity across digests: the same paper in tomorrow's digest,
 * another category's or the Markdown rendering of the same day is one paper.
 */
import type { Article, Digest } from './model';

const VERSION = /v\d+$/;

/** `2505.23710v2` → `2505.23710`; `math.GT/0309136v2` → `math.GT/0309136`. */
export function arxivIdWithoutVersion(id: string): string {
  return id.replace(VERSION, '');
}

/**
 * The arXiv id without its version; for articles without one (news), the
 * digest's subject and date with the English (else original) title.
 */
export function articleKey(digest: Pick<Digest, 'subject' | 'date'>, article: Pick<Article, 'arxivId' | 'titles' | 'sourceLanguage' | 'index'>): string {
  if (article.arxivId !== undefined) {
    return arxivIdWithoutVersion(article.arxivId);
  }
  const title = article.titles.en ?? article.titles[article.sourceLanguage] ?? `#${article.index}`;
  return `news:${digest.subject}|${digest.date}|${title}`;
}
