/**
 * Many short strings (titles, arXiv ids) kept as a few long ones: every
 * CHUNK strings are joined into one string, and a string is cut out of it
 * again when asked for (a hit shown). A string of its own costs V8 a header
 * and a pointer (~20 bytes), and one copied out of a larger text by
 * `detach` ~40 (a slice over a copy); a title is ~80 characters. A chunk
 * of mostly Latin text is kept as UTF-8 bytes: as a string, one `λ` (or a
 * string cut from a text with Han in it) makes V8 spend two bytes a character.
 */

/** Strings per joined chunk. */
const CHUNK = 256;
const encoder = new TextEncoder();
const decoder = new TextDecoder();
/** UTF-8 cannot hold a lone surrogate (a cache's JSON may): such a chunk stays a string. */
const LONE_SURROGATE = /[\ud800-\udfff]/u;

export class TextColumn {
  /** The full chunks, each its CHUNK strings joined: a string, or its UTF-8 when that is smaller. */
  private readonly chunks: (string | Uint8Array)[] = [];
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
      this.seal();
    }
  }

  get(index: number): string | undefined {
    const chunk = Math.floor(index / CHUNK);
    if (chunk >= this.chunks.length) {
      return this.pending[index % CHUNK];
    }
    const end = this.ends[index];
    if (end < 0) {
      return undefined;
    }
    const text = this.chunks[chunk];
    return typeof text === 'string' ? text.slice(this.startOf(index), end) : decoder.decode(text.subarray(this.startOf(index), end));
  }

  /** Joins the pending strings into a chunk; as UTF-8, the ends count bytes. */
  private seal(): void {
    // join makes one flat string of its own: no slice keeps a file's text alive.
    const joined = this.pending.join('');
    const bytes = encoder.encode(joined);
    if (bytes.length < joined.length * 2 && !LONE_SURROGATE.test(joined)) {
      const first = this.count - this.pending.length;
      let end = 0;
      this.pending.forEach((value, i) => {
        end += value === undefined ? 0 : utf8Length(value);
        this.ends[first + i] = value === undefined ? ~end : end;
      });
      this.chunks.push(bytes);
    } else {
      this.chunks.push(joined);
    }
    this.pending = [];
  }

  private startOf(index: number): number {
    if (index % CHUNK === 0) {
      return 0;
    }
    const previous = this.ends[index - 1];
    return previous < 0 ? ~previous : previous;
  }
}

/** Bytes of a string in UTF-8. */
function utf8Length(text: string): number {
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      length += 1;
    } else if (code < 0x800) {
      length += 2;
    } else if (code >= 0xd800 && code < 0xdc00) {
      // A pair (a chunk with a lone surrogate is not kept as UTF-8).
      length += 4;
      i++;
    } else {
      length += 3;
    }
  }
  return length;
}
