import * as vscode from 'vscode';
import { articleForLine, articleKey, type Article, type StarredArticle } from '../core';
import { articleLabel, asArticleTarget, findArticle, targetOf, type ArticleTarget } from '../common/articleTarget';
import { escapeIcons } from '../common/escape';
import { asStarredTarget, type StarredTarget } from '../common/starredTarget';
import type { DigestDocuments, DigestEntry } from '../digests';
import { ArticlePanel, isStarredTarget } from '../panel';
import type { ReadingStore } from '../reading';

/** The article a command acts on: one of an open digest, or a starred one read from its stored copy. */
export type ResolvedArticle =
  | { kind: 'document'; entry: DigestEntry; article: Article; target: ArticleTarget; key: string }
  | { kind: 'starred'; star: StarredArticle; target: StarredTarget; key: string };

/** Where a key was pressed: keybindings pass it, so each command acts on what has focus. */
export type Origin = 'tree' | 'starred' | 'panel' | 'editor';

export interface ResolveContext {
  documents: DigestDocuments;
  reading: ReadingStore;
  /** The selected row of the Articles view, and of the Starred view. */
  treeSelection(): ResolvedArticle | undefined;
  starredSelection(): ResolvedArticle | undefined;
}

export function originOf(argument: unknown): Origin | undefined {
  const from = typeof argument === 'object' && argument !== null ? (argument as { from?: unknown }).from : undefined;
  return from === 'tree' || from === 'starred' || from === 'panel' || from === 'editor' ? from : undefined;
}

export function indexOf(resolved: ResolvedArticle): number {
  return resolved.kind === 'document' ? resolved.article.index : resolved.star.index;
}

export function arxivIdOf(resolved: ResolvedArticle): string | undefined {
  return resolved.kind === 'document' ? resolved.article.arxivId : resolved.star.arxivId;
}

/** What is stored with a star: all the panel needs after the digest is gone. */
export function snapshotOf(resolved: ResolvedArticle): StarredArticle {
  if (resolved.kind === 'starred') {
    return resolved.star;
  }
  const { entry: { digest }, article, key } = resolved;
  return {
    key, starredAt: Date.now(), kind: digest.kind, subject: digest.subject, digestDate: digest.date, index: article.index,
    date: article.date, arxivId: article.arxivId, sourceLanguage: article.sourceLanguage,
    titles: { ...article.titles }, authors: [...article.authors], abstracts: { ...article.abstracts },
  };
}

export function resolvedDocument(entry: DigestEntry, article: Article): ResolvedArticle {
  return { kind: 'document', entry, article, target: targetOf(entry.document.uri, article), key: articleKey(entry.digest, article) };
}

export function resolvedStar(star: StarredArticle): ResolvedArticle {
  return { kind: 'starred', star, target: { starredKey: star.key }, key: star.key };
}

/**
 * The article a command is about, without asking: the one it was given (a
 * tree row, a panel button), else the one where the key was pressed, else
 * the one under the cursor of a digest editor, else the one in the focused
 * panel. Undefined when there is none.
 */
export async function currentArticle(context: ResolveContext, argument: unknown): Promise<ResolvedArticle | undefined> {
  const starred = asStarredTarget(argument);
  if (starred) {
    return starredArticle(context, starred);
  }
  const given = asArticleTarget(argument);
  if (given) {
    return resolveTarget(context.documents, given);
  }
  const origin = originOf(argument);
  if (origin === 'tree') {
    return context.treeSelection();
  }
  if (origin === 'starred') {
    return context.starredSelection();
  }
  if (origin === 'panel') {
    return panelArticle(context);
  }
  const editor = vscode.window.activeTextEditor;
  const editorEntry = editor && context.documents.current(editor.document);
  if (editor && editorEntry) {
    const article = articleForLine(editorEntry.digest, editor.selection.active.line);
    return article && resolvedDocument(editorEntry, article);
  }
  return ArticlePanel.current?.active ? panelArticle(context) : undefined;
}

/** As currentArticle, and where there is none: a Quick Pick of the active digest's articles. */
export async function resolveArticle(context: ResolveContext, argument: unknown, purpose: string): Promise<ResolvedArticle | undefined> {
  const current = await currentArticle(context, argument);
  if (current) {
    return current;
  }
  const editor = vscode.window.activeTextEditor;
  const entry = (editor && context.documents.current(editor.document)) ?? context.documents.active;
  if (!entry) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a digest first: its articles are listed in the Digests sidebar.'));
    return undefined;
  }
  return pickArticle(entry, purpose);
}

async function panelArticle(context: ResolveContext): Promise<ResolvedArticle | undefined> {
  const shown = ArticlePanel.current?.shownArticle;
  if (!shown) {
    return undefined;
  }
  return isStarredTarget(shown) ? starredArticle(context, shown) : resolveTarget(context.documents, shown);
}

function starredArticle(context: ResolveContext, target: StarredTarget): ResolvedArticle | undefined {
  const star = context.reading.state.starredArticle(target.starredKey);
  if (!star) {
    void vscode.window.showWarningMessage(vscode.l10n.t('This article is no longer starred.'));
    return undefined;
  }
  return resolvedStar(star);
}

async function resolveTarget(documents: DigestDocuments, target: ArticleTarget): Promise<ResolvedArticle | undefined> {
  const entry = documents.get(target.uri) ?? (await documents.open(target.uri).then(undefined, () => undefined));
  const article = entry && findArticle(entry.digest, target);
  if (!entry || !article) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Article {0} is no longer in this digest.', target.index));
    return undefined;
  }
  return resolvedDocument(entry, article);
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
  return picked && resolvedDocument(entry, picked.article);
}
