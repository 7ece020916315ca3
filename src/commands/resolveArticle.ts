import * as vscode from 'vscode';
import { articleForLine, type Article } from '../core';
import { articleLabel, asArticleTarget, findArticle, type ArticleTarget } from '../common/articleTarget';
import type { DigestDocuments, DigestEntry } from '../digests';
import { ArticlePanel } from '../panel';

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
  const editorEntry = editor && documents.get(editor.document.uri);
  if (editor && editorEntry) {
    const article = articleForLine(editorEntry.digest, editor.selection.active.line);
    if (article) {
      return { entry: editorEntry, article, target: { uri: editorEntry.document.uri, index: article.index } };
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
  const entry = documents.get(target.uri) ?? (await documents.open(target.uri));
  const article = entry && findArticle(entry.digest, target.index);
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
    label: articleLabel(article),
    description: article.arxivId,
    detail: article.titles.zh,
    article,
  }));
  const picked = await vscode.window.showQuickPick(items, { placeHolder: purpose, matchOnDescription: true, matchOnDetail: true });
  return picked && { entry, article: picked.article, target: { uri: entry.document.uri, index: picked.article.index } };
}
