import * as vscode from 'vscode';
import type { DigestDocuments } from '../digests';
import { ArticlesTree } from './articlesTree';

export { ArticlesTree, followCursorEnabled } from './articlesTree';

export function register(context: vscode.ExtensionContext, documents: DigestDocuments): ArticlesTree {
  const tree = new ArticlesTree(documents);
  context.subscriptions.push(tree);
  return tree;
}
