import * as vscode from 'vscode';
import { arxivUrls, articleForLine, articleKey, type Article, type Digest } from '../core';
import type { DigestDocuments } from '../digests';
import type { ReadingStore } from '../reading';

/** A `Title` or `Title@2025-05-28 (3):` line of a text digest. */
const TITLE_LINE = /^Title(?:@[^:]*)?:/;

/**
 * What a hover shows of an article: its titles, authors, read and starred
 * state, and links to its arXiv page and PDF. Digest text is untrusted: it
 * goes in through appendText (escaped), the string is neither trusted nor
 * allowed HTML, and the only links are built here from a validated arXiv id.
 */
export function articleHover(article: Article, state: { read: boolean; starred: boolean }): vscode.MarkdownString {
  const hover = new vscode.MarkdownString(undefined, false);
  hover.isTrusted = false;
  hover.supportHtml = false;
  for (const [language, label] of [['en', 'EN'], ['de', 'DE'], ['zh', 'ZH']] as const) {
    const title = article.titles[language];
    if (title !== undefined) {
      hover.appendMarkdown(`**${label}** `).appendText(title).appendMarkdown('\n\n');
    }
  }
  if (article.authors.length > 0) {
    hover.appendMarkdown('*').appendText(article.authors.join(', ')).appendMarkdown('*\n\n');
  }
  hover.appendText([state.read ? vscode.l10n.t('Read') : vscode.l10n.t('Unread'), state.starred ? vscode.l10n.t('starred') : ''].filter(Boolean).join(' · '));
  const urls = arxivUrls(article.arxivId);
  if (urls) {
    hover.appendMarkdown(`\n\n[${vscode.l10n.t('Open arXiv page')}](${urls.abs}) · [${vscode.l10n.t('PDF')}](${urls.pdf})`);
  }
  return hover;
}

/** The article a hover at `position` is about, and the range it covers: an arXiv id of the article (or its TOC entry), or a Title line. */
export function hoverTarget(document: vscode.TextDocument, digest: Digest, position: vscode.Position): { article: Article; range: vscode.Range } | undefined {
  const article = articleForLine(digest, position.line);
  if (!article) {
    return undefined;
  }
  const text = document.lineAt(position.line).text;
  if (article.arxivId) {
    for (let at = text.indexOf(article.arxivId); at >= 0; at = text.indexOf(article.arxivId, at + 1)) {
      if (position.character >= at && position.character <= at + article.arxivId.length) {
        return { article, range: new vscode.Range(position.line, at, position.line, at + article.arxivId.length) };
      }
    }
  }
  if (position.line > article.line && TITLE_LINE.test(text)) {
    return { article, range: document.lineAt(position.line).range };
  }
  return undefined;
}

export function registerHover(selector: vscode.DocumentSelector, documents: DigestDocuments, reading: ReadingStore): vscode.Disposable {
  return vscode.languages.registerHoverProvider(selector, {
    provideHover(document, position) {
      const entry = documents.current(document);
      const target = entry && hoverTarget(document, entry.digest, position);
      if (!entry || !target) {
        return undefined;
      }
      const key = articleKey(entry.digest, target.article);
      return new vscode.Hover(articleHover(target.article, { read: reading.state.isRead(key), starred: reading.state.isStarred(key) }), target.range);
    },
  });
}
