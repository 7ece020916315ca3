/**
 * Days in one file. A reader may concatenate digests, so a header in the
 * middle of a file (a header line in text, a front matter block in Markdown)
 * ends the article before it and starts a new section with its own TOC.
 */
import { parseHeader, unquote, type Header } from './header';
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

/** Splits the file from `first` on (the first section, already read) at each later header. */
export function findSections(lines: readonly string[], first: Omit<SectionBounds, 'end'>, format: DigestFormat): SectionBounds[] {
  const sections: SectionBounds[] = [];
  let current = first;
  for (let i = first.bodyStart; i < lines.length; i++) {
    const next = format === 'text' ? headerLineAt(lines, i) : frontMatterAt(lines, i);
    if (next) {
      sections.push({ ...current, end: i });
      current = next;
      i = next.bodyStart - 1;
    }
  }
  sections.push({ ...current, end: lines.length });
  return sections;
}

function headerLineAt(lines: readonly string[], i: number): Omit<SectionBounds, 'end'> | undefined {
  const line = lines[i];
  const last = line.charCodeAt(line.length - 1);
  // Every header ends in a digit; most lines do not, and skip the regexes.
  if (line.length > MAX_HEADER_LENGTH || !(last >= 48 && last <= 57)) {
    return undefined;
  }
  const header = parseHeader(line);
  return header ? { header, headerLine: i, bodyStart: i + 1 } : undefined;
}

/**
 * A front matter block with a digest header as its title: `---`, then only
 * `key: value` lines, then `---`. Stricter than the file's first front
 * matter, because `---` also closes every Markdown article.
 */
function frontMatterAt(lines: readonly string[], i: number): Omit<SectionBounds, 'end'> | undefined {
  if (lines[i] !== '---') {
    return undefined;
  }
  let header: Header | undefined;
  let headerLine = -1;
  for (let j = i + 1; j < lines.length && j <= i + MAX_FRONT_MATTER_LINES; j++) {
    const line = lines[j];
    if (line === '---') {
      return header ? { header, headerLine, bodyStart: j + 1 } : undefined;
    }
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

