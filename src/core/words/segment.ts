/**
 * Words of a text, as the learner's pop-up, the status marks and the counts
 * see them. Chinese, by CC-CEDICT's longest match (the Zhongwen way), read
 * forward and backward: where the two readings agree (almost everywhere)
 * that is the word; where they part (和平|行 or 和|平行), the panel's own
 * segmentation (`Intl.Segmenter`, ICU's dictionary, as the pinyin uses it)
 * decides that stretch, the longest dictionary word that starts and ends on
 * its edges winning (ICU's 分布|式 is 分布式, 至|关|重要 is 至关重要), and an
 * ICU word the dictionary lacks split inside by the dictionary (最新|消息).
 * Asking ICU only there is four times faster than asking it everywhere and
 * reads better (数据集, 工作量, 无需, where ICU alone splits them); on the
 * sample the two differ in 3% of the stretches. Latin-script words (German,
 * English) are runs of letters, with inner hyphens and apostrophes.
 */
import type { WordLookup } from './dictionary';
import { characterLength, FoundWords, scratch } from './segmentSpace';

export { FoundWords } from './segmentSpace';

export interface Token {
  start: number;
  end: number;
}

const HAN_CHARACTER = /\p{Script=Han}/gu;
const HAN_REST = /\p{Script=Han}*/uy;

/**
 * The next run of Han characters from `at`: its start (−1 when there is
 * none), its end in `hanRunEnd`. Found with `test`, which, unlike `exec`,
 * makes no match array (a digest has some 100,000 runs).
 */
