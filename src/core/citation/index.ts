/** Citing an article: BibTeX entries (TeX-escaped) and CSL items for citation-js. */
export { bibtexEntries, bibtexEntry, bibtexOf, citationKey, formatBibtex, uniqueKeys, type BibtexEntry, type CitedArticle } from './bibtex';
export { cslItem, cslName, type CslItem, type CslName } from './csl';
