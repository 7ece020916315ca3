import type * as vscode from 'vscode';
import type { DigestReaderApi } from './api';
import * as commands from './commands';
import * as digests from './digests';
import * as editor from './editor';
import * as panel from './panel';
import * as tree from './tree';

export function activate(context: vscode.ExtensionContext): DigestReaderApi {
  const documents = digests.register(context);
  const articlesTree = tree.register(context, documents);
  panel.register(context, documents);
  commands.register(context, documents, articlesTree);
  editor.register(context, documents);
  return { documents, articlesTree, panelArticle: () => panel.ArticlePanel.current?.shownArticle };
}

export function deactivate(): void {}
