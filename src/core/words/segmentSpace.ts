/**
 * Where segmentation keeps its work (see segment.ts): the words found, as
 * columns of numbers, and scratch space reused by every call, so that a
 * digest of 2,000 articles is segmented without an array or an object per
 * character, run or word.
 */
import type { WordLookup } from './dictionary';

/** A column of numbers twice as long, with what it held at its start (the columns here grow so, as needed). */
export function doubled(column: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer>;
export function doubled(column: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer>;
export function doubled(column: Int32Array<ArrayBuffer> | Uint8Array<ArrayBuffer>): Int32Array<ArrayBuffer> | Uint8Array<ArrayBuffer> {
  const bigger = column instanceof Int32Array ? new Int32Array(column.length * 2) : new Uint8Array(column.length * 2);
  bigger.set(column);
  return bigger;
}

/** One character, or a surrogate pair (CJK extension B and beyond) kept whole. */
export function characterLength(text: string, at: number, limit: number): number {
  const code = text.charCodeAt(at);
  return code >= 0xd800 && code < 0xdc00 && at + 1 < limit ? 2 : 1;
}

/**
 * Words found, in reading order, as three columns that grow as needed: a
 * digest's words are handed on without a call or an object per word.
 */
export class FoundWords {
  starts = new Int32Array(256);
  ends = new Int32Array(256);
  /** The word id (see WordLookup.matchesInto), or −1 where the segmenter has none. */
  ids = new Int32Array(256);
  count = 0;

  push(start: number, end: number, id: number): void {
    if (this.count === this.starts.length) {
      this.grow();
    }
    this.starts[this.count] = start;
    this.ends[this.count] = end;
    this.ids[this.count++] = id;
  }

  private grow(): void {
    this.starts = doubled(this.starts);
    this.ends = doubled(this.ends);
    this.ids = doubled(this.ids);
  }
}

/**
 * Scratch space reused by every call (segmentation runs on one thread and
 * never re-enters itself): a digest of 2,000 articles is segmented without
 * an array or object per character, run or word.
 */
export class Scratch {
  /** Match lengths at one place (see WordLookup.matchesInto); grown to the dictionary's longest word. */
  lengths = new Int32Array(64);
  /** Their word ids. */
  ids = new Int32Array(64);
  longestFrom = new Int32Array(64);
  /** The word id of the longest word at each place, or −1. */
  longestId = new Int32Array(64);
  earliestTo = new Int32Array(65);
  forward = new Int32Array(64);
  forwardCount = 0;
  backward = new Int32Array(64);
  backwardCount = 0;
  pieceStart = new Int32Array(64);
  pieceEnd = new Int32Array(64);
  pieceAmbiguous = new Uint8Array(64);
  pieceId = new Int32Array(64);
  pieces = 0;
  edges = new Uint8Array(256);

  /** Room for every match length of `lookup` at a place. */
  matchesOf(lookup: WordLookup): Int32Array {
    if (this.lengths.length < lookup.maxWordLength) {
      this.lengths = new Int32Array(lookup.maxWordLength);
      this.ids = new Int32Array(lookup.maxWordLength);
    }
    return this.lengths;
  }

  /** Room for a run of `size` characters. */
  fit(size: number): void {
    if (this.longestFrom.length < size + 1) {
      const length = Math.max(size + 1, this.longestFrom.length * 2);
      this.longestFrom = new Int32Array(length);
      this.longestId = new Int32Array(length);
      this.earliestTo = new Int32Array(length + 1);
      this.forward = new Int32Array(length);
      this.backward = new Int32Array(length);
    }
  }

  addPiece(start: number, end: number, ambiguous: boolean, id: number): void {
    if (this.pieces === this.pieceStart.length) {
      this.pieceStart = doubled(this.pieceStart);
      this.pieceEnd = doubled(this.pieceEnd);
      this.pieceAmbiguous = doubled(this.pieceAmbiguous);
      this.pieceId = doubled(this.pieceId);
    }
    this.pieceStart[this.pieces] = start;
    this.pieceEnd[this.pieces] = end;
    this.pieceAmbiguous[this.pieces] = ambiguous ? 1 : 0;
    this.pieceId[this.pieces] = id;
    this.pieces++;
  }

  /** ICU's edges for a text of `length`, all cleared. */
  clearedEdges(length: number): Uint8Array {
    if (this.edges.length < length + 1) {
      this.edges = new Uint8Array(Math.max(length + 1, this.edges.length * 2));
    } else {
      this.edges.fill(0, 0, length + 1);
    }
    return this.edges;
  }
}

/** The one scratch space: segmentation runs on one thread and never re-enters itself. */
export const scratch = new Scratch();
