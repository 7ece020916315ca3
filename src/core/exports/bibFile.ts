/** A `.bib` file of many articles: arXiv-style entries (see bibtex.ts), keys unique within the file. */
import { bibtexEntries, formatBibtex, type CitedArticle } from '../citation/bibtex';

export interface BibFile {
  text: string;
  /** Entries written. */
  count: number;
  /** Articles left out: no valid arXiv id (news), so nothing to cite them by. */
  skipped: number;
}

export function bibFile(articles: readonly CitedArticle[]): BibFile {
  const entries = bibtexEntries(articles);
  return {
    text: entries.map(formatBibtex).join('\n'),
    count: entries.length,
    skipped: articles.length - entries.length,
  };
}
