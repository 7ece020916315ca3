/** An arXiv article's abstract lines: which language each is. */
import type { DiagnosticSink } from './diagnostics';
import type { Translations } from './model';
import type { Lines } from './lines';
import { isChineseLine, presentText } from './text';

/**
 * Abstract lines come unlabelled: English, then German if made, then Chinese
 * if made. The first line is always English (`nan`: English missing), even
 * when it quotes Chinese. After it, a line holding Han characters is Chinese;
 * when several do, only the last is, as German comes before Chinese (a German
 * abstract may quote Chinese too). A final `nan` keeps the Chinese slot.
 * `abstractLines` are the line numbers of an article's abstract lines.
 */
export function assignAbstracts(articleIndex: number, abstractLines: readonly number[], lines: Lines, sink: DiagnosticSink): Translations {
  const abstracts: Translations = {};
  const count = abstractLines.length;
  let chinesePosition = -1;
  // The Chinese line's text, sliced once for the script test and kept as the value.
  let chineseText: string | undefined;
  for (let position = count - 1; position >= 1 && chinesePosition < 0; position--) {
    const line = abstractLines[position];
    if (lines.is(line, 'nan') && position === count - 1) {
      chinesePosition = position;
    } else if (mayHoldHan(lines, line)) {
      const text = lines.at(line);
      if (startsWithIdeograph(lines, line) || isChineseLine(text)) {
        chinesePosition = position;
        chineseText = text;
      }
    }
  }
  // Slots taken, `nan` included, so a later line cannot take a missing translation's place.
  let taken = 0;
  for (let position = 0; position < count; position++) {
    const line = abstractLines[position];
    const language = position === 0 ? 'en' : position === chinesePosition ? 'zh' : 'de';
    const slot = position === 0 ? 1 : position === chinesePosition ? 4 : 2;
    if ((taken & slot) !== 0) {
      sink.add(line, 'warning', `Article ${articleIndex} has more abstract lines than English, German and Chinese; this one was skipped.`, 'extra-abstract');
      continue;
    }
    taken |= slot;
    const value = position === chinesePosition && chineseText !== undefined ? presentText(chineseText) : lines.present(line);
    if (value !== undefined) {
      abstracts[language] = value;
    }
  }
  return abstracts;
}

/** CJK Unified Ideographs (U+3400–4DBF, U+4E00–9FFF) are all Han: the usual Chinese line needs no regex. */
function startsWithIdeograph(lines: Lines, line: number): boolean {
  const code = lines.firstCode(line);
  return code >= 0x3400 && code <= 0x9fff && !(code > 0x4dbf && code < 0x4e00);
}

/** Han characters start at U+2E80: a line without any code unit that high is no Chinese line, and is not sliced to find out. */
function mayHoldHan(lines: Lines, line: number): boolean {
  if (lines.firstCode(line) >= 0x2e80) {
    return true; // the usual Chinese line, told without reading the text
  }
  const text = lines.textOf(line);
  for (let i = lines.start(line), end = lines.end(line); i < end; i++) {
    if (text.charCodeAt(i) >= 0x2e80) {
      return true;
    }
  }
  return false;
}
