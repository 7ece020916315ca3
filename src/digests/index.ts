import * as vscode from 'vscode';
import { setContext } from '../common/context';
import { DigestDocuments } from './digestDocuments';

export { DigestDocuments, type DigestEntry } from './digestDocuments';

export function register(context: vscode.ExtensionContext): DigestDocuments {
  const documents = new DigestDocuments();
  context.subscriptions.push(documents);
  const updateContext = (): void => {
    void setContext('digestReader.hasDigest', documents.active !== undefined);
    const editor = vscode.window.activeTextEditor;
    void setContext('digestReader.activeEditorIsDigest', editor !== undefined && documents.isDigest(editor.document));
  };
  context.subscriptions.push(
    documents.onDidChangeActive(updateContext),
    documents.onDidChangeDigest(updateContext),
    vscode.window.onDidChangeActiveTextEditor(updateContext),
  );
  updateContext();
  return documents;
}
