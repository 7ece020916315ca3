import * as vscode from 'vscode';

/**
 * The panel's page. Nothing from a digest is ever put here: the article
 * arrives as a message and the webview inserts it as text. Scripts run only
 * with this load's nonce; styles and fonts come from the extension only.
 */
export function articlePanelHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  return webviewPage(webview, extensionUri, {
    stylesheet: 'article.css', script: 'main.js', mainId: 'article', title: vscode.l10n.t('Article'), placeholder: vscode.l10n.t('Loading the article…'), imageSources: true,
  });
}

/** A page of the extension's webviews (the article panel, the inbox): its stylesheet and script from the extension, a main element and a live region. */
export function webviewPage(webview: vscode.Webview, extensionUri: vscode.Uri, page: { stylesheet: string; script: string; mainId: string; title: string; placeholder: string; imageSources?: boolean }): string {
  const nonce = newNonce();
  const asset = (...path: string[]): string => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...path)).toString();
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    ...(page.imageSources ? [`img-src ${webview.cspSource}`] : []),
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
<link rel="stylesheet" href="${asset('media', page.stylesheet)}">
<title>${page.title}</title>
</head>
<body>
<main id="${page.mainId}"><p class="placeholder">${page.placeholder}</p></main>
<div id="announcer" class="visually-hidden" role="status" aria-live="polite"></div>
<script nonce="${nonce}" src="${asset('dist', 'webview', page.script)}"></script>
</body>
</html>`;
}

/** VS Code's display language as a `lang` value (only letters, digits and hyphens reach the page). */
function displayLanguage(): string {
  return /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(vscode.env.language) ? vscode.env.language : 'en';
}

/** The webview may load only what the extension ships for it. */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media'), vscode.Uri.joinPath(extensionUri, 'dist', 'webview')],
  };
}

/** 128 random bits, base64: `globalThis.crypto` exists in Node 20 and in the web worker extension host. */
function newNonce(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
