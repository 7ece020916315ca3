/** A webview page VS Code leaves blank (microsoft/vscode#98746) is loaded again, and an "open" command then starts a new one. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { PageLoadWatch } from '../../src/panel/pageLoadWatch';
import { closeAll, stays, waitFor } from './helpers';

/**
 * A page whose script says "ready" when `sayReady`, as the inbox's and the
 * panel's do; otherwise it stays silent, like a blank page. `load` makes each
 * page's HTML differ, as the product's nonces do (the same HTML again may not reload).
 */
function page(sayReady: boolean, load: number): string {
  const script = sayReady ? '<script>acquireVsCodeApi().postMessage({ type: "ready" });</script>' : '';
  return `<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline';"></head><body><p>page ${load}</p>${script}</body></html>`;
}

/** A webview panel in sight: a page loads only while its panel is visible. */
async function panelInSight(): Promise<vscode.WebviewPanel> {
  await closeAll();
  const panel = vscode.window.createWebviewPanel('digestReader.test.page', 'Page', vscode.ViewColumn.One, { enableScripts: true });
  await waitFor('the panel in sight', () => panel.visible, 20_000);
  return panel;
}

describe('Webview pages that never load', () => {
  afterEach(closeAll);

  it('a page in sight that never says ready is loaded again once, then counts as stuck; a page that says ready is left alone', async function () {
    this.timeout(90_000);
    const panel = await panelInSight();
    let loads = 0;
    const watch = new PageLoadWatch(panel, () => {
      loads++;
      panel.webview.html = page(false, loads);
    }, 2_000);
    const heard = panel.webview.onDidReceiveMessage((message: { type?: string }) => message.type === 'ready' && watch.pageReady());
    try {
      panel.webview.html = page(false, 0);
      await waitFor('the silent page loaded again', () => loads === 1, 10_000);
      assert.equal(watch.stuck, false, 'not stuck right after loading again');
      await waitFor('stuck once the new load stays silent too', () => watch.stuck, 10_000);
      await stays('loaded again only once', () => loads === 1, 1_500);
      // A page that does say ready, shown anew: it is not stuck.
      panel.reveal();
      panel.webview.html = page(true, 99);
      await waitFor('ready', () => watch.isReady, 20_000);
      assert.equal(watch.stuck, false);
    } finally {
      heard.dispose();
      watch.dispose();
      panel.dispose();
    }
  });

  it('a page that says ready in time is never loaded again', async function () {
    this.timeout(60_000);
    const panel = await panelInSight();
    let loads = 0;
    const watch = new PageLoadWatch(panel, () => loads++, 20_000);
    const heard = panel.webview.onDidReceiveMessage((message: { type?: string }) => message.type === 'ready' && watch.pageReady());
    try {
      panel.webview.html = page(true, 0);
      await waitFor('ready', () => watch.isReady, 20_000);
      await stays('never loaded again', () => loads === 0 && !watch.stuck, 1_500);
    } finally {
      heard.dispose();
      watch.dispose();
      panel.dispose();
    }
  });
});
