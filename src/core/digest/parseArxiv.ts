/**
 * arXiv digests, plain text and Markdown. The two renderings carry the same
 * lines with different decoration, so one reader serves both through a
 * dialect: prefixes and the two things that differ in shape (TOC entries and
 * how the id ends a line). Lines are read by offsets (see lines.ts).
 */
import { assignAbstracts } from './abstracts';
import { digitsEnd, isArxivId, isArxivIdAt } from './arxiv';
import {
  ArticleDraft, DateStrings, digitsValue, readArticleNumber, readAuthors, readTitleAt, restAfter, splitTitles, weekdayAt, type IdSplit,
} from './arxivFields';
import type { DiagnosticSink } from './diagnostics';
import { isJsWhitespace, type Lines } from './lines';
import type { Article, DigestFormat, TocEntry, Translations } from './model';
import { isoWeekday, presentSlice } from './text';

interface Dialect {
  format: DigestFormat;
  /** `^<articlePrefix>(\d{1,7})$` opens an article. */
  articlePrefix: string;
  titleAtPrefix: string;
  titlePrefix: string;
  authorsPrefix: string;
  readTocEntry(lines: Lines, i: number, monthDays: DateStrings, split: IdSplit): TocEntry | undefined;
  /** Splits the arXiv id off the end of text[start, end) (a `Title:` or TOC remainder) into `split`. */
  takeId(text: string, start: number, end: number, split: IdSplit): void;
  /** Lines that only decorate (blank lines, rules). */
  isFiller(lines: Lines, i: number): boolean;
}

/** `… 2505.23710v1 -` / `… 2505.23710v1 |`: the id is the last word. */
function takeTrailingWord(text: string, start: number, end: number, split: IdSplit): void {
  let space = end - 1;
  while (space >= start && text.charCodeAt(space) !== 32) {
    space--;
  }
  if (isArxivIdAt(text, space + 1, end)) {
    split.restEnd = space < start ? start : space;
    split.id = text.slice(space + 1, end);
  } else {
    split.restEnd = end;
    split.id = undefined;
  }
}

const LINK = /^\[([^\]]{1,64})\]\([^)\s]{0,300}\)$/;

