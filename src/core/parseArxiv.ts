/**
 * arXiv digests, plain text and Markdown. The two renderings carry the same
 * lines with different decoration, so one reader serves both through a
 * dialect: a table of patterns.
 */
import { isArxivId } from './arxiv';
import type { DiagnosticSink } from './diagnostics';
import type { Article, DigestFormat, TocEntry, Translations } from './model';
import { assignAbstracts } from './abstracts';
import { isoWeekday, presentText, trimSpaces } from './text';

interface Dialect {
  format: DigestFormat;
  articleStart: RegExp;
  titleAt: RegExp;
  title: RegExp;
  authors: RegExp;
  /** Captures index, MM-DD and weekday of an entry; its id is at the end of the line. */
  toc: RegExp;
  /** Splits the arXiv id off the end of a `Title:` or TOC remainder. */
  takeId(rest: string): { rest: string; id?: string };
  /** Lines that only decorate (blank lines, rules). */
  isFiller(line: string): boolean;
}

/** `… 2505.23710v1 -` / `… 2505.23710v1 |`: the id is the last word. */
function takeTrailingWord(rest: string): { rest: string; id?: string } {
  const space = rest.lastIndexOf(' ');
  const word = rest.slice(space + 1);
  return isArxivId(word) ? { rest: space < 0 ? '' : rest.slice(0, space), id: word } : { rest };
}

/** `… [2405.03536v2](http://arxiv.org/abs/2405.03536v2)`: the id is the last link's text. */
function takeTrailingLink(rest: string): { rest: string; id?: string } {
  const open = rest.lastIndexOf('[');
  const link = /^\[([^\]]{1,64})\]\([^)\s]{0,300}\)$/.exec(rest.slice(open));
  if (open < 0 || !link) {
    return { rest };
  }
  return { rest: rest.slice(0, open), id: isArxivId(link[1]) ? link[1] : undefined };
}

export const TEXT_DIALECT: Dialect = {
  format: 'text',
  articleStart: /^Article (\d{1,7})$/,
  titleAt: /^Title@(\d{4}-\d{2}-\d{2})(?: \((\d)\))?: ?(.*)$/,
  title: /^Title: ?(.*)$/,
  authors: /^Authors \((\d{1,5})\):? ?(.*)$/,
  toc: /^(\d{1,7}) (\d{2}-\d{2})(?: \((\d)\))? /,
  takeId(rest) {
    return takeTrailingWord(rest.endsWith(' -') ? rest.slice(0, -2) : rest);
  },
  isFiller: (line) => line === '',
};

