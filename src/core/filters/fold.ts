/**
 * Folding for word search: lower case, accents and umlauts dropped (`Ü` → `u`),
 * `ß` → `ss`, so `Ubersetzung` finds `Übersetzung`. Chinese is left as it is
 * (searched by substring). Keeps, for each folded character, where it came
 * from, so a match in the folded text maps back to a range of the original.
 */

export interface FoldedText {
  text: string;
  /** For each UTF-16 unit of `text`: the original start and end of the character it came from. */
  from: Int32Array;
  to: Int32Array;
}

const COMBINING_MARKS = /\p{M}/gu;

/** Normalizing is slow and a digest uses few distinct characters (Chinese: a few thousand): remember each one's folding. */
const folds = new Map<string, string>();

export function foldCharacter(character: string): string {
  let folded = folds.get(character);
  if (folded === undefined) {
    folded = foldOne(character);
    if (folds.size < 50_000) {
      folds.set(character, folded);
    }
  }
  return folded;
}

function foldOne(character: string): string {
  if (character === 'ß' || character === 'ẞ') {
    return 'ss';
  }
  return character.toLowerCase().normalize('NFD').replace(COMBINING_MARKS, '');
}

/** Folds a query word (no positions needed). */
export function foldWord(word: string): string {
  let folded = '';
  for (const character of word) {
    folded += foldCharacter(character);
  }
  return folded;
}

export function foldText(text: string): FoldedText {
  const from: number[] = [];
  const to: number[] = [];
  let folded = '';
  let position = 0;
  for (const character of text) {
    const code = character.charCodeAt(0);
    // ASCII is most of an abstract: fold it without normalizing.
    const piece = code < 0x80 ? (code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : character) : foldCharacter(character);
    const end = position + character.length;
    for (let i = 0; i < piece.length; i++) {
      from.push(position);
      to.push(end);
    }
    folded += piece;
    position = end;
  }
  return { text: folded, from: Int32Array.from(from), to: Int32Array.from(to) };
}
