/**
 * Pinyin over Chinese, word by word. Dictionary converters read a character
 * by its neighbours, and read them wrong across word edges: 长上下文 comes
 * out as "zhǎng shàng xià wén" (as in 行长) when converted whole. Segmenting
 * into words first (`Intl.Segmenter`, ICU's Chinese dictionary) and
 * converting each word alone gives "cháng | shàng xià wén". The converter is
 * passed in, so this module stays free of it (the webview loads it lazily).
 */

/** Pinyin for each character of a word, in order (one syllable per Han character). */
export type WordToPinyin = (word: string) => readonly string[];

/** A run of text: Han characters with a reading each, or anything else as it is. */
export type RubyRun = { text: string; reading: string } | { text: string; reading?: undefined };

const HAN = /\p{Script=Han}/u;

let segmenter: Intl.Segmenter | undefined;

function words(text: string): string[] {
  if (typeof Intl.Segmenter === 'function') {
    segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
    return Array.from(segmenter.segment(text), (part) => part.segment);
  }
  return [text]; // no segmenter: the converter's own word matching is the best there is
}

/**
 * `text` as runs: one per Han character with its reading, the rest (Latin,
 * digits, punctuation) merged into plain runs. Joining the runs' text gives
 * back `text` exactly.
 */
export function rubyRuns(text: string, toPinyin: WordToPinyin): RubyRun[] {
  const runs: RubyRun[] = [];
  const plain = (part: string): void => {
    const last = runs[runs.length - 1];
    if (last && last.reading === undefined) {
      last.text += part;
    } else {
      runs.push({ text: part });
    }
  };
  for (const word of words(text)) {
    if (!HAN.test(word)) {
      plain(word);
      continue;
    }
    const characters = Array.from(word);
    const readings = toPinyin(word);
    // Readings line up with characters only when the converter gave one per character; otherwise show the word bare.
    if (readings.length !== characters.length) {
      plain(word);
      continue;
    }
    characters.forEach((character, k) => {
      if (HAN.test(character) && readings[k] && readings[k] !== character) {
        runs.push({ text: character, reading: readings[k] });
      } else {
        plain(character);
      }
    });
  }
  return runs;
}
