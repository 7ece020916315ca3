import * as vscode from 'vscode';
import { setContext } from '../common/context';
import { DigestDocuments } from './digestDocuments';

export { DigestDocuments, DIGEST_LANGUAGE, type DigestEntry } from './digestDocuments';

export function register(context: vscode.ExtensionContext): DigestDocuments {
  const documents = new DigestDocuments();
  context.subscriptions.push(documents);
  let hasDigest: boolean | undefined;
  let resources = '';
  const updateContext = (): void => {
    if (hasDigest !== (documents.active !== undefined)) {
      hasDigest = documents.active !== undefined;
      void setContext('digestReader.hasDigest', hasDigest);
    }
    // Per resource, so an editor group's title shows our buttons only over a digest.
    const paths = documents.all().map(({ document: { uri } }) => (uri.scheme === 'file' ? uri.fsPath : uri.path)).sort();
    if (paths.join('\n') !== resources) {
      resources = paths.join('\n');
      void setContext('digestReader.digestPaths', paths);
    }
  };
  context.subscriptions.push(
    documents.onDidChangeActive(updateContext),
    documents.onDidChangeDigest(updateContext),
    documents.onDidForgetDigest(updateContext),
  );
  updateContext();
  return documents;
}
