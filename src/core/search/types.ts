/** What the search index takes and answers (shared by its modules, no logic). */

/** The indexed fields: a title per language, authors, the arXiv id, an abstract per language. One bit each in a posting's mask. */
export const FIELDS = ['titleEn', 'titleDe', 'titleZh', 'authors', 'arxivId', 'abstractEn', 'abstractDe', 'abstractZh'] as const;
export type SearchField = (typeof FIELDS)[number];
export type SearchLanguage = 'en' | 'de' | 'zh';
/** Which kind of field matched, best first: ranking puts title hits before author/id hits before abstract hits. */
export type MatchKind = 'title' | 'authors' | 'arxivId' | 'abstract';

/** What the index keeps of an article to list and open it: no abstracts. */
export interface IndexedArticle {
  file: string;
  /** Position in `digest.articles` (also right in a file of several days, where `index` repeats). */
  position: number;
  /** The N of "Article N". */
  index: number;
  line: number;
  arxivId?: string;
  /** The article's date, else its digest's. */
  date: string;
  subject: string;
  digestDate: string;
  titles: Partial<Record<SearchLanguage, string>>;
}

export interface SearchHit extends IndexedArticle {
  /** The field that matched most of the query (ties: title, authors, id, abstract). */
  field: MatchKind;
  language: SearchLanguage;
  /** The title in the language that matched, else English, else any. */
  title: string;
  /** Higher is better: the matched field's class, then the date. */
  score: number;
}
