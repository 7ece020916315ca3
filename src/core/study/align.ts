/**
 * Sentence alignment by length (Gale & Church 1993, "A program for aligning
 * sentences in bilingual corpora"): a translated sentence's length is about
 * `ratio` times its source's, with a spread growing with the length; dynamic
 * programming finds the likeliest chain of beads. Lengths only, so it works
 * for en–zh as for en–de. The ratio and its variance come from the texts
 * being aligned, not from a constant: Chinese takes about a third of the
 * characters English does, German a little more than English.
 */

/** One bead: source sentences `[sourceStart, sourceEnd)` translated by target sentences `[targetStart, targetEnd)`; either side may be empty. */
export interface Bead {
  sourceStart: number;
  sourceEnd: number;
  targetStart: number;
  targetEnd: number;
}

/** Target characters per source character, and the variance of that per source character. */
export interface LengthModel {
  ratio: number;
  variance: number;
}

/** Gale & Church's priors: how often each bead shape occurs in translations. */
const BEAD_PRIORS: ReadonlyArray<readonly [number, number, number]> = [
  [1, 1, 0.89],
  [1, 0, 0.0099],
  [0, 1, 0.0099],
  [2, 1, 0.089],
  [1, 2, 0.089],
  [2, 2, 0.011],
];

/** Gale & Church's variance for German/French per English character, taken relative to the ratio (c = 1 there). */
const PRIOR_VARIANCE_PER_RATIO = 6.8;
/** Bounds on the estimated variance, relative to the ratio: a few well-matched pairs must not make every other bead impossible. */
const MIN_VARIANCE_PER_RATIO = 1;
const MAX_VARIANCE_PER_RATIO = 40;
/** 1–1 beads needed before their spread replaces the prior variance. */
const MIN_PAIRS_FOR_VARIANCE = 3;

/** Length of a sentence for alignment: characters without blanks (code points, so an astral character is one). */
export function sentenceLength(text: string): number {
  const compact = text.replace(/\s+/g, '');
  return compact.length - (compact.match(/[\uDC00-\uDFFF]/g)?.length ?? 0);
}

/**
 * The length model of a set of texts known to translate each other (whole
 * abstracts of one digest, or one abstract's two sides): the ratio of their
 * total lengths, and the spread of each pair around it.
 */
export function estimateLengthModel(pairs: ReadonlyArray<readonly [number, number]>): LengthModel | undefined {
  const usable = pairs.filter(([source, target]) => source > 0 && target > 0);
  const sourceTotal = usable.reduce((sum, [source]) => sum + source, 0);
  const targetTotal = usable.reduce((sum, [, target]) => sum + target, 0);
  if (sourceTotal === 0 || targetTotal === 0) {
    return undefined;
  }
  const ratio = targetTotal / sourceTotal;
  if (usable.length < MIN_PAIRS_FOR_VARIANCE) {
    return { ratio, variance: PRIOR_VARIANCE_PER_RATIO * ratio };
  }
  const squares = usable.reduce((sum, [source, target]) => sum + (target - ratio * source) ** 2, 0);
  return { ratio, variance: clampVariance(squares / sourceTotal, ratio) };
}

function clampVariance(variance: number, ratio: number): number {
  return Math.min(MAX_VARIANCE_PER_RATIO * ratio, Math.max(MIN_VARIANCE_PER_RATIO * ratio, variance));
}

/**
 * log(P(|Z| >= z)) for a standard normal Z, in log space so a bead far off
 * costs much without underflowing to -Infinity (Numerical Recipes' erfc,
 * fractional error below 1.2e-7).
 */
function logTwoSidedTail(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * x);
  const poly = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 +
    t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  return Math.log(t) - x * x + poly; // erfc(x) = P(|Z| >= z)
}

