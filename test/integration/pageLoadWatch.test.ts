/** A webview page VS Code leaves blank (microsoft/vscode#98746) is loaded again, and an "open" command then starts a new one. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { PageLoadWatch } from '../../src/panel/pageLoadWatch';
import { closeAll, stays, waitFor } from './helpers';

/** A page whose script says "ready" when `sayReady`, as the inbox's and the panel's do; otherwise it stays silent, like a blank page. */
function page(sayReady: boolean): string {
  const script = sayReady ? '<script>acquireVsCodeApi().postMessage({ type: "ready" });</script>' : '';
  return `<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline';"></head><body><p>page</p>${script}</body></html>`;
}

describe('Webview pages that never load', () => {
  afterEach(closeAll);

  it('a page in sight that never says ready is loaded again once, then counts as stuck; a page that says ready is left alone', async () => {
    const panel = vscode.window.createWebviewPanel('digestReader.test.page', 'Page', vscode.ViewColumn.One, { enableScripts: true });
    let loads = 0;
    let sayReady = false;
    const watch = new PageLoadWatch(panel, () => {
      loads++;
      panel.webview.html = page(sayReady);
    }, 2_000);
    const heard = panel.webview.onDidReceiveMessage((message: { type?: string }) => message.type === 'ready' && watch.pageReady());
    try {
      panel.webview.html = page(false);
      await waitFor('the silent page loaded again', () => loads === 1, 10_000);
      assert.equal(watch.stuck, false, 'not stuck right after loading again');
      await waitFor('stuck once the new load stays silent too', () => watch.stuck, 10_000);
      await stays('loaded again only once', () => loads === 1, 1_500);
      // A page that does say ready, shown anew: it is not stuck and is not reloaded.
      sayReady = true;
      panel.webview.html = page(true);
      await waitFor('ready', () => watch.isReady, 10_000);
      assert.equal(watch.stuck, false);
    } finally {
      heard.dispose();
      watch.dispose();
      panel.dispose();
    }
  });

  it('a page that says ready in time is never loaded again', async () => {
    const panel = vscode.window.createWebviewPanel('digestReader.test.page', 'Page', vscode.ViewColumn.One, { enableScripts: true });
    let loads = 0;
    const watch = new PageLoadWatch(panel, () => loads++, 10_000);
    const heard = panel.webview.onDidReceiveMessage((message: { type?: string }) => message.type === 'ready' && watch.pageReady());
    try {
      panel.webview.html = page(true);
      await waitFor('ready', () => watch.isReady, 10_000);
      await stays('never loaded again', () => loads === 0 && !watch.stuck, 1_500);
    } finally {
      heard.dispose();
      watch.dispose();
      panel.dispose();
    }
  });
});
