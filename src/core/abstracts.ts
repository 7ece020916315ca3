/** An arXiv article's abstract lines: which language each is. */
import type { DiagnosticSink } from './diagnostics';
import type { Translations } from './model';
import { isChineseLine, presentText } from './text';

/**
 * Abstract lines come unlabelled: English, then German if made, then Chinese
 * if made. The first line is always English (`nan`: English missing), even
 * when it quotes Chinese. After it, a line holding Han characters is Chinese;
 * when several do, only the last is, as German comes before Chinese (a German
 * abstract may quote Chinese too). A final `nan` keeps the Chinese slot.
 * `abstractLines` are the line numbers of an article's abstract lines.
 */
export function assignAbstracts(articleIndex: number, abstractLines: readonly number[], lines: readonly string[], sink: DiagnosticSink): Translations {
  const abstracts: Translations = {};
  const count = abstractLines.length;
  let chinesePosition = -1;
  for (let position = count - 1; position >= 1 && chinesePosition < 0; position--) {
    const text = lines[abstractLines[position]];
    if (isChineseLine(text) || (text === 'nan' && position === count - 1)) {
      chinesePosition = position;
    }
  }
  // Slots taken, `nan` included, so a later line cannot take a missing translation's place.
  let taken = '';
  abstractLines.forEach((line, position) => {
    const language = position === 0 ? 'en' : position === chinesePosition ? 'zh' : 'de';
    if (taken.includes(language)) {
      sink.add(line, 'warning', `Article ${articleIndex} has more abstract lines than English, German and Chinese; this one was skipped.`, 'extra-abstract');
      return;
    }
    taken += language;
    const value = presentText(lines[line]);
    if (value !== undefined) {
      abstracts[language] = value;
    }
  });
  return abstracts;
}
