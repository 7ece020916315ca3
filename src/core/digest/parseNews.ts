/** Markdown news digests: an original and its translations, each a `###` section. */
import type { DiagnosticSink } from './diagnostics';
import type { Lines } from './lines';
import type { Article, Translations } from './model';
import { presentText } from './text';

const ARTICLE_START = /^## Article (\d{1,7})$/;
const SECTION = /^### (Original|Translation) \(([a-z]{2,3}(?:-[A-Za-z]{2,4})?)\):?$/;
const TITLE = /^\*\*Title:?\*\*:? ?(.*)$/;
const TOC_ENTRY = /^- \[\[(\d{1,7})\]/;

const LANGUAGE_NAMES: Record<string, string> = {
  german: 'de', english: 'en', chinese: 'zh', french: 'fr', spanish: 'es', italian: 'it', russian: 'ru', japanese: 'ja',
};

/** "German News" → `de`, as a fallback when an article has no Original section. */
export function languageOfSubject(subject: string): string | undefined {
  return LANGUAGE_NAMES[subject.split(' ')[0]?.toLowerCase() ?? ''];
}

interface Draft {
  index: number;
  line: number;
  lastLine: number;
  sourceLanguage?: string;
  language?: string;
  titles: Translations;
  paragraphs: Map<string, string[]>;
}

/** Reads the articles of lines `start` to `end` (exclusive; one day of the file). `endsFile`: the last may be cut short. */
export function readNewsBody(lines: Lines, start: number, end: number, subject: string, sink: DiagnosticSink, endsFile: boolean): Article[] {
  const articles: Article[] = [];
  let draft: Draft | undefined;
  const finish = (isLast: boolean): void => {
    if (draft) {
      articles.push(buildArticle(draft, subject, isLast, sink));
    }
  };
  for (let i = start; i < end; i++) {
    if (lines.isEmpty(i) || lines.is(i, '---')) {
      continue;
    }
    // News digests are small: their lines are sliced as they come.
    const line = lines.at(i);
    const opening = ARTICLE_START.exec(line);
    if (opening) {
      finish(false);
      draft = { index: Number(opening[1]), line: i, lastLine: i, titles: {}, paragraphs: new Map() };
      continue;
    }
    if (!draft) {
      if (!TOC_ENTRY.test(line)) {
        sink.add(i, 'warning', 'This line is neither a table-of-contents entry nor an article; it was skipped.', 'stray-line');
      }
      continue;
    }
    draft.lastLine = i;
    const section = SECTION.exec(line);
    if (section) {
      draft.language = section[2];
      if (section[1] === 'Original') {
        draft.sourceLanguage = section[2];
      }
      continue;
    }
    if (!draft.language) {
      sink.add(i, 'warning', `Article ${draft.index}: this line comes before any "### Original" or "### Translation" heading and was skipped.`, 'news-before-section');
      continue;
    }
    const title = TITLE.exec(line);
    if (title && draft.titles[draft.language] === undefined && !draft.paragraphs.has(draft.language)) {
      const text = presentText(title[1]);
      if (text !== undefined) {
        draft.titles[draft.language] = text;
      }
      continue;
    }
    const paragraphs = draft.paragraphs.get(draft.language) ?? [];
    paragraphs.push(line);
    draft.paragraphs.set(draft.language, paragraphs);
  }
  finish(endsFile);
  return articles;
}

function buildArticle(draft: Draft, subject: string, isLast: boolean, sink: DiagnosticSink): Article {
  const abstracts: Translations = {};
  for (const [language, paragraphs] of draft.paragraphs) {
    const text = presentText(paragraphs.filter((p) => p.trim() !== 'nan').join('\n\n'));
    if (text !== undefined) {
      abstracts[language] = text;
    }
  }
  if (Object.keys(draft.titles).length === 0) {
    sink.add(draft.line, 'warning', `Article ${draft.index} has no title${isLast ? '; the file may be cut short' : ''}.`, 'news-no-title');
  }
  if (!draft.sourceLanguage) {
    sink.add(draft.line, 'info', `Article ${draft.index} has no "### Original" section.`, 'news-no-original');
  }
  return {
    index: draft.index,
    titles: draft.titles,
    abstracts,
    authors: [],
    sourceLanguage: draft.sourceLanguage ?? languageOfSubject(subject) ?? 'und',
    line: draft.line,
    endLine: draft.lastLine,
  };
}
