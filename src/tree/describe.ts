import * as vscode from 'vscode';
import type { Digest } from '../core';

/**
 * Subject, date and total as the view's description and message (a lone
 * view in its container shows no description), with a count mismatch or
 * other problems said in the message.
 */
export function describeDigest(view: vscode.TreeView<unknown>, digest: Digest | undefined, note?: string): void {
  if (!digest) {
    view.description = undefined;
    view.message = undefined;
    return;
  }
  const found = digest.articles.length;
  const sections = digest.sections ?? [];
  // Concatenated days: every header announces its own day; the file holds their sum.
  const declared = sections.length > 1 ? sections.reduce((sum, section) => sum + (section.declaredCount ?? section.articleCount), 0) : digest.declaredCount;
  const mismatch = declared !== undefined && declared !== found;
  const count = mismatch ? vscode.l10n.t('{0} of {1} articles', found, declared) : found === 1 ? vscode.l10n.t('1 article') : vscode.l10n.t('{0} articles', found);
  const dates = sections.length > 1 ? vscode.l10n.t('{0} days, {1} to {2}', sections.length, sections[0].date ?? '', sections[sections.length - 1].date ?? '') : digest.date;
  const summary = [digest.subject, dates, count].filter(Boolean).join(' · ');
  view.description = summary;
  // A summary diagnostic stands for the ones it left out.
  const problems = digest.diagnostics.filter((d) => d.severity !== 'info').reduce((sum, d) => sum + 1 + (d.omitted ?? 0), 0);
  let warning = '';
  if (mismatch) {
    warning = ' ⚠ ' + (found === 1 ? vscode.l10n.t('The header announces {0} articles but 1 was found.', declared) : vscode.l10n.t('The header announces {0} articles but {1} were found.', declared, found));
    if (problems > 1) {
      warning += ' ' + vscode.l10n.t('{0} problems: see the Problems panel.', problems);
    }
  } else if (problems > 0) {
    warning = ' ⚠ ' + (problems === 1 ? vscode.l10n.t('1 problem: see the Problems panel.') : vscode.l10n.t('{0} problems: see the Problems panel.', problems));
  }
  view.message = summary + warning + (note ? `\n${note}` : '');
}
