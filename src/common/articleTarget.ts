import * as vscode from 'vscode';
import type { Article, Digest } from '../core';

/** Names one article of one digest document: what commands take as argument. */
export interface ArticleTarget {
  readonly uri: vscode.Uri;
  /** The N of "Article N". */
  readonly index: number;
}

/** Accepts an ArticleTarget, or anything carrying one as `target` (a tree node). */
export function asArticleTarget(value: unknown): ArticleTarget | undefined {
  if (typeof value !== 'object' || value === null) {
    return undefined;
  }
  const candidate: unknown = 'target' in value ? value.target : value;
  if (typeof candidate !== 'object' || candidate === null) {
    return undefined;
  }
  const { uri, index } = candidate as { uri?: unknown; index?: unknown };
  if (uri instanceof vscode.Uri && typeof index === 'number' && Number.isSafeInteger(index)) {
    return { uri, index };
  }
  return undefined;
}

export function findArticle(digest: Digest, index: number): Article | undefined {
  return digest.articles.find((article) => article.index === index);
}

/** Labels used wherever an article is listed: "21 $Δ$-Nets: …", numbered as the digest numbers them. */
export function articleLabel(article: Article): string {
  const title = article.titles.en ?? article.titles[article.sourceLanguage] ?? Object.values(article.titles).find(Boolean) ?? '(no title)';
  return `${String(article.index).padStart(2, '0')} ${title}`;
}

/** The article `offset` places away in digest order, if there is one. */
export function articleByOffset(digest: Digest, from: Article, offset: number): Article | undefined {
  const position = digest.articles.indexOf(from);
  return position < 0 ? undefined : digest.articles[position + offset];
}
