import { DiagnosticSink } from './diagnostics';
import { parseHeader, readFrontMatter, type Header } from './header';
import type { Article, Digest, DigestFormat, TocEntry } from './model';
import { MARKDOWN_DIALECT, TEXT_DIALECT, crossCheckToc, readArxivBody } from './parseArxiv';
import { readNewsBody } from './parseNews';
import { splitLines } from './text';

const EXAMPLE_HEADER = '"cs.DC @ 2025-06-01: 103"';

/**
 * Reads any digest variant (plain-text arXiv, Markdown arXiv, Markdown news),
 * telling them apart from the text itself. Never throws: what cannot be read
 * becomes a diagnostic and every readable article is kept.
 */
export function parseDigest(text: string): Digest {
  const lines = splitLines(typeof text === 'string' ? text : '');
  const sink = new DiagnosticSink();
  let first = 0;
  while (first < lines.length && lines[first] === '') {
    first++;
  }
  if (first === lines.length) {
    sink.add(0, 'error', `This file is empty; a digest starts with a header such as ${EXAMPLE_HEADER}.`, 'empty-file');
    return { kind: 'arxiv', format: 'text', subject: '', date: '', articles: [], toc: [], diagnostics: sink.finish() };
  }

  let format: DigestFormat = 'text';
  let header: Header | undefined;
  let headerLine = first;
  let bodyStart = first;
  const frontMatter = readFrontMatter(lines, first);
  if (frontMatter) {
    format = 'markdown';
    header = frontMatter.title === undefined ? undefined : parseHeader(frontMatter.title);
    headerLine = frontMatter.titleLine;
    bodyStart = frontMatter.bodyStart;
  } else {
    header = parseHeader(lines[first]);
    if (header) {
      bodyStart = first + 1;
    } else if (lines.some((line) => line.startsWith('## Article '))) {
      format = 'markdown';
    }
  }
  if (!header) {
    sink.add(headerLine, 'error', `This line should be the digest's header, such as ${EXAMPLE_HEADER}; subject, date and article count are unknown.`, 'no-header');
  }

  const kind = header?.kind ?? (lines.some((line) => line.startsWith('### Original (')) ? 'news' : 'arxiv');
  const subject = header?.subject ?? '';
  const date = header?.date ?? '';
  let articles: Article[];
  let toc: TocEntry[] = [];
  if (kind === 'news') {
    articles = readNewsBody(lines, bodyStart, subject, sink);
  } else {
    const dialect = format === 'markdown' ? MARKDOWN_DIALECT : TEXT_DIALECT;
    ({ articles, toc } = readArxivBody(lines, bodyStart, dialect, sink));
    crossCheckToc(articles, toc, date, sink);
  }

  if (header && header.declaredCount !== articles.length) {
    const found = articles.length === 1 ? '1 was' : `${articles.length} were`;
    const hint = articles.length < header.declaredCount ? '; the file may be cut short' : '';
    sink.add(headerLine, 'warning', `The header announces ${header.declaredCount} articles but ${found} found${hint}.`, 'header-count');
  }

  return { kind, format, subject, date, declaredCount: header?.declaredCount, articles, toc, diagnostics: sink.finish() };
}
