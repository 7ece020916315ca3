/**
 * Digests generated from the format notes, for property tests and benchmarks.
 * Deterministic for a given seed.
 */

export interface GeneratedArticle {
  index: number;
  date: string;
  weekday: number;
  arxivId: string;
  titles: { en: string; de: string; zh: string };
  authors: string[];
  abstracts: { en: string; de?: string; zh?: string };
}

export interface GeneratedDigest {
  text: string;
  articles: GeneratedArticle[];
}

/** A small, fast, seedable PRNG (mulberry32): the ranking's own, so generated data and training draw alike. */
import { seeded } from '../../src/core/ranking/model';

export const random = seeded;

const EN = ['parallel', 'distributed', 'learning', 'federated', 'graph', 'scheduling', 'memory', 'cloud', 'edge', 'inference', 'systems', 'with', 'for', 'on', '$O(n)$', 'LLM', '<fast>', 'A&B'];
const DE = ['parallele', 'verteilte', 'Lernen', 'föderiertes', 'Graphen', 'Planung', 'Speicher', 'Wolke', 'Rand', 'Inferenz', 'Systeme', 'mit', 'für', 'über', 'Größe'];
const ZH = ['平行', '分布式', '学习', '联邦', '图表', '调度', '内存', '云', '边缘', '推论', '系统', '的', '和', '计算'];

function words(next: () => number, pool: string[], count: number, joiner = ' '): string {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    out.push(pool[Math.floor(next() * pool.length)]);
  }
  return out.join(joiner);
}

function isoDate(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

export interface GenerateOptions {
  seed?: number;
  /** Words per English abstract (about 150 gives real-sized digests). */
  abstractWords?: number;
  /** Share of articles that get a German abstract line. */
  germanShare?: number;
}

/** A plain-text arXiv digest of `count` articles, TOC included, as the pipeline writes it. */
export function generateDigest(count: number, options: GenerateOptions = {}): GeneratedDigest {
  const next = random(options.seed ?? 1);
  const abstractWords = options.abstractWords ?? 220;
  const germanShare = options.germanShare ?? 0.1;
  const digestTime = Date.UTC(2025, 5, 1);
  const articles: GeneratedArticle[] = [];
  for (let index = 0; index < count; index++) {
    const time = digestTime - (1 + Math.floor(next() * 7)) * 86_400_000;
    const date = isoDate(time);
    const weekday = ((new Date(time).getUTCDay() + 6) % 7) + 1;
    const authorCount = 1 + Math.floor(next() * 6);
    const authors = Array.from({ length: authorCount }, (_, i) => `Author${index}_${i} Name`);
    const hasZh = index < 300 || next() < 0.5;
    articles.push({
      index,
      date,
      weekday,
      arxivId: `25${String(1 + Math.floor(next() * 5)).padStart(2, '0')}.${String(10000 + Math.floor(next() * 89999))}v${1 + Math.floor(next() * 3)}`,
      titles: {
        en: words(next, EN, 4 + Math.floor(next() * 8)),
        de: words(next, DE, 4 + Math.floor(next() * 8)),
        zh: words(next, ZH, 4 + Math.floor(next() * 8), ''),
      },
      authors,
      abstracts: {
        en: words(next, EN, abstractWords),
        de: next() < germanShare ? words(next, DE, abstractWords) : undefined,
        zh: hasZh ? words(next, ZH, abstractWords, '') : undefined,
      },
    });
  }
  return { text: renderDigest(articles, 'cs.DC', '2025-06-01'), articles };
}

/** Renders articles in the plain-text format (weekday only on the first TOC entry of a run). */
export function renderDigest(articles: GeneratedArticle[], subject: string, date: string): string {
  const width = Math.max(2, String(articles.length - 1).length);
  const out: string[] = [`${subject} @ ${date}: ${String(articles.length).padStart(3, '0')}`, '-'];
  let previousDate = '';
  articles.forEach((a, i) => {
    const runStart = a.date !== previousDate ? ` (${a.weekday})` : '';
    previousDate = a.date;
    const last = i === articles.length - 1;
    out.push(`${String(a.index).padStart(width, '0')} ${a.date.slice(5)}${runStart} ${a.titles.en} ${a.titles.de} ${a.titles.zh} ${a.arxivId}${last ? '' : ' -'}`);
  });
  for (const a of articles) {
    out.push(`Article ${a.index}`);
    out.push(`Title@${a.date} (${a.weekday}): ${a.titles.en}`);
    out.push(`Title: ${a.titles.en} | ${a.titles.de} | ${a.titles.zh} ${a.arxivId} |`);
    out.push(`Authors (${a.authors.length}): ${a.authors.join(', ')}`);
    out.push(a.abstracts.en);
    if (a.abstracts.de !== undefined) {
      out.push(a.abstracts.de);
    }
    out.push(a.abstracts.zh ?? 'nan');
  }
  return out.join('\n');
}
