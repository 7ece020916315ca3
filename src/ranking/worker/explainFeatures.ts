/** An article's largest contributions to its score, by feature id (the extension names them from the article's own text). */
import type { RankingModel, RowVector } from '../../core/ranking';
import { tfidf } from '../../core/ranking/vector';

const REASONS = 5;

export function explainFeatures(model: RankingModel, vector: RowVector): { up: [number, number][]; down: [number, number][] } {
  const values = tfidf(vector, model.idf);
  const contributions: [number, number][] = [];
  for (let j = 0; j < values.length; j++) {
    const weight = model.weights[vector.ids[j]] * values[j];
    if (weight !== 0) {
      contributions.push([vector.ids[j], weight]);
    }
  }
  return {
    up: contributions.filter(([, w]) => w > 0).sort((a, b) => b[1] - a[1]).slice(0, REASONS),
    down: contributions.filter(([, w]) => w < 0).sort((a, b) => a[1] - b[1]).slice(0, REASONS),
  };
}
