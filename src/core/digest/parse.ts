import { DiagnosticSink } from './diagnostics';
import { parseHeader, readFrontMatter, type Header } from './header';
import type { Article, Digest, DigestFormat, DigestKind, DigestSection, TocEntry } from './model';
import { MARKDOWN_DIALECT, TEXT_DIALECT, readArxivBody } from './parseArxiv';
import { readNewsBody } from './parseNews';
import { findSections, type SectionBounds } from './sections';
import { Lines, type TextPages } from './lines';
import { crossCheckToc } from './tocCheck';

const EXAMPLE_HEADER = '"cs.DC @ 2025-06-01: 103"';

/** Lines a step of the whole-file scans (sections, a headerless file's kind) takes. */
const SCAN_LINES_PER_STEP = 65_536;

/**
 * Reads any digest variant (plain-text arXiv, Markdown arXiv, Markdown news),
 * telling them apart from the text itself, and any number of days of them
 * one after another. Never throws: what cannot be read becomes a diagnostic
 * and every readable article is kept.
 */
export function parseDigest(text: string | TextPages): Digest {
  const steps = parseDigestSteps(text);
  for (;;) {
    const step = steps.next();
    if (step.done) {
      return step.value;
    }
  }
}

/**
 * `parseDigest` in steps of a few milliseconds each, for a huge digest on a
 * thread that must stay responsive (the extension host): the caller yields
 * to the event loop between steps as it sees fit. The same reader, the same result.
 */
export function* parseDigestSteps(text: string | TextPages): Generator<void, Digest, void> {
  const lines = yield* Lines.build(typeof text === 'string' ? [text] : Array.isArray(text) ? text : ['']);
  const sink = new DiagnosticSink();
  let first = 0;
  while (first < lines.count && lines.isEmpty(first)) {
    first++;
  }
  if (first === lines.count) {
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
    header = parseHeader(lines.at(first));
    if (header) {
      bodyStart = first + 1;
    } else if (yield* someLineStartsWith(lines, '## Article ')) {
      format = 'markdown';
    }
  }
  if (!header) {
    sink.add(headerLine, 'error', `This line should be the digest's header, such as ${EXAMPLE_HEADER}; subject, date and article count are unknown.`, 'no-header');
  }

  const kind = header?.kind ?? ((yield* someLineStartsWith(lines, '### Original (')) ? 'news' : 'arxiv');
  const subject = header?.subject ?? '';
  const date = header?.date ?? '';
  const bounds = yield* findSections(lines, { header, headerLine, bodyStart }, format, SCAN_LINES_PER_STEP);
  const articles: Article[] = [];
  const toc: TocEntry[] = [];
  const sections: DigestSection[] = [];
  for (let position = 0; position < bounds.length; position++) {
    const section = bounds[position];
    const endsFile = position === bounds.length - 1;
    const read = yield* readSection(lines, section, kind, format, subject, sink, endsFile);
    sections.push({
      subject: section.header?.subject ?? '',
      date: section.header?.date ?? '',
      declaredCount: section.header?.declaredCount,
      line: section.headerLine,
      endLine: section.end - 1,
      firstArticle: articles.length,
      articleCount: read.articles.length,
    });
    // push(...) would overflow the stack on a very large day.
    for (const article of read.articles) {
      articles.push(article);
    }
    for (const entry of read.toc) {
      toc.push(entry);
    }
  }

  const digest: Digest = { kind, format, subject, date, declaredCount: header?.declaredCount, articles, toc, diagnostics: sink.finish() };
  // A one-day digest stays exactly as it was before sections existed.
  if (sections.length > 1) {
    digest.sections = sections;
  }
  return digest;
}

function* someLineStartsWith(lines: Lines, prefix: string): Generator<void, boolean, void> {
  for (let i = 0; i < lines.count; i++) {
    if (lines.startsWith(i, prefix)) {
      return true;
    }
    if (i % SCAN_LINES_PER_STEP === SCAN_LINES_PER_STEP - 1) {
      yield;
    }
  }
  return false;
}

/** One day: its articles and TOC, checked against its own header. */
function* readSection(
  lines: Lines,
  section: SectionBounds,
  kind: DigestKind,
  format: DigestFormat,
  fileSubject: string,
  sink: DiagnosticSink,
  endsFile: boolean,
): Generator<void, { articles: Article[]; toc: TocEntry[] }, void> {
  const { header } = section;
  let articles: Article[];
  let toc: TocEntry[] = [];
  if (kind === 'news') {
    articles = readNewsBody(lines, section.bodyStart, section.end, header?.subject ?? fileSubject, sink, endsFile);
  } else {
    const dialect = format === 'markdown' ? MARKDOWN_DIALECT : TEXT_DIALECT;
    ({ articles, toc } = yield* readArxivBody(lines, section.bodyStart, section.end, dialect, sink, endsFile));
    yield;
    crossCheckToc(articles, toc, header?.date ?? '', sink);
  }
  if (header && header.declaredCount !== articles.length) {
    const found = articles.length === 1 ? '1 was' : `${articles.length} were`;
    const cutShort = endsFile ? '; the file may be cut short' : "; this day's digest may be cut short";
    const hint = articles.length < header.declaredCount ? cutShort : '';
    sink.add(section.headerLine, 'warning', `The header announces ${header.declaredCount} articles but ${found} found${hint}.`, 'header-count');
  }
  return { articles, toc };
}
