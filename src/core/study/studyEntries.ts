/**
 * An article's abstract as study sentences: English split into units, each
 * translation aligned to them, and the units grouped so every group holds
 * whole beads of every translation. The group is what a study card shows.
 */
import { arxivIdWithoutVersion } from '../digest/articleKey';
import type { Article, Digest, Translations } from '../digest/model';
import { alignSentences, estimateLengthModel, sentenceLength, type Bead, type LengthModel } from './align';
import { splitSentences, type Sentence, type SplitOptions } from './sentences';
import type { StudyEntry } from './studyList';

/**
 * How study mode splits: at sentence ends and at semicolons, on both sides
 * (the translator joins sentences with `;`). Sentence numbers in study ids
 * count these units, so changing this renumbers stored ids.
 */
export const STUDY_SPLIT: SplitOptions = { splitAtSemicolons: true };

/** One translation aligned to the source sentences. */
export interface AlignedTranslation {
  language: string;
  sentences: Sentence[];
  beads: Bead[];
}

export interface AlignedAbstract {
  sourceLanguage: string;
  source: Sentence[];
  translations: AlignedTranslation[];
}

/**
 * The length model per target language for a whole digest: every article
 * with both abstracts is one known pair, so the ratio and spread come from
 * 100–2000 pairs instead of one abstract whose translation may have lost or
 * invented a sentence (fixture article 12 ends in a run of "x").
 */
export function digestLengthModels(digest: Pick<Digest, 'articles'>, sourceLanguage = 'en'): Record<string, LengthModel> {
  const pairs = new Map<string, Array<[number, number]>>();
  for (const article of digest.articles) {
    const source = article.abstracts[sourceLanguage];
    if (source === undefined) {
      continue;
    }
    for (const [language, text] of Object.entries(article.abstracts)) {
      if (language !== sourceLanguage && text !== undefined) {
        const list = pairs.get(language) ?? [];
        list.push([sentenceLength(source), sentenceLength(text)]);
        pairs.set(language, list);
      }
    }
  }
  const models: Record<string, LengthModel> = {};
  for (const [language, list] of pairs) {
    const model = estimateLengthModel(list);
    if (model) {
      models[language] = model;
    }
  }
  return models;
}

/** Splits every abstract and aligns each translation to the source one. Undefined when the source abstract is missing. */
export function alignAbstract(abstracts: Translations, sourceLanguage = 'en', models: Record<string, LengthModel> = {}): AlignedAbstract | undefined {
  const sourceText = abstracts[sourceLanguage];
  if (sourceText === undefined) {
    return undefined;
  }
  const source = splitSentences(sourceText, sourceLanguage, STUDY_SPLIT);
  const sourceLengths = source.map((sentence) => sentenceLength(sentence.text));
  const translations: AlignedTranslation[] = [];
  for (const [language, text] of Object.entries(abstracts)) {
    if (language === sourceLanguage || text === undefined) {
      continue;
    }
    const sentences = splitSentences(text, language, STUDY_SPLIT);
    const beads = alignSentences(sourceLengths, sentences.map((sentence) => sentenceLength(sentence.text)), models[language]);
    translations.push({ language, sentences, beads });
  }
  return { sourceLanguage, source, translations };
}

/** Source ranges `[start, end)` such that no bead of any translation crosses a range's edge. */
export function sourceGroups(aligned: AlignedAbstract): Array<[number, number]> {
  const count = aligned.source.length;
  const joined = new Array<boolean>(count).fill(false); // joined[k]: unit k belongs with unit k - 1
  for (const translation of aligned.translations) {
    for (const bead of translation.beads) {
      for (let k = bead.sourceStart + 1; k < bead.sourceEnd; k++) {
        joined[k] = true;
      }
    }
  }
  const groups: Array<[number, number]> = [];
  for (let k = 0; k < count; k++) {
    if (k > 0 && joined[k]) {
      groups[groups.length - 1][1] = k + 1;
    } else {
      groups.push([k, k + 1]);
    }
  }
  return groups;
}

function textOf(original: string, sentences: readonly Sentence[], start: number, end: number): string | undefined {
  return end > start ? original.slice(sentences[start].start, sentences[end - 1].end) : undefined;
}

/**
 * Study entries for each sentence group of an article's abstract, numbered by
 * the group's first source unit (1-based). A translation's sentences aligned
 * to nothing in the source are left out (no card without its source).
 */
export function sentenceEntries(
  digest: Pick<Digest, 'subject' | 'date'>,
  article: Pick<Article, 'arxivId' | 'abstracts' | 'sourceLanguage'> & { key: string },
  addedAt: number,
  models: Record<string, LengthModel> = {},
): StudyEntry[] {
  const aligned = alignAbstract(article.abstracts, article.sourceLanguage, models);
  if (!aligned) {
    return [];
  }
  const sourceText = article.abstracts[article.sourceLanguage] ?? '';
  return sourceGroups(aligned).map(([start, end]) => {
    const texts: Translations = { [aligned.sourceLanguage]: textOf(sourceText, aligned.source, start, end) };
    for (const translation of aligned.translations) {
      const beads = translation.beads.filter((bead) => bead.sourceStart < end && bead.sourceEnd > start && bead.targetEnd > bead.targetStart);
      if (beads.length > 0) {
        const from = Math.min(...beads.map((bead) => bead.targetStart));
        const to = Math.max(...beads.map((bead) => bead.targetEnd));
        texts[translation.language] = textOf(article.abstracts[translation.language] ?? '', translation.sentences, from, to);
      }
    }
    const entry: StudyEntry = { kind: 'sentence', articleKey: article.key, sentence: start + 1, texts, subject: digest.subject, digestDate: digest.date, addedAt };
    if (article.arxivId !== undefined && arxivIdWithoutVersion(article.arxivId) === article.key) {
      entry.arxivId = article.arxivId;
    }
    return entry;
  });
}
