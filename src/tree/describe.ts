import type * as vscode from 'vscode';
import type { Digest } from '../core';

/**
 * Subject, date and total as the view's description and message (a lone
 * view in its container shows no description), with a count mismatch or
 * other problems said in the message.
 */
export function describeDigest(view: vscode.TreeView<unknown>, digest: Digest | undefined): void {
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
  const count = mismatch ? `${found} of ${declared} articles` : `${found} ${found === 1 ? 'article' : 'articles'}`;
  const dates = sections.length > 1 ? `${sections.length} days, ${sections[0].date} to ${sections[sections.length - 1].date}` : digest.date;
  const summary = [digest.subject, dates, count].filter(Boolean).join(' · ');
  view.description = summary;
  // A summary diagnostic stands for the ones it left out.
  const problems = digest.diagnostics.filter((d) => d.severity !== 'info').reduce((sum, d) => sum + 1 + (d.omitted ?? 0), 0);
  let warning = '';
  if (mismatch) {
    warning = ` ⚠ The header announces ${declared} articles but ${found} ${found === 1 ? 'was' : 'were'} found.`;
    if (problems > 1) {
      warning += ` ${problems} problems: see the Problems panel.`;
    }
  } else if (problems > 0) {
    warning = ` ⚠ ${problems} ${problems === 1 ? 'problem' : 'problems'}: see the Problems panel.`;
  }
  view.message = summary + warning;
}
