import * as vscode from 'vscode';
import { webviewPage } from '../../panel/html';

/**
 * The inbox's page: nothing from a digest is put here; the rows arrive as a
 * message and the page inserts them as text. Scripts run only with this
 * load's nonce; styles come from the extension only.
 */
export function inboxHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  return webviewPage(webview, extensionUri, { stylesheet: 'inbox.css', script: 'inbox.js', mainId: 'inbox', title: vscode.l10n.t('Inbox'), placeholder: vscode.l10n.t('Reading the Library…') });
}

/** The page may load only what the extension ships for it. */
export function inboxWebviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    retainContextWhenHidden: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media'), vscode.Uri.joinPath(extensionUri, 'dist', 'webview')],
  };
}
