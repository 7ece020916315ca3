/**
 * Ranking helpers for LibrarySearch: per candidate, how many query words
 * each field holds (packed 4 bits per field in one number), the best field,
 * and the best `limit` candidates kept in a small heap instead of sorting all.
 */
import { FIELDS } from './types';

/** Query words counted per field (4 bits per field in one number). */
export const MAX_COUNTED_WORDS = 15;

/** Per field mask: one 4-bit count per field, 1 for each field in the mask. */
export const FIELD_COUNTS = Uint32Array.from({ length: 256 }, (_, mask) => {
  let counts = 0;
  for (let field = 0; field < FIELDS.length; field++) {
    if (mask & (1 << field)) {
      counts |= 1 << (4 * field);
    }
  }
  return counts;
});

/** The field holding the most query words; ties go to the earlier field (titles first). */
export function bestField(counts: number): number {
  let best = 0;
  let bestCount = -1;
  for (let field = 0; field < FIELDS.length; field++) {
    const count = (counts >>> (4 * field)) & 15;
    if (count > bestCount) {
      best = field;
      bestCount = count;
    }
  }
  return best;
}

/** The best `limit` documents offered, by score then lower id: a heap with the worst kept on top. */
export class TopHits<T extends Ranked = Ranked & { field: number }> {
  private readonly heap: T[] = [];
  constructor(private readonly limit: number) {}

  /** Whether a document with this score and id would be kept now. */
  accepts(score: number, doc: number): boolean {
    return this.heap.length < this.limit || worse(this.heap[0], { doc, score });
  }

  offer(item: T): void {
    const heap = this.heap;
    if (heap.length < this.limit) {
      heap.push(item);
      this.up(heap.length - 1);
    } else if (worse(heap[0], item)) {
      heap[0] = item;
      this.down(0);
    }
  }

  best(): T[] {
    return [...this.heap].sort((a, b) => b.score - a.score || a.doc - b.doc);
  }

  private up(i: number): void {
    const heap = this.heap;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!worse(heap[i], heap[parent])) {
        return;
      }
      [heap[i], heap[parent]] = [heap[parent], heap[i]];
      i = parent;
    }
  }

  private down(i: number): void {
    const heap = this.heap;
    for (;;) {
      let worst = i;
      for (const child of [2 * i + 1, 2 * i + 2]) {
        if (child < heap.length && worse(heap[child], heap[worst])) {
          worst = child;
        }
      }
      if (worst === i) {
        return;
      }
      [heap[i], heap[worst]] = [heap[worst], heap[i]];
      i = worst;
    }
  }
}

/** A document's rank: higher score first, then lower id. */
export interface Ranked {
  doc: number;
  score: number;
}

function worse(a: Ranked, b: Ranked): boolean {
  return a.score < b.score || (a.score === b.score && a.doc > b.doc);
}

