/** Growable typed arrays: the index's tables and postings heads grow one push at a time, doubling their room. */

const FIRST_ROOM = 1024;

/** A growable Uint32Array. */
export class U32List {
  data: Uint32Array;
  length = 0;
  constructor(data?: Uint32Array) {
    this.data = data ?? new Uint32Array(FIRST_ROOM);
    this.length = data?.length ?? 0;
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Uint32Array(Math.max(FIRST_ROOM, this.data.length * 2));
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }
  trimmed(): Uint32Array {
    return this.data.slice(0, this.length);
  }
  /** Drops the room to grow (it comes back on the next push). */
  trim(): void {
    this.data = this.trimmed();
  }
}

/** A growable Int32Array. */
export class I32List {
  data = new Int32Array(FIRST_ROOM);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }
}
