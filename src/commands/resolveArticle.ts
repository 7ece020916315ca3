import * as vscode from 'vscode';
import { articleForLine, type Article } from '../core';
import { articleLabel, asArticleTarget, findArticle, targetOf, type ArticleTarget } from '../common/articleTarget';
import type { DigestDocuments, DigestEntry } from '../digests';
import { ArticlePanel } from '../panel';
import { escapeIcons } from '../common/escape';

export interface ResolvedArticle {
  entry: DigestEntry;
  article: Article;
  target: ArticleTarget;
}

/**
 * The article a command is about: the one it was given (tree item, panel
 * button), else the one under the cursor of a digest editor, else the one in
 * the focused article panel, else one the user picks from the active digest.
 */
export async function resolveArticle(documents: DigestDocuments, argument: unknown, purpose: string): Promise<ResolvedArticle | undefined> {
  const given = asArticleTarget(argument);
  if (given) {
    return resolveTarget(documents, given);
  }
  const editor = vscode.window.activeTextEditor;
  const editorEntry = editor && documents.current(editor.document);
  if (editor && editorEntry) {
    const article = articleForLine(editorEntry.digest, editor.selection.active.line);
    if (article) {
      return { entry: editorEntry, article, target: targetOf(editorEntry.document.uri, article) };
    }
    return pickArticle(editorEntry, purpose);
  }
  const shown = ArticlePanel.current?.shownArticle;
  if (shown && ArticlePanel.current?.active) {
    return resolveTarget(documents, shown);
  }
  const active = documents.active;
  if (!active) {
    void vscode.window.showInformationMessage('Open a digest first: its articles are listed in the Digests sidebar.');
    return undefined;
  }
  return pickArticle(active, purpose);
}

async function resolveTarget(documents: DigestDocuments, target: ArticleTarget): Promise<ResolvedArticle | undefined> {
  const entry = documents.get(target.uri) ?? (await documents.open(target.uri).then(undefined, () => undefined));
  const article = entry && findArticle(entry.digest, target);
  if (!entry || !article) {
    void vscode.window.showWarningMessage(`Article ${target.index} is no longer in this digest.`);
    return undefined;
  }
  return { entry, article, target };
}

interface ArticlePick extends vscode.QuickPickItem {
  article: Article;
}

async function pickArticle(entry: DigestEntry, purpose: string): Promise<ResolvedArticle | undefined> {
  const items: ArticlePick[] = entry.digest.articles.map((article) => ({
    label: escapeIcons(articleLabel(article)),
    description: article.arxivId,
    detail: article.titles.zh === undefined ? undefined : escapeIcons(article.titles.zh),
    article,
  }));
  const picked = await vscode.window.showQuickPick(items, { placeHolder: purpose, matchOnDescription: true, matchOnDetail: true });
  return picked && { entry, article: picked.article, target: targetOf(entry.document.uri, picked.article) };
}
