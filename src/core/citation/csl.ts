/**
 * An article as CSL-JSON, the data citation styles (APA, Vancouver, any
 * `.csl` file) are written against. An arXiv paper is a preprint: type
 * `article` (CSL's "preprint" type), publisher arXiv, number `arXiv:ID`,
 * the arXiv DOI that DataCite registers for every paper, and its URL.
 */
import { arxivIdWithoutVersion } from '../digest/articleKey';
import { isArxivId } from '../digest/arxiv';
import { citationYear, titleOf, type CitedArticle } from './bibtex';

/** A CSL name: a person split into family and given names, or one literal name where the order is unknown. */
export interface CslName {
  family?: string;
  given?: string;
  'non-dropping-particle'?: string;
  suffix?: string;
  literal?: string;
}

export interface CslItem {
  id: string;
  type: 'article';
  title?: string;
  author?: CslName[];
  issued?: { 'date-parts': [[number] | [number, number, number]] };
  publisher?: string;
  number?: string;
  DOI?: string;
  URL?: string;
}

/** Lower-case words that belong to the family name (`van Beethoven`, `de la Fontaine`, `dos Santos`). */
const PARTICLES = new Set('da das de del della der des di do dos du la le van von ten ter zu den bin al el'.split(' '));
const SUFFIX = /^(jr|sr|ii|iii|iv)\.?$/i;
/** Han, kana and Hangul: such names are written family name first, with or without a space; we cannot tell which. */
const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]/;

/**
 * One author of a digest as a CSL name. Simple and honest: `Family, Given`
 * as written; a name in CJK script or of one word stays one literal name;
 * otherwise the last word is the family name, with lower-case particles
 * before it and a `Jr.`-style suffix after it.
 */
export function cslName(author: string): CslName {
  const name = author.replace(/\s+/g, ' ').trim();
  const comma = name.indexOf(',');
  if (comma > 0 && !CJK.test(name)) {
    const family = name.slice(0, comma).trim();
    const given = name.slice(comma + 1).trim();
    return given ? { family, given } : { literal: family };
  }
  const words = name.split(' ');
  if (CJK.test(name) || words.length < 2) {
    return { literal: name };
  }
  let suffix: string | undefined;
  if (words.length > 2 && SUFFIX.test(words[words.length - 1])) {
    suffix = words.pop();
  }
  const family = words.pop() ?? '';
  let particleStart = words.length;
  while (particleStart > 1 && PARTICLES.has(words[particleStart - 1])) {
    particleStart--;
  }
  const result: CslName = { family, given: words.slice(0, particleStart).join(' ') };
  if (particleStart < words.length) {
    result['non-dropping-particle'] = words.slice(particleStart).join(' ');
  }
  if (suffix) {
    result.suffix = suffix;
  }
  return result;
}

/** The CSL-JSON item of an article, or undefined without a valid arXiv id (news): there is nothing to cite it by. */
export function cslItem(article: CitedArticle, id = 'article'): CslItem | undefined {
  if (!isArxivId(article.arxivId)) {
    return undefined;
  }
  const eprint = arxivIdWithoutVersion(article.arxivId);
  const item: CslItem = { id, type: 'article', publisher: 'arXiv', number: `arXiv:${eprint}`, DOI: `10.48550/arXiv.${eprint}`, URL: `https://arxiv.org/abs/${eprint}` };
  const title = titleOf(article).replace(/\s+/g, ' ').trim();
  if (title) {
    item.title = title;
  }
  const authors = article.authors.map((a) => a.trim()).filter((a) => a !== '').map(cslName);
  if (authors.length > 0) {
    item.author = authors;
  }
  // The article's own date when it is of the id's year (the day it was listed), else the id's year alone.
  const year = citationYear(article);
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(article.date ?? '');
  if (date && date[1] === year) {
    item.issued = { 'date-parts': [[Number(date[1]), Number(date[2]), Number(date[3])]] };
  } else if (year) {
    item.issued = { 'date-parts': [[Number(year)]] };
  }
  return item;
}
