/**
 * What the Library needs of a digest (subject, date, counts, article keys),
 * read fast: a few `indexOf` scans over the text instead of the full parser,
 * which splits every line and builds every article (about 5× a bare split).
 */
import { arxivIdWithoutVersion, articleKey } from '../digest/articleKey';
import { isArxivId } from '../digest/arxiv';
import { parseHeader, readFrontMatter, unquote, type Header } from '../digest/header';
import type { DigestFormat, DigestKind } from '../digest/model';
import { Lines } from '../digest/lines';
import { parseDigest } from '../digest/parse';

export interface DigestSummary {
  kind: DigestKind;
  format: DigestFormat;
  subject: string;
  /** The newest day's date (a file of several days lists each in `dates`). */
  date: string;
  /** Every day's header date, in file order. */
  dates: string[];
  /** Articles found (`Article N` blocks), not the header's claim. */
  articleCount: number;
  /** Article keys for read state: arXiv ids without version; for news, the keys `articleKey` gives. */
  keys: string[];
}

/** How many bytes of a file the head check needs: a header line or a Markdown front matter block. */
export const HEAD_BYTES = 4096;

/** Lines of front matter the head check looks at (as the parser does). */
const MAX_HEAD_LINES = 50;
const MAX_HEADER_LENGTH = 240;

/**
 * The digest header from a file's first bytes (a plain header line, or the
 * `title:` of Markdown front matter), or undefined when it is no digest.
 */
export function looksLikeDigest(head: string): { header: Header; format: DigestFormat } | undefined {
  const text = head.charCodeAt(0) === 0xfeff ? head.slice(1) : head;
  const lines = text.split('\n', MAX_HEAD_LINES + 1).map((line) => line.trimEnd());
  let first = 0;
  while (first < lines.length - 1 && lines[first] === '') {
    first++;
  }
  // The front matter reader works on the parser's line offsets: give it just these head lines.
  const frontMatter = readFrontMatter(new Lines(lines.join('\n')), first);
  if (frontMatter) {
    const header = frontMatter.title === undefined ? undefined : parseHeader(frontMatter.title);
    return header ? { header, format: 'markdown' } : undefined;
  }
  const line = lines[first];
  // A line cut off by the end of the head is no header.
  if (line === undefined || line.length > MAX_HEADER_LENGTH || first === lines.length - 1) {
    return undefined;
  }
  const header = parseHeader(line);
  return header ? { header, format: 'text' } : undefined;
}

/** The summary of a digest's whole text, or undefined when it does not start as a digest. */
export function summarizeDigest(text: string): DigestSummary | undefined {
  if (typeof text !== 'string') {
    return undefined;
  }
  const found = looksLikeDigest(text.slice(0, HEAD_BYTES * 2));
  if (!found) {
    return undefined;
  }
  const { header, format } = found;
  if (header.kind === 'news') {
    return summarizeNews(text, header, format);
  }
  const dates = format === 'text' ? textHeaderDates(text, header) : markdownHeaderDates(text, header);
  const articleMark = format === 'text' ? '\nArticle ' : '\n## Article ';
  const titleMark = format === 'text' ? '\nTitle: ' : '\n**Title**: ';
  const takeId = format === 'text' ? idOfTextTitle : idOfMarkdownTitle;
  const keys: string[] = [];
  let withoutId = 0;
  for (let at = text.indexOf(titleMark); at >= 0; at = text.indexOf(titleMark, at + 1)) {
    const id = takeId(lineAt(text, at + 1));
    if (id !== undefined) {
      keys.push(arxivIdWithoutVersion(id));
    } else {
      withoutId++;
    }
  }
  const articleCount = countArticleLines(text, articleMark);
  if (withoutId > 0 || keys.length !== articleCount) {
    // An article without an arXiv id (or without a title line) is keyed by its subject, date and title, as the
    // parser keys it: read state must name it alike in the Articles view and the Library. Rare: the parser reads these.
    const digest = parseDigest(text);
    return { kind: 'arxiv', format, subject: header.subject, date: newest(dates), dates, articleCount, keys: digest.articles.map((article) => articleKey(digest, article)) };
  }
  return { kind: 'arxiv', format, subject: header.subject, date: newest(dates), dates, articleCount, keys };
}

