/**
 * The model that ranks "For you", chosen by what the user has given it:
 * - no mark: none (the view says how to start);
 * - only "not interested" marks: away from them (less their centroid);
 * - 1–4 stars, or no negatives yet: similarity to the stars (Rocchio: the
 *   centroid of the starred papers' vectors, less half the centroid of those
 *   marked "not interested"), scored by cosine;
 * - about five stars and some negatives: a linear classifier (logistic
 *   loss, SGD, balanced classes) trained from the stars, "not interested"
 *   marks, read-but-not-starred papers (weak) and the rest of the library
 *   (weaker still), regularized towards the Rocchio centroid so that a few
 *   examples cannot pull it far from what the stars say.
 */
import { SUBLINEAR, type FeatureCorpus, type RowVector } from './corpus';
import type { Examples } from './examples';
import type { FeatureSegment } from './segment';
import { FEATURE_SPACE } from './terms';
import { addTo, dotNormalized, norm } from './vector';

export type ModelKind = 'similar' | 'learned';

export interface RankingModel {
  kind: ModelKind;
  /** Dense weights over the feature space. */
  weights: Float32Array;
  bias: number;
  /** The idf the model was trained with (rows are weighted with it when scored). */
  idf: Float32Array;
  /** How many examples of each kind it learned from (the view says so). */
  positives: number;
  negatives: number;
  weak: number;
  /** The mean raw score of the starred papers (a score's share of it is shown when no library is there to compare with). */
  reference: number;
  /**
   * The library's raw scores at 1,001 evenly spaced ranks, lowest first: a row shows the
   * share of the library's papers that score below it (`87%`: above 87% of your papers).
   */
  quantiles?: Float64Array;
}

/** From this many stars (and at least one negative) a classifier is trained. */
export const LEARNED_FROM_STARS = 5;
/**
 * Rocchio's weight for the rejected papers' centroid (the starred ones' is 1). Papers only
 * read are no negatives here: reading a paper must not sink it and its kind while a user
 * has only a few stars; the classifier weighs them, weakly.
 */
const ROCCHIO_NEGATIVE = 0.5;

/** The raw score: `weights · row + bias`, the row's TF-IDF l2-normalized. */
export function rawScore(model: RankingModel, vector: RowVector): number {
  return dotNormalized(vector, model.idf, model.weights) + model.bias;
}

/**
 * The score a row shows, 0–1: the share of the library's papers that score
 * below it (the same for both models, and what a user can check by scrolling);
 * without a library to compare with, the similarity as a share of a starred paper's.
 */
export function shownScore(model: RankingModel, raw: number): number {
  const quantiles = model.quantiles;
  if (quantiles && quantiles.length > 1) {
    let low = 0;
    let high = quantiles.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (quantiles[middle] < raw) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return Math.min(1, low / (quantiles.length - 1));
  }
  return model.reference > 0 ? Math.max(0, Math.min(1, raw / model.reference)) : 0;
}

/** The library's scores under a model at 1,001 ranks, for shownScore (one pass over every paper's features). */
export function calibrate(model: RankingModel, corpus: FeatureCorpus): RankingModel {
  const raws: number[] = [];
  for (const [segment, primary] of corpus.primaryRows()) {
    const norms = corpus.normsOf(segment);
    const { ids, counts, offsets } = segment;
    for (let row = 0; row < primary.length; row++) {
      if (primary[row] === 1) {
        let dot = 0;
        for (let j = offsets[row]; j < offsets[row + 1]; j++) {
          dot += model.weights[ids[j]] * SUBLINEAR[counts[j]] * model.idf[ids[j]];
        }
        raws.push((norms[row] > 0 ? dot / norms[row] : 0) + model.bias);
      }
    }
  }
  if (raws.length < 2) {
    return model;
  }
  const sorted = Float64Array.from(raws).sort();
  const quantiles = Float64Array.from({ length: 1001 }, (_, i) => sorted[Math.round((i / 1000) * (sorted.length - 1))]);
  return { ...model, quantiles };
}

