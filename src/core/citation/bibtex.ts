/**
 * arXiv-style BibTeX entries for articles, as arXiv's "Export BibTeX Citation" writes them:
 *
 *     @misc{salvadori2025deltanetsinteractionbased,
 *           title={$Δ$-Nets: Interaction-Based System for Optimal Parallel $λ$-Reduction},
 *           author={Daniel Augusto Rizzi Salvadori},
 *           year={2025},
 *           eprint={2505.20314},
 *           archivePrefix={arXiv},
 *           primaryClass={cs.DC},
 *           url={https://arxiv.org/abs/2505.20314},
 *     }
 */
import { isArxivId } from '../digest/arxiv';
import { arxivIdWithoutVersion } from '../digest/articleKey';
import type { Translations } from '../digest/model';
import { asciiWord, escapeBibtex } from './tex';

/** What an entry is made of: an article of a digest, or a starred article's stored copy. */
export interface CitedArticle {
  arxivId?: string;
  titles: Translations;
  authors: readonly string[];
  sourceLanguage?: string;
  /** The article's date, `YYYY-MM-DD`. */
  date?: string;
  /** The digest's subject (`cs.DC`) and date. */
  subject?: string;
  digestDate?: string;
}

export interface BibtexEntry {
  key: string;
  /** Field names and their values, escaped, in the order written. */
  fields: [string, string][];
}

/** Words a key skips (arXiv's keys skip such words too: "Attention Is All You Need" → `attentionneed`). */
const STOP_WORDS = new Set(
  ('a all an and are as at be but by can do does for from has have how in into is it its no not of on or our over than that the their '
    + 'these this those through to toward towards under up via vs was we what when where which while who why will with within without you your')
    .split(' '),
);
const KEY_WORDS = 3;
/** `cs.DC`, `math.GT`, `hep-th`, `q-bio.NC`, `stat.ML`: the digest's subject as arXiv names categories. */
const CATEGORY = /^[a-z]+(?:-[a-z]+)?(?:\.[A-Za-z]{2,})?$/;

export function titleOf(article: Pick<CitedArticle, 'titles' | 'sourceLanguage'>): string {
  const { titles } = article;
  return titles.en ?? (article.sourceLanguage ? titles[article.sourceLanguage] : undefined) ?? Object.values(titles).find((t) => t !== undefined && t !== '') ?? '';
}

/** The year: from the arXiv id's YYMM (old-style ids from 1991 on), else the article's, else the digest's date. */
export function citationYear(article: CitedArticle): string | undefined {
  const id = article.arxivId ?? '';
  const newStyle = /^(\d{2})\d{2}\./.exec(id);
  const oldStyle = /\/(\d{2})\d{5}/.exec(id);
  if (newStyle) {
    return `20${newStyle[1]}`;
  }
  if (oldStyle) {
    return `${Number(oldStyle[1]) >= 91 ? '19' : '20'}${oldStyle[1]}`;
  }
  return /^\d{4}/.exec(article.date ?? article.digestDate ?? '')?.[0];
}

/** The first author's last name: `Daniel Augusto Rizzi Salvadori` → `salvadori` (`Last, First` is understood too). */
export function lastNameKey(authors: readonly string[]): string {
  const first = (authors[0] ?? '').trim();
  const comma = first.indexOf(',');
  const family = comma > 0 ? first.slice(0, comma) : (first.split(/\s+/).pop() ?? '');
  return asciiWord(family) || asciiWord(first) || 'anonymous';
}

/** The title's first significant words, as one ASCII word. */
export function titleKey(title: string): string {
  const words = title.split(/\s+/).map(asciiWord).filter((w) => w !== '' && !STOP_WORDS.has(w));
  return words.slice(0, KEY_WORDS).join('');
}

export function citationKey(article: CitedArticle): string {
  return `${lastNameKey(article.authors)}${citationYear(article) ?? ''}${titleKey(titleOf(article))}`;
}

/** Keys unique within one export: the second `smith2025x` becomes `smith2025xa`, the next `smith2025xb`, … */
export function uniqueKeys(keys: readonly string[]): string[] {
  const taken = new Set<string>();
  const counts = new Map<string, number>();
  return keys.map((key) => {
    let unique = key;
    while (taken.has(unique)) {
      const n = counts.get(key) ?? 0;
      counts.set(key, n + 1);
      unique = key + suffix(n);
    }
    taken.add(unique);
    return unique;
  });
}

/** 0 → a, 25 → z, 26 → aa, … */
function suffix(n: number): string {
  let s = '';
  for (let i = n; i >= 0; i = Math.floor(i / 26) - 1) {
    s = String.fromCharCode(97 + (i % 26)) + s;
  }
  return s;
}

/** A name as one BibTeX name: braced where an `and` or a comma in it would split or reorder it. */
function authorName(name: string): string {
  const escaped = escapeBibtex(name, false).trim();
  return /(^|\s)and(\s|$)|,/i.test(escaped) ? `{${escaped}}` : escaped;
}

/** The entry of an article, or undefined for one without a valid arXiv id (news): no eprint, no entry. */
export function bibtexEntry(article: CitedArticle): BibtexEntry | undefined {
  if (!isArxivId(article.arxivId)) {
    return undefined;
  }
  const eprint = arxivIdWithoutVersion(article.arxivId);
  const title = escapeBibtex(titleOf(article)).trim();
  const authors = article.authors.map(authorName).filter((a) => a !== '');
  // An empty field says nothing: left out, as parsers leave it out.
  const fields: [string, string][] = [];
  if (title) {
    fields.push(['title', title]);
  }
  if (authors.length > 0) {
    fields.push(['author', authors.join(' and ')]);
  }
  const year = citationYear(article);
  if (year) {
    fields.push(['year', year]);
  }
  fields.push(['eprint', eprint], ['archivePrefix', 'arXiv']);
  if (article.subject && CATEGORY.test(article.subject)) {
    fields.push(['primaryClass', article.subject]);
  }
  fields.push(['url', `https://arxiv.org/abs/${eprint}`]);
  return { key: citationKey(article), fields };
}

export function formatBibtex(entry: BibtexEntry): string {
  return `@misc{${entry.key},\n${entry.fields.map(([name, value]) => `      ${name}={${value}},\n`).join('')}}\n`;
}

/** The entries of several articles, keys unique among them, those without an arXiv id left out. */
export function bibtexEntries(articles: readonly CitedArticle[]): BibtexEntry[] {
  const entries = articles.map(bibtexEntry).filter((e): e is BibtexEntry => e !== undefined);
  const keys = uniqueKeys(entries.map((e) => e.key));
  return entries.map((entry, i) => ({ ...entry, key: keys[i] }));
}

/** One article's entry as text, or undefined without an arXiv id. */
export function bibtexOf(article: CitedArticle): string | undefined {
  const entry = bibtexEntry(article);
  return entry && formatBibtex(entry);
}
