import * as vscode from 'vscode';
import { articleKey, findArticle, type Article, type Digest, type StarredArticle } from '../core';
import { sameTarget, targetOf, type ArticleTarget } from '../common/articleTarget';
import type { ArticleViewModel, PanelState } from '../common/messages';
import type { StarredTarget } from '../common/starredTarget';
import type { DigestDocuments } from '../digests';
import type { FilterService } from '../filters';
import type { AlsoIn, ReadingStore } from '../reading';
import type { PanelWhy } from '../ranking/forYou';
import type { WordsService } from '../words';
import { articleLearning, type LearnerWords } from '../words/learner';
import { starredViewModel, toArticleViewModel } from './articleView';

/** What the panel shows: an article of an open digest document, or a starred article from its stored copy. */
export type PanelTarget = ArticleTarget | StarredTarget;

export function isStarredTarget(target: PanelTarget): target is StarredTarget {
  return 'starredKey' in target;
}

export function samePanelTarget(a: PanelTarget, b: PanelTarget): boolean {
  if (isStarredTarget(a) || isStarredTarget(b)) {
    return isStarredTarget(a) && isStarredTarget(b) && a.starredKey === b.starredKey;
  }
  return sameTarget(a, b);
}

/** What the panel needs to know. */
export interface PanelServices {
  extensionUri: vscode.Uri;
  documents: DigestDocuments;
  reading: ReadingStore;
  seen: AlsoIn;
  /** Saved filters: the words they match are marked in the article. */
  filters?: FilterService;
  /** The reader's own translations of fields a digest lacks, by article key and `title.zh` / `abstract.de`. */
  notes?: ExerciseNotes;
  /** The ranking: an article's "For you" score and why, of any digest (set when the ranking is registered). */
  ranking?: PanelRanking;
  /** The dictionaries behind the word pop-up. */
  words?: WordsService;
  /** The learner's known words and the shares of new words (where the store keeps them). */
  learner?: LearnerWords;
}

/** The dictionaries' entries for an article's words, and the learner's marks and share of new words. */
async function wordsOf(services: PanelServices, key: string, article: { titles: Record<string, string | undefined>; abstracts: Record<string, string | undefined> }, view: ArticleViewModel): Promise<ArticleViewModel['words']> {
  const words = await services.words?.articleWords(article);
  if (!words || !services.learner) {
    return words;
  }
  return { ...words, ...(await articleLearning(services.learner, key, article, view)) };
}

/** Where the panel keeps the reader's own translations (never in the digest). */
export interface ExerciseNotes {
  forArticle(articleKey: string): Record<string, string>;
  set(articleKey: string, field: string, text: string): Promise<void> | void;
  readonly onDidChange: vscode.Event<unknown>;
}

export type PanelContent =
  | { kind: 'article'; article: ArticleViewModel; state: PanelState; key: string; title: string; target: PanelTarget }
  | { kind: 'empty'; message: string; title: string };

/** What the panel asks of the ranking (src/panel knows nothing more of it). */
export interface PanelRanking {
  panelWhy(digest: Digest, article: Article): Promise<PanelWhy | undefined>;
  readonly onDidChange: vscode.Event<void>;
}

async function forYouOf(ranking: PanelRanking | undefined, digest: Digest, article: Article): Promise<ArticleViewModel['forYou']> {
  return ranking?.panelWhy(digest, article).then(undefined, () => undefined);
}

async function withWords(services: PanelServices, key: string, article: { titles: Record<string, string | undefined>; abstracts: Record<string, string | undefined> }, view: ArticleViewModel): Promise<ArticleViewModel> {
  const words = await wordsOf(services, key, article, view);
  return words ? { ...view, words } : view;
}

/** Reads what a target names now: the document's current parse, or the star's stored copy. */
export async function panelContent(services: PanelServices, target: PanelTarget | undefined): Promise<PanelContent> {
  if (!target) {
    return { kind: 'empty', message: vscode.l10n.t('Click an article in the Articles view to read it here.'), title: vscode.l10n.t('Article') };
  }
  const { reading, seen } = services;
  if (isStarredTarget(target)) {
    const starred = reading.state.starred();
    const position = starred.findIndex((star) => star.key === target.starredKey);
    const star: StarredArticle | undefined = starred[position];
    if (!star) {
      return { kind: 'empty', message: vscode.l10n.t('This article is no longer starred.'), title: vscode.l10n.t('Article') };
    }
    const marks = { read: reading.state.isRead(star.key), starred: true, alsoIn: seen.alsoIn(star.key, star.subject, star.digestDate) };
    return {
      kind: 'article', key: star.key, target, state: { starredKey: star.key },
      article: await withWords(services, star.key, star, { ...starredViewModel(star, position, starred.length, marks, vscode.env.language), notes: services.notes?.forArticle(star.key) }),
      title: `★ ${star.subject || 'Digest'} · ${String(star.index).padStart(2, '0')}`,
    };
  }
  const entry = services.documents.get(target.uri) ?? (await services.documents.open(target.uri).then(undefined, () => undefined));
  const article = entry && findArticle(entry.digest, target);
  if (!entry || !article) {
    return { kind: 'empty', message: entry ? vscode.l10n.t('Article {0} is no longer in this digest.', target.index) : vscode.l10n.t('This digest can no longer be read.'), title: vscode.l10n.t('Article') };
  }
  const key = articleKey(entry.digest, article);
  const marks = { read: reading.state.isRead(key), starred: reading.state.isStarred(key), alsoIn: seen.alsoIn(key, entry.digest.subject, entry.digest.date) };
  return {
    kind: 'article', key,
    // Follows the article's moves, so the next edit still finds it.
    target: targetOf(target.uri, article),
    state: { uri: target.uri.toString(), index: article.index, line: article.line, arxivId: article.arxivId },
    article: await withWords(services, key, article, {
      ...toArticleViewModel(entry.digest, article, marks, vscode.env.language),
      highlights: services.filters?.highlightsFor(entry.digest, article),
      forYou: await forYouOf(services.ranking, entry.digest, article),
      notes: services.notes?.forArticle(key),
    }),
    title: `${entry.digest.subject || 'Digest'} · ${String(article.index).padStart(2, '0')}`,
  };
}
