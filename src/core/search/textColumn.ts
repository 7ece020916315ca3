/**
 * Many short strings (titles, arXiv ids) kept as a few long ones: every
 * CHUNK strings are joined into one string, and a string is cut out of it
 * again when asked for (a hit shown). A string of its own costs V8 a header
 * and a pointer (~20 bytes), and one copied out of a larger text by
 * `detach` ~40 (a slice over a copy); a title is ~80 characters.
 */

/** Strings per joined chunk. */
const CHUNK = 256;

export class TextColumn {
  /** The full chunks, each its CHUNK strings joined. */
  private readonly chunks: string[] = [];
  /** The strings of the chunk being filled (joined when it is full). */
  private pending: (string | undefined)[] = [];
  /** Per string: where it ends in its chunk, or `~end` (negative) for undefined. */
  private ends = new Int32Array(1024);
  private count = 0;

  get length(): number {
    return this.count;
  }

  push(value: string | undefined): void {
    if (this.count === this.ends.length) {
      const grown = new Int32Array(this.ends.length * 2);
      grown.set(this.ends);
      this.ends = grown;
    }
    const end = this.startOf(this.count) + (value?.length ?? 0);
    this.ends[this.count++] = value === undefined ? ~end : end;
    this.pending.push(value);
    if (this.pending.length === CHUNK) {
      // join makes one flat string of its own: no slice keeps a file's text alive.
      this.chunks.push(this.pending.join(''));
      this.pending = [];
    }
  }

  get(index: number): string | undefined {
    const chunk = Math.floor(index / CHUNK);
    if (chunk >= this.chunks.length) {
      return this.pending[index % CHUNK];
    }
    const end = this.ends[index];
    return end < 0 ? undefined : this.chunks[chunk].slice(this.startOf(index), end);
  }

  private startOf(index: number): number {
    if (index % CHUNK === 0) {
      return 0;
    }
    const previous = this.ends[index - 1];
    return previous < 0 ? ~previous : previous;
  }
}
