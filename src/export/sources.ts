/** Which articles an export takes: tree rows (the clicked one and the multi-selection), the starred, the active digest. */
import * as vscode from 'vscode';
import { findArticle, type Article, type Digest, type ExportedArticle, type StarredArticle } from '../core';
import { asArticleTarget } from '../common/articleTarget';
import { escapeIcons } from '../common/escape';
import { asStarredTarget } from '../common/starredTarget';
import type { CommandServices } from '../commands';
import { FilterNode } from '../tree/nodes';

export function fromStar(star: StarredArticle): ExportedArticle {
  return { arxivId: star.arxivId, titles: star.titles, authors: star.authors, sourceLanguage: star.sourceLanguage, date: star.date, subject: star.subject, digestDate: star.digestDate, index: star.index };
}

export function fromDigest(digest: Digest, article: Article): ExportedArticle {
  return { arxivId: article.arxivId, titles: article.titles, authors: article.authors, sourceLanguage: article.sourceLanguage, date: article.date, subject: digest.subject, digestDate: digest.date, index: article.index };
}

/** One tree row (of either view) as an exported article; undefined for a date row or what is no longer there. */
function fromNode(services: CommandServices, node: unknown): ExportedArticle | undefined {
  const starred = asStarredTarget(node);
  if (starred) {
    const star = services.reading.state.starredArticle(starred.starredKey);
    return star && fromStar(star);
  }
  const target = asArticleTarget(node);
  const entry = target && services.documents.get(target.uri);
  const article = target && entry && findArticle(entry.digest, target);
  return entry && article ? fromDigest(entry.digest, article) : undefined;
}

/**
 * What a tree's context menu hands a command: the clicked row, and the
 * selected rows when several are (the clicked one among them). Duplicates
 * (a row in both lists) count once.
 */
export function fromNodes(services: CommandServices, clicked: unknown, selected: unknown): ExportedArticle[] {
  const nodes = Array.isArray(selected) && selected.includes(clicked) ? selected : [clicked];
  const seen = new Set<unknown>();
  return nodes.filter((node) => !seen.has(node) && seen.add(node)).map((node) => fromNode(services, node)).filter((a): a is ExportedArticle => a !== undefined);
}

/** A saved filter's group in the Articles view: the filter's matches in that digest, named after the filter. */
export async function filterGroupArticles(services: CommandServices, node: unknown): Promise<{ articles: ExportedArticle[]; name: string } | undefined> {
  if (!(node instanceof FilterNode) || !services.panel.filters) {
    return undefined;
  }
  const entry = services.documents.get(node.uri);
  if (!entry) {
    return undefined;
  }
  const matches = await services.panel.filters.articlesOf(entry.digest, node.query);
  return { articles: matches.map((article) => fromDigest(entry.digest, article)), name: filterFileName(node.query) };
}

/** A file name from a filter's query: its words, nothing a file system minds. */
function filterFileName(query: string): string {
  return query.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'filtered';
}

/** Each saved filter's matches in the active digest, for the palette's list of sources. */
async function filteredSources(services: CommandServices): Promise<SourcePick[]> {
  const entry = services.documents.active;
  const filters = services.panel.filters;
  if (!entry || !filters) {
    return [];
  }
  const picks: SourcePick[] = [];
  for (const saved of filters.filters) {
    const matches = await filters.articlesOf(entry.digest, saved.query);
    picks.push({ label: vscode.l10n.t('Filter "{0}"', escapeIcons(saved.name ?? saved.query)), articles: matches.map((article) => fromDigest(entry.digest, article)), name: filterFileName(saved.query) });
  }
  return picks;
}

export function starredArticles(services: CommandServices): ExportedArticle[] {
  return services.reading.state.starred().map(fromStar);
}

/** The rows selected in the Articles view, else in the Starred view. */
export function selectedArticles(services: CommandServices): ExportedArticle[] {
  const rows: readonly unknown[] = services.tree.view.selection.length > 0 ? services.tree.view.selection : services.starred.view.selection;
  return rows.map((node) => fromNode(services, node)).filter((a): a is ExportedArticle => a !== undefined);
}

export function digestArticles(services: CommandServices): { articles: ExportedArticle[]; name: string } | undefined {
  const entry = services.documents.active;
  return entry && { articles: entry.digest.articles.map((article) => fromDigest(entry.digest, article)), name: `${entry.digest.subject} ${entry.digest.date}`.trim() };
}

/** A source named by a command's options: the starred, the selected rows, the active digest. */
export function sourceArticles(services: CommandServices, source: 'starred' | 'selected' | 'digest'): { articles: ExportedArticle[]; name: string } | undefined {
  if (source === 'starred') {
    return { articles: starredArticles(services), name: 'starred' };
  }
  return source === 'selected' ? { articles: selectedArticles(services), name: 'selected' } : digestArticles(services);
}

interface SourcePick extends vscode.QuickPickItem {
  articles: ExportedArticle[];
  name: string;
}

/** From the palette: which articles? Starred (N), Selected (N), each saved filter's matches (N), This digest (N); only the non-empty ones. */
export async function pickSource(services: CommandServices, purpose: string): Promise<{ articles: ExportedArticle[]; name: string } | undefined> {
  const digest = digestArticles(services);
  const sources: SourcePick[] = [
    { label: vscode.l10n.t('Starred'), articles: starredArticles(services), name: 'starred' },
    { label: vscode.l10n.t('Selected'), articles: selectedArticles(services), name: 'selected' },
    ...(await filteredSources(services)),
    { label: vscode.l10n.t('This digest'), description: digest && escapeIcons(digest.name), articles: digest?.articles ?? [], name: digest?.name ?? 'digest' },
  ];
  const items = sources.filter((s) => s.articles.length > 0).map((s) => ({ ...s, label: `${s.label} (${s.articles.length})` }));
  if (items.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Nothing to export: star articles, select them in the Articles view, or open a digest.'));
    return undefined;
  }
  return vscode.window.showQuickPick(items, { placeHolder: purpose });
}
