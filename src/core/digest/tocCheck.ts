/** The table of contents against the article bodies of one day. */
import type { DiagnosticSink } from './diagnostics';
import type { Article, TocEntry } from './model';
import { fullDate, isoWeekday } from './text';

/** Fills what a body lacks from its TOC entry, and warns where the two disagree. */
export function crossCheckToc(articles: Article[], toc: TocEntry[], digestDate: string, sink: DiagnosticSink): void {
  if (toc.length === 0) {
    return;
  }
  // Arrays by article number: numbers are small and dense (a sparse one still works, as a dictionary).
  const byIndex: (TocEntry | undefined)[] = [];
  for (const entry of toc) {
    if (byIndex[entry.index] !== undefined) {
      sink.add(entry.line, 'warning', `The table of contents lists article ${entry.index} twice.`, 'toc-duplicate');
    } else {
      byIndex[entry.index] = entry;
    }
  }
  const seen: boolean[] = [];
  for (const article of articles) {
    if (seen[article.index] === true) {
      sink.add(article.line, 'warning', `There are two articles numbered ${article.index}.`, 'duplicate-article');
    }
    seen[article.index] = true;
    const entry = byIndex[article.index];
    if (!entry) {
      sink.add(article.line, 'info', `Article ${article.index} is not in the table of contents.`, 'not-in-toc');
      continue;
    }
    if (article.date === undefined && entry.monthDay !== undefined) {
      article.date = fullDate(entry.monthDay, digestDate);
      article.weekday = article.date === undefined ? undefined : isoWeekday(article.date);
    } else if (article.date !== undefined && entry.monthDay !== undefined && article.date.slice(5) !== entry.monthDay) {
      sink.add(article.line, 'warning', `Article ${article.index} is dated ${article.date}, but the table of contents (line ${entry.line + 1}) says ${entry.monthDay}.`, 'toc-date-mismatch');
    }
    if (article.arxivId === undefined && entry.arxivId !== undefined) {
      article.arxivId = entry.arxivId;
    } else if (article.arxivId !== undefined && entry.arxivId !== undefined && article.arxivId !== entry.arxivId) {
      sink.add(article.line, 'warning', `Article ${article.index} has arXiv id ${article.arxivId}, but the table of contents (line ${entry.line + 1}) says ${entry.arxivId}.`, 'toc-id-mismatch');
    }
  }
  const missing = toc.filter((entry) => seen[entry.index] !== true);
  if (missing.length > 0 && missing.length <= 5) {
    for (const entry of missing) {
      sink.add(entry.line, 'warning', `Article ${entry.index} is in the table of contents but its body is missing.`, 'toc-without-body');
    }
  } else if (missing.length > 5) {
    sink.add(missing[0].line, 'warning', `${missing.length} articles in the table of contents have no body, from article ${missing[0].index} on.`, 'toc-without-body');
  }
}
