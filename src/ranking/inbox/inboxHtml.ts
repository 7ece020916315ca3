import * as vscode from 'vscode';
import { displayLanguage, newNonce } from '../../panel/html';

/**
 * The inbox's page: nothing from a digest is put here; the rows arrive as a
 * message and the page inserts them as text. Scripts run only with this
 * load's nonce; styles come from the extension only.
 */
export function inboxHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const nonce = newNonce();
  const asset = (...path: string[]): string => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...path)).toString();
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="${displayLanguage()}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${asset('media', 'inbox.css')}">
<title>${vscode.l10n.t('Inbox')}</title>
</head>
<body>
<main id="inbox"><p class="note">${vscode.l10n.t('Reading the Library…')}</p></main>
<div id="announcer" class="visually-hidden" role="status" aria-live="polite"></div>
<script nonce="${nonce}" src="${asset('dist', 'webview', 'inbox.js')}"></script>
</body>
</html>`;
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
