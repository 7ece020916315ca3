/**
 * An aligned abstract as rows to show side by side: each row one source
 * sentence group (see sourceGroups) and, per translation, the span of the
 * text that translates it. Unlike a study card, every character of every
 * translation lands in some row: a translated sentence aligned to nothing
 * (a 0–1 bead) stays with the row before it, so nothing the digest says is
 * hidden from the reader.
 */
import { sourceGroups, type AlignedAbstract } from './studyEntries';
import type { Sentence } from './sentences';

/** Character range `[start, end)` in one language's abstract text. */
export type TextSpan = readonly [number, number];

export interface SentenceRow {
  /** The study sentence number (1-based first source unit): what `addToStudyList` and Anki ids use. */
  sentence: number;
  /** Span per language; a language with no text in this row is absent. */
  spans: Record<string, TextSpan>;
}

function span(sentences: readonly Sentence[], from: number, to: number): TextSpan | undefined {
  return to > from ? [sentences[from].start, sentences[to - 1].end] : undefined;
}

/** The rows of an aligned abstract, in source order. */
export function sentenceRows(aligned: AlignedAbstract): SentenceRow[] {
  const groups = sourceGroups(aligned);
  const rows: SentenceRow[] = groups.map(([start, end]) => {
    const spans: Record<string, TextSpan> = {};
    const source = span(aligned.source, start, end);
    if (source) {
      spans[aligned.sourceLanguage] = source;
    }
    return { sentence: start + 1, spans };
  });
  for (const translation of aligned.translations) {
    // The first target sentence each row translates; a row none translates starts nowhere.
    const firsts = groups.map(([start, end]) => {
      let first = Infinity;
      for (const bead of translation.beads) {
        if (bead.sourceStart < end && bead.sourceEnd > start && bead.targetEnd > bead.targetStart) {
          first = Math.min(first, bead.targetStart);
        }
      }
      return first;
    });
    const count = translation.sentences.length;
    const starting = firsts.map((first, row) => (first === Infinity ? -1 : row)).filter((row) => row >= 0);
    starting.forEach((row, k) => {
      // Rows own contiguous runs: from their first sentence to the next owning row's first (the first row from 0).
      const from = k === 0 ? 0 : firsts[row];
      const to = k + 1 < starting.length ? firsts[starting[k + 1]] : count;
      const target = span(translation.sentences, from, to);
      if (target) {
        rows[row].spans[translation.language] = target;
      }
    });
  }
  return rows;
}
