import * as vscode from 'vscode';
import type { FilterService } from '../filters';
import type { DigestDocuments } from '../digests';
import type { AlsoIn, ReadingStore } from '../reading';
import { ArticlesTree } from './articlesTree';

export { ArticlesTree, followCursorEnabled, ARTICLES_VIEW_ID } from './articlesTree';
export { DateNode, ArticleNode, FilterNode, SHOW_CLICKED_ARTICLE } from './nodes';

export function register(context: vscode.ExtensionContext, documents: DigestDocuments, reading: ReadingStore, seen: AlsoIn, filters: FilterService): ArticlesTree {
  const tree = new ArticlesTree(documents, reading, seen, filters);
  context.subscriptions.push(tree);
  return tree;
}
