/**
 * What a selection in a digest editor adds to the study list: inside an
 * abstract, the sentence group it lies in; elsewhere (a title), the selected
 * text as a term in the language of that field. Found by content, not by
 * line position, so the text and Markdown layouts read alike.
 */
import { arxivIdWithoutVersion } from '../digest/articleKey';
import type { Article, Digest } from '../digest/model';
import type { LengthModel } from './align';
import { alignAbstract, sentenceEntries, sourceGroups } from './studyEntries';
import type { StudyEntry } from './studyList';

export type SelectionField =
  | { field: 'abstract'; language: string; /** Where the abstract's text starts in the line. */ offset: number }
  | { field: 'title'; language: string }
  | { field: 'other' };

type StudyArticle = Pick<Article, 'arxivId' | 'titles' | 'abstracts' | 'sourceLanguage'> & { key: string };

/** Longest term the editor adds: a selection longer than this is no term. */
export const MAX_TERM_LENGTH = 2000;

const HAN = /\p{Script=Han}/u;

/** Title columns come source first, then en, de, zh as the pipeline writes them. */
function titleOrder(article: StudyArticle): string[] {
  return [...new Set([article.sourceLanguage, 'en', 'de', 'zh', ...Object.keys(article.titles)])];
}

/** The field of `article` that holds `character` of `lineText`. */
export function fieldAt(lineText: string, article: StudyArticle, character: number): SelectionField {
  for (const [language, text] of Object.entries(article.abstracts)) {
    const at = text ? lineText.indexOf(text) : -1;
    if (text && at >= 0 && character >= at && character <= at + text.length) {
      return { field: 'abstract', language, offset: at };
    }
  }
  // Searched in order, each after the last: equal titles (en = de) still land in their own column.
  let from = 0;
  for (const language of titleOrder(article)) {
    const text = article.titles[language];
    const at = text ? lineText.indexOf(text, from) : -1;
    if (!text || at < 0) {
      continue;
    }
    if (character >= at && character <= at + text.length) {
      return { field: 'title', language };
    }
    from = at + text.length;
  }
  return { field: 'other' };
}

/** The 1-based number of the sentence group (as sentenceEntries numbers it) holding `offset` of the abstract in `language`. */
export function sentenceNumberAt(article: StudyArticle, language: string, offset: number, models: Record<string, LengthModel> = {}): number | undefined {
  const aligned = alignAbstract(article.abstracts, article.sourceLanguage, models);
  if (!aligned) {
    return undefined;
  }
  let sourceUnit: number | undefined;
  if (language === aligned.sourceLanguage) {
    sourceUnit = lastStartingBefore(aligned.source, offset);
  } else {
    const translation = aligned.translations.find((candidate) => candidate.language === language);
    const target = translation && lastStartingBefore(translation.sentences, offset);
    const bead = target === undefined ? undefined : translation?.beads.find((b) => b.targetStart <= target && target < b.targetEnd);
    // A translated sentence aligned to no source sentence has no card.
    sourceUnit = bead && bead.sourceEnd > bead.sourceStart ? bead.sourceStart : undefined;
  }
  const group = sourceUnit === undefined ? undefined : sourceGroups(aligned).find(([start, end]) => start <= sourceUnit && sourceUnit < end);
  return group && group[0] + 1;
}

function lastStartingBefore(sentences: ReadonlyArray<{ start: number }>, offset: number): number | undefined {
  let found: number | undefined;
  sentences.forEach((sentence, index) => {
    if (sentence.start <= offset) {
      found = index;
    }
  });
  return found ?? (sentences.length > 0 ? 0 : undefined);
}

/** The sentence entry of group `sentence`, or of the group that holds that source sentence. */
export function sentenceEntry(
  digest: Pick<Digest, 'subject' | 'date'>, article: StudyArticle, sentence: number, now: number, models: Record<string, LengthModel> = {},
): StudyEntry | undefined {
  const entries = sentenceEntries(digest, article, now, models);
  return entries.filter((entry) => (entry.sentence ?? 0) <= sentence).pop();
}

/** A term entry: one text in one language. */
export function termEntry(digest: Pick<Digest, 'subject' | 'date'>, article: StudyArticle, language: string, text: string, now: number): StudyEntry {
  const entry: StudyEntry = { kind: 'term', articleKey: article.key, texts: { [language]: text.trim() }, subject: digest.subject, digestDate: digest.date, addedAt: now };
  if (article.arxivId !== undefined && arxivIdWithoutVersion(article.arxivId) === article.key) {
    entry.arxivId = article.arxivId;
  }
  return entry;
}

/**
 * The entry a selection from `start` to `end` (characters of `lineText`)
 * names; `selected` is its text. Undefined for an empty selection outside
 * an abstract.
 */
export function entryForSelection(
  digest: Pick<Digest, 'subject' | 'date'>, article: StudyArticle, lineText: string, start: number, selected: string, now: number,
  models: Record<string, LengthModel> = {},
): StudyEntry | undefined {
  const field = fieldAt(lineText, article, start);
  if (field.field === 'abstract') {
    const number = sentenceNumberAt(article, field.language, start - field.offset, models);
    const entry = number === undefined ? undefined : sentenceEntry(digest, article, number, now, models);
    if (entry) {
      return entry;
    }
  }
  const text = selected.trim();
  if (text === '' || text.length > MAX_TERM_LENGTH) {
    return undefined;
  }
  const language = field.field === 'other' ? (HAN.test(text) ? 'zh' : article.sourceLanguage) : field.language;
  return termEntry(digest, article, language, text, now);
}
