import { weekdayName, type Article, type Digest } from '../core';
import type { ArticleViewModel, LanguageText } from '../common/messages';

const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });

function languageLabel(language: string): string {
  try {
    return languageNames.of(language) ?? language;
  } catch {
    return language;
  }
}

const ARXIV_LANGUAGES = ['en', 'de', 'zh'];

interface DigestLanguages {
  titles: string[];
  abstracts: string[];
}

// Languages are a property of the whole digest: found once per parse, not on every article shown.
const languagesByDigest = new WeakMap<Digest, DigestLanguages>();

function digestLanguages(digest: Digest): DigestLanguages {
  let languages = languagesByDigest.get(digest);
  if (!languages) {
    const titles = new Set<string>();
    const abstracts = new Set<string>();
    for (const article of digest.articles) {
      Object.keys(article.titles).forEach((language) => titles.add(language));
      Object.keys(article.abstracts).forEach((language) => abstracts.add(language));
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

function orderedLanguages(source: string, languages: string[]): string[] {
  const unique = [...new Set(languages)].filter((language) => language !== source).sort();
  return [source, ...unique];
}

function texts(languages: string[], values: Record<string, string | undefined>): LanguageText[] {
  return languages.map((language) => ({ language, label: languageLabel(language), text: values[language] }));
}

export function toArticleViewModel(digest: Digest, article: Article): ArticleViewModel {
  const position = digest.articles.indexOf(article);
  return {
    subject: digest.subject,
    digestDate: digest.date,
    index: article.index,
    position: position + 1,
    total: digest.articles.length,
    date: article.date,
    weekdayName: weekdayName(article.weekday) || undefined,
    arxivId: article.arxivId,
    authors: article.authors,
    titles: texts(titleLanguages(digest, article), article.titles),
    abstracts: texts(abstractLanguages(digest, article), article.abstracts),
    hasPrevious: position > 0,
    hasNext: position >= 0 && position < digest.articles.length - 1,
  };
}
