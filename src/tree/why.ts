import * as vscode from 'vscode';
import type { RowWhy } from './sortChoice';

/** Appends the words and authors that raised and lowered a row's "For you" score to its tooltip (as text: digest words are untrusted). */
export function whyTooltip(tooltip: vscode.MarkdownString, why: RowWhy): void {
  if (why.up.length > 0) {
    tooltip.appendMarkdown('\n\n').appendText(vscode.l10n.t('Ranked up by: {0}', why.up.join(', ')));
  }
  if (why.down.length > 0) {
    tooltip.appendMarkdown('\n\n').appendText(vscode.l10n.t('Ranked down by: {0}', why.down.join(', ')));
  }
}
