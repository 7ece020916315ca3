/**
 * Days in one file. A reader may concatenate digests, so a header in the
 * middle of a file (a header line in text, a front matter block in Markdown)
 * ends the article before it and starts a new section with its own TOC.
 */
import { parseHeader, unquote, type Header } from './header';
import type { Lines } from './lines';
import type { DigestFormat } from './model';

export interface SectionBounds {
  header?: Header;
  /** Line of the header (the `title:` line in Markdown); for a headerless first section, the line where one was expected. */
  headerLine: number;
  /** First line after the header or its front matter. */
  bodyStart: number;
  /** First line after the section: where the next header's block begins, or the line count. */
  end: number;
}

/** Longest header line: a 100-character subject, " @ ", a date, ": " and 7 digits; news headers up to ~230. */
const MAX_HEADER_LENGTH = 240;

/** Front matter keys are short `key: value` lines; more lines than this is no front matter. */
const MAX_FRONT_MATTER_LINES = 20;
const FRONT_MATTER_KEY = /^[A-Za-z_][A-Za-z0-9_-]{0,40}:/;

/** Splits the file from `first` on (the first section, already read) at each later header; a step every `linesPerStep` lines. */
export function* findSections(lines: Lines, first: Omit<SectionBounds, 'end'>, format: DigestFormat, linesPerStep: number): Generator<void, SectionBounds[], void> {
  const sections: SectionBounds[] = [];
  let current = first;
  let stepEnd = first.bodyStart + linesPerStep;
  for (let i = first.bodyStart; i < lines.count; i++) {
    const next = format === 'text' ? headerLineAt(lines, i) : frontMatterAt(lines, i);
    if (next) {
      sections.push({ ...current, end: i });
      current = next;
      i = next.bodyStart - 1;
    }
    if (i >= stepEnd) {
      stepEnd = i + linesPerStep;
      yield;
    }
  }
  sections.push({ ...current, end: lines.count });
  return sections;
}

function headerLineAt(lines: Lines, i: number): Omit<SectionBounds, 'end'> | undefined {
  const last = lines.lastCode(i);
  // Every header ends in a digit; most lines do not, and are neither read nor sliced for the regexes.
  if (lines.length(i) > MAX_HEADER_LENGTH || !(last >= 48 && last <= 57) || !countAfterColon(lines, i)) {
    return undefined;
  }
  const header = parseHeader(lines.at(i));
  return header ? { header, headerLine: i, bodyStart: i + 1 } : undefined;
}

/** A header ends in `: <digits>`; `Article 12` and TOC lines ending in a digit do not, and skip the regexes. */
function countAfterColon(lines: Lines, i: number): boolean {
  const text = lines.textOf(i);
  const start = lines.start(i);
  let at = lines.end(i) - 1;
  while (at > start && text.charCodeAt(at) >= 48 && text.charCodeAt(at) <= 57) {
    at--;
  }
  return at - 1 > start && text.charCodeAt(at) === 32 && text.charCodeAt(at - 1) === 58;
}

/**
 * A front matter block with a digest header as its title: `---`, then only
 * `key: value` lines, then `---`. Stricter than the file's first front
 * matter, because `---` also closes every Markdown article.
 */
function frontMatterAt(lines: Lines, i: number): Omit<SectionBounds, 'end'> | undefined {
  if (!lines.is(i, '---')) {
    return undefined;
  }
  let header: Header | undefined;
  let headerLine = -1;
  for (let j = i + 1; j < lines.count && j <= i + MAX_FRONT_MATTER_LINES; j++) {
    if (lines.is(j, '---')) {
      return header ? { header, headerLine, bodyStart: j + 1 } : undefined;
    }
    const line = lines.at(j);
    if (!FRONT_MATTER_KEY.test(line)) {
      return undefined;
    }
    if (line.startsWith('title:')) {
      header = parseHeader(unquote(line.slice(6).trim()));
      headerLine = j;
    }
  }
  return undefined;
}

