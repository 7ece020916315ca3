/**
 * More like this: the papers of the whole library nearest to one paper by
 * cosine of their TF-IDF vectors, one row per paper, and what they share.
 * One pass over every paper's features against the query held dense; a
 * bitmap of the query's features skips most lookups.
 */
import type { FeatureCorpus, Paper, RowVector } from './corpus';
import { sharedFeatures } from './explain';
import { FEATURE_SPACE } from './terms';
import { dotNormalized, tfidf } from './vector';

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
    dense[id] = values[j];
    present[id >> 3] |= 1 << (id & 7);
  }
  const top = new TopK<Paper>(limit);
  for (const paper of corpus.allPapers()) {
    if (paper.key === query.key) {
      continue;
    }
    const { segment, row } = paper.places[0];
    // Only papers sharing a feature can score: test the bitmap before computing the row's norm.
    const start = segment.offsets[row];
    const end = segment.offsets[row + 1];
    let shares = false;
    for (let j = start; j < end; j++) {
      const id = segment.ids[j];
      if (present[id >> 3] & (1 << (id & 7))) {
        shares = true;
        break;
      }
    }
    if (!shares) {
      continue;
    }
    const score = dotNormalized({ ids: segment.ids.subarray(start, end), counts: segment.counts.subarray(start, end) }, idf, dense);
    if (score > top.floor) {
      top.offer(paper, score);
    }
  }
  return top.sorted().map(({ item, score }) => ({ paper: item, score, shared: sharedFeatures(query.vector, corpus.representative(item).vector, idf) }));
}
