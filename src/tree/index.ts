import * as vscode from 'vscode';
import type { FilterService } from '../filters';
import type { DigestDocuments } from '../digests';
import type { AlsoIn, ReadingStore } from '../reading';
import { ArticlesTree } from './articlesTree';
import { DIGEST_ORDER, SortChoice } from './sortChoice';

export { ArticlesTree, ARTICLES_VIEW_ID } from './articlesTree';
export { followCursorEnabled } from './rowSelection';
export { DateNode, ArticleNode, FilterNode, SHOW_CLICKED_ARTICLE } from './nodes';
export { DIGEST_ORDER, SortChoice, type ArticleOrder, type RowWhy } from './sortChoice';

export function register(context: vscode.ExtensionContext, documents: DigestDocuments, reading: ReadingStore, seen: AlsoIn, filters: FilterService): ArticlesTree {
  const sort = new SortChoice();
  const tree = new ArticlesTree(documents, reading, seen, filters, sort);
  documents.switchAfterRows((ms) => tree.whenRowsDrawn(ms));
  context.subscriptions.push(
    sort,
    tree,
    vscode.commands.registerCommand('digestReader.sortArticles', () => sort.pick()),
    vscode.commands.registerCommand('digestReader.sortInDigestOrder', () => sort.set(DIGEST_ORDER)),
  );
  return tree;
}
