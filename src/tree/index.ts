import * as vscode from 'vscode';
import type { SeenIndex } from '../core';
import type { DigestDocuments } from '../digests';
import type { ReadingStore } from '../reading';
import { ArticlesTree } from './articlesTree';

export { ArticlesTree, followCursorEnabled } from './articlesTree';
export { DateNode, ArticleNode } from './nodes';

export function register(context: vscode.ExtensionContext, documents: DigestDocuments, reading: ReadingStore, seen: SeenIndex): ArticlesTree {
  const tree = new ArticlesTree(documents, reading, seen);
  context.subscriptions.push(tree);
  return tree;
}
