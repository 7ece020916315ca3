/** Digest headers: `cs.DC @ 2025-06-01: 103` and `German News for 2025-06-01: 003`. */
import type { Lines } from './lines';

export interface Header {
  kind: 'arxiv' | 'news';
  subject: string;
  date: string;
  declaredCount: number;
}

const ARXIV_HEADER = /^(\S{1,100}) @ (\d{4}-\d{2}-\d{2}): (\d{1,7})$/;
const NEWS_HEADER = /^(\S.{0,200}?) for (\d{4}-\d{2}-\d{2}): (\d{1,7})$/;

export function parseHeader(text: string): Header | undefined {
  const arxiv = ARXIV_HEADER.exec(text);
  if (arxiv) {
    return { kind: 'arxiv', subject: arxiv[1], date: arxiv[2], declaredCount: Number(arxiv[3]) };
  }
  const news = NEWS_HEADER.exec(text);
  if (news) {
    return { kind: 'news', subject: news[1], date: news[2], declaredCount: Number(news[3]) };
  }
  return undefined;
}

export interface FrontMatter {
  /** Line of the `title:` entry, or of the opening `---` when there is none. */
  titleLine: number;
  title?: string;
  /** First line after the closing `---`. */
  bodyStart: number;
}

/** Reads Jekyll front matter (`---` … `---`) starting at `start`, if there is one. */
export function readFrontMatter(lines: Lines, start: number): FrontMatter | undefined {
  if (!lines.is(start, '---')) {
    return undefined;
  }
  let titleLine = start;
  let title: string | undefined;
  for (let i = start + 1; i < lines.count && i < start + 50; i++) {
    if (lines.is(i, '---')) {
      return { titleLine, title, bodyStart: i + 1 };
    }
    if (lines.startsWith(i, 'title:')) {
      titleLine = i;
      title = unquote(lines.at(i).slice(6).trim());
    }
  }
  return undefined;
}

/** `"…"` or `'…'` → `…`, as YAML reads a quoted scalar. */
export function unquote(value: string): string {
  if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value[value.length - 1] === value[0]) {
    return value.slice(1, -1);
  }
  return value;
}