/** −log P(bead) for a bead of `source` and `target` characters, `priorCost` being −log of its shape's prior. */
function beadCost(source: number, target: number, priorCost: number, model: LengthModel): number {
  const mean = (source + target / model.ratio) / 2;
  if (mean === 0) {
    return priorCost;
  }
  const delta = (target - source * model.ratio) / Math.sqrt(mean * model.variance);
  return priorCost - logTwoSidedTail(delta);
}

const SOURCE_STEP = BEAD_PRIORS.map(([di]) => di);
const TARGET_STEP = BEAD_PRIORS.map(([, dj]) => dj);
const PRIOR_COST = BEAD_PRIORS.map(([, , prior]) => -Math.log(prior));

/** Dynamic programming over (source sentences used, target sentences used); O(n·m) with six bead shapes. */
function alignWith(source: readonly number[], target: readonly number[], model: LengthModel): Bead[] {
  const n = source.length;
  const m = target.length;
  const width = m + 1;
  const cost = new Float64Array((n + 1) * width).fill(Infinity);
  const shape = new Int8Array((n + 1) * width).fill(-1);
  cost[0] = 0;
  const sourcePrefix = prefixSums(source);
  const targetPrefix = prefixSums(target);
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      if (i === 0 && j === 0) {
        continue;
      }
      let best = Infinity;
      let bestShape = -1;
      for (let k = 0; k < PRIOR_COST.length; k++) {
        const di = SOURCE_STEP[k];
        const dj = TARGET_STEP[k];
        if (di > i || dj > j) {
          continue;
        }
        const before = cost[(i - di) * width + (j - dj)];
        if (before === Infinity) {
          continue;
        }
        const total = before + beadCost(sourcePrefix[i] - sourcePrefix[i - di], targetPrefix[j] - targetPrefix[j - dj], PRIOR_COST[k], model);
        if (total < best) {
          best = total;
          bestShape = k;
        }
      }
      cost[i * width + j] = best;
      shape[i * width + j] = bestShape;
    }
  }
  const beads: Bead[] = [];
  for (let i = n, j = m; i > 0 || j > 0;) {
    const k = shape[i * width + j];
    beads.push({ sourceStart: i - SOURCE_STEP[k], sourceEnd: i, targetStart: j - TARGET_STEP[k], targetEnd: j });
    i -= SOURCE_STEP[k];
    j -= TARGET_STEP[k];
  }
  return beads.reverse();
}

function prefixSums(values: readonly number[]): number[] {
  const sums = [0];
  for (const value of values) {
    sums.push(sums[sums.length - 1] + value);
  }
  return sums;
}

/**
 * Aligns two sentence lists (their lengths, see sentenceLength) and returns
 * beads covering both in order. Without `model` the ratio is the two texts'
 * own length ratio, and the variance is re-estimated from the 1–1 beads of a
 * first pass with the prior variance, then used for the final pass.
 */
export function alignSentences(source: readonly number[], target: readonly number[], model?: LengthModel): Bead[] {
  if (source.length === 0 || target.length === 0) {
    return alignWith(source, target, { ratio: 1, variance: PRIOR_VARIANCE_PER_RATIO });
  }
  if (model) {
    return alignWith(source, target, model);
  }
  const own = estimateLengthModel([[sum(source), sum(target)]]);
  if (!own) {
    return alignWith(source, target, { ratio: 1, variance: PRIOR_VARIANCE_PER_RATIO });
  }
  const first = alignWith(source, target, own);
  const pairs = first
    .filter((bead) => bead.sourceEnd - bead.sourceStart === 1 && bead.targetEnd - bead.targetStart === 1)
    .map((bead): [number, number] => [source[bead.sourceStart], target[bead.targetStart]]);
  if (pairs.length < MIN_PAIRS_FOR_VARIANCE) {
    return first;
  }
  const sourceTotal = pairs.reduce((total, [s]) => total + s, 0);
  const squares = pairs.reduce((total, [s, t]) => total + (t - own.ratio * s) ** 2, 0);
  return alignWith(source, target, { ratio: own.ratio, variance: clampVariance(squares / sourceTotal, own.ratio) });
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
