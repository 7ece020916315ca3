import * as vscode from 'vscode';
import { unreadCounts } from '../core';
import type { DigestDocuments } from '../digests';
import type { ReadingStore } from '../reading';

/** `37/103 unread` for the active digest; clicking it focuses the Articles view. */
export function register(context: vscode.ExtensionContext, documents: DigestDocuments, reading: ReadingStore): vscode.StatusBarItem {
  const item = vscode.window.createStatusBarItem('digestReader.unread', vscode.StatusBarAlignment.Left, 50);
  item.name = vscode.l10n.t('Digest Reader: Unread Articles');
  item.command = { command: 'digestReader.articles.focus', title: vscode.l10n.t('Show the Articles view') };
  const update = (): void => {
    const entry = documents.active;
    if (!entry) {
      item.hide();
      return;
    }
    const { unread, total } = unreadCounts(entry.digest, (key) => reading.state.isRead(key));
    const name = [entry.digest.subject, entry.digest.date].filter(Boolean).join(' ');
    item.text = `$(${unread === 0 ? 'pass' : 'circle-filled'}) ${vscode.l10n.t('{0}/{1} unread', unread, total)}`;
    item.tooltip = vscode.l10n.t('{0}: {1} of {2} articles unread. Click to show the Articles view.', name, unread, total);
    item.accessibilityInformation = { label: vscode.l10n.t('{0} of {1} articles unread in {2}', unread, total, name), role: 'button' };
    item.show();
  };
  context.subscriptions.push(item, documents.onDidChangeActive(update), reading.onDidChange(update));
  update();
  return item;
}
