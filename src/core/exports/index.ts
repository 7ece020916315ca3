/** Exports of many articles: a `.bib` file, a Markdown reading list. */
export { bibFile, type BibFile } from './bibFile';
export { languageName, readingListMarkdown, type ExportedArticle, type ReadingListOptions } from './markdownList';
export { escapeMarkdown } from './markdownText';
