/**
 * CC-CEDICT writes pinyin with tone numbers (`che1 liang4`, `lu:4`, `r5`);
 * readers expect tone marks (`chē liàng`, `lǜ`, `r`). The mark goes on `a`
 * or `e` if there is one, on the `o` of `ou`, else on the last vowel (the
 * standard rule). Syllables that are not pinyin (`A`, `3`, `·`) stay as they are.
 */

const MARKS: Record<string, string> = {
  a: 'āáǎàa', e: 'ēéěèe', i: 'īíǐìi', o: 'ōóǒòo', u: 'ūúǔùu', ü: 'ǖǘǚǜü',
  A: 'ĀÁǍÀA', E: 'ĒÉĚÈE', I: 'ĪÍǏÌI', O: 'ŌÓǑÒO', U: 'ŪÚǓÙU', Ü: 'ǕǗǙǛÜ',
};

const SYLLABLE = /^([A-Za-zü:]+)([1-5])$/;

/** One numbered syllable with its tone mark; anything else unchanged. */
export function syllableWithMark(syllable: string): string {
  const match = SYLLABLE.exec(syllable);
  if (!match) {
    return syllable.replace(/u:/g, 'ü').replace(/U:/g, 'Ü');
  }
  const letters = match[1].replace(/u:|v/g, 'ü').replace(/U:|V/g, 'Ü');
  const tone = Number(match[2]) - 1;
  const lower = letters.toLowerCase();
  let at = lower.search(/[ae]/);
  if (at < 0) {
    at = lower.indexOf('ou');
  }
  if (at < 0) {
    for (let k = lower.length - 1; k >= 0; k--) {
      if ('iouü'.includes(lower[k])) {
        at = k;
        break;
      }
    }
  }
  if (at < 0) {
    return letters; // `r5`, `m2`, `ng4`: no vowel to mark
  }
  const vowel = letters[at];
  return letters.slice(0, at) + (MARKS[vowel]?.[tone] ?? vowel) + letters.slice(at + 1);
}

/** `che1 liang4` → `chē liàng`; syllables stay apart as CC-CEDICT spaces them. */
export function pinyinWithMarks(numbered: string): string {
  return numbered.trim().split(/\s+/).filter(Boolean).map(syllableWithMark).join(' ');
}

/**
 * A sense as a reader wants it: CC-CEDICT's cross references `輛|辆[liang4]`
 * read `辆[liàng]` (the simplified form only, as the digest writes), and every
 * bracketed reading gets its tone marks.
 */
export function readableSense(sense: string): string {
  return sense
    .replace(/[^\s[\]|,;:()]+\|([^\s[\]|,;:()]+)\[/g, '$1[')
    .replace(/\[([A-Za-z:]+[1-5](?: [A-Za-z:]+[1-5]| [A-Z]| ·)*)\]/g, (_, reading: string) => `[${pinyinWithMarks(reading)}]`);
}
