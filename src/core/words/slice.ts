/**
 * The part of the dictionary one article needs, sent with it to the panel:
 * every entry whose headword starts at a Han character of its texts. The
 * panel segments with it exactly as the extension does with the whole
 * dictionary (segmentation only asks about words starting at those places),
 * and steps to shorter and longer matches from it, with no dictionary of its own.
 */
import type { ChineseDictionary, WordLookup } from './dictionary';
import { readableSense } from './toneMarks';

export interface WordEntryView {
  traditional: string;
  /** With tone marks. */
  pinyin: string;
  senses: string[];
}

export interface ChineseSlice {
  maxWordLength: number;
  /** By simplified headword. */
  entries: Record<string, WordEntryView[]>;
}

const HAN = /\p{Script=Han}/u;

export function chineseSlice(texts: readonly string[], dictionary: ChineseDictionary): ChineseSlice {
  const entries: Record<string, WordEntryView[]> = {};
  let maxWordLength = 1;
  for (const text of texts) {
    for (let start = 0; start < text.length; start++) {
      if (!HAN.test(text[start]) && !HAN.test(text.slice(start, start + 2))) {
        continue;
      }
      for (const length of dictionary.matchLengthsAt(text, start)) {
        const word = text.slice(start, start + length);
        if (!(word in entries)) {
          entries[word] = dictionary.lookup(word).map((entry) => ({ traditional: entry.traditional, pinyin: entry.pinyin, senses: entry.senses.map(readableSense) }));
          maxWordLength = Math.max(maxWordLength, length);
        }
      }
    }
  }
  return { maxWordLength, entries };
}

/** Segmentation's view of a slice. */
export function sliceLookup(slice: ChineseSlice): WordLookup {
  const words = new Set(Object.keys(slice.entries));
  const isWordAt = (text: string, start: number, end: number): boolean => end > start && end - start <= slice.maxWordLength && words.has(text.slice(start, end));
  const matchesInto = (text: string, start: number, limit: number, out: Int32Array, ids?: Int32Array): number => {
    let count = 0;
    for (let end = start + 1; end <= Math.min(limit, text.length, start + slice.maxWordLength); end++) {
      if (isWordAt(text, start, end)) {
        if (ids) {
          ids[count] = -1; // a slice numbers no words
        }
        out[count++] = end - start;
      }
    }
    return count;
  };
  return {
    maxWordLength: slice.maxWordLength,
    isWordAt,
    matchesInto,
    matchLengthsAt: (text, start, limit = text.length, out = []) => {
      const found = new Int32Array(slice.maxWordLength);
      const count = matchesInto(text, start, limit, found);
      out.length = 0;
      out.push(...found.subarray(0, count));
      return out;
    },
  };
}
