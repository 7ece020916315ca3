import * as vscode from 'vscode';

/**
 * The triage keys, as the `?` key and the README list them; package.json binds them (users can remap them there).
 * A function, not a constant: the actions are in VS Code's display language.
 */
export function keyHelp(): readonly { key: string; action: string; command: string }[] {
  return [
    { key: 'j', action: vscode.l10n.t('Next article'), command: 'digestReader.nextArticle' },
    { key: 'k', action: vscode.l10n.t('Previous article'), command: 'digestReader.previousArticle' },
    { key: 'n', action: vscode.l10n.t('Next unread article'), command: 'digestReader.nextUnread' },
    { key: 's', action: vscode.l10n.t('Star / unstar'), command: 'digestReader.toggleStar' },
    { key: 'm', action: vscode.l10n.t('Mark read / unread'), command: 'digestReader.toggleRead' },
    { key: 'x', action: vscode.l10n.t('Not interested (papers like it rank lower) / take it back'), command: 'digestReader.toggleNotInterested' },
    { key: 'u', action: vscode.l10n.t('Undo the last marking'), command: 'digestReader.undo' },
    { key: 'o', action: vscode.l10n.t('Open the arXiv page'), command: 'digestReader.openArxivPage' },
    { key: 'p', action: vscode.l10n.t('Open the PDF'), command: 'digestReader.openPdf' },
    { key: 'Shift+A', action: vscode.l10n.t('Mark the whole digest read'), command: 'digestReader.markDigestRead' },
    { key: '?', action: vscode.l10n.t('Show these keys'), command: 'digestReader.showKeys' },
  ];
}
