import { isoWeekday, weekdayName, type Article, type Digest, type StarredArticle, type Translations } from '../core';
import { alignAbstract, digestLengthModels, sentenceRows, type LengthModel } from '../core/study';
import type { ArticleViewModel, LanguageText, SentenceRow } from '../common/messages';

const namesByLocale = new Map<string, Intl.DisplayNames>();

/** "English", "Englisch", "英语": language names in the display language of VS Code. */
function languageLabel(language: string, locale: string): string {
  try {
    let names = namesByLocale.get(locale);
    if (!names) {
      names = new Intl.DisplayNames([locale, 'en'], { type: 'language' });
      namesByLocale.set(locale, names);
    }
    return names.of(language) ?? language;
  } catch {
    return language;
  }
}

// Length models are a property of the whole digest (its hundreds of abstract pairs): estimated once per parse and source language.
const modelsByDigest = new WeakMap<Digest, Map<string, Record<string, LengthModel>>>();

function lengthModels(digest: Digest, sourceLanguage: string): Record<string, LengthModel> {
  let bySource = modelsByDigest.get(digest);
  if (!bySource) {
    bySource = new Map();
    modelsByDigest.set(digest, bySource);
  }
  let models = bySource.get(sourceLanguage);
  if (!models) {
    models = digestLengthModels(digest, sourceLanguage);
    bySource.set(sourceLanguage, models);
  }
  return models;
}

/** The abstract's sentences aligned across its languages; undefined when there is nothing to align. */
function rowsOf(abstracts: Translations, sourceLanguage: string, models: Record<string, LengthModel>): SentenceRow[] | undefined {
  const aligned = alignAbstract(abstracts, sourceLanguage, models);
  return aligned && aligned.source.length > 0 ? sentenceRows(aligned) : undefined;
}

const ARXIV_LANGUAGES = ['en', 'de', 'zh'];

interface DigestLanguages {
  titles: string[];
  abstracts: string[];
}

// Languages are a property of the whole digest: found once per parse, not on every article shown.
const languagesByDigest = new WeakMap<Digest, DigestLanguages>();

/** The languages a digest has titles and abstracts in (any article): what study mode picks its language from. */
export function digestLanguages(digest: Digest): DigestLanguages {
  let languages = languagesByDigest.get(digest);
  if (!languages) {
    const titles = new Set<string>();
    const abstracts = new Set<string>();
    for (const article of digest.articles) {
      present(article.titles).forEach((language) => titles.add(language));
      present(article.abstracts).forEach((language) => abstracts.add(language));
    }
    languages = { titles: [...titles], abstracts: [...abstracts] };
    languagesByDigest.set(digest, languages);
  }
  return languages;
}

/** Title languages: arXiv always shows its three; news shows the original first, then what the digest holds. */
function titleLanguages(digest: Digest, article: Article): string[] {
  if (digest.kind === 'arxiv') {
    return ARXIV_LANGUAGES;
  }
  return orderedLanguages(article.sourceLanguage, digestLanguages(digest).titles);
}

/** Abstract languages: every language the digest has for any article (arXiv: English and Chinese at least). */
function abstractLanguages(digest: Digest, article: Article): string[] {
  const present = digestLanguages(digest).abstracts;
  if (digest.kind === 'arxiv') {
    return ARXIV_LANGUAGES.filter((language) => language !== 'de' || present.includes('de'));
  }
  return orderedLanguages(article.sourceLanguage, present);
}

/** The languages a record has text in. */
function present(values: Record<string, string | undefined>): string[] {
  return Object.keys(values).filter((language) => values[language] !== undefined);
}

function orderedLanguages(source: string, languages: string[]): string[] {
  const unique = [...new Set(languages)].filter((language) => language !== source).sort();
  return [source, ...unique];
}

function texts(languages: string[], values: Record<string, string | undefined>, locale: string): LanguageText[] {
  return languages.map((language) => ({ language, label: languageLabel(language, locale), text: values[language] }));
}

/** An article's reading state, as the panel shows it. */
export interface ReadingMarks {
  read: boolean;
  starred: boolean;
  alsoIn?: string;
}

export function toArticleViewModel(digest: Digest, article: Article, marks: ReadingMarks, locale = 'en'): ArticleViewModel {
  const position = digest.articles.indexOf(article);
  return {
    ...marks,
    fromStarred: false,
    subject: digest.subject,
    digestDate: digest.date,
    index: article.index,
    position: position + 1,
    total: digest.articles.length,
    date: article.date,
    weekdayName: weekdayName(article.weekday, locale) || undefined,
    arxivId: article.arxivId,
    authors: article.authors,
    titles: texts(titleLanguages(digest, article), article.titles, locale),
    abstracts: texts(abstractLanguages(digest, article), article.abstracts, locale),
    hasPrevious: position > 0,
    hasNext: position >= 0 && position < digest.articles.length - 1,
    sourceLanguage: article.sourceLanguage,
    rows: rowsOf(article.abstracts, article.sourceLanguage, lengthModels(digest, article.sourceLanguage)),
    digestLanguages: digestLanguages(digest),
  };
}

/** A starred article from what was stored with its star; `position` in the Starred view's order. */
export function starredViewModel(star: StarredArticle, position: number, total: number, marks: ReadingMarks, locale = 'en'): ArticleViewModel {
  const titleLanguages = star.kind === 'arxiv' ? ARXIV_LANGUAGES : orderedLanguages(star.sourceLanguage, Object.keys(star.titles));
  const abstractLanguages = star.kind === 'arxiv'
    ? ARXIV_LANGUAGES.filter((language) => language !== 'de' || star.abstracts.de !== undefined)
    : orderedLanguages(star.sourceLanguage, Object.keys(star.abstracts));
  return {
    ...marks,
    fromStarred: true,
    subject: star.subject,
    digestDate: star.digestDate,
    index: star.index,
    position: position + 1,
    total,
    date: star.date,
    weekdayName: star.date ? weekdayName(isoWeekday(star.date), locale) || undefined : undefined,
    arxivId: star.arxivId,
    authors: star.authors,
    titles: texts(titleLanguages, star.titles, locale),
    abstracts: texts(abstractLanguages, star.abstracts, locale),
    hasPrevious: position > 0,
    hasNext: position < total - 1,
    // A starred copy has no digest to learn the length ratio from: the alignment estimates it from this abstract alone.
    sourceLanguage: star.sourceLanguage,
    rows: rowsOf(star.abstracts, star.sourceLanguage, {}),
    // Its digest may be gone: what the stored copy has.
    digestLanguages: { titles: present(star.titles), abstracts: present(star.abstracts) },
  };
}
