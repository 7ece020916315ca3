import type { Diagnostic, Severity } from './model';

/**
 * Each kind of problem the parsers report, as `[one, many]`: how the summary
 * of repeats names one and several of them ("195 more articles have no
 * Authors line"). The keys are the diagnostics' `code`s.
 */
const KINDS = {
  'empty-file': ['file is empty', 'files are empty'],
  'no-header': ['header is missing', 'headers are missing'],
  'header-count': ['header announces another article count than was found', 'headers announce another article count than was found'],
  'stray-line': ['line is not part of any article and was skipped', 'lines are not part of any article and were skipped'],
  'unexpected-line': ["line in an article's head is not its Title@, Title or Authors line and was skipped", "lines in an article's head are not its Title@, Title or Authors line and were skipped"],
  'no-title': ['article has no title lines and was skipped', 'articles have no title lines and were skipped'],
  'no-title-line': ['article has no "Title:" line', 'articles have no "Title:" line'],
  'bad-date': ['article has a date that is no real date', 'articles have a date that is no real date'],
  'wrong-weekday': ["article's weekday does not match its date", "articles' weekdays do not match their dates"],
  'no-authors': ['article has no Authors line', 'articles have no Authors line'],
  'author-count': ['article announces another number of authors than it lists', 'articles announce another number of authors than they list'],
  'extra-abstract': ['abstract line beyond English, German and Chinese was skipped', 'abstract lines beyond English, German and Chinese were skipped'],
  'no-abstract': ['article has no abstract', 'articles have no abstract'],
  'bad-id': ['Title line does not end in a valid arXiv id', 'Title lines do not end in a valid arXiv id'],
  'toc-duplicate': ['table-of-contents entry repeats an article', 'table-of-contents entries repeat an article'],
  'duplicate-article': ['article repeats the number of an earlier one', 'articles repeat the number of an earlier one'],
  'not-in-toc': ['article is not in the table of contents', 'articles are not in the table of contents'],
  'toc-date-mismatch': ['article has a date the table of contents contradicts', 'articles have dates the table of contents contradicts'],
  'toc-id-mismatch': ['article has an arXiv id the table of contents contradicts', 'articles have arXiv ids the table of contents contradicts'],
  'toc-without-body': ['table-of-contents entry has no article body', 'table-of-contents entries have no article body'],
  'news-before-section': ['line comes before any "### Original" or "### Translation" heading and was skipped', 'lines come before any "### Original" or "### Translation" heading and were skipped'],
  'news-no-title': ['news article has no title', 'news articles have no title'],
  'news-no-original': ['news article has no "### Original" section', 'news articles have no "### Original" section'],
} satisfies Record<string, [string, string]>;

export type DiagnosticCode = keyof typeof KINDS;

/** A damaged file repeats one problem hundreds of times; past this many of a kind, one summary stands for the rest. */
export const MAX_REPORTS_PER_KIND = 5;

interface Omitted {
  count: number;
  line: number;
  severity: Severity;
}

export class DiagnosticSink {
  readonly items: Diagnostic[] = [];
  private readonly reported = new Map<DiagnosticCode, number>();
  private readonly omitted = new Map<DiagnosticCode, Omitted>();

  add(line: number, severity: Severity, message: string, code: DiagnosticCode): void {
    const reported = this.reported.get(code) ?? 0;
    if (reported < MAX_REPORTS_PER_KIND) {
      this.reported.set(code, reported + 1);
      this.items.push({ line, severity, message, code });
      return;
    }
    const omitted = this.omitted.get(code);
    if (omitted) {
      omitted.count++;
    } else {
      this.omitted.set(code, { count: 1, line, severity });
    }
  }

  /** The diagnostics in line order, each kind's summary of repeats at the first repeat it stands for. */
  finish(): Diagnostic[] {
    for (const [code, { count, line, severity }] of this.omitted) {
      const [one, many] = KINDS[code];
      const what = count === 1 ? `1 more ${one}` : `${count} more ${many}`;
      const message = `${what}, the first at line ${line + 1}; only the first ${MAX_REPORTS_PER_KIND} are listed one by one.`;
      this.items.push({ line, severity, message, code, omitted: count });
    }
    this.omitted.clear();
    this.items.sort((a, b) => a.line - b.line);
    return this.items;
  }
}
