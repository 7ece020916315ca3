/** What the views need from a digest: articles grouped by date, and the article at a line. */
import type { Article, Digest } from './model';

export interface DateGroup {
  /** `YYYY-MM-DD`, or undefined for articles without a date (news). */
  date?: string;
  weekday?: number;
  articles: Article[];
}

const WEEKDAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

const weekdayFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * `Thu` for 4 (`Do` in German, `周四` in Chinese: `locale` is a BCP 47 tag such
 * as VS Code's display language); empty for anything that is not an ISO weekday.
 */
export function weekdayName(weekday: number | undefined, locale = 'en'): string {
  if (weekday === undefined || weekday < 1 || weekday > 7) {
    return '';
  }
  if (locale === 'en' || locale.startsWith('en-')) {
    return WEEKDAY_NAMES[weekday - 1];
  }
  try {
    let format = weekdayFormats.get(locale);
    if (!format) {
      format = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
      weekdayFormats.set(locale, format);
    }
    return format.format(new Date(Date.UTC(2024, 0, weekday))); // 2024-01-01 was a Monday
  } catch {
    return WEEKDAY_NAMES[weekday - 1]; // a locale this runtime does not know
  }
}

/** Newest date first; within a date the articles keep digest order; undated articles last. */
export function groupByDate(articles: readonly Article[]): DateGroup[] {
  const groups = new Map<string | undefined, DateGroup>();
  for (const article of articles) {
    let group = groups.get(article.date);
    if (!group) {
      group = { date: article.date, weekday: article.weekday, articles: [] };
      groups.set(article.date, group);
    }
    group.articles.push(article);
  }
  return [...groups.values()].sort((a, b) => {
    if (a.date === b.date) {
      return 0;
    }
    if (a.date === undefined) {
      return 1;
    }
    if (b.date === undefined) {
      return -1;
    }
    return a.date < b.date ? 1 : -1;
  });
}

/** The article whose lines hold `line`, by binary search over articles in text order. */
export function articleAtLine(digest: Digest, line: number): Article | undefined {
  const articles = digest.articles;
  let low = 0;
  let high = articles.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const article = articles[middle];
    if (line < article.line) {
      high = middle - 1;
    } else if (line > article.endLine) {
      low = middle + 1;
    } else {
      return article;
    }
  }
  return undefined;
}

/**
 * The article a line is about: the article whose lines hold it, or, on a
 * table-of-contents line, the article that entry lists (in the entry's own
 * day, as each day of a multi-day file numbers its articles from 0).
 */
export function articleForLine(digest: Digest, line: number): Article | undefined {
  const inside = articleAtLine(digest, line);
  if (inside) {
    return inside;
  }
  const entry = binarySearch(digest.toc, line);
  if (entry === undefined) {
    return undefined;
  }
  const section = digest.sections?.find((candidate) => candidate.line <= line && line <= candidate.endLine);
  const from = section?.firstArticle ?? 0;
  const to = section ? section.firstArticle + section.articleCount : digest.articles.length;
  for (let i = from; i < to; i++) {
    if (digest.articles[i].index === entry.index) {
      return digest.articles[i];
    }
  }
  return undefined;
}

function binarySearch<T extends { line: number }>(items: readonly T[], line: number): T | undefined {
  let low = 0;
  let high = items.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const candidate = items[middle].line;
    if (candidate === line) {
      return items[middle];
    }
    if (candidate < line) {
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return undefined;
}
