/**
 * A Markdown reading list: per article its titles in the chosen languages,
 * authors, arXiv and PDF links, and the digest it came from. Every piece of
 * digest text goes through escapeMarkdown; links are built only from a valid
 * arXiv id, never from digest text.
 *
 *     ## 1. $Δ$-Nets: Interaction-Based System for Optimal Parallel $λ$-Reduction
 *
 *     - Deutsch: $Δ$-Nets: Interaktionsbasiertes System …
 *     - Authors: Daniel Augusto Rizzi Salvadori
 *     - [arXiv](https://arxiv.org/abs/2505.20314v2) · [PDF](https://arxiv.org/pdf/2505.20314v2) · 2505.20314v2
 *     - Digest: cs.DC 2025-06-01, article 21 (2025-05-26)
 */
import { arxivUrls } from '../digest/arxiv';
import { titleOf, type CitedArticle } from '../citation/bibtex';
import { escapeMarkdown } from './markdownText';

/** An article in an export: what a citation needs, and where in its digest it stood. */
export interface ExportedArticle extends CitedArticle {
  index?: number;
}

const LANGUAGE_NAMES: Record<string, string> = { en: 'English', de: 'Deutsch', zh: '中文' };

export function languageName(code: string): string {
  return LANGUAGE_NAMES[code] ?? code;
}

export interface ReadingListOptions {
  /** Language codes, in the order their titles are listed; the first one's title heads the article. */
  languages: readonly string[];
  /** The list's heading (escaped like digest text). */
  heading?: string;
}

function articleSection(article: ExportedArticle, number: number, languages: readonly string[]): string {
  const titled = languages.filter((language) => (article.titles[language] ?? '').trim() !== '');
  // With none of the chosen languages, the article is still listed, under the title it has.
  const headTitle = titled.length > 0 ? article.titles[titled[0]] ?? '' : titleOf(article);
  const lines = [`## ${number}. ${escapeMarkdown(headTitle) || '(no title)'}`, ''];
  for (const language of titled.slice(1)) {
    lines.push(`- ${escapeMarkdown(languageName(language))}: ${escapeMarkdown(article.titles[language] ?? '')}`);
  }
  const authors = article.authors.map((a) => a.trim()).filter((a) => a !== '');
  if (authors.length > 0) {
    lines.push(`- Authors: ${authors.map(escapeMarkdown).join(', ')}`);
  }
  const urls = arxivUrls(article.arxivId);
  if (urls && article.arxivId) {
    lines.push(`- [arXiv](${urls.abs}) · [PDF](${urls.pdf}) · ${escapeMarkdown(article.arxivId)}`);
  }
  const where = [article.subject, article.digestDate].filter((s): s is string => !!s).map(escapeMarkdown).join(' ');
  if (where) {
    const index = article.index === undefined ? '' : `, article ${article.index}`;
    const date = article.date ? ` (${escapeMarkdown(article.date)})` : '';
    lines.push(`- Digest: ${where}${index}${date}`);
  }
  return lines.join('\n');
}

export function readingListMarkdown(articles: readonly ExportedArticle[], options: ReadingListOptions): string {
  const heading = escapeMarkdown(options.heading ?? 'Reading list');
  const count = `${articles.length} article${articles.length === 1 ? '' : 's'}`;
  const sections = articles.map((article, i) => articleSection(article, i + 1, options.languages));
  return [`# ${heading}`, '', count, '', ...sections.flatMap((s) => [s, ''])].join('\n');
}