let hanRunEnd = 0;
function nextHanRun(text: string, at: number): number {
  HAN_CHARACTER.lastIndex = at;
  if (!HAN_CHARACTER.test(text)) {
    return -1;
  }
  const after = HAN_CHARACTER.lastIndex;
  const low = text.charCodeAt(after - 1);
  HAN_REST.lastIndex = after;
  HAN_REST.test(text);
  hanRunEnd = HAN_REST.lastIndex;
  return after - (low >= 0xdc00 && low < 0xe000 ? 2 : 1); // a Han character beyond the BMP is a surrogate pair
}
const LATIN_WORD = /\p{Script=Latin}[\p{Script=Latin}\p{M}\p{N}]*(?:['’-]\p{Script=Latin}[\p{Script=Latin}\p{M}\p{N}]*)*/gu;

let segmenter: Intl.Segmenter | undefined | null;

function icu(): Intl.Segmenter | undefined {
  if (segmenter === undefined) {
    segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('zh', { granularity: 'word' }) : null;
  }
  return segmenter ?? undefined;
}

/**
 * Where a word found is handed on: its start and end in the text, and its
 * word id when the segmenter already has it from the dictionary's walk
 * (see WordLookup.matchesInto), else −1.
 */
export type WordSink = (start: number, end: number, id: number) => void;


/**
 * Forward and backward longest match over `[from, to)`, from one pass of
 * look-ups: the word ends of each reading, in order, in `scratch.forward`
 * and `scratch.backward`.
 */
function longestMatches(text: string, from: number, to: number, lookup: WordLookup): void {
  const size = to - from;
  scratch.fit(size);
  const { longestFrom, longestId, earliestTo } = scratch; // longest word starting at each place; earliest start of a word ending at each place
  const lengths = scratch.matchesOf(lookup);
  const ids = scratch.ids;
  earliestTo.fill(-1, 0, size + 1);
  for (let at = from; at < to; at++) {
    const single = characterLength(text, at, to);
    const matches = lookup.matchesInto(text, at, to, lengths, ids);
    const longest = matches > 0 ? lengths[matches - 1] : 0;
    longestFrom[at - from] = Math.max(single, longest);
    longestId[at - from] = longest >= single ? ids[matches - 1] : -1;
    if (earliestTo[single + at - from] < 0) {
      earliestTo[single + at - from] = at - from;
    }
    for (let k = 0; k < matches; k++) {
      const end = at + lengths[k] - from;
      if (earliestTo[end] < 0) {
        earliestTo[end] = at - from;
      }
    }
  }
  let count = 0;
  for (let at = from; at < to; at += longestFrom[at - from]) {
    scratch.forward[count++] = at + longestFrom[at - from];
  }
  scratch.forwardCount = count;
  count = 0;
  for (let end = size; end > 0; end = earliestTo[end] >= 0 ? earliestTo[end] : end - 1) {
    count++;
  }
  scratch.backwardCount = count;
  for (let end = size; end > 0; end = earliestTo[end] >= 0 ? earliestTo[end] : end - 1) {
    scratch.backward[--count] = from + end;
  }
}

/** Hands on the words `[from, ends[0])`, `[ends[0], ends[1])`, … (their ids known for the forward reading, which is longestMatches' longest words). */
function emit(ends: Int32Array, count: number, from: number, out: FoundWords, forward: boolean): void {
  for (let k = 0, start = from; k < count; k++) {
    out.push(start, ends[k], forward ? scratch.longestId[start - from] : -1);
    start = ends[k];
  }
}

/** How many of the words ending at `ends` (from `from`) are one character long. */
function singles(ends: Int32Array, count: number, from: number): number {
  let n = 0;
  for (let k = 0; k < count; k++) {
    n += ends[k] - (k === 0 ? from : ends[k - 1]) === 1 ? 1 : 0;
  }
  return n;
}

/**
 * A stretch the dictionary has no one word for, split both ways (longest
 * match forward and backward, the classic bidirectional maximum matching):
 * fewer words win, then fewer single characters, then the backward split,
 * which errs less in Chinese (新编程 → 新|编程, not 新编|程).
 */
function splitUnknown(text: string, from: number, to: number, lookup: WordLookup, out: FoundWords): void {
  longestMatches(text, from, to, lookup);
  const { forward, forwardCount, backward, backwardCount } = scratch;
  const takeForward = forwardCount !== backwardCount
    ? forwardCount < backwardCount
    : singles(forward, forwardCount, from) < singles(backward, backwardCount, from);
  if (takeForward) {
    emit(forward, forwardCount, from, out, true);
  } else {
    emit(backward, backwardCount, from, out, false);
  }
}

/** One run of Han characters, between ICU's word edges (`edges[i]` is 1 where a word starts), or by the dictionary alone. */
function segmentRun(text: string, from: number, to: number, lookup: WordLookup, out: FoundWords, edges: Uint8Array | undefined): void {
  if (!edges) {
    splitUnknown(text, from, to, lookup, out);
    return;
  }
  const isEdge = (at: number): boolean => at === from || at === to || edges[at] === 1;
  const lengths = scratch.matchesOf(lookup);
  const ids = scratch.ids;
  for (let at = from; at < to;) {
    // From an edge: the longest dictionary word that ends on an edge.
    const matches = lookup.matchesInto(text, at, to, lengths, ids);
    let end = -1;
    let id = -1;
    for (let k = matches - 1; k >= 0 && end < 0; k--) {
      end = isEdge(at + lengths[k]) ? at + lengths[k] : -1;
      id = ids[k];
    }
    if (end >= 0) {
      out.push(at, end, id);
      at = end;
      continue;
    }
    // No dictionary word from here to an edge: ICU's word up to the next edge is split by the dictionary alone.
    let stop = at + 1;
    while (!isEdge(stop)) {
      stop++;
    }
    splitUnknown(text, at, stop, lookup, out);
    at = stop;
  }
}

/**
 * One run of Han characters: forward and backward longest match; where they
 * agree, that is the word; where they part (接受率和平行能力: 和平|行 or
 * 和|平行), the stretch is left for ICU. Adds the run's pieces to the scratch.
 */
function agreedPieces(text: string, from: number, to: number, lookup: WordLookup): void {
  longestMatches(text, from, to, lookup);
  const { forward, forwardCount, backward, longestId } = scratch;
  let start = from;
  for (let i = 0, j = 0; i < forwardCount;) {
    if (forward[i] === backward[j]) {
      scratch.addPiece(start, forward[i], false, longestId[start - from]); // a word of the forward reading: the longest at its start
      start = forward[i++];
      j++;
      continue;
    }
    while (forward[i] !== backward[j]) {
      if (forward[i] < backward[j]) {
        i++;
      } else {
        j++;
      }
    }
    scratch.addPiece(start, forward[i], true, -1);
    start = forward[i++];
    j++;
  }
}

/** ICU's word edges inside the ambiguous pieces, from one call for all of them (a line break between two keeps them apart). */
function stretchEdges(text: string, engine: Intl.Segmenter): Uint8Array {
  const edges = scratch.clearedEdges(text.length);
  const { pieceStart, pieceEnd, pieceAmbiguous, pieces } = scratch;
  const stretches: number[] = [];
  let joined = '';
  for (let k = 0; k < pieces; k++) {
    if (pieceAmbiguous[k] === 1) {
      joined += (stretches.length > 0 ? '\n' : '') + text.slice(pieceStart[k], pieceEnd[k]);
      stretches.push(k);
    }
  }
  let stretch = 0;
  let offset = 0; // where the current stretch starts in `joined`
  for (const part of engine.segment(joined)) {
    while (stretch < stretches.length && part.index > offset + pieceEnd[stretches[stretch]] - pieceStart[stretches[stretch]]) {
      offset += pieceEnd[stretches[stretch]] - pieceStart[stretches[stretch]] + 1;
      stretch++;
    }
    if (stretch < stretches.length && part.index >= offset) {
      edges[pieceStart[stretches[stretch]] + part.index - offset] = 1;
    }
  }
  return edges;
}

/**
 * The Chinese words of `text` (Han characters only; Latin, digits and
 * punctuation are no Chinese words), added to `out` in reading order.
 * `icu: 'all'` asks ICU about every stretch, `'ambiguous'` (the default)
 * only where the dictionary alone reads it two ways, `'none'` never (the
 * dictionary alone).
 */
export function segmentChinese(text: string, lookup: WordLookup, out: FoundWords, options: { icu?: 'all' | 'ambiguous' | 'none' } = {}): void {
  const mode = options.icu ?? 'ambiguous';
  const engine = mode === 'none' ? undefined : icu();
  let edges: Uint8Array | undefined;
  let ambiguous = false;
  scratch.pieces = 0;
  for (let from = nextHanRun(text, 0); from >= 0; from = nextHanRun(text, hanRunEnd)) {
    const to = hanRunEnd;
    if (!engine) {
      segmentRun(text, from, to, lookup, out, undefined);
    } else if (mode === 'ambiguous') {
      const before = scratch.pieces;
      agreedPieces(text, from, to, lookup);
      for (let k = before; k < scratch.pieces && !ambiguous; k++) {
        ambiguous = scratch.pieceAmbiguous[k] === 1;
      }
    } else {
      edges ??= scratch.clearedEdges(text.length);
      for (const part of engine.segment(text.slice(from, to))) {
        edges[from + part.index] = 1;
      }
      segmentRun(text, from, to, lookup, out, edges);
    }
  }
  if (engine && mode === 'ambiguous' && scratch.pieces > 0) {
    // Every stretch the dictionary reads two ways, segmented by ICU in one call.
    const stretchesEdges = ambiguous ? stretchEdges(text, engine) : undefined;
    const { pieceStart, pieceEnd, pieceAmbiguous, pieceId, pieces } = scratch;
    for (let k = 0; k < pieces; k++) {
      if (pieceAmbiguous[k] === 1 && stretchesEdges) {
        segmentRun(text, pieceStart[k], pieceEnd[k], lookup, out, stretchesEdges);
      } else {
        out.push(pieceStart[k], pieceEnd[k], pieceId[k]);
      }
    }
  }
}

/** As segmentChinese, each word handed to `sink`. */
export function forEachChineseWord(text: string, lookup: WordLookup, sink: WordSink, options: { icu?: 'all' | 'ambiguous' | 'none' } = {}): void {
  const found = new FoundWords(); // the sink may segment text itself
  segmentChinese(text, lookup, found, options);
  for (let k = 0; k < found.count; k++) {
    sink(found.starts[k], found.ends[k], found.ids[k]);
  }
}

/** The Chinese words of `text` as tokens (see segmentChinese). */
export function chineseWords(text: string, lookup: WordLookup, options: { icu?: 'all' | 'ambiguous' | 'none' } = {}): Token[] {
  const out: Token[] = [];
  forEachChineseWord(text, lookup, (start, end) => out.push({ start, end }), options);
  return out;
}

/** Latin-script words: `Fahrzeug-Netzwerke`, `don't`, `LLM`; digits alone are no word. */
export function latinWords(text: string): Token[] {
  return Array.from(text.matchAll(LATIN_WORD), (match) => ({ start: match.index, end: match.index + match[0].length }));
}
