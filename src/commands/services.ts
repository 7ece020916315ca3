import type * as vscode from 'vscode';
import type { SeenIndex } from '../core';
import type { DigestDocuments } from '../digests';
import type { PanelServices } from '../panel';
import type { ReadingStore } from '../reading';
import type { StarredTree } from '../starred';
import type { ArticlesTree } from '../tree';

/** Everything the commands act on. */
export interface CommandServices {
  context: vscode.ExtensionContext;
  documents: DigestDocuments;
  reading: ReadingStore;
  seen: SeenIndex;
  tree: ArticlesTree;
  starred: StarredTree;
  panel: PanelServices;
}
