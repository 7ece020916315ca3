/**
 * What the Library needs of a digest (subject, date, counts, article keys),
 * read fast: a few `indexOf` scans over the text instead of the full parser,
 * which splits every line and builds every article (about 5× a bare split).
 */
import { arxivIdWithoutVersion, articleKey } from '../digest/articleKey';
import { isArxivId } from '../digest/arxiv';
import { parseHeader, readFrontMatter, unquote, type Header } from '../digest/header';
import type { Digest, DigestFormat, DigestKind } from '../digest/model';
import { Lines } from '../digest/lines';
import { headOf, linePages, type TextPages } from '../digest/pages';
import { parseDigestSteps } from '../digest/parse';

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
  const frontMatter = readFrontMatter(Lines.of(lines.join('\n')), first);
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

/** The summary of a digest's whole text (or its pages), or undefined when it does not start as a digest. */
export function summarizeDigest(text: string | TextPages): DigestSummary | undefined {
  const steps = summarizeDigestSteps(text);
  for (;;) {
    const step = steps.next();
    if (step.done) {
      return step.value;
    }
  }
}

/**
 * `summarizeDigest` a page at a time (see TextPages): a huge digest is
 * summarized in steps of a millisecond or so, between which the caller
 * yields to the event loop. The same reader, the same result.
 */
export function* summarizeDigestSteps(text: string | TextPages): Generator<void, DigestSummary | undefined, void> {
  const pages = typeof text === 'string' ? [text] : Array.isArray(text) ? linePages(text) : undefined;
  if (!pages) {
    return undefined;
  }
  const found = looksLikeDigest(headOf(pages, HEAD_BYTES * 2));
  if (!found) {
    return undefined;
  }
  const { header, format } = found;
  if (header.kind === 'news') {
    return summarizeNews(yield* parseDigestSteps(pages), header, format);
  }
  const dates = format === 'text' ? yield* textHeaderDates(pages, header) : yield* markdownHeaderDates(pages, header);
  const articlePrefix = format === 'text' ? 'Article ' : '## Article ';
  const titlePrefix = format === 'text' ? 'Title: ' : '**Title**: ';
  const takeId = format === 'text' ? idOfTextTitle : idOfMarkdownTitle;
  const keys: string[] = [];
  let withoutId = 0;
  let articleCount = 0;
  for (let p = 0; p < pages.length; p++) {
    const page = pages[p];
    forEachLineStartingWith(page, p > 0, titlePrefix, (start) => {
      const id = takeId(lineAt(page, start));
      if (id !== undefined) {
        keys.push(arxivIdWithoutVersion(id));
      } else {
        withoutId++;
      }
    });
    forEachLineStartingWith(page, p > 0, articlePrefix, (start) => {
      if (isArticleLine(page, start + articlePrefix.length)) {
        articleCount++;
      }
    });
    yield;
  }
  if (withoutId > 0 || keys.length !== articleCount) {
    // An article without an arXiv id (or without a title line) is keyed by its subject, date and title, as the
    // parser keys it: read state must name it alike in the Articles view and the Library. Rare: the parser reads these.
    const digest = yield* parseDigestSteps(pages);
    return { kind: 'arxiv', format, subject: header.subject, date: newest(dates), dates, articleCount, keys: digest.articles.map((article) => articleKey(digest, article)) };
  }
  return { kind: 'arxiv', format, subject: header.subject, date: newest(dates), dates, articleCount, keys };
}

/** News digests are small and their keys need titles: the full parser reads them. */
function summarizeNews(digest: Digest, header: Header, format: DigestFormat): DigestSummary {
  const dates = digest.sections ? digest.sections.map((section) => section.date).filter((date) => date !== '') : [header.date];
  const keys = digest.articles.map((article) => articleKey(digest, article));
  return { kind: 'news', format, subject: header.subject, date: newest(dates), dates, articleCount: digest.articles.length, keys };
}

/**
 * Calls `visit` with the start of each line of `page` that starts with
 * `prefix` (found as `\n` + prefix: a few `indexOf` scans, not a look at
 * every line). A page after the first starts a line itself; the text's
 * first line is its header, never such a line.
 */
function forEachLineStartingWith(page: string, startsLine: boolean, prefix: string, visit: (lineStart: number) => void): void {
  if (startsLine && page.startsWith(prefix)) {
    visit(0);
  }
  const mark = '\n' + prefix;
  for (let at = page.indexOf(mark); at >= 0; at = page.indexOf(mark, at + mark.length)) {
    visit(at + 1);
  }
}

/** The line starting at `start`, without its line end. */
function lineAt(text: string, start: number): string {
  let end = text.indexOf('\n', start);
  if (end < 0) {
    end = text.length;
  }
  return text.slice(start, end).trimEnd();
}

/** After `Article `: digits, then the line end (or a space). */
function isArticleLine(text: string, digitsStart: number): boolean {
  let i = digitsStart;
  while (i < text.length && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) {
    i++;
  }
  const next = text.charCodeAt(i);
  return i > digitsStart && (i === text.length || next === 10 || next === 13 || next === 32);
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

/** Every day's date of a plain-text file: later days start with a header line of their own. A step per page. */
function* textHeaderDates(pages: TextPages, first: Header): Generator<void, string[], void> {
  const dates = [first.date];
  // Every header has " @ ". Searching for the rare "@" alone is several times faster than for " @ " (spaces are everywhere).
  // The first header's own " @ " (after any blank lines, perhaps on a later page) is not looked at again.
  let firstPage = 0;
  let firstAt = -1;
  while (firstPage < pages.length - 1 && (firstAt = pages[firstPage].indexOf(' @ ')) < 0) {
    firstPage++;
  }
  firstAt = pages[firstPage].indexOf(' @ ');
  for (let p = firstPage; p < pages.length; p++) {
    const text = pages[p];
    for (let at = text.indexOf('@', p === firstPage ? firstAt + 3 : 0); at >= 0; at = text.indexOf('@', at + 1)) {
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
    yield;
  }
  return dates;
}

/** Every day's date of a Markdown file: later days start with front matter whose `title:` is a header. A step per page. */
function* markdownHeaderDates(pages: TextPages, first: Header): Generator<void, string[], void> {
  const dates = [first.date];
  let firstSeen = false;
  for (let p = 0; p < pages.length; p++) {
    const text = pages[p];
    forEachLineStartingWith(text, p > 0, 'title:', (start) => {
      if (!firstSeen) {
        firstSeen = true; // the file's own front matter: its date is `first`
        return;
      }
      const header = parseHeader(unquote(lineAt(text, start + 'title:'.length).trim()));
      // Inside front matter: the line before is `---` or another `key: value`.
      const previous = start > 0 ? lineBefore(text, start) : lineBefore(pages[p - 1], pages[p - 1].length);
      if (header && (previous === '---' || /^[A-Za-z_][A-Za-z0-9_-]{0,40}:/.test(previous))) {
        dates.push(header.date);
      }
    });
    yield;
  }
  return dates;
}

/** The line that ends just before `lineStart` (which follows a line feed), trimmed at its end. */
function lineBefore(text: string, lineStart: number): string {
  const start = text.lastIndexOf('\n', lineStart - 2) + 1;
  return text.slice(start, lineStart - 1).trimEnd();
}

function newest(dates: readonly string[]): string {
  return dates.reduce((a, b) => (b > a ? b : a), '');
}
