import * as vscode from 'vscode';
import { weekdayName, type Article, type DateGroup } from '../core';
import { articleLabel, targetOf, type ArticleTarget } from '../common/articleTarget';
import type { FilterResults } from '../filters';

/** A click on an article row: shows the row the click selected (see ClickedRow for why the command has no arguments). */
export const SHOW_CLICKED_ARTICLE = 'digestReader.showClickedArticle';

/** A date of the digest with its articles. Kept across parses while the date stays. */
export class DateNode {
  children: ArticleNode[] = [];

  constructor(
    readonly uri: vscode.Uri,
    public group: DateGroup,
  ) {}

  /** Stable within a document: the date. */
  get key(): string {
    return this.group.date ?? 'undated';
  }

  get id(): string {
    return `${this.uri.toString()}#date:${this.key}`;
  }

  toTreeItem(unread: number): vscode.TreeItem {
    const label = this.group.date ? `${weekdayName(this.group.weekday, vscode.env.language)} ${this.group.date}`.trim() : vscode.l10n.t('Articles');
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Expanded);
    item.id = this.id;
    const count = this.group.articles.length;
    item.description = unread > 0 ? vscode.l10n.t('{0} · {1} unread', count, unread) : String(count);
    const articles = count === 1 ? vscode.l10n.t('1 article') : vscode.l10n.t('{0} articles', count);
    item.tooltip = unread === 0 ? vscode.l10n.t('{0}: {1}, all read', label, articles) : vscode.l10n.t('{0}: {1}, {2} unread', label, articles, unread);
    item.accessibilityInformation = { label: vscode.l10n.t('{0}, {1}, {2} unread', label, articles, unread) };
    item.iconPath = new vscode.ThemeIcon('calendar');
    item.contextValue = 'digestDate';
    return item;
  }
}

/** One article, under its date (or, listed again, under a saved filter's group). Kept across parses while its key stays; its article is the latest parse's. */
export class ArticleNode {
  constructor(
    readonly parent: DateNode,
    public article: Article,
    /** Unique and stable within the document: the number, and which repeat of it (concatenated days repeat numbers). */
    readonly key: string,
    /** Set on the copy of the row a saved filter's group lists; `parent` stays its date. */
    readonly group?: { readonly id: string },
  ) {}

  get id(): string {
    return this.group ? `${this.group.id}/article:${this.key}` : `${this.parent.uri.toString()}#article:${this.key}`;
  }

  get target(): ArticleTarget {
    return targetOf(this.parent.uri, this.article);
  }

