/** Saved filters: query parsing, matching with highlights, and the stored list (no `vscode` import). */
export { compileQuery, hasRegex, MAX_QUERY_LENGTH, type CompiledFilter, type CompileResult, type FilterTerm } from './query';
export { foldText, foldWord, type FoldedText } from './fold';
export { articleFields, digestTexts, matchArticles, regexJobOf, MAX_RANGES_PER_FIELD, type ArticleField, type DigestTexts, type FieldKey, type Highlights } from './match';
export { runRegexJob, type RegexJob, type RegexJobResult } from './regexJob';
export { decodeFilters, encodeFilters, filterLabel, filtersOf, FILTER_SCHEMA, type FilterRecord, FILTERS_FORMAT, FILTERS_VERSION, MAX_FILTERS, MAX_NAME_LENGTH, type LoadedFilters, type SavedFilter, type StoredFilters } from './store';
