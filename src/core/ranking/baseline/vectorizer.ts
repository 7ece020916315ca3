/**
 * arxiv-sanity-lite's features, as its compute.py asks scikit-learn for them:
 * `TfidfVectorizer(strip_accents='unicode', lowercase=True, analyzer='word',
 * stop_words='english', token_pattern=r'(?u)\b[a-zA-Z_][a-zA-Z0-9_]+\b',
 * ngram_range=(1, 2), max_features=20000, norm='l2', use_idf=True,
 * smooth_idf=True, sublinear_tf=True, max_df=0.1, min_df=5)` over
 * "title summary authors". Rewritten from scikit-learn's documented
 * behaviour (no code of theirs): vocabulary = terms in at least `minDf`
 * documents and at most `maxDf` × n, then the `maxFeatures` most frequent
 * over the corpus (ties by term order); idf = ln((1 + n) / (1 + df)) + 1.
 * Only the bench and the quality tests use it: the baseline ours is measured against.
 */
import { ENGLISH_STOP_WORDS } from '../stopWords';

export interface BaselineOptions {
  maxFeatures: number;
  minDf: number;
  /** A share of the documents. */
  maxDf: number;
}

export const ARXIV_SANITY_LITE: BaselineOptions = { maxFeatures: 20_000, minDf: 5, maxDf: 0.1 };

/** A row of the baseline's matrix: column indices ascending, l2-normalized values. */
export interface SparseRow {
  columns: Uint32Array;
  values: Float32Array;
}

const TOKEN = /(?<![\p{L}\p{N}_])[a-zA-Z_][a-zA-Z0-9_]+(?![\p{L}\p{N}_])/gu;
const COMBINING = /\p{M}/gu;

/** strip_accents='unicode' then lowercase: NFKD without combining marks. */
function preprocess(text: string): string {
  return text.normalize('NFKD').replace(COMBINING, '').toLowerCase();
}

/** The analyzer: tokens by the pattern, stop words out, then unigrams and bigrams of what is left. */
export function baselineTerms(text: string): string[] {
  const tokens = (preprocess(text).match(TOKEN) ?? []).filter((t) => !ENGLISH_STOP_WORDS.has(t));
  const terms = tokens.slice();
  for (let i = 0; i + 1 < tokens.length; i++) {
    terms.push(`${tokens[i]} ${tokens[i + 1]}`);
  }
  return terms;
}

/** "title summary authors", as compute.py joins a paper. */
export function baselineDocument(paper: { title: string; abstract: string; authors: readonly string[] }): string {
  return [paper.title, paper.abstract, paper.authors.join(' ')].join(' ');
}

export class BaselineVectorizer {
  readonly vocabulary = new Map<string, number>();
  idf = new Float32Array(0);

  constructor(private readonly options: BaselineOptions = ARXIV_SANITY_LITE) {}

  /** Learns the vocabulary and idf from the documents, and returns their rows (fit_transform). */
  fitTransform(documents: readonly string[]): SparseRow[] {
    const df = new Map<string, number>();
    const total = new Map<string, number>();
    const analyzed = documents.map((doc) => {
      const counts = new Map<string, number>();
      for (const term of baselineTerms(doc)) {
        counts.set(term, (counts.get(term) ?? 0) + 1);
      }
      for (const [term, count] of counts) {
        df.set(term, (df.get(term) ?? 0) + 1);
        total.set(term, (total.get(term) ?? 0) + count);
      }
      return counts;
    });
    const n = documents.length;
    const maxCount = this.options.maxDf * n;
    const kept = [...df.entries()].filter(([, d]) => d >= this.options.minDf && d <= maxCount).map(([term]) => term).sort();
    const chosen = kept.length > this.options.maxFeatures
      ? kept.map((term, order) => ({ term, order, tf: total.get(term) ?? 0 })).sort((a, b) => b.tf - a.tf || a.order - b.order).slice(0, this.options.maxFeatures).map((e) => e.term).sort()
      : kept;
    this.vocabulary.clear();
    chosen.forEach((term, column) => this.vocabulary.set(term, column));
    this.idf = Float32Array.from(chosen, (term) => Math.log((1 + n) / (1 + (df.get(term) ?? 0))) + 1);
    return analyzed.map((counts) => this.row(counts));
  }

  transform(document: string): SparseRow {
    const counts = new Map<string, number>();
    for (const term of baselineTerms(document)) {
      counts.set(term, (counts.get(term) ?? 0) + 1);
    }
    return this.row(counts);
  }

  private row(counts: Map<string, number>): SparseRow {
    const entries: [number, number][] = [];
    for (const [term, count] of counts) {
      const column = this.vocabulary.get(term);
      if (column !== undefined) {
        entries.push([column, (1 + Math.log(count)) * this.idf[column]]);
      }
    }
    entries.sort((a, b) => a[0] - b[0]);
    const norm = Math.sqrt(entries.reduce((sum, [, v]) => sum + v * v, 0));
    return {
      columns: Uint32Array.from(entries, ([c]) => c),
      values: Float32Array.from(entries, ([, v]) => (norm > 0 ? v / norm : 0)),
    };
  }
}
