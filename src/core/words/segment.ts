/**
 * Words of a text, as the learner's pop-up, the status marks and the counts
 * see them. Chinese: the panel's own segmentation (`Intl.Segmenter`, ICU's
 * dictionary, as the pinyin uses it) with CC-CEDICT's longest match winning:
 * from each word edge, the longest dictionary word that also ends on an edge
 * is one word (ICU's 分布|式 becomes 分布式, 至|关|重要 becomes 至关重要);
 * an ICU word the dictionary lacks (最新消息) is split by longest match inside
 * it (最新|消息). Without `Intl.Segmenter`, longest match alone. Latin-script
 * words (German, English) are runs of letters, with inner hyphens and apostrophes.
 */
import type { WordLookup } from './dictionary';

export interface Token {
  start: number;
  end: number;
}

const HAN_RUN = /\p{Script=Han}+/gu;
const LATIN_WORD = /\p{Script=Latin}[\p{Script=Latin}\p{M}\p{N}]*(?:['’-]\p{Script=Latin}[\p{Script=Latin}\p{M}\p{N}]*)*/gu;

let segmenter: Intl.Segmenter | undefined | null;

function icu(): Intl.Segmenter | undefined {
  if (segmenter === undefined) {
    segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('zh', { granularity: 'word' }) : null;
  }
  return segmenter ?? undefined;
}

/** One character, or a surrogate pair (CJK extension B and beyond) kept whole. */
function characterLength(text: string, at: number, limit: number): number {
  const code = text.charCodeAt(at);
  return code >= 0xd800 && code < 0xdc00 && at + 1 < limit ? 2 : 1;
}

/** Forward longest match over `[from, to)`: word ends. */
function forwardMatch(text: string, from: number, to: number, lookup: WordLookup): number[] {
  const ends: number[] = [];
  for (let at = from; at < to;) {
    let end = at + characterLength(text, at, to);
    for (let candidate = Math.min(to, at + lookup.maxWordLength); candidate > end; candidate--) {
      if (lookup.isWordAt(text, at, candidate)) {
        end = candidate;
        break;
      }
    }
    ends.push(end);
    at = end;
  }
  return ends;
}

/** Backward longest match over `[from, to)`: word ends, in order. */
function backwardMatch(text: string, from: number, to: number, lookup: WordLookup): number[] {
  const ends: number[] = [];
  for (let at = to; at > from;) {
    const low = text.charCodeAt(at - 1);
    let start = low >= 0xdc00 && low < 0xe000 && at - 2 >= from ? at - 2 : at - 1;
    for (let candidate = Math.max(from, at - lookup.maxWordLength); candidate < start; candidate++) {
      if (lookup.isWordAt(text, candidate, at)) {
        start = candidate;
        break;
      }
    }
    ends.push(at);
    at = start;
  }
  return ends.reverse();
}

/**
 * A stretch the dictionary has no one word for, split both ways (longest
 * match forward and backward, the classic bidirectional maximum matching):
 * fewer words win, then fewer single characters, then the backward split,
 * which errs less in Chinese (新编程 → 新|编程, not 新编|程).
 */
function splitUnknown(text: string, from: number, to: number, lookup: WordLookup): number[] {
  const forward = forwardMatch(text, from, to, lookup);
  const backward = backwardMatch(text, from, to, lookup);
  const singles = (ends: number[]): number => ends.filter((end, k) => end - (k === 0 ? from : ends[k - 1]) === 1).length;
  if (forward.length !== backward.length) {
    return forward.length < backward.length ? forward : backward;
  }
  return singles(forward) < singles(backward) ? forward : backward;
}

function segmentRun(text: string, from: number, to: number, lookup: WordLookup, out: Token[], useIcu: boolean): void {
  const engine = useIcu ? icu() : undefined;
  const ordered: number[] = [];
  if (engine) {
    for (const part of engine.segment(text.slice(from, to))) {
      if (part.index > 0) {
        ordered.push(from + part.index);
      }
    }
  }
  ordered.push(to);
  let next = 0; // index in `ordered` of the first edge after `at`
  let at = from;
  while (at < to) {
    while (ordered[next] <= at && next < ordered.length - 1) {
      next++;
    }
    let end = -1;
    if (engine) {
      // From an edge: the longest dictionary word that ends on an edge.
      for (let k = ordered.length - 1; k >= next && end < 0; k--) {
        if (ordered[k] - at <= lookup.maxWordLength && lookup.isWordAt(text, at, ordered[k])) {
          end = ordered[k];
        }
      }
    }
    if (end >= 0) {
      out.push({ start: at, end });
      at = end;
      continue;
    }
    // No dictionary word from here to an edge: the stretch to the next edge (all of it, without ICU) is split by the dictionary alone.
    const stop = engine ? ordered[next] : to;
    let start = at;
    for (const wordEnd of splitUnknown(text, at, stop, lookup)) {
      out.push({ start, end: wordEnd });
      start = wordEnd;
    }
    at = stop;
  }
}

/** The Chinese words of `text` (Han characters only; Latin, digits and punctuation are no Chinese words). */
export function chineseWords(text: string, lookup: WordLookup, options: { icu?: boolean } = {}): Token[] {
  const out: Token[] = [];
  for (const run of text.matchAll(HAN_RUN)) {
    segmentRun(text, run.index, run.index + run[0].length, lookup, out, options.icu ?? true);
  }
  return out;
}

/** Latin-script words: `Fahrzeug-Netzwerke`, `don't`, `LLM`; digits alone are no word. */
export function latinWords(text: string): Token[] {
  return Array.from(text.matchAll(LATIN_WORD), (match) => ({ start: match.index, end: match.index + match[0].length }));
}
