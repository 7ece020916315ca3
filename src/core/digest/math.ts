/**
 * TeX math in digest text: which dollars the article panel typesets. The rule
 * is Pandoc's `tex_math_dollars`, so that prices stay text:
 * - an opening `$` has a non-space character right after it, a closing `$` a
 *   non-space character right before it and no digit right after it
 *   (`$5 and $10` is no math, `$Δ$-Nets` is);
 * - `\$` is a literal dollar, in text and in math;
 * - `$$…$$` is math too (display math, set inline here).
 * Math holds no line break and at most MAX_TEX_LENGTH characters. The grammar's
 * "math" rule (syntaxes/digest.tmLanguage.json) follows the same rule.
 */

export interface MathSpan {
  /** Index of the opening `$` in the text. */
  start: number;
  /** Index just after the closing `$` (or `$$`). */
  end: number;
  /** The TeX between the dollars, as written (`\$` stays escaped). */
  tex: string;
}

/** Longer "math" is taken for two stray dollars; it also bounds the work per dollar. */
export const MAX_TEX_LENGTH = 500;

const DOLLAR = 36;
const BACKSLASH = 92;
const NEWLINE = 10;

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === NEWLINE || code === 13 || code === 0xa0 || code === 0x3000 || (code >= 0x2000 && code <= 0x200a);
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/**
 * The first unescaped `$` at or after `from` within MAX_TEX_LENGTH characters
 * (an escape pair counts as one), or where the search stopped: a line break,
 * the bound or the end of the text. `found` says which.
 */
function scanToDollar(text: string, from: number): { at: number; found: boolean } {
  let i = from;
  for (let length = 0; i < text.length && length <= MAX_TEX_LENGTH; length++) {
    const code = text.charCodeAt(i);
    if (code === DOLLAR) {
      return { at: i, found: length > 0 };
    }
    if (code === NEWLINE) {
      break;
    }
    if (code === BACKSLASH) {
      if (i + 1 >= text.length || text.charCodeAt(i + 1) === NEWLINE) {
        break;
      }
      i += 2;
    } else {
      i++;
    }
  }
  return { at: i, found: false };
}

/**
 * The math spans of `text`, in order. Linear: a failed opening resumes the
 * scan where its search for a closing dollar stopped, as nothing between can
 * open math.
 */
export function findMath(text: string): MathSpan[] {
  const spans: MathSpan[] = [];
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === BACKSLASH) {
      i += 2; // `\$` and any other escape pair is text
      continue;
    }
    if (code !== DOLLAR) {
      i++;
      continue;
    }
    if (text.charCodeAt(i + 1) === DOLLAR) {
      // `$$…$$`: the first dollar after the content must be the first of two.
      const close = scanToDollar(text, i + 2);
      if (close.found && text.charCodeAt(close.at + 1) === DOLLAR) {
        spans.push({ start: i, end: close.at + 2, tex: text.slice(i + 2, close.at) });
        i = close.at + 2;
      } else {
        i++; // the second dollar may still open inline math
      }
      continue;
    }
    if (i + 1 >= text.length || isSpace(text.charCodeAt(i + 1))) {
      i++;
      continue;
    }
    const close = scanToDollar(text, i + 1);
    if (close.found && !isSpace(text.charCodeAt(close.at - 1)) && !isDigit(text.charCodeAt(close.at + 1))) {
      spans.push({ start: i, end: close.at + 1, tex: text.slice(i + 1, close.at) });
      i = close.at + 1;
    } else {
      i = close.at; // the dollar that failed to close may open math itself
    }
  }
  return spans;
}
