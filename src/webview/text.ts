/**
 * Digest text into the page. Every field is untrusted: text is inserted with
 * text nodes only; TeX between `$…$` goes through KaTeX with `trust: false`,
 * rendered as MathML (no inline styles, so the strict CSP holds), and falls
 * back to the literal text when KaTeX cannot read it.
 */
import katex from 'katex';
import { findMath } from '../core/digest/math';
import { element } from './dom';

/** Ranges `[start, end)` a saved filter matched in one field. */
export type Ranges = readonly (readonly [number, number])[];

/**
 * Appends `text[from, to)` as text nodes, the parts inside `ranges` wrapped in
 * `<mark>` (text inside a mark is a text node too: never markup); in TeX text `\$` reads `$`.
 */
export function appendMarked(parent: HTMLElement, text: string, from: number, to: number, ranges: Ranges, tex = false): void {
  const plain = (start: number, end: number): Text => document.createTextNode(tex ? text.slice(start, end).replace(/\\\$/g, '$') : text.slice(start, end));
  let at = from;
  for (const [rangeStart, rangeEnd] of ranges) {
    const start = Math.max(rangeStart, at);
    const end = Math.min(rangeEnd, to);
    if (start >= end) {
      continue;
    }
    if (start > at) {
      parent.append(plain(at, start));
    }
    const mark = element('mark');
    mark.append(plain(start, end));
    parent.append(mark);
    at = end;
  }
  if (at < to) {
    parent.append(plain(at, to));
  }
}

/**
 * Appends `text[from, to)` to `parent`, with its math spans (Pandoc's dollar
 * rule, see core/math.ts) typeset and everything else as plain text with the
 * filters' matches marked (a match inside math is not marked: KaTeX draws the
 * span whole). Offsets stay those of the whole field, so a sentence of an
 * abstract keeps its filter marks.
 */
export function appendWithMath(parent: HTMLElement, text: string, ranges: Ranges = [], from = 0, to = text.length): void {
  let last = from;
  for (const span of findMath(text)) {
    if (span.end <= from || span.start >= to) {
      continue;
    }
    if (span.start < from || span.end > to) {
      // A sentence edge inside math (the splitter keeps math whole, so only in damaged text): show that piece as text.
      continue;
    }
    appendMarked(parent, text, last, span.start, ranges, true);
    parent.append(typeset(span.tex, text.slice(span.start, span.end)));
    last = span.end;
  }
  appendMarked(parent, text, last, to, ranges, true);
}

function typeset(tex: string, source: string): Node {
  const span = element('span', 'math');
  try {
    katex.render(tex, span, { output: 'mathml', throwOnError: true, trust: false, strict: 'ignore', maxSize: 10, maxExpand: 200 });
    span.title = source;
    return span;
  } catch {
    return document.createTextNode(source);
  }
}