export const MARKDOWN_DIALECT: Dialect = {
  format: 'markdown',
  articleStart: /^## Article (\d{1,7})$/,
  titleAt: /^### Title@(\d{4}-\d{2}-\d{2})(?: \((\d)\))?: ?(.*)$/,
  title: /^\*\*Title\*\*: ?(.*)$/,
  authors: /^\*\*Authors\*\* \((\d{1,5})\):? ?(.*)$/,
  toc: /^- \[(\d{1,7})\]\(#article-\d{1,7}\) \| (?:\*\*)?(\d{2}-\d{2})(?: \((\d)\))?(?:\*\*)? \| /,
  takeId: takeTrailingLink,
  isFiller: (line) => line === '' || line === '---',
};

interface Draft {
  index: number;
  line: number;
  lastLine: number;
  titleAt?: { date: string; weekday?: number; title: string; line: number };
  title?: { titles: Translations; id?: string; line: number };
  authors?: { declared: number; names: string[]; line: number };
  /** Line numbers of the abstract lines (their text stays in `lines`). */
  abstracts: number[];
}

/**
 * Reads the TOC and the article bodies of lines `start` to `end` (exclusive;
 * one day of the file). Never throws on content: each article is read on its
 * own, and what is wrong with it becomes a diagnostic. `endsFile`: the last
 * article may be cut short by the end of the file.
 */
export function readArxivBody(
  lines: string[],
  start: number,
  end: number,
  dialect: Dialect,
  sink: DiagnosticSink,
  endsFile: boolean,
): { articles: Article[]; toc: TocEntry[] } {
  const toc: TocEntry[] = [];
  const articles: Article[] = [];
  let draft: Draft | undefined;

  const finish = (isLast: boolean): void => {
    if (draft) {
      const article = buildArticle(draft, lines, isLast, sink);
      if (article) {
        articles.push(article);
      }
    }
  };

  for (let i = start; i < end; i++) {
    const line = lines[i];
    if (dialect.isFiller(line)) {
      continue;
    }
    const opening = dialect.articleStart.exec(line);
    if (opening) {
      finish(false);
      draft = { index: Number(opening[1]), line: i, lastLine: i, abstracts: [] };
      continue;
    }
    if (!draft) {
      if (line === '-') {
        continue; // the rule under the header
      }
      const entry = readTocEntry(line, i, dialect);
      if (entry) {
        toc.push(entry);
      } else {
        sink.add(i, 'warning', 'This line is neither a table-of-contents entry nor an article; it was skipped.', 'stray-line');
      }
      continue;
    }
    readArticleLine(draft, line, i, dialect, sink);
  }
  finish(endsFile);
  return { articles, toc };
}

function readTocEntry(line: string, lineNumber: number, dialect: Dialect): TocEntry | undefined {
  const match = dialect.toc.exec(line);
  if (!match) {
    return undefined;
  }
  const { id } = dialect.takeId(line);
  return {
    index: Number(match[1]),
    monthDay: match[2],
    weekday: match[3] ? Number(match[3]) : undefined,
    arxivId: id,
    line: lineNumber,
  };
}

function readArticleLine(draft: Draft, line: string, i: number, dialect: Dialect, sink: DiagnosticSink): void {
  draft.lastLine = i;
  const beforeAuthors = !draft.authors;
  if (beforeAuthors && !draft.titleAt && !draft.title) {
    const titleAt = dialect.titleAt.exec(line);
    if (titleAt) {
      draft.titleAt = { date: titleAt[1], weekday: titleAt[2] ? Number(titleAt[2]) : undefined, title: titleAt[3], line: i };
      return;
    }
  }
  if (beforeAuthors && !draft.title) {
    const title = dialect.title.exec(line);
    if (title) {
      const { titles, id } = splitTitles(title[1], dialect, draft.titleAt?.title);
      draft.title = { titles, id, line: i };
      return;
    }
  }
  if (beforeAuthors) {
    const authors = dialect.authors.exec(line);
    if (authors) {
      draft.authors = { declared: Number(authors[1]), names: splitNames(authors[2]), line: i };
      return;
    }
    sink.add(i, 'warning', `Article ${draft.index}: this line was expected to be its Title@, Title or Authors line and was skipped.`, 'unexpected-line');
    return;
  }
  draft.abstracts.push(i);
}

function splitNames(list: string): string[] {
  const names: string[] = [];
  let start = 0;
  while (start <= list.length) {
    let end = list.indexOf(',', start);
    if (end < 0) {
      end = list.length;
    }
    const name = trimSpaces(list.slice(start, end));
    if (name !== '') {
      names.push(name);
    }
    start = end + 1;
  }
  return names;
}

/** `en | de | zh <id> |`: an empty translation leaves `|  |`. */
function splitTitles(text: string, dialect: Dialect, englishFromTitleAt?: string): { titles: Translations; id?: string } {
  let rest = text.trimEnd();
  if (dialect.format === 'text' && rest.endsWith('|')) {
    rest = rest.slice(0, -1).trimEnd();
  }
  const taken = dialect.takeId(rest);
  rest = taken.rest;
  const titles: Translations = {};
  const firstBar = rest.indexOf('|');
  if (firstBar < 0) {
    setIfPresent(titles, 'en', rest);
    return { titles, id: taken.id };
  }
  const lastBar = rest.lastIndexOf('|');
  if (firstBar === lastBar) {
    setIfPresent(titles, 'en', rest.slice(0, firstBar));
    setIfPresent(titles, 'de', rest.slice(firstBar + 1));
    return { titles, id: taken.id };
  }
  // A title may hold a `|` itself: anchor on the English title we already know; Chinese is after the last bar.
  const enEnd = englishFromTitleAt !== undefined && rest.startsWith(englishFromTitleAt + ' |') ? englishFromTitleAt.length + 1 : firstBar;
  setIfPresent(titles, 'en', rest.slice(0, enEnd));
  setIfPresent(titles, 'de', rest.slice(enEnd + 1, lastBar));
  setIfPresent(titles, 'zh', rest.slice(lastBar + 1));
  return { titles, id: taken.id };
}

function setIfPresent(target: Translations, language: string, value: string | undefined): void {
  const text = presentText(value);
  if (text !== undefined) {
    target[language] = text;
  }
}

function buildArticle(draft: Draft, lines: readonly string[], isLast: boolean, sink: DiagnosticSink): Article | undefined {
  const cutShort = isLast ? '; the file may be cut short' : '';
  const titles: Translations = draft.title?.titles ?? {};
  if (titles.en === undefined && draft.titleAt) {
    const en = presentText(draft.titleAt.title);
    if (en !== undefined) {
      titles.en = en;
    }
  }
  if (!draft.titleAt && !draft.title) {
    sink.add(draft.line, 'error', `Article ${draft.index} has no title lines${cutShort}. It was skipped.`, 'no-title');
    return undefined;
  }
  if (!draft.title) {
    sink.add(draft.line, 'warning', `Article ${draft.index} has no "Title:" line, so its German and Chinese titles and its arXiv id are missing${cutShort}.`, 'no-title-line');
  }

  let date: string | undefined;
  if (draft.titleAt) {
    if (isoWeekday(draft.titleAt.date) !== undefined) {
      date = draft.titleAt.date;
    } else {
      sink.add(draft.titleAt.line, 'warning', `Article ${draft.index}: "${draft.titleAt.date}" is not a real date.`, 'bad-date');
    }
  }
  const weekday = date === undefined ? undefined : isoWeekday(date);
  if (draft.titleAt?.weekday !== undefined && weekday !== undefined && draft.titleAt.weekday !== weekday) {
    sink.add(draft.titleAt.line, 'warning', `Article ${draft.index}: ${date} is weekday ${weekday}, but the line says (${draft.titleAt.weekday}).`, 'wrong-weekday');
  }

  if (!draft.authors) {
    sink.add(draft.line, 'warning', `Article ${draft.index} has no Authors line${cutShort}.`, 'no-authors');
  } else if (draft.authors.declared !== draft.authors.names.length) {
    sink.add(draft.authors.line, 'info', `Article ${draft.index} announces ${draft.authors.declared} authors but lists ${draft.authors.names.length}.`, 'author-count');
  }

  const abstracts = assignAbstracts(draft.index, draft.abstracts, lines, sink);
  if (draft.authors && draft.abstracts.length === 0) {
    sink.add(draft.line, 'warning', `Article ${draft.index} has no abstract${cutShort}.`, 'no-abstract');
  }
  if (draft.title && draft.title.id === undefined) {
    sink.add(draft.title.line, 'warning', `Article ${draft.index}: the Title line does not end in a valid arXiv id.`, 'bad-id');
  }

  return {
    index: draft.index,
    date,
    weekday,
    arxivId: draft.title?.id,
    titles,
    abstracts,
    authors: draft.authors?.names ?? [],
    sourceLanguage: 'en',
    line: draft.line,
    endLine: draft.lastLine,
  };
}