/** `… [2405.03536v2](http://arxiv.org/abs/2405.03536v2)`: the id is the last link's text. */
function takeTrailingLink(text: string, start: number, end: number, split: IdSplit): void {
  let open = end - 1;
  while (open >= start && text.charCodeAt(open) !== 91 /* [ */) {
    open--;
  }
  split.restEnd = end;
  split.id = undefined;
  const link = open < start ? null : LINK.exec(text.slice(open, end));
  if (link) {
    split.restEnd = open;
    split.id = isArxivId(link[1]) ? link[1] : undefined;
  }
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** `^(\d{1,7}) (\d{2}-\d{2})(?: \((\d)\))? `, then the id at the end of the line. */
function readTextTocEntry(lines: Lines, i: number, monthDays: DateStrings, split: IdSplit): TocEntry | undefined {
  const text = lines.textOf(i);
  const start = lines.start(i);
  const end = lines.end(i);
  const digits = digitsEnd(text, start, end);
  if (digits === start || digits - start > 7 || digits >= end || text.charCodeAt(digits) !== 32) {
    return undefined;
  }
  const at = digits + 1;
  if (at + 5 > end || !isDigit(text.charCodeAt(at)) || !isDigit(text.charCodeAt(at + 1)) || text.charCodeAt(at + 2) !== 45
    || !isDigit(text.charCodeAt(at + 3)) || !isDigit(text.charCodeAt(at + 4))) {
    return undefined;
  }
  const weekday = weekdayAt(text, at + 5, end, 32);
  if (weekday < 0 && !(at + 5 < end && text.charCodeAt(at + 5) === 32)) {
    return undefined;
  }
  TEXT_DIALECT.takeId(text, start, end, split);
  return {
    index: digitsValue(text, start, digits),
    monthDay: monthDays.get(text, at, at + 5, digitsValue(text, at, at + 2) * 100 + digitsValue(text, at + 3, at + 5)),
    weekday: weekday >= 0 ? weekday : undefined,
    arxivId: split.id,
    line: i,
  };
}

const MARKDOWN_TOC = /^- \[(\d{1,7})\]\(#article-\d{1,7}\) \| (?:\*\*)?(\d{2}-\d{2})(?: \((\d)\))?(?:\*\*)? \| /;

function readMarkdownTocEntry(lines: Lines, i: number, _monthDays: DateStrings, split: IdSplit): TocEntry | undefined {
  const match = lines.startsWith(i, '- [') ? MARKDOWN_TOC.exec(lines.at(i)) : null;
  if (!match) {
    return undefined;
  }
  takeTrailingLink(lines.textOf(i), lines.start(i), lines.end(i), split);
  return { index: Number(match[1]), monthDay: match[2], weekday: match[3] ? Number(match[3]) : undefined, arxivId: split.id, line: i };
}

export const TEXT_DIALECT: Dialect = {
  format: 'text',
  articlePrefix: 'Article ',
  titleAtPrefix: 'Title@',
  titlePrefix: 'Title:',
  authorsPrefix: 'Authors (',
  readTocEntry: readTextTocEntry,
  takeId(text, start, end, split) {
    const dash = end - start >= 2 && text.charCodeAt(end - 1) === 45 && text.charCodeAt(end - 2) === 32;
    takeTrailingWord(text, start, dash ? end - 2 : end, split);
  },
  isFiller: (lines, i) => lines.isEmpty(i),
};

export const MARKDOWN_DIALECT: Dialect = {
  format: 'markdown',
  articlePrefix: '## Article ',
  titleAtPrefix: '### Title@',
  titlePrefix: '**Title**:',
  authorsPrefix: '**Authors** (',
  readTocEntry: readMarkdownTocEntry,
  takeId: takeTrailingLink,
  isFiller: (lines, i) => lines.isEmpty(i) || lines.is(i, '---'),
};

/** Per body: the draft, the split and the date strings are reused, so reading a line makes no objects. */
interface Reader {
  lines: Lines;
  dialect: Dialect;
  sink: DiagnosticSink;
  draft: ArticleDraft;
  dates: DateStrings;
  split: IdSplit;
}

/** Lines an arXiv body reader takes per step: a few milliseconds. */
const LINES_PER_STEP = 4_096;

/**
 * Reads the TOC and the article bodies of lines `start` to `end` (exclusive;
 * one day of the file), `LINES_PER_STEP` lines a step. Never throws on
 * content: each article is read on its own, and what is wrong with it becomes
 * a diagnostic. `endsFile`: the last article may be cut short by the end of the file.
 */
export function* readArxivBody(
  lines: Lines,
  start: number,
  end: number,
  dialect: Dialect,
  sink: DiagnosticSink,
  endsFile: boolean,
): Generator<void, { articles: Article[]; toc: TocEntry[] }, void> {
  const body = new ArxivBody(lines, dialect, sink);
  for (let from = start; from < end; from += LINES_PER_STEP) {
    body.read(from, Math.min(end, from + LINES_PER_STEP));
    if (from + LINES_PER_STEP < end) {
      yield;
    }
  }
  return body.finish(endsFile);
}

/** One day's TOC and articles as its lines are read, in runs of lines one after another. */
class ArxivBody {
  readonly toc: TocEntry[] = [];
  readonly articles: Article[] = [];
  private readonly reader: Reader;
  private readonly monthDays = new DateStrings();
  private inArticle = false;

  constructor(private readonly lines: Lines, private readonly dialect: Dialect, private readonly sink: DiagnosticSink) {
    this.reader = { lines, dialect, sink, draft: new ArticleDraft(), dates: new DateStrings(), split: { restEnd: 0 } };
  }

  /** Lines `from` to `to` (exclusive), after those read before. */
  read(from: number, to: number): void {
    const { lines, dialect, reader, sink } = this;
    for (let i = from; i < to; i++) {
      if (dialect.isFiller(lines, i)) {
        continue;
      }
      const number = readArticleNumber(lines.textOf(i), lines.start(i), lines.end(i), dialect.articlePrefix);
      if (number >= 0) {
        this.finishArticle(false);
        reader.draft.reset(number, i);
        this.inArticle = true;
        continue;
      }
      if (!this.inArticle) {
        if (lines.is(i, '-')) {
          continue; // the rule under the header
        }
        const entry = dialect.readTocEntry(lines, i, this.monthDays, reader.split);
        if (entry) {
          this.toc.push(entry);
        } else {
          sink.add(i, 'warning', 'This line is neither a table-of-contents entry nor an article; it was skipped.', 'stray-line');
        }
        continue;
      }
      readArticleLine(reader, i);
    }
  }

  /** The day's end: its last article is built. */
  finish(endsFile: boolean): { articles: Article[]; toc: TocEntry[] } {
    this.finishArticle(endsFile);
    this.inArticle = false;
    return { articles: this.articles, toc: this.toc };
  }

  private finishArticle(isLast: boolean): void {
    if (this.inArticle) {
      const article = buildArticle(this.reader.draft, this.lines, isLast, this.sink);
      if (article) {
        this.articles.push(article);
      }
    }
  }
}

function readArticleLine({ lines, dialect, sink, draft, dates, split }: Reader, i: number): void {
  draft.lastLine = i;
  const beforeAuthors = draft.authorsLine < 0;
  if (!beforeAuthors) {
    draft.abstractLines.push(i);
    return;
  }
  const text = lines.textOf(i);
  const start = lines.start(i);
  const end = lines.end(i);
  if (draft.titleAtLine < 0 && draft.titleLine < 0 && readTitleAt(text, start, end, dialect.titleAtPrefix, draft, dates, i)) {
    return;
  }
  if (draft.titleLine < 0) {
    const rest = restAfter(text, start, end, dialect.titlePrefix);
    if (rest >= 0) {
      readTitle(text, rest, end, dialect, draft, split);
      draft.titleLine = i;
      return;
    }
  }
  if (!readAuthors(text, start, end, dialect.authorsPrefix, draft, i)) {
    sink.add(i, 'warning', `Article ${draft.index}: this line was expected to be its Title@, Title or Authors line and was skipped.`, 'unexpected-line');
  }
}

/** The `Title:` remainder text[start, end): trailing blanks and (in text) the closing ` |` go, then the id, then the titles. */
function readTitle(text: string, start: number, end: number, dialect: Dialect, draft: ArticleDraft, split: IdSplit): void {
  let restEnd = trimEndAt(text, start, end);
  if (dialect.format === 'text' && restEnd > start && text.charCodeAt(restEnd - 1) === 124 /* | */) {
    restEnd = trimEndAt(text, start, restEnd - 1);
  }
  dialect.takeId(text, start, restEnd, split);
  splitTitles(text, start, split, draft);
}

/** `trimEnd()` by offsets. */
function trimEndAt(text: string, start: number, end: number): number {
  while (end > start && isJsWhitespace(text.charCodeAt(end - 1))) {
    end--;
  }
  return end;
}

function buildArticle(draft: ArticleDraft, lines: Lines, isLast: boolean, sink: DiagnosticSink): Article | undefined {
  const cutShort = isLast ? '; the file may be cut short' : '';
  const hasTitleAt = draft.titleAtLine >= 0;
  const titles: Translations = draft.titles ?? {};
  if (titles.en === undefined && hasTitleAt) {
    const en = presentSlice(draft.titleAtText, draft.titleAtStart, draft.titleAtEnd);
    if (en !== undefined) {
      titles.en = en;
    }
  }
  if (!hasTitleAt && draft.titleLine < 0) {
    sink.add(draft.line, 'error', `Article ${draft.index} has no title lines${cutShort}. It was skipped.`, 'no-title');
    return undefined;
  }
  if (draft.titleLine < 0) {
    sink.add(draft.line, 'warning', `Article ${draft.index} has no "Title:" line, so its German and Chinese titles and its arXiv id are missing${cutShort}.`, 'no-title-line');
  }

  let date: string | undefined;
  if (hasTitleAt) {
    if (isoWeekday(draft.titleAtDate) !== undefined) {
      date = draft.titleAtDate;
    } else {
      sink.add(draft.titleAtLine, 'warning', `Article ${draft.index}: "${draft.titleAtDate}" is not a real date.`, 'bad-date');
    }
  }
  const weekday = date === undefined ? undefined : isoWeekday(date);
  if (hasTitleAt && draft.titleAtWeekday !== undefined && weekday !== undefined && draft.titleAtWeekday !== weekday) {
    sink.add(draft.titleAtLine, 'warning', `Article ${draft.index}: ${date} is weekday ${weekday}, but the line says (${draft.titleAtWeekday}).`, 'wrong-weekday');
  }

  if (!draft.authors) {
    sink.add(draft.line, 'warning', `Article ${draft.index} has no Authors line${cutShort}.`, 'no-authors');
  } else if (draft.declaredAuthors !== draft.authors.length) {
    sink.add(draft.authorsLine, 'info', `Article ${draft.index} announces ${draft.declaredAuthors} authors but lists ${draft.authors.length}.`, 'author-count');
  }

  const abstracts = assignAbstracts(draft.index, draft.abstractLines, lines, sink);
  if (draft.authors && draft.abstractLines.length === 0) {
    sink.add(draft.line, 'warning', `Article ${draft.index} has no abstract${cutShort}.`, 'no-abstract');
  }
  if (draft.titleLine >= 0 && draft.titleId === undefined) {
    sink.add(draft.titleLine, 'warning', `Article ${draft.index}: the Title line does not end in a valid arXiv id.`, 'bad-id');
  }

  return {
    index: draft.index,
    date,
    weekday,
    arxivId: draft.titleId,
    titles,
    abstracts,
    authors: draft.authors ?? [],
    sourceLanguage: 'en',
    line: draft.line,
    endLine: draft.lastLine,
  };
}
