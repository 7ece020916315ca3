/** TeX math in digest text: which `$…$` spans the article panel typesets. */

export interface MathSpan {
  /** Index of the opening `$` in the text. */
  start: number;
  /** Index just after the closing `$`. */
  end: number;
  /** The TeX between the dollars. */
  tex: string;
}

const MATH = /\$([^$\n]{1,500})\$/g;

/** The `$…$` spans of `text`, in order. */
export function findMath(text: string): MathSpan[] {
  const spans: MathSpan[] = [];
  for (const match of text.matchAll(MATH)) {
    const start = match.index ?? 0;
    spans.push({ start, end: start + match[0].length, tex: match[1] });
  }
  return spans;
}
