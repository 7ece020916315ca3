/**
 * Why an article scored as it did, in words a user can check: each term's
 * share of the score (its weight in the model times its TF-IDF value in the
 * article), the largest that pushed it up and those that pushed it down.
 * Removing the listed "up" words from the article lowers its score (a unit
 * test holds us to it).
 */
import type { RowVector } from './corpus';
import type { RankingModel } from './model';
import { vectorOf } from './segment';
import { articleTerms, type ArticleText, type TermKind } from './terms';
import { tfidf } from './vector';

export interface Reason {
  /** As the article writes it: `federated learning`, `Eric Müller`. */
  term: string;
  kind: TermKind;
  /** This term's share of the raw score. */
  weight: number;
}

export interface Explanation {
  up: Reason[];
  down: Reason[];
}

/** The terms that raised and lowered an article's score, largest first (`limit` of each). */
export function explain(model: RankingModel, text: ArticleText, limit = 5): Explanation {
  const terms = articleTerms(text);
  const vector = vectorOf(text);
  const values = tfidf(vector, model.idf);
  const reasons: Reason[] = [];
  for (let j = 0; j < vector.ids.length; j++) {
    const id = vector.ids[j];
    const weight = model.weights[id] * values[j];
    const term = terms.get(id);
    if (term && weight !== 0) {
      reasons.push({ term: term.shown, kind: term.kind, weight });
    }
  }
  return {
    up: reasons.filter((r) => r.weight > 0).sort((a, b) => b.weight - a.weight).slice(0, limit),
    down: reasons.filter((r) => r.weight < 0).sort((a, b) => a.weight - b.weight).slice(0, limit),
  };
}

/** The features two papers share, by how much each adds to their cosine, largest first (More like this says why). */
export function sharedFeatures(a: RowVector, b: RowVector, idf: Float32Array, limit = 5): { feature: number; weight: number }[] {
  const av = tfidf(a, idf);
  const bv = tfidf(b, idf);
  const shared: { feature: number; weight: number }[] = [];
  for (let i = 0, j = 0; i < a.ids.length && j < b.ids.length;) {
    if (a.ids[i] === b.ids[j]) {
      shared.push({ feature: a.ids[i], weight: av[i] * bv[j] });
      i++;
      j++;
    } else if (a.ids[i] < b.ids[j]) {
      i++;
    } else {
      j++;
    }
  }
  return shared.sort((x, y) => y.weight - x.weight).slice(0, limit);
}

/** Names features by the terms of an article that has them (the query of More like this); unnamed ones are left out. */
export function nameFeatures(text: ArticleText, features: readonly { feature: number; weight: number }[]): Reason[] {
  const terms = articleTerms(text);
  return features.flatMap(({ feature, weight }) => {
    const term = terms.get(feature);
    return term ? [{ term: term.shown, kind: term.kind, weight }] : [];
  });
}
