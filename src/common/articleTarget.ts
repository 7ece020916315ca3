import * as vscode from 'vscode';
import { isArxivId, sameAddress, type Article, type ArticleAddress } from '../core';

export { findArticle } from '../core';

/**
 * Names one article of one digest document: what commands take as argument.
 * The line makes it unique even where a file repeats numbers (concatenated
 * days); see core/address.
 */
export interface ArticleTarget extends ArticleAddress {
  readonly uri: vscode.Uri;
}

export function targetOf(uri: vscode.Uri, article: Article): ArticleTarget {
  return article.arxivId === undefined ? { uri, index: article.index, line: article.line } : { uri, index: article.index, line: article.line, arxivId: article.arxivId };
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
  const { uri, index, line, arxivId } = candidate as { uri?: unknown; index?: unknown; line?: unknown; arxivId?: unknown };
  if (!(uri instanceof vscode.Uri) || !isIndex(index)) {
    return undefined;
  }
  if ((line !== undefined && !isIndex(line)) || (arxivId !== undefined && (typeof arxivId !== 'string' || !isArxivId(arxivId)))) {
    return undefined;
  }
  return { uri, index, line, arxivId };
}

function isIndex(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

export function sameTarget(a: ArticleTarget, b: ArticleTarget): boolean {
  return sameAddress(a, b) && a.uri.toString() === b.uri.toString();
}

/** Labels used wherever an article is listed: "21 $Δ$-Nets: …", numbered as the digest numbers them. */
export function articleLabel(article: Article): string {
  const title = article.titles.en ?? article.titles[article.sourceLanguage] ?? Object.values(article.titles).find(Boolean) ?? vscode.l10n.t('(no title)');
  return `${String(article.index).padStart(2, '0')} ${title}`;
}
