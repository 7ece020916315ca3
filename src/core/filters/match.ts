/**
 * Which articles a filter matches, and the ranges to highlight in each field.
 * Words match folded substrings of any field; regular expressions the raw
 * text (their results come from the worker that bounds their time).
 */
import type { Article } from '../digest/model';
import { foldText, type FoldedText } from './fold';
import type { CompiledFilter } from './query';
import type { RegexJob, RegexJobResult } from './regexJob';

/** `title.en`, `abstract.zh`, `authors` (joined with `, `) or `id`. */
export type FieldKey = string;

export interface ArticleField {
  key: FieldKey;
  text: string;
}

/** Ranges `[start, end)` in a field's text, sorted and not overlapping. */
export type Highlights = Record<FieldKey, [number, number][]>;

export const MAX_RANGES_PER_FIELD = 200;

/** The text of an article a filter looks at, field by field, as the panel shows it. */
export function articleFields(article: Article): ArticleField[] {
  const fields: ArticleField[] = [];
  for (const [language, text] of Object.entries(article.titles)) {
    if (text) {
      fields.push({ key: `title.${language}`, text });
    }
  }
  if (article.authors.length > 0) {
    fields.push({ key: 'authors', text: article.authors.join(', ') });
  }
  for (const [language, text] of Object.entries(article.abstracts)) {
    if (text) {
      fields.push({ key: `abstract.${language}`, text });
    }
  }
  if (article.arxivId) {
    fields.push({ key: 'id', text: article.arxivId });
  }
  return fields;
}

/** The fields of a digest's articles, flattened in one order for the worker and for matching. */
export interface DigestTexts {
  fields: ArticleField[][];
  texts: string[];
  /** Index in `texts` of each article's first field. */
  firstText: number[];
}

export function digestTexts(articles: readonly Article[]): DigestTexts {
  const fields = articles.map(articleFields);
  const firstText: number[] = [];
  let count = 0;
  for (const list of fields) {
    firstText.push(count);
    count += list.length;
  }
  return { fields, texts: fields.flatMap((list) => list.map((field) => field.text)), firstText };
}

/** The job for the worker: the filter's regular-expression terms over every text. */
export function regexJobOf(filter: CompiledFilter, texts: DigestTexts): RegexJob {
  const terms = filter.terms.flatMap((term) => (term.kind === 'regex' ? [{ source: term.source, flags: term.flags }] : []));
  return { terms, texts: texts.texts, maxRanges: MAX_RANGES_PER_FIELD };
}

/** Folded texts are reused by every word filter over the same digest. */
const foldedCache = new WeakMap<ArticleField, FoldedText>();

function folded(field: ArticleField): FoldedText {
  let result = foldedCache.get(field);
  if (!result) {
    result = foldText(field.text);
    foldedCache.set(field, result);
  }
  return result;
}

function wordRanges(field: ArticleField, word: string): number[] {
  const text = folded(field);
  const ranges: number[] = [];
  let at = text.text.indexOf(word);
  while (at >= 0 && ranges.length < MAX_RANGES_PER_FIELD * 2) {
    ranges.push(text.from[at], text.to[at + word.length - 1]);
    at = text.text.indexOf(word, at + word.length);
  }
  return ranges;
}

/**
 * The articles (by position in `articles`) the filter matches, with their highlights.
 * `regex` is the worker's answer to `regexJobOf(filter, texts)`; required when the filter has regular expressions.
 * `from`/`to` (positions) let a caller match a large digest in slices and yield between them.
 */
export function matchArticles(filter: CompiledFilter, texts: DigestTexts, regex?: RegexJobResult, from = 0, to = texts.fields.length): Map<number, Highlights> {
  const matches = new Map<number, Highlights>();
  texts.fields.slice(from, to).forEach((fields, offset) => {
    const position = from + offset;
    const first = texts.firstText[position];
    const highlights: Record<FieldKey, number[]> = {};
    let regexTerm = 0;
    for (const term of filter.terms) {
      let found = false;
      const termRegex = term.kind === 'regex' ? regex?.[regexTerm++] : undefined;
      fields.forEach((field, f) => {
        const ranges = term.kind === 'text' ? wordRanges(field, term.folded) : termRegex?.[first + f] ?? [];
        if (ranges.length > 0) {
          found = true;
          if (!term.exclude) {
            (highlights[field.key] ??= []).push(...ranges);
          }
        }
      });
      if (found === term.exclude) {
        return; // a word missing, or an excluded one present
      }
    }
    matches.set(position, normalize(highlights));
  });
  return matches;
}

/** Sorted, merged, non-empty ranges per field. */
function normalize(flat: Record<FieldKey, number[]>): Highlights {
  const result: Highlights = {};
  for (const [key, values] of Object.entries(flat)) {
    const pairs: [number, number][] = [];
    for (let i = 0; i + 1 < values.length; i += 2) {
      if (values[i + 1] > values[i]) {
        pairs.push([values[i], values[i + 1]]);
      }
    }
    pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const merged: [number, number][] = [];
    for (const pair of pairs) {
      const last = merged[merged.length - 1];
      if (last && pair[0] <= last[1]) {
        last[1] = Math.max(last[1], pair[1]);
      } else {
        merged.push([pair[0], pair[1]]);
      }
    }
    if (merged.length > 0) {
      result[key] = merged;
    }
  }
  return result;
}
