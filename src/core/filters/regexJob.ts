/**
 * The regular-expression part of a filter, as one self-contained function:
 * it runs in a worker (see src/filters/regexRunner.ts, which sends it as
 * source text), so it may use nothing from outside its own body.
 */

export interface RegexJob {
  terms: { source: string; flags: string }[];
  texts: string[];
  /** Ranges kept per term and text: enough to highlight, bounded for the message back. */
  maxRanges: number;
}

/** `[term][text]`: flat `[start, end, start, end, …]`; an empty array: no match; `[0, 0]`: an empty match. */
export type RegexJobResult = number[][][];

export function runRegexJob(job: RegexJob): RegexJobResult {
  return job.terms.map((term) => {
    const regex = new RegExp(term.source, `${term.flags}g`);
    return job.texts.map((text) => {
      const ranges: number[] = [];
      regex.lastIndex = 0;
      let match: RegExpExecArray | null;
      while (ranges.length < job.maxRanges * 2 && (match = regex.exec(text)) !== null) {
        ranges.push(match.index, match.index + match[0].length);
        if (match[0].length === 0) {
          regex.lastIndex++; // an empty match would match again at the same place
        }
      }
      return ranges;
    });
  });
}
