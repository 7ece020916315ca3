import * as vscode from 'vscode';
import { bibtexOf, type CitedArticle } from '../core';
import { indexOf, resolveArticle, type ResolveContext, type ResolvedArticle } from './resolveArticle';

/** What a citation is made of: the article of an open digest, or a starred article's stored copy. */
export function citedArticle(resolved: ResolvedArticle): CitedArticle {
  if (resolved.kind === 'starred') {
    const { star } = resolved;
    return { arxivId: star.arxivId, titles: star.titles, authors: star.authors, sourceLanguage: star.sourceLanguage, date: star.date, subject: star.subject, digestDate: star.digestDate };
  }
  const { article, entry: { digest } } = resolved;
  return { arxivId: article.arxivId, titles: article.titles, authors: article.authors, sourceLanguage: article.sourceLanguage, date: article.date, subject: digest.subject, digestDate: digest.date };
}

/** Digest: Copy BibTeX — the current article's arXiv-style entry on the clipboard; the command's answer is the entry. */
export function registerCite(context: vscode.ExtensionContext, resolving: ResolveContext): void {
  const copyBibtex = async (argument?: unknown): Promise<string | undefined> => {
    const resolved = await resolveArticle(resolving, argument, vscode.l10n.t('Copy the BibTeX entry of which article?'));
    if (!resolved) {
      return undefined;
    }
    const entry = bibtexOf(citedArticle(resolved));
    if (!entry) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Article {0} has no arXiv id, so there is no BibTeX entry to copy.', indexOf(resolved)));
      return undefined;
    }
    await vscode.env.clipboard.writeText(entry);
    // The key is ASCII letters and digits only: safe in the status bar.
    const key = /^@misc\{([a-z0-9]+),/.exec(entry)?.[1] ?? '';
    vscode.window.setStatusBarMessage(vscode.l10n.t('Copied BibTeX {0}', key), 3000);
    return entry;
  };
  context.subscriptions.push(vscode.commands.registerCommand('digestReader.copyBibtex', copyBibtex));
}
