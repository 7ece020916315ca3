import type * as vscode from 'vscode';
import type { DigestDocuments } from '../digests';
import type { PanelServices } from '../panel';
import type { AlsoIn, ReadingStore } from '../reading';
import type { StarredTree } from '../starred';
import type { ArticlesTree } from '../tree';

/** Everything the commands act on. */
export interface CommandServices {
  context: vscode.ExtensionContext;
  documents: DigestDocuments;
  reading: ReadingStore;
  seen: AlsoIn;
  tree: ArticlesTree;
  starred: StarredTree;
  panel: PanelServices;
}
