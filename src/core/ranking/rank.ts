/** Ranking papers with a model: every row scored once, best first; ties keep the order they came in (digest order). */
import type { FeatureCorpus, Paper, RowVector } from './corpus';
import { rawScore, type RankingModel } from './model';

export interface Scored<T> {
  item: T;
  /** The raw score (higher: more interesting). */
  score: number;
}

/** Scores items by their rows' features; items without features (not in the library) score -Infinity and go last. */
export function rankBy<T>(model: RankingModel, items: readonly T[], vectorOf: (item: T) => RowVector | undefined): Scored<T>[] {
  const scored = items.map((item, order) => {
    const vector = vectorOf(item);
    return { item, score: vector ? rawScore(model, vector) : -Infinity, order };
  });
  scored.sort((a, b) => b.score - a.score || a.order - b.order);
  return scored.map(({ item, score }) => ({ item, score }));
}

/** Every paper of the library but `exclude`, ranked. */
export function rankLibrary(model: RankingModel, corpus: FeatureCorpus, exclude: ReadonlySet<string> = new Set()): Scored<Paper>[] {
  const papers = [...corpus.allPapers()].filter((paper) => !exclude.has(paper.key));
  return rankBy(model, papers, (paper) => corpus.representative(paper).vector);
}
