/**
 * Generated digests in every variant (plain-text arXiv, Markdown arXiv,
 * Markdown news, several days concatenated), damaged at random, with each
 * line tagged by the article it came from: after the damage, a test can tell
 * which articles are still complete and what the parser must read from them.
 * Deterministic for a seed.
 */
import { random } from './generate';

export type Variant = 'text' | 'markdown' | 'news';

/** What the parser must read from a complete article (the fields a test compares). */
export interface ExpectedArticle {
  index: number;
  date?: string;
  weekday?: number;
  arxivId?: string;
  titles: Record<string, string>;
  abstracts: Record<string, string>;
  authors: string[];
  sourceLanguage: string;
}

/** One line and where it came from: `part` of block `block` (an article's lines, or a day's header block). */
export interface TaggedLine {
  text: string;
  block?: number;
  part?: number;
}

export interface Block {
  kind: 'article' | 'head';
  size: number;
  article?: ExpectedArticle;
}

export interface DamagedDigest {
  variant: Variant;
  lines: TaggedLine[];
  blocks: Block[];
  /** The text the parser gets: the lines joined, maybe with CRLF and a BOM. */
  text: string;
}

type Random = () => number;

const WORDS = ['parallel', 'graph', 'LLM', '$O(n)$', '$\\Delta$-Nets', '<b>', 'A&B', '"quoted"', "it's", 'Größe', 'für', 'x^2', '\\"o', '(v2)', 'x:y', 'a,b', '[1]', '2505.12345', '--', '@home', 'nan-free'];
const HAN = ['平行', '分布式', '学习', '图表', '的', '计算', '云', '$O(n)$', 'BERT'];
const GARBAGE = ['\r', '\u2028', '\u2029', '\u3000', '\u00a0', '\t', ' ', '|', '-', '[', ']', ':', '@', '#', '*', '\ufeff', '\0', '\ud800', 'nan', '中', '2505.00001v1'];
const FORMAT_LINES = ['', '-', '---', 'nan', 'Article 7', 'Title@2025-05-29 (4): Stray', 'Title: a | b | c 2505.00001 |', 'Authors (2): A, B', '**Title:** Stray', '00 05-29 (4) a b c 2505.00001v1 -', '### Translation (en):', '**Authors** (1): A'];
/**
 * Lines that decide how a headerless file is read (see parseDigest): added
 * only where they cannot turn the variant into another one, so that a
 * complete article must still read as generated.
 */
const VARIANT_LINES: Record<Variant, string[]> = {
  text: ['cs.XX @ 2025-06-01: 2'],
  markdown: ['## Article 7', '### Title@2025-05-29 (4): Stray'],
  news: ['## Article 7', '### Original (de):'],
};

const pick = <T>(next: Random, items: readonly T[]): T => items[Math.floor(next() * items.length)];
const count = (next: Random, min: number, max: number): number => min + Math.floor(next() * (max - min + 1));

function phrase(next: Random, pool: readonly string[], min: number, max: number, joiner = ' '): string {
  return Array.from({ length: count(next, min, max) }, () => pick(next, pool)).join(joiner);
}

function arxivId(next: Random): string {
  if (next() < 0.1) {
    return pick(next, ['cs/0112017', 'math.GT/0309136v2', 'hep-th/9901001v1']);
  }
  return `25${count(next, 10, 12)}.${count(next, 10000, 99999)}${next() < 0.8 ? `v${count(next, 1, 9)}` : ''}`;
}

function arxivArticle(next: Random, index: number, digestTime: number): ExpectedArticle {
  const time = digestTime - count(next, 1, 9) * 86_400_000;
  const date = new Date(time).toISOString().slice(0, 10);
  // Mostly short abstracts; now and then a line of tens of kilobytes.
  const enAbstract = next() < 0.005 ? phrase(next, WORDS, 500, 3000) : phrase(next, WORDS, 1, 30);
  const abstracts: Record<string, string> = { en: enAbstract };
  if (next() < 0.3) {
    abstracts.de = phrase(next, WORDS, 1, 20);
  }
  if (next() < 0.7) {
    abstracts.zh = pick(next, HAN.slice(0, 7)) + phrase(next, HAN, 0, 20, ''); // told by its Han characters
  }
  const titles: Record<string, string> = { en: phrase(next, WORDS, 1, 8) };
  if (next() < 0.9) {
    titles.de = phrase(next, WORDS, 1, 8);
  }
  if (next() < 0.9) {
    titles.zh = phrase(next, HAN, 1, 8, '');
  }
  return {
    index,
    date,
    weekday: ((new Date(time).getUTCDay() + 6) % 7) + 1,
    arxivId: arxivId(next),
    titles,
    abstracts,
    authors: Array.from({ length: count(next, 1, 6) }, () => phrase(next, ['Ann', 'Bo', 'Chen Wei', "O'Neil", 'von Neumann', 'Zoë'], 1, 3)),
    sourceLanguage: 'en',
  };
}

