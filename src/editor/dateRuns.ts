import * as vscode from 'vscode';
import { weekdayName, type Article, type Digest } from '../core';

/** Consecutive articles of one date, in text order: the nesting unit for outline and folding (a date's articles need not be contiguous). */
export interface DateRun {
  date?: string;
  label: string;
  articles: Article[];
  /** First line of the run's first article and last line of its last one. */
  startLine: number;
  endLine: number;
}

export function dateRuns(digest: Digest): DateRun[] {
  const runs: DateRun[] = [];
  for (const article of digest.articles) {
    const last = runs[runs.length - 1];
    if (last && last.date === article.date) {
      last.articles.push(article);
      last.endLine = article.endLine;
    } else {
      const label = article.date ? `${weekdayName(article.weekday, vscode.env.language)} ${article.date}`.trim() : vscode.l10n.t('Articles');
      runs.push({ date: article.date, label, articles: [article], startLine: article.line, endLine: article.endLine });
    }
  }
  return runs;
}
