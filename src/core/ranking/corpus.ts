/**
 * Every digest's features, one row per paper: a paper listed in two digests
 * (cross-listed, or the Markdown rendering of the same day) is one row that
 * names both, and counts once in the document frequencies. Segments are
 * added and removed as digests arrive and go; the idf follows lazily.
 */
import type { FeatureSegment, SegmentArticle } from './segment';
import { FEATURE_SPACE } from './terms';

/** Where one paper is: the segment and row of each digest that lists it; the first is the one whose features count. */
export interface Paper {
  key: string;
  places: { segment: FeatureSegment; row: number }[];
}

/** A row's features as views on its segment's arrays (no copy). */
export interface RowVector {
  ids: Uint32Array;
  counts: Uint8Array;
}

export function rowVector(segment: FeatureSegment, row: number): RowVector {
  const start = segment.offsets[row];
  const end = segment.offsets[row + 1];
  return { ids: segment.ids.subarray(start, end), counts: segment.counts.subarray(start, end) };
}

/** Sublinear tf, as scikit-learn's `sublinear_tf`: 1 + ln(count); precomputed for counts 0…255. */
export const SUBLINEAR = Float32Array.from({ length: 256 }, (_, c) => (c === 0 ? 0 : 1 + Math.log(c)));

export class FeatureCorpus {
  private readonly segments = new Map<string, FeatureSegment>();
  private readonly papers = new Map<string, Paper>();
  /** Papers each feature occurs in. */
  readonly df = new Uint32Array(FEATURE_SPACE);
  private idfCache: Float32Array | undefined;
  /** Per segment, 1 for each row that stands for its paper (its first listing): what a pass over every paper reads. */
  private readonly primary = new Map<FeatureSegment, Uint8Array>();
  /** Each segment's rows' TF-IDF norms under the current idf (made again when the idf changes). */
  private norms = new WeakMap<FeatureSegment, Float32Array>();
  /** Grows with every change (models and caches compare it). */
  revision = 0;

  get size(): number {
    return this.papers.size;
  }

  get files(): string[] {
    return [...this.segments.keys()];
  }

  segment(file: string): FeatureSegment | undefined {
    return this.segments.get(file);
  }

  paper(key: string): Paper | undefined {
    return this.papers.get(key);
  }

  /** Every segment with the flags of the rows that stand for their papers (every paper is one flagged row of one segment). */
  primaryRows(): IterableIterator<[FeatureSegment, Uint8Array]> {
    return this.primary.entries();
  }

  /** Every paper once, in no particular order. */
  allPapers(): IterableIterator<Paper> {
    return this.papers.values();
  }

  /** The row whose features stand for a paper, with what it shows. */
  representative(paper: Paper): { article: SegmentArticle; vector: RowVector } {
    const { segment, row } = paper.places[0];
    return { article: segment.articles[row], vector: rowVector(segment, row) };
  }

  /** Adds (or replaces) a digest file's features. */
  setSegment(segment: FeatureSegment): void {
    this.removeFile(segment.file);
    this.segments.set(segment.file, segment);
    const primary = new Uint8Array(segment.articles.length);
    this.primary.set(segment, primary);
    segment.articles.forEach((article, row) => {
      let paper = this.papers.get(article.key);
      if (!paper) {
        paper = { key: article.key, places: [] };
        this.papers.set(article.key, paper);
      }
      if (paper.places.some((place) => place.segment === segment)) {
        return; // listed twice in one file: one row
      }
      paper.places.push({ segment, row });
      if (paper.places.length === 1) {
        primary[row] = 1;
        this.count(segment, row, 1);
      }
    });
    this.revision++;
  }

  removeFile(file: string): boolean {
    const segment = this.segments.get(file);
    if (!segment) {
      return false;
    }
    this.segments.delete(file);
    this.primary.delete(segment);
    segment.articles.forEach((article, row) => {
      const paper = this.papers.get(article.key);
      if (!paper || !paper.places.some((place) => place.segment === segment && place.row === row)) {
        return; // not this row's paper (a second listing in the same file)
      }
      const wasFirst = paper.places[0].segment === segment;
      paper.places = paper.places.filter((place) => place.segment !== segment);
      if (wasFirst) {
        this.count(segment, row, -1);
        if (paper.places.length > 0) {
          const { segment: next, row: nextRow } = paper.places[0];
          this.primary.get(next)![nextRow] = 1;
          this.count(next, nextRow, 1);
        }
      }
      if (paper.places.length === 0) {
        this.papers.delete(article.key);
      }
    });
    this.revision++;
    return true;
  }

  private count(segment: FeatureSegment, row: number, delta: 1 | -1): void {
    const end = segment.offsets[row + 1];
    for (let j = segment.offsets[row]; j < end; j++) {
      this.df[segment.ids[j]] += delta;
    }
    this.idfCache = undefined;
    this.norms = new WeakMap();
  }

  /** The TF-IDF l2 norms of a segment's rows under the current idf. */
  normsOf(segment: FeatureSegment): Float32Array {
    let norms = this.norms.get(segment);
    if (!norms) {
      const idf = this.idf();
      norms = new Float32Array(segment.articles.length);
      for (let row = 0; row < norms.length; row++) {
        let sum = 0;
        for (let j = segment.offsets[row]; j < segment.offsets[row + 1]; j++) {
          const value = SUBLINEAR[segment.counts[j]] * idf[segment.ids[j]];
          sum += value * value;
        }
        norms[row] = Math.sqrt(sum);
      }
      this.norms.set(segment, norms);
    }
    return norms;
  }

  /** Smooth idf as scikit-learn computes it: ln((1 + n) / (1 + df)) + 1. */
  idf(): Float32Array {
    if (!this.idfCache) {
      const n = this.papers.size;
      const idf = new Float32Array(FEATURE_SPACE);
      const top = Math.log(1 + n);
      for (let j = 0; j < FEATURE_SPACE; j++) {
        idf[j] = top - Math.log(1 + this.df[j]) + 1;
      }
      this.idfCache = idf;
    }
    return this.idfCache;
  }
}
