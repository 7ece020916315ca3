/** arXiv identifiers and the pages built from them. */

// New style `2505.23710v1`; old style `math.GT/0309136v2`, `cs/0112017`.
const NEW_STYLE = String.raw`\d{4}\.\d{4,5}(?:v\d+)?`;
const OLD_STYLE = String.raw`[a-z][a-z-]*(?:\.[A-Z]{2})?\/\d{7}(?:v\d+)?`;
export const ARXIV_ID_SOURCE = `(?:${NEW_STYLE}|${OLD_STYLE})`;

const WHOLE_ID = new RegExp(`^${ARXIV_ID_SOURCE}$`);

export function isArxivId(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 64 && WHOLE_ID.test(value);
}

/**
 * `isArxivId(text.slice(start, end))` without the slice: the parser asks this
 * of the last word of every TOC and Title line. Kept equal to WHOLE_ID by a
 * property test.
 */
export function isArxivIdAt(text: string, start: number, end: number): boolean {
  if (end - start > 64 || end <= start) {
    return false;
  }
  const first = text.charCodeAt(start);
  let i: number;
  if (isDigit(first)) {
    i = digitsEnd(text, start, end);
    if (i - start !== 4 || i >= end || text.charCodeAt(i) !== 46 /* . */) {
      return false;
    }
    const minor = digitsEnd(text, i + 1, end);
    if (minor - (i + 1) < 4 || minor - (i + 1) > 5) {
      return false;
    }
    i = minor;
  } else if (first >= 97 && first <= 122) {
    i = start + 1;
    for (let code = text.charCodeAt(i); i < end && ((code >= 97 && code <= 122) || code === 45); code = text.charCodeAt(++i)) {
      // [a-z-]*
    }
    if (i < end && text.charCodeAt(i) === 46 /* . */) {
      if (i + 3 > end || !isUpper(text.charCodeAt(i + 1)) || !isUpper(text.charCodeAt(i + 2))) {
        return false;
      }
      i += 3;
    }
    if (i >= end || text.charCodeAt(i) !== 47 /* / */) {
      return false;
    }
    const number = digitsEnd(text, i + 1, end);
    if (number - (i + 1) !== 7) {
      return false;
    }
    i = number;
  } else {
    return false;
  }
  if (i === end) {
    return true;
  }
  // A version: v and at least one digit, to the end.
  return text.charCodeAt(i) === 118 /* v */ && i + 1 < end && digitsEnd(text, i + 1, end) === end;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isUpper(code: number): boolean {
  return code >= 65 && code <= 90;
}

/** First offset at or after `start` (below `end`) that is no ASCII digit. */
export function digitsEnd(text: string, start: number, end: number): number {
  let i = start;
  while (i < end && isDigit(text.charCodeAt(i))) {
    i++;
  }
  return i;
}

export interface ArxivUrls {
  abs: string;
  pdf: string;
  html: string;
}

/** The article's pages, or undefined when `id` is not a valid arXiv id (never a URL built from other text). */
export function arxivUrls(id: string | undefined): ArxivUrls | undefined {
  if (!isArxivId(id)) {
    return undefined;
  }
  return {
    abs: `https://arxiv.org/abs/${id}`,
    pdf: `https://arxiv.org/pdf/${id}`,
    html: `https://arxiv.org/html/${id}`,
  };
}
