/**
 * The digest model. Field names are a contract: tools outside the extension
 * read them (through dist/core.js), so rename nothing, only add.
 */

export type DigestKind = 'arxiv' | 'news';

/** Which of the pipeline's renderings a digest was read from. */
export type DigestFormat = 'text' | 'markdown';

export type Severity = 'error' | 'warning' | 'info';

/** Texts by language code. A language is absent where the digest has nothing, an empty string or `nan`. */
export interface Translations {
  en?: string;
  de?: string;
  zh?: string;
  /** News digests may carry other source languages (`fr`, `es`, …). */
  [language: string]: string | undefined;
}

export interface Diagnostic {
  /** 0-based line in the text. */
  line: number;
  severity: Severity;
  /** A sentence a reader understands. */
  message: string;
  /**
   * The kind of problem, stable for tools, e.g. `no-authors`, `stray-line`
   * (see KINDS in diagnostics.ts). Set on every diagnostic the parser makes.
   */
  code?: string;
  /**
   * Set only on a summary: past a few problems of one kind the rest are not
   * listed one by one, and this one diagnostic stands for `omitted` of them.
   */
  omitted?: number;
}

export interface Article {
  /** The N of "Article N". */
  index: number;
  /** `YYYY-MM-DD`; undefined for news. */
  date?: string;
  /** ISO weekday, 1 = Monday … 7 = Sunday; undefined for news. */
  weekday?: number;
  /** E.g. `2505.23710v1`; undefined for news or where the digest has no valid id. */
  arxivId?: string;
  titles: Translations;
  abstracts: Translations;
  authors: string[];
  /** `en` for arXiv; the original's language for news. */
  sourceLanguage: string;
  /** 0-based first line of the article (its "Article N" line). */
  line: number;
  /** 0-based last line of the article. */
  endLine: number;
}

/** One line of the table of contents, kept to cross-check the bodies. */
export interface TocEntry {
  index: number;
  /** `MM-DD` as printed. */
  monthDay?: string;
  weekday?: number;
  arxivId?: string;
  line: number;
}

/**
 * One day of a file that holds several digests one after another (a reader
 * may concatenate days): a header and the articles under it. Its articles are
 * `Digest.articles[firstArticle]` … `[firstArticle + articleCount - 1]`, and
 * its TOC entries are the `Digest.toc` entries between `line` and `endLine`.
 * Article numbers (`Article.index`) start again in each section.
 */
export interface DigestSection {
  /** From the section's header, as `Digest.subject`; empty when the file's first header is missing. */
  subject: string;
  /** From the section's header, `YYYY-MM-DD`; empty when the file's first header is missing. */
  date: string;
  /** The article count the section's header announces. */
  declaredCount?: number;
  /** 0-based line of the header (in Markdown its front matter's `title:` line). */
  line: number;
  /** 0-based last line of the section (the line before the next header's block, or the file's last line). */
  endLine: number;
  /** Index into `Digest.articles` of the section's first article. */
  firstArticle: number;
  articleCount: number;
}

export interface Digest {
  kind: DigestKind;
  format: DigestFormat;
  /** `cs.DC`, or for news e.g. `German News`; empty when the header is missing. */
  subject: string;
  /** `YYYY-MM-DD`; empty when the header is missing. */
  date: string;
  /** The article count the header announces. */
  declaredCount?: number;
  articles: Article[];
  toc: TocEntry[];
  diagnostics: Diagnostic[];
  /**
   * The days, in file order, when the file holds more than one digest header;
   * absent for a one-day digest (whose one day is `subject`, `date` and
   * `declaredCount`). `subject`, `date` and `declaredCount` above are always
   * the first header's. The TOC cross-checks and the header's count check are
   * made per section.
   */
  sections?: DigestSection[];
}
