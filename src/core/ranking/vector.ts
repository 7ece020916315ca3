/**
 * TF-IDF over hashed features, l2-normalized, computed on the fly from the
 * stored counts and the corpus's idf (sublinear tf, smooth idf: scikit-learn's
 * weighting). Dense arrays of FEATURE_SPACE hold models and queries; rows stay sparse.
 */
import { SUBLINEAR, type RowVector } from './corpus';

/** The l2-normalized TF-IDF values of a row, in its ids' order. */
export function tfidf(vector: RowVector, idf: Float32Array): Float32Array {
  const values = new Float32Array(vector.ids.length);
  let norm = 0;
  for (let j = 0; j < values.length; j++) {
    const value = SUBLINEAR[vector.counts[j]] * idf[vector.ids[j]];
    values[j] = value;
    norm += value * value;
  }
  if (norm > 0) {
    const scale = 1 / Math.sqrt(norm);
    for (let j = 0; j < values.length; j++) {
      values[j] *= scale;
    }
  }
  return values;
}

/** `dense · row` with the row l2-normalized, in one pass (no allocation): what ranking and More like this run per article. */
export function dotNormalized(vector: RowVector, idf: Float32Array, dense: Float32Array): number {
  let dot = 0;
  let norm = 0;
  const { ids, counts } = vector;
  for (let j = 0; j < ids.length; j++) {
    const id = ids[j];
    const value = SUBLINEAR[counts[j]] * idf[id];
    norm += value * value;
    dot += dense[id] * value;
  }
  return norm > 0 ? dot / Math.sqrt(norm) : 0;
}

/** Adds `scale ×` the normalized row to a dense vector. */
export function addTo(dense: Float32Array, vector: RowVector, idf: Float32Array, scale: number): void {
  const values = tfidf(vector, idf);
  for (let j = 0; j < values.length; j++) {
    dense[vector.ids[j]] += scale * values[j];
  }
}

export function norm(dense: Float32Array): number {
  let sum = 0;
  for (let j = 0; j < dense.length; j++) {
    sum += dense[j] * dense[j];
  }
  return Math.sqrt(sum);
}