function centroid(vectors: readonly { vector: RowVector }[], idf: Float32Array, into: Float32Array, scale: number): void {
  for (const { vector } of vectors) {
    addTo(into, vector, idf, scale / vectors.length);
  }
}

/** Rocchio: the starred papers' centroid less a share of the rejected ones' (read-only papers left out), l2-normalized. */
export function rocchio(examples: Examples, idf: Float32Array): Float32Array {
  const weights = new Float32Array(FEATURE_SPACE);
  centroid(examples.positives, idf, weights, 1);
  if (examples.negatives.length > 0) {
    centroid(examples.negatives, idf, weights, -ROCCHIO_NEGATIVE);
  }
  const length = norm(weights);
  if (length > 0) {
    for (let j = 0; j < weights.length; j++) {
      weights[j] /= length;
    }
  }
  return weights;
}

function withReference(model: Omit<RankingModel, 'reference'>, examples: Examples): RankingModel {
  const raws = examples.positives.map((e) => dotNormalized(e.vector, model.idf, model.weights) + model.bias);
  const reference = raws.length > 0 ? raws.reduce((a, b) => a + b, 0) / raws.length : 0;
  return { ...model, reference };
}

export function similarityModel(examples: Examples, idf: Float32Array): RankingModel {
  return withReference({ kind: 'similar', weights: rocchio(examples, idf), bias: 0, idf, positives: examples.positives.length, negatives: examples.negatives.length, weak: 0 }, examples);
}

export interface TrainOptions {
  /** L2 strength towards the prior. */
  lambda?: number;
  /** Scale of the Rocchio prior in logit units. */
  priorScale?: number;
  /** Steps per library paper. */
  epochs?: number;
  /** Sampling weight of an unlabelled library paper as a negative (a rejected one's is 1, a weak one's WEAK_WEIGHT). */
  unlabelledWeight?: number;
  seed?: number;
  /** Papers never to use as unlabelled negatives (the labelled ones are left out anyway). */
  exclude?: ReadonlySet<string>;
}

const WEAK_WEIGHT = 0.3;
const MIN_STEPS = 2000;
const MAX_STEPS = 60_000;

/** A seedable PRNG (mulberry32): training is the same for the same data. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Logistic regression by SGD with balanced classes (each step draws a
 * positive or a negative with equal chance; negatives by weight: rejected 1,
 * read-not-starred 0.3, the rest of the library `unlabelledWeight`), weights
 * = Rocchio prior + a deviation kept small by L2 (lazily scaled, so a step
 * touches only the row's features).
 */
