import * as vscode from 'vscode';
import { weekdayName, type Article, type DateGroup } from '../core';
import { articleLabel, type ArticleTarget } from '../common/articleTarget';

/** A date of the digest with its articles. */
export class DateNode {
  readonly children: ArticleNode[] = [];

  constructor(
    readonly uri: vscode.Uri,
    readonly group: DateGroup,
  ) {}

  get id(): string {
    return `${this.uri.toString()}#date:${this.group.date ?? 'undated'}`;
  }

  toTreeItem(): vscode.TreeItem {
    const label = this.group.date ? `${weekdayName(this.group.weekday)} ${this.group.date}`.trim() : 'Articles';
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Expanded);
    item.id = this.id;
    const count = this.group.articles.length;
    item.description = String(count);
    item.tooltip = `${label}: ${count} ${count === 1 ? 'article' : 'articles'}`;
    item.iconPath = new vscode.ThemeIcon('calendar');
    item.contextValue = 'digestDate';
    return item;
  }
}

/** One article, under its date. */
export class ArticleNode {
  constructor(
    readonly parent: DateNode,
    readonly article: Article,
    /** Unique within the tree even when a damaged digest numbers two articles alike. */
    readonly id: string,
  ) {}

  get target(): ArticleTarget {
    return { uri: this.parent.uri, index: this.article.index };
  }

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(articleLabel(this.article), vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = this.article.arxivId ?? '';
    item.tooltip = this.tooltip();
    item.contextValue = this.article.arxivId ? 'digestArticleWithId' : 'digestArticle';
    item.command = { command: 'digestReader.showArticle', title: 'Show Article', arguments: [this.target] };
    item.accessibilityInformation = { label: `Article ${this.article.index}: ${this.article.titles.en ?? ''}` };
    return item;
  }

  private tooltip(): vscode.MarkdownString {
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
    return tooltip;
  }
}

export type TreeNode = DateNode | ArticleNode;

/** Builds the tree of one digest: dates newest first, articles in digest order. */
export function buildTree(uri: vscode.Uri, groups: DateGroup[]): { roots: DateNode[]; byIndex: Map<number, ArticleNode> } {
  const byIndex = new Map<number, ArticleNode>();
  const usedIds = new Set<string>();
  const roots = groups.map((group) => {
    const dateNode = new DateNode(uri, group);
    for (const article of group.articles) {
      let id = `${uri.toString()}#article:${article.index}`;
      if (usedIds.has(id)) {
        id += `@${article.line}`;
      }
      usedIds.add(id);
      const node = new ArticleNode(dateNode, article, id);
      dateNode.children.push(node);
      if (!byIndex.has(article.index)) {
        byIndex.set(article.index, node);
      }
    }
    return dateNode;
  });
  return { roots, byIndex };
}
