/**
 * arxiv-sanity-lite's classifier: scikit-learn's `LinearSVC(class_weight='balanced',
 * C=0.01)`, that is liblinear's L2-regularized squared-hinge SVM with an
 * intercept (a constant feature of 1, regularized with the rest), solved as
 * liblinear does by dual coordinate descent (Hsieh et al., ICML 2008,
 * Algorithm 1, without shrinking: same solution, more passes). Balanced
 * class weights: C_i = C × n / (2 × n_{class of i}). Written from the paper
 * and the documented parameters; positives = the tagged papers, negatives =
 * every other paper; papers are ranked by the decision function.
 */
import type { SparseRow } from './vectorizer';

export interface SvcOptions {
  c: number;
  /** Stop when the projected gradient's spread over a pass is below this (scikit-learn's tol). */
  tolerance: number;
  maxIterations: number;
  seed: number;
}

export const ARXIV_SANITY_SVC: SvcOptions = { c: 0.01, tolerance: 1e-4, maxIterations: 1000, seed: 1 };

export interface LinearSvc {
  weights: Float32Array;
  bias: number;
  iterations: number;
}

export function decision(model: LinearSvc, row: SparseRow): number {
  let sum = model.bias;
  for (let j = 0; j < row.columns.length; j++) {
    sum += model.weights[row.columns[j]] * row.values[j];
  }
  return sum;
}

/** Trains on rows labelled `positive[i]`; `columns` is the feature count. */
export function trainLinearSvc(rows: readonly SparseRow[], positive: readonly boolean[], columns: number, options: SvcOptions = ARXIV_SANITY_SVC): LinearSvc {
  const n = rows.length;
  const positives = positive.filter(Boolean).length;
  const negatives = n - positives;
  const weights = new Float64Array(columns);
  let bias = 0; // the weight of the constant feature (intercept_scaling = 1)
  const alpha = new Float64Array(n);
  const diagonal = new Float64Array(n); // D_ii = 1 / (2 C_i)
  const qii = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const classWeight = positive[i] ? n / (2 * positives) : n / (2 * negatives);
    diagonal[i] = 1 / (2 * options.c * classWeight);
    let squares = 1; // the constant feature
    for (const v of rows[i].values) {
      squares += v * v;
    }
    qii[i] = squares + diagonal[i];
  }
  const order = Uint32Array.from({ length: n }, (_, i) => i);
  let state = options.seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
  let iterations = 0;
  for (; iterations < options.maxIterations && positives > 0 && negatives > 0; iterations++) {
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      const t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    let maxPg = -Infinity;
    let minPg = Infinity;
    for (const i of order) {
      const row = rows[i];
      const y = positive[i] ? 1 : -1;
      let wx = bias;
      for (let j = 0; j < row.columns.length; j++) {
        wx += weights[row.columns[j]] * row.values[j];
      }
      const gradient = y * wx - 1 + diagonal[i] * alpha[i];
      const projected = alpha[i] === 0 ? Math.min(gradient, 0) : gradient;
      maxPg = Math.max(maxPg, projected);
      minPg = Math.min(minPg, projected);
      if (projected !== 0) {
        const old = alpha[i];
        alpha[i] = Math.max(old - gradient / qii[i], 0);
        const delta = (alpha[i] - old) * y;
        for (let j = 0; j < row.columns.length; j++) {
          weights[row.columns[j]] += delta * row.values[j];
        }
        bias += delta;
      }
    }
    if (maxPg - minPg <= options.tolerance) {
      iterations++;
      break;
    }
  }
  return { weights: Float32Array.from(weights), bias, iterations };
}
