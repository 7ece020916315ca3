/** Digests: the model, the parser of its three variants, and what is read off a parsed digest. */
export * from './model';
export { parseDigest, parseDigestSteps } from './parse';
export { decodePages, headOf, linePages, PAGE_BYTES, type TextPages } from './pages';
export { arxivUrls, isArxivId, type ArxivUrls } from './arxiv';
export { groupByDate, articleAtLine, articleForLine, weekdayName, type DateGroup } from './group';
export { isoWeekday } from './text';
export { addressOf, findArticle, sameAddress, type ArticleAddress } from './address';
export { findMath, type MathSpan } from './math';
export { articleKey, arxivIdWithoutVersion } from './articleKey';