/** News digests are small and their keys need titles: the full parser reads them. */
function summarizeNews(text: string, header: Header, format: DigestFormat): DigestSummary {
  const digest = parseDigest(text);
  const dates = digest.sections ? digest.sections.map((section) => section.date).filter((date) => date !== '') : [header.date];
  const keys = digest.articles.map((article) => articleKey(digest, article));
  return { kind: 'news', format, subject: header.subject, date: newest(dates), dates, articleCount: digest.articles.length, keys };
}

/** The line starting at `start`, without its line end. */
function lineAt(text: string, start: number): string {
  let end = text.indexOf('\n', start);
  if (end < 0) {
    end = text.length;
  }
  return text.slice(start, end).trimEnd();
}

/** `Article 12` lines: the mark, digits, then the line end. */
function countArticleLines(text: string, mark: string): number {
  let count = 0;
  for (let at = text.indexOf(mark); at >= 0; at = text.indexOf(mark, at + mark.length)) {
    let i = at + mark.length;
    const digitsStart = i;
    while (i < text.length && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) {
      i++;
    }
    const next = text.charCodeAt(i);
    if (i > digitsStart && (i === text.length || next === 10 || next === 13 || next === 32)) {
      count++;
    }
  }
  return count;
}

/** `Title: <en> | <de> | <zh> 2505.23710v1 |`: the id is the last word before the closing bar. */
function idOfTextTitle(line: string): string | undefined {
  const rest = line.endsWith(' |') ? line.slice(0, -2) : line.endsWith('|') ? line.slice(0, -1) : line;
  const word = rest.slice(rest.lastIndexOf(' ') + 1);
  return isArxivId(word) ? word : undefined;
}

/** `**Title**: … [2405.03536v2](http://arxiv.org/abs/2405.03536v2)`: the id is the last link's text. */
function idOfMarkdownTitle(line: string): string | undefined {
  const open = line.lastIndexOf('[');
  const close = line.indexOf(']', open);
  if (open < 0 || close < 0 || line[close + 1] !== '(') {
    return undefined;
  }
  const id = line.slice(open + 1, close);
  return isArxivId(id) ? id : undefined;
}

/** Every day's date of a plain-text file: later days start with a header line of their own. */
function textHeaderDates(text: string, first: Header): string[] {
  const dates = [first.date];
  // Every header has " @ ". Searching for the rare "@" alone is several times faster than for " @ " (spaces are everywhere).
  const firstAt = text.indexOf(' @ ');
  for (let at = text.indexOf('@', firstAt + 3); at >= 0; at = text.indexOf('@', at + 1)) {
    if (text.charCodeAt(at - 1) !== 32 || text.charCodeAt(at + 1) !== 32) {
      continue;
    }
    const start = text.lastIndexOf('\n', at) + 1;
    if (at - start > MAX_HEADER_LENGTH) {
      continue; // too far into a line to be a header
    }
    const header = parseHeader(lineAt(text, start));
    if (header && header.kind === 'arxiv') {
      dates.push(header.date);
    }
  }
  return dates;
}

/** Every day's date of a Markdown file: later days start with front matter whose `title:` is a header. */
function markdownHeaderDates(text: string, first: Header): string[] {
  const dates = [first.date];
  const mark = '\ntitle:';
  const firstTitle = text.indexOf(mark);
  for (let at = text.indexOf(mark, firstTitle + 1); at >= 0 && firstTitle >= 0; at = text.indexOf(mark, at + mark.length)) {
    const header = parseHeader(unquote(lineAt(text, at + mark.length).trim()));
    // Inside front matter: the line before is `---` or another `key: value`.
    const previousStart = text.lastIndexOf('\n', at - 1) + 1;
    const previous = text.slice(previousStart, at).trimEnd();
    if (header && (previous === '---' || /^[A-Za-z_][A-Za-z0-9_-]{0,40}:/.test(previous))) {
      dates.push(header.date);
    }
  }
  return dates;
}

function newest(dates: readonly string[]): string {
  return dates.reduce((a, b) => (b > a ? b : a), '');
}
