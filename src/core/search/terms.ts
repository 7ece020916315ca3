/**
 * The index's vocabulary: term → term id, and the terms in sorted order for
 * prefix search. The sorted order is brought up to date only when searched,
 * by merging the terms added since (sorted among themselves) into it.
 */

export class TermDictionary {
  private readonly ids = new Map<string, number>();
  /** Terms by id. */
  private readonly terms: string[] = [];
  /** Term ids in the terms' sort order (code units); covers ids below `sortedCount`. */
  private sorted = new Int32Array(0);
  private sortedCount = 0;

  get size(): number {
    return this.terms.length;
  }

  get(term: string): number | undefined {
    return this.ids.get(term);
  }

  termOf(id: number): string {
    return this.terms[id];
  }

  /** Adds a term that is not there yet; its id is the next number. */
  add(term: string): number {
    const id = this.terms.length;
    this.terms.push(term);
    this.ids.set(term, id);
    return id;
  }

  /** The ids of every term that starts with `prefix` (the prefix itself included). */
  withPrefix(prefix: string): number[] {
    this.sortNewTerms();
    const terms = this.terms;
    const sorted = this.sorted;
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (terms[sorted[middle]] < prefix) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    const found: number[] = [];
    for (let i = low; i < sorted.length && terms[sorted[i]].startsWith(prefix); i++) {
      found.push(sorted[i]);
    }
    return found;
  }

  /** Takes the terms as sorted already: they were added in sorted order (from a stored segment) to an empty dictionary. */
  addedInOrder(): void {
    if (this.sortedCount === 0) {
      this.sorted = Int32Array.from(this.terms.keys());
      this.sortedCount = this.terms.length;
    }
  }

  /** Every term in sorted order (JavaScript's string order). */
  sortedTerms(): string[] {
    this.sortNewTerms();
    return Array.from(this.sorted, (id) => this.terms[id]);
  }

  /** Brings the sorted order up to date: the terms added since are sorted among themselves and merged in. */
  sortNewTerms(): void {
    if (this.sortedCount === this.terms.length) {
      return;
    }
    const terms = this.terms;
    const byTerm = (a: number, b: number) => (terms[a] < terms[b] ? -1 : terms[a] > terms[b] ? 1 : 0);
    const added = Int32Array.from({ length: terms.length - this.sortedCount }, (_, i) => this.sortedCount + i).sort(byTerm);
    const merged = new Int32Array(terms.length);
    let i = 0;
    let j = 0;
    for (let k = 0; k < merged.length; k++) {
      merged[k] = j >= added.length || (i < this.sorted.length && byTerm(this.sorted[i], added[j]) <= 0) ? this.sorted[i++] : added[j++];
    }
    this.sorted = merged;
    this.sortedCount = terms.length;
  }
}