function newsArticle(next: Random, index: number, source: string): ExpectedArticle {
  const languages = [source, ...['en', 'zh'].filter((language) => language !== source)];
  const titles: Record<string, string> = {};
  const abstracts: Record<string, string> = {};
  for (const language of languages) {
    const pool = language === 'zh' ? HAN : WORDS;
    titles[language] = phrase(next, pool, 1, 8, language === 'zh' ? '' : ' ');
    abstracts[language] = Array.from({ length: count(next, 1, 3) }, () => phrase(next, pool, 1, 20, language === 'zh' ? '' : ' ')).join('\n\n');
  }
  return { index, titles, abstracts, authors: [], sourceLanguage: source };
}

/** An article's lines as the pipeline renders it in `variant` (Markdown: with its closing rule). */
function articleLines(article: ExpectedArticle, variant: Variant): string[] {
  const { titles, abstracts } = article;
  if (variant === 'news') {
    const out = [`## Article ${article.index}`];
    for (const language of Object.keys(titles)) {
      out.push(language === article.sourceLanguage ? `### Original (${language}):` : `### Translation (${language}):`, `**Title:** ${titles[language]}`, '');
      for (const paragraph of abstracts[language].split('\n\n')) {
        out.push(paragraph, '');
      }
    }
    return [...out, '---', ''];
  }
  const abstractLines = [abstracts.en, ...(abstracts.de === undefined ? [] : [abstracts.de]), abstracts.zh ?? 'nan'];
  const titleAt = `Title@${article.date} (${article.weekday}): ${titles.en}`;
  const bars = `${titles.en} | ${titles.de ?? ''} | ${titles.zh ?? ''}`;
  const authors = `(${article.authors.length}): ${article.authors.join(', ')}`;
  if (variant === 'text') {
    return [`Article ${article.index}`, titleAt, `Title: ${bars} ${article.arxivId} |`, `Authors ${authors}`, ...abstractLines];
  }
  const link = `[${article.arxivId}](http://arxiv.org/abs/${article.arxivId})`;
  return [`## Article ${article.index}`, `### ${titleAt}`, '', `**Title**: ${bars} ${link}`, '', `**Authors** ${authors}`, '', ...abstractLines.flatMap((line) => [line, '']), '---', ''];
}

function tocLine(article: ExpectedArticle, variant: Variant): string {
  const number = String(article.index).padStart(2, '0');
  if (variant === 'news') {
    return `- [[${number}] ${article.titles[article.sourceLanguage]}](#article-${article.index}) | ${article.titles.en} | ${article.titles.zh ?? ''}`;
  }
  const monthDay = article.date?.slice(5) ?? '';
  if (variant === 'text') {
    return `${number} ${monthDay} (${article.weekday}) ${article.titles.en} ${article.titles.de ?? ''} ${article.titles.zh ?? ''} ${article.arxivId} -`;
  }
  return `- [${number}](#article-${article.index}) | **${monthDay} (${article.weekday})** | ${article.titles.en} | | | [${article.arxivId}](http://arxiv.org/abs/${article.arxivId})`;
}

