/**
 * More like this: the papers of the whole library nearest to one paper by
 * cosine of their TF-IDF vectors, one row per paper, and what they share.
 * One pass over every paper's features against the query held dense; a
 * bitmap of the query's features skips most lookups.
 */
import { SUBLINEAR, type FeatureCorpus, type Paper, type RowVector } from './corpus';
import type { FeatureSegment } from './segment';
import { sharedFeatures } from './explain';
import { FEATURE_SPACE } from './terms';
import { tfidf } from './vector';

export interface Similar {
  paper: Paper;
  score: number;
  /** The features both share, largest share of the cosine first. */
  shared: { feature: number; weight: number }[];
}

/** The `limit` best of scored items, best first, in O(n log limit). */
export class TopK<T> {
  private readonly items: { item: T; score: number }[] = [];
  constructor(private readonly limit: number) {}

  /** The lowest score kept, once full: a candidate below it need not be offered. */
  get floor(): number {
    return this.items.length < this.limit ? -Infinity : this.items[0].score;
  }

  offer(item: T, score: number): void {
    const heap = this.items;
    if (heap.length < this.limit) {
      heap.push({ item, score });
      for (let i = heap.length - 1; i > 0;) {
        const parent = (i - 1) >> 1;
        if (heap[parent].score <= heap[i].score) {
          break;
        }
        [heap[parent], heap[i]] = [heap[i], heap[parent]];
        i = parent;
      }
    } else if (score > heap[0].score) {
      heap[0] = { item, score };
      for (let i = 0; ;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let least = i;
        if (left < heap.length && heap[left].score < heap[least].score) {least = left;}
        if (right < heap.length && heap[right].score < heap[least].score) {least = right;}
        if (least === i) {break;}
        [heap[least], heap[i]] = [heap[i], heap[least]];
        i = least;
      }
    }
  }

  sorted(): { item: T; score: number }[] {
    return [...this.items].sort((a, b) => b.score - a.score);
  }
}

/** The papers most like `query` (its own key left out), best first. */
export function moreLikeThis(corpus: FeatureCorpus, query: { key?: string; vector: RowVector }, limit = 20): Similar[] {
  const idf = corpus.idf();
  const values = tfidf(query.vector, idf);
  const dense = new Float32Array(FEATURE_SPACE);
  const present = new Uint8Array(FEATURE_SPACE >> 3);
  for (let j = 0; j < values.length; j++) {
    const id = query.vector.ids[j];
    dense[id] = values[j] * idf[id]; // the row's side of the product needs only its sublinear tf then
    present[id >> 3] |= 1 << (id & 7);
  }
  const top = new TopK<{ segment: FeatureSegment; row: number }>(limit);
  const queryPaper = query.key !== undefined ? corpus.paper(query.key) : undefined;
  const skip = queryPaper?.places[0];
  for (const [segment, primary] of corpus.primaryRows()) {
    const norms = corpus.normsOf(segment);
    const { ids, counts, offsets } = segment;
    for (let row = 0; row < primary.length; row++) {
      if (primary[row] === 0 || (skip && skip.segment === segment && skip.row === row)) {
        continue;
      }
      // The bitmap (128 KB) stays in cache; the dense query and the idf are read only for shared features.
      let dot = 0;
      const end = offsets[row + 1];
      for (let j = offsets[row]; j < end; j++) {
        const id = ids[j];
        if (present[id >> 3] & (1 << (id & 7))) {
          dot += dense[id] * SUBLINEAR[counts[j]];
        }
      }
      if (dot > 0 && norms[row] > 0) {
        const score = dot / norms[row];
        if (score > top.floor) {
          top.offer({ segment, row }, score);
        }
      }
    }
  }
  return top.sorted().map(({ item, score }) => {
    const paper = corpus.paper(item.segment.articles[item.row].key)!;
    return { paper, score, shared: sharedFeatures(query.vector, corpus.representative(paper).vector, idf) };
  });
}
