import * as vscode from 'vscode';

/** The bundled sample opens as a read-only document of its own scheme: a user cannot change the installed copy by accident. */
export const SAMPLE_SCHEME = 'digest-sample';
const SAMPLE_FILE = 'cs.DC-2025-06-01.txt';

export function sampleUri(): vscode.Uri {
  return vscode.Uri.from({ scheme: SAMPLE_SCHEME, path: `/${SAMPLE_FILE}` });
}

/** Serves `digest-sample:/<name>` from the extension's `sample/` folder (through workspace.fs, so it works on the web too). */
export function registerSampleProvider(extensionUri: vscode.Uri): vscode.Disposable {
  return vscode.workspace.registerTextDocumentContentProvider(SAMPLE_SCHEME, {
    async provideTextDocumentContent(uri) {
      const name = uri.path.replace(/^\//, '');
      if (name !== SAMPLE_FILE) {
        throw new Error(vscode.l10n.t('There is no bundled sample named {0}.', name));
      }
      const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'sample', SAMPLE_FILE));
      return new TextDecoder('utf-8').decode(bytes);
    },
  });
}