export function learnedModel(examples: Examples, corpus: FeatureCorpus, options: TrainOptions = {}): RankingModel {
  const idf = corpus.idf();
  const lambda = options.lambda ?? 1e-4;
  const priorScale = options.priorScale ?? 8;
  const unlabelledWeight = options.unlabelledWeight ?? 0.05;
  const next = seeded(options.seed ?? 1);
  const prior = rocchio(examples, idf);
  for (let j = 0; j < prior.length; j++) {
    prior[j] *= priorScale;
  }
  const labelled = new Set([...examples.positives, ...examples.negatives, ...examples.weak].map((e) => e.key));
  // The rest of the library by segment and row (no object per paper); their norms come from the corpus's cache.
  const unlabelledSegments: FeatureSegment[] = [];
  const unlabelledRows: number[] = [];
  for (const [segment, primary] of corpus.primaryRows()) {
    for (let row = 0; row < primary.length; row++) {
      const key = segment.articles[row].key;
      if (primary[row] === 1 && !labelled.has(key) && !options.exclude?.has(key)) {
        unlabelledSegments.push(segment);
        unlabelledRows.push(row);
      }
    }
  }
  const labelledRows = (list: readonly { vector: RowVector }[]) => list.map(({ vector }) => ({ ...vector, norm: Math.sqrt(squaredNorm(vector, idf)) }));
  const positives = labelledRows(examples.positives);
  const negatives = labelledRows(examples.negatives);
  const weak = labelledRows(examples.weak);
  const negativeWeights = [negatives.length, weak.length * WEAK_WEIGHT, unlabelledRows.length * unlabelledWeight];
  const negativeTotal = negativeWeights[0] + negativeWeights[1] + negativeWeights[2];
  const deviation = new Float32Array(FEATURE_SPACE);
  let scale = 1;
  let bias = 0;
  // Steps by the examples, not the library: past a few passes over the labelled ones, more steps over unlabelled papers change little.
  const steps = Math.min(MAX_STEPS, Math.max(MIN_STEPS, Math.round((options.epochs ?? 3) * (unlabelledRows.length + negatives.length + weak.length))));
  const t0 = 1 / (lambda * 0.1);
  for (let t = 0; t < steps && positives.length > 0 && negativeTotal > 0; t++) {
    const positive = next() < 0.5;
    let ids: Uint32Array;
    let counts: Uint8Array;
    let start = 0;
    let end: number;
    let norm: number;
    const draw = next() * negativeTotal;
    if (positive || draw < negativeWeights[0] + negativeWeights[1]) {
      const list = positive ? positives : draw < negativeWeights[0] ? negatives : weak;
      const row = list[Math.floor(next() * list.length)];
      ({ ids, counts, norm } = row);
      end = ids.length;
    } else {
      const pick = Math.floor(next() * unlabelledRows.length);
      const segment = unlabelledSegments[pick];
      const row = unlabelledRows[pick];
      ({ ids, counts } = segment);
      start = segment.offsets[row];
      end = segment.offsets[row + 1];
      norm = corpus.normsOf(segment)[row];
    }
    const y = positive ? 1 : -1;
    const eta = 1 / (lambda * (t + t0));
    // margin = (prior + scale × deviation) · x̂ + bias, in one pass over the row
    let dotPrior = 0;
    let dotDeviation = 0;
    for (let j = start; j < end; j++) {
      const id = ids[j];
      const value = SUBLINEAR[counts[j]] * idf[id];
      dotPrior += prior[id] * value;
      dotDeviation += deviation[id] * value;
    }
    const inverseNorm = norm > 0 ? 1 / norm : 0;
    const margin = (dotPrior + scale * dotDeviation) * inverseNorm + bias;
    const gradient = -y / (1 + Math.exp(y * margin)); // d loss / d margin
    scale *= 1 - eta * lambda;
    if (scale < 1e-6) {
      for (let j = 0; j < deviation.length; j++) {
        deviation[j] *= scale;
      }
      scale = 1;
    }
    const step = (eta * gradient * inverseNorm) / scale;
    for (let j = start; j < end; j++) {
      const id = ids[j];
      deviation[id] -= step * SUBLINEAR[counts[j]] * idf[id];
    }
    bias -= eta * 0.01 * gradient;
  }
  const weights = new Float32Array(FEATURE_SPACE);
  for (let j = 0; j < weights.length; j++) {
    weights[j] = prior[j] + scale * deviation[j];
  }
  return withReference({ kind: 'learned', weights, bias, idf, positives: examples.positives.length, negatives: examples.negatives.length, weak: examples.weak.length }, examples);
}

function squaredNorm(vector: RowVector, idf: Float32Array): number {
  let sum = 0;
  for (let j = 0; j < vector.ids.length; j++) {
    const value = SUBLINEAR[vector.counts[j]] * idf[vector.ids[j]];
    sum += value * value;
  }
  return sum;
}

/**
 * The model for what the user has marked: none without a mark, similarity for a few stars (or, with no star
 * yet, dissimilarity to the papers marked "not interested"), a classifier from about five stars with negatives.
 */
export function trainModel(examples: Examples, corpus: FeatureCorpus, options: TrainOptions = {}): RankingModel | undefined {
  if (examples.positives.length === 0 && examples.negatives.length === 0) {
    return undefined;
  }
  const model = examples.positives.length < LEARNED_FROM_STARS || examples.negatives.length + examples.weak.length === 0
    ? similarityModel(examples, corpus.idf())
    : learnedModel(examples, corpus, options);
  return calibrate(model, corpus);
}
