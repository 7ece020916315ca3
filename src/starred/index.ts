import * as vscode from 'vscode';
import type { ReadingStore } from '../reading';
import { StarredTree } from './starredTree';

export { StarredTree, STARRED_VIEW_ID, SHOW_CLICKED_STAR } from './starredTree';

export function register(context: vscode.ExtensionContext, reading: ReadingStore): StarredTree {
  const tree = new StarredTree(reading);
  context.subscriptions.push(tree);
  return tree;
}
