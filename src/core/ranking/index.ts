/** Ranking "For you", explanations and More like this (no `vscode` import). */
export { FeatureCorpus, rowVector, type Paper, type RowVector } from './corpus';
export { examplesOf, type Example, type Examples, type Labels } from './examples';
export { explain, nameFeatures, sharedFeatures, type Explanation, type Reason } from './explain';
export { atK, rankOf, type AtK } from './evaluate';
export { calibrate, LEARNED_FROM_STARS, learnedModel, rawScore, rocchio, shownScore, similarityModel, trainModel, type ModelKind, type RankingModel, type TrainOptions } from './model';
export { rankBy, rankLibrary, type Scored } from './rank';
export { buildSegment, decodeSegment, encodeSegment, leadOf, rankingText, SEGMENT_VERSION, vectorOf, type FeatureSegment, type SegmentArticle } from './segment';
export { moreLikeThis, TopK, type Similar } from './similar';
export { recentPapers, type InboxPaper, type InboxPlace } from './inbox';
export { articleTerms, FEATURE_SPACE, featureOf, singular, words, type ArticleTerm, type ArticleText, type TermKind } from './terms';