  toTreeItem(row: ArticleRow): vscode.TreeItem {
    // At the sidebar's default width a row shows the start of its label and none of its description: the figure the
    // view is sorted by (`87%` for you, `14% new` easiest first) leads the label, so the order can be read at a glance.
    const item = new vscode.TreeItem(row.score ? `${row.score} · ${articleLabel(this.article)}` : articleLabel(this.article), vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    // State by shape and text, not colour alone: a filled dot for unread, a star for starred, a thumb down (and its words) for not interested.
    item.iconPath = new vscode.ThemeIcon(row.starred ? 'star-full' : row.notInterested ? 'thumbsdown' : row.read ? 'circle-outline' : 'circle-filled');
    const share = shareShort(row);
    const marks = [row.notInterested ? vscode.l10n.t('not interested') : '', share !== row.score ? share : '', row.date ?? '', row.starred && !row.read ? vscode.l10n.t('● unread') : '', this.article.arxivId ?? '', row.alsoIn ? vscode.l10n.t('also in {0}', row.alsoIn) : ''];
    item.description = marks.filter(Boolean).join(' · ');
    item.tooltip = this.tooltip(row);
    // `digestArticle[WithId]` + `.read`/`.unread` + `.notInterested` + `.starred`: menus offer the action that applies.
    item.contextValue = `${this.article.arxivId ? 'digestArticleWithId' : 'digestArticle'}.${row.read ? 'read' : 'unread'}${row.notInterested ? '.notInterested' : ''}${row.starred ? '.starred' : ''}`;
    item.command = { command: SHOW_CLICKED_ARTICLE, title: vscode.l10n.t('Show Article') };
    const state = [row.read ? vscode.l10n.t('read') : vscode.l10n.t('unread'), row.starred ? vscode.l10n.t('starred') : '', row.notInterested ? vscode.l10n.t('not interested') : ''].filter(Boolean).join(', ');
    item.accessibilityInformation = { label: vscode.l10n.t('Article {0}, {1}: {2}', this.article.index, state, this.article.titles.en ?? '') };
    return item;
  }

  /** The row's tooltip (the Articles view builds it on hover, with the "why" of its score). */
  tooltip(row: ArticleRow): vscode.MarkdownString {
    // Digest text is untrusted: appendText escapes it, and the string is not trusted.
    const tooltip = new vscode.MarkdownString(undefined, false);
    tooltip.isTrusted = false;
    tooltip.supportHtml = false;
    const { titles } = this.article;
    for (const [language, label] of [['en', 'EN'], ['de', 'DE'], ['zh', 'ZH']] as const) {
      const title = titles[language];
      if (title !== undefined) {
        tooltip.appendMarkdown(`**${label}** `).appendText(title).appendMarkdown('\n\n');
      }
    }
    if (this.article.authors.length > 0) {
      tooltip.appendMarkdown('*').appendText(this.article.authors.join(', ')).appendMarkdown('*');
    }
    tooltip.appendMarkdown('\n\n').appendText([row.read ? vscode.l10n.t('Read') : vscode.l10n.t('Unread'), row.starred ? vscode.l10n.t('starred') : '', row.notInterested ? vscode.l10n.t('not interested') : '', row.alsoIn ? vscode.l10n.t('also in {0}', row.alsoIn) : '', row.score && row.score !== shareShort(row) ? vscode.l10n.t('For you: {0}', row.score) : ''].filter(Boolean).join(' · '));
    if (row.newWords && row.newWords.words > 0) {
      tooltip.appendMarkdown('\n\n').appendText(shareText(row.newWords));
    }
    return tooltip;
  }
}

/** A saved filter's group at the top of the Articles view: its matching articles, counted. */
export class FilterNode {
  children: ArticleNode[] = [];

  constructor(
    readonly uri: vscode.Uri,
    public results: FilterResults,
  ) {}

  /** What the commands (edit, delete, export) read from the group they were invoked on. */
  get query(): string {
    return this.results.filter.query;
  }

  get id(): string {
    return `${this.uri.toString()}#filter:${this.query}`;
  }