/** One or more days of `variant`, each with its header (block) and TOC, and its articles (blocks). */
function render(next: Random, variant: Variant): { lines: TaggedLine[]; blocks: Block[] } {
  const lines: TaggedLine[] = [];
  const blocks: Block[] = [];
  const addBlock = (kind: Block['kind'], texts: string[], article?: ExpectedArticle): void => {
    const block = blocks.length;
    blocks.push({ kind, size: texts.length, article });
    texts.forEach((text, part) => lines.push({ text, block, part }));
  };
  const days = next() < 0.75 ? 1 : count(next, 2, 3);
  const source = pick(next, ['de', 'en', 'fr']);
  for (let day = 0; day < days; day++) {
    const digestTime = Date.UTC(2025, 5, 1 + day);
    const date = new Date(digestTime).toISOString().slice(0, 10);
    const size = next() < 0.9 ? count(next, 0, 8) : next() < 0.9 ? count(next, 9, 40) : count(next, 41, 200);
    const articles = Array.from({ length: size }, (_, index) => (variant === 'news' ? newsArticle(next, index, source) : arxivArticle(next, index, digestTime)));
    const declared = String(size).padStart(3, '0');
    const title = variant === 'news' ? `${source === 'de' ? 'German' : source === 'en' ? 'English' : 'French'} News for ${date}: ${declared}` : `cs.XX @ ${date}: ${declared}`;
    if (variant === 'text') {
      addBlock('head', [title]);
      lines.push({ text: '-' }, ...articles.map((article) => ({ text: tocLine(article, variant) })));
    } else {
      addBlock('head', ['---', `title: "${title}"`, `date: ${date}`, 'layout: post', '---']);
      lines.push({ text: '' }, ...articles.map((article) => ({ text: tocLine(article, variant) })), { text: '' });
    }
    for (const article of articles) {
      addBlock('article', articleLines(article, variant), article);
    }
  }
  return { lines, blocks };
}

function garbage(next: Random, length: number): string {
  let out = '';
  while (out.length < length) {
    out += next() < 0.5 ? pick(next, GARBAGE) : String.fromCharCode(Math.floor(next() * (next() < 0.7 ? 128 : 0xffff)));
  }
  return out;
}

/** One random damage; lines it changes lose their tag. */
function damage(next: Random, lines: TaggedLine[], variant: Variant): TaggedLine[] {
  if (lines.length === 0) {
    return lines;
  }
  const at = Math.floor(next() * lines.length);
  const copy = [...lines];
  switch (Math.floor(next() * 9)) {
    case 0: // a line dropped
      copy.splice(at, 1);
      return copy;
    case 1: // a line duplicated, next to itself or elsewhere
      copy.splice(next() < 0.5 ? at : Math.floor(next() * lines.length), 0, { ...lines[at] });
      return copy;
    case 2: { // two lines swapped
      const other = Math.floor(next() * lines.length);
      [copy[at], copy[other]] = [copy[other], copy[at]];
      return copy;
    }
    case 3: { // a run of lines moved elsewhere
      const run = copy.splice(at, count(next, 1, 12));
      copy.splice(Math.floor(next() * (copy.length + 1)), 0, ...run);
      return copy;
    }
    case 4: { // cut short, maybe inside a line
      const line = lines[at];
      const keep = Math.floor(next() * (line.text.length + 1));
      return [...copy.slice(0, at), keep === line.text.length ? line : { text: line.text.slice(0, keep) }];
    }
    case 5: { // garbage bytes inside a line
      const { text } = lines[at];
      const where = Math.floor(next() * (text.length + 1));
      copy[at] = { text: text.slice(0, where) + garbage(next, count(next, 1, 8)) + text.slice(where) };
      return copy;
    }
    case 6: // a line of garbage, sometimes huge
      copy.splice(at, 0, { text: garbage(next, next() < 0.05 ? count(next, 10_000, 60_000) : count(next, 1, 80)) });
      return copy;
    case 7: // a line that looks like part of the format
      copy.splice(at, 0, { text: pick(next, next() < 0.8 ? FORMAT_LINES : VARIANT_LINES[variant]) });
      return copy;
    default: // trailing blanks on a line
      copy[at] = { text: lines[at].text + pick(next, [' ', '\t', '  ', ' \t']), block: lines[at].block, part: lines[at].part };
      return copy;
  }
}

/** A generated digest of a random variant, 0 to 4 damages, CRLF and a BOM now and then. */
export function damagedDigest(seed: number): DamagedDigest {
  const next = random(seed);
  const variant = pick<Variant>(next, ['text', 'text', 'markdown', 'news']);
  const rendered = render(next, variant);
  let { lines } = rendered;
  const damages = next() < 0.15 ? 0 : count(next, 1, 4);
  for (let i = 0; i < damages; i++) {
    lines = damage(next, lines, variant);
  }
  // Garbage may hold line breaks: each piece becomes a line of its own, so that positions are line numbers.
  lines = lines.flatMap((line) => (line.text.includes('\n') ? line.text.split('\n').map((text) => ({ text })) : [line]));
  if (lines.length === 0 || next() < 0.3) {
    lines.push({ text: '' }); // a final newline (an empty text is one empty line)
  }
  const newline = next() < 0.25 ? '\r\n' : '\n';
  const text = (next() < 0.1 ? '\ufeff' : '') + lines.map((line) => line.text).join(newline);
  return { variant, lines, blocks: rendered.blocks, text };
}