  toTreeItem(): vscode.TreeItem {
    const { label, result } = this.results;
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('filter');
    item.contextValue = 'digestFilter';
    const count = this.children.length;
    const articles = count === 1 ? vscode.l10n.t('1 article') : vscode.l10n.t('{0} articles', count);
    if (result.status === 'done') {
      item.description = String(count);
      item.tooltip = vscode.l10n.t('Filter {0}: {1}', this.query, articles);
      item.accessibilityInformation = { label: vscode.l10n.t('Filter {0}, {1}', label, articles) };
    } else if (result.status === 'failed') {
      item.description = result.slow ? vscode.l10n.t('too slow') : vscode.l10n.t('failed');
      item.tooltip = result.message;
      item.collapsibleState = vscode.TreeItemCollapsibleState.None;
    } else {
      item.description = '…';
      item.tooltip = vscode.l10n.t('Filter {0}: searching', this.query);
    }
    return item;
  }
}

export type TreeNode = DateNode | ArticleNode | FilterNode;

/** An article's reading state, as its row shows it. */
export interface ArticleRow {
  read: boolean;
  starred: boolean;
  /** Marked "not interested" (`x`): a negative example for the ranking. */
  notInterested: boolean;
  /** "cs.DC 2025-05-31": an earlier digest that listed the same paper. */
  alsoIn?: string;
  /** What the order the view is sorted by shows of this article (`87%` for you, `14% new` easiest first); leads the label. */
  score?: string;
  /** `Thu 05-29`, when a scored order lists the whole digest as one list (no date rows above). */
  date?: string;
  /** The share of new words in the language learned, once its words are found. */
  newWords?: { language: string; percent: number; newWords: number; words: number };
}

/** "14% new", as a row shows its share of new words; empty when it has none. */
export function shareShort(row: ArticleRow): string {
  return row.newWords && row.newWords.words > 0 ? vscode.l10n.t('{0}% new', row.newWords.percent) : '';
}

/** "Chinese: 14% new (37 of 264 words)". */
function shareText(share: NonNullable<ArticleRow['newWords']>): string {
  return vscode.l10n.t('{0}: {1}% new ({2} of {3} words)', share.language === 'zh' ? vscode.l10n.t('Chinese') : vscode.l10n.t('German'), share.percent, share.newWords, share.words);
}

/** What a tree item shows of an article: when none of it changed, its row need not be refreshed. */
function sameRow(a: Article, b: Article): boolean {
  return a.index === b.index && a.arxivId === b.arxivId && a.titles.en === b.titles.en && a.titles.de === b.titles.de
    && a.titles.zh === b.titles.zh && a.authors.join('\n') === b.authors.join('\n');
}

/** The tree's nodes, and which of them a new parse changed. */
export interface TreeUpdate {
  roots: DateNode[];
  /** undefined: refresh from the root; else the nodes whose rows or children changed. */
  changed: TreeNode[] | undefined;
}

/**
 * Builds the tree of a digest (dates newest first, articles in digest order),
 * reusing the nodes of the previous tree of the same document, so VS Code
 * keeps their rows, selection and expansion, and only what changed is refreshed.
 */
export function updateTree(uri: vscode.Uri, articles: readonly Article[], groups: DateGroup[], previous: readonly DateNode[]): TreeUpdate {
  const oldDates = new Map(previous.map((node) => [node.key, node]));
  const oldArticles = new Map<string, ArticleNode>();
  for (const dateNode of previous) {
    for (const node of dateNode.children) {
      oldArticles.set(node.key, node);
    }
  }
  // Keys in digest order, so a date moving in the tree does not renumber the repeats.
  const keys = new Map<Article, string>();
  const repeats = new Map<number, number>();
  for (const article of articles) {
    const repeat = (repeats.get(article.index) ?? 0) + 1;
    repeats.set(article.index, repeat);
    keys.set(article, repeat === 1 ? String(article.index) : `${article.index}~${repeat}`);
  }
  const changed: TreeNode[] = [];
  let rootsChanged = previous.length !== groups.length;
  const roots = groups.map((group, position) => {
    const key = group.date ?? 'undated';
    let dateNode = oldDates.get(key);
    if (!dateNode || dateNode.uri.toString() !== uri.toString()) {
      dateNode = new DateNode(uri, group);
      rootsChanged = true;
    }
    rootsChanged ||= previous[position] !== dateNode;
    dateNode.group = group;
    const children: ArticleNode[] = [];
    const rows: ArticleNode[] = [];
    let childrenChanged = dateNode.children.length !== group.articles.length;
    for (const article of group.articles) {
      const articleKey = keys.get(article) ?? String(article.index);
      const old = oldArticles.get(articleKey);
      let node: ArticleNode;
      if (old && old.parent === dateNode) {
        if (!sameRow(old.article, article)) {
          rows.push(old);
        }
        old.article = article;
        node = old;
      } else {
        node = new ArticleNode(dateNode, article, articleKey);
      }
      childrenChanged ||= dateNode.children[children.length] !== node;
      children.push(node);
    }
    dateNode.children = children;
    changed.push(...(childrenChanged ? [dateNode] : rows));
    return dateNode;
  });
  return { roots, changed: rootsChanged ? undefined : changed };
}
