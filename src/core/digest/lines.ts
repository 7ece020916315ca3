/**
 * A digest's lines as offsets into its text. A 20,000-article digest has
 * 150,000 lines; an array of line strings (and trimmed copies of them) was
 * most of what the garbage collector copied during a parse. Here a line is two
 * numbers in typed arrays, and a string is sliced only where the model keeps
 * one. Each line's first and last character are kept too, read while the scan
 * has them at hand: most questions about a line (is it blank, could it be a
 * header, must it be trimmed) are then answered without going back to a text
 * of tens of megabytes, where each look costs a cache miss.
 */
import { presentSlice } from './text';

/** What `String.prototype.trimEnd` removes: JS white space and line terminators. */
export function isJsWhitespace(code: number): boolean {
  if (code <= 32) {
    return code === 32 || (code >= 9 && code <= 13);
  }
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029
    || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/**
 * Lines as `text.split('\n')` cut them, after a leading BOM, so line numbers
 * match the editor's. A line that ends in CR, a space or a tab loses all its
 * trailing white space (as `trimEnd()` does); other lines are kept as they are.
 */
export class Lines {
  readonly count: number;
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  /** Char code of each line's first and last character (0 for an empty line). */
  private readonly firstCodes: Uint16Array;
  private readonly lastCodes: Uint16Array;

  constructor(readonly text: string) {
    // A digest line averages several hundred characters; grow when it does not.
    let capacity = Math.max(16, Math.ceil(text.length / 256));
    let starts: Int32Array = new Int32Array(capacity);
    let ends: Int32Array = new Int32Array(capacity);
    let firstCodes: Uint16Array = new Uint16Array(capacity);
    let lastCodes: Uint16Array = new Uint16Array(capacity);
    let count = 0;
    let position = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    for (;;) {
      const newline = text.indexOf('\n', position);
      const rawEnd = newline < 0 ? text.length : newline;
      if (count === capacity) {
        capacity *= 2;
        starts = grow(starts, capacity);
        ends = grow(ends, capacity);
        firstCodes = grow(firstCodes, capacity);
        lastCodes = grow(lastCodes, capacity);
      }
      const end = trimmedEnd(text, position, rawEnd);
      starts[count] = position;
      ends[count] = end;
      if (end > position) {
        firstCodes[count] = text.charCodeAt(position);
        lastCodes[count] = text.charCodeAt(end - 1);
      }
      count++;
      if (newline < 0) {
        break;
      }
      position = newline + 1;
    }
    this.starts = starts;
    this.ends = ends;
    this.firstCodes = firstCodes;
    this.lastCodes = lastCodes;
    this.count = count;
  }

  /** Offset in `text` of line `i`'s first character. */
  start(i: number): number {
    return this.starts[i];
  }

  /** Offset in `text` just after line `i` (trailing blanks cut as described above). */
  end(i: number): number {
    return this.ends[i];
  }

  length(i: number): number {
    return this.ends[i] - this.starts[i];
  }

  /** Line `i` as a string (a new slice: call it only for what is kept or rare). */
  at(i: number): string {
    return this.text.slice(this.starts[i], this.ends[i]);
  }

  isEmpty(i: number): boolean {
    return this.ends[i] === this.starts[i];
  }

  /** True when line `i` is exactly `value`. */
  is(i: number, value: string): boolean {
    return this.ends[i] - this.starts[i] === value.length && this.text.startsWith(value, this.starts[i]);
  }

  startsWith(i: number, prefix: string): boolean {
    return this.ends[i] - this.starts[i] >= prefix.length && this.text.startsWith(prefix, this.starts[i]);
  }

  /** Char code of the first character of line `i`, 0 for an empty line. */
  firstCode(i: number): number {
    return this.firstCodes[i];
  }

  /** Char code of the last character of line `i`, 0 for an empty line. */
  lastCode(i: number): number {
    return this.lastCodes[i];
  }

  /** `presentText(this.at(i))`: the line unless it is blank or `nan`, sliced once. */
  present(i: number): string | undefined {
    const length = this.ends[i] - this.starts[i];
    // A line that neither starts nor ends in a blank needs no trimming: slice it without reading it.
    if (length > 3 && !isBlankCode(this.firstCodes[i]) && !isBlankCode(this.lastCodes[i])) {
      return this.text.slice(this.starts[i], this.ends[i]);
    }
    return presentSlice(this.text, this.starts[i], this.ends[i]);
  }
}

/** The blanks `presentText` trims. */
function isBlankCode(code: number): boolean {
  return code === 32 || code === 9 || code === 0xa0 || code === 0x3000;
}

function grow<T extends Int32Array | Uint16Array>(array: T, capacity: number): T {
  const bigger = new (array.constructor as new (length: number) => T)(capacity);
  bigger.set(array);
  return bigger;
}

function trimmedEnd(text: string, start: number, end: number): number {
  const last = text.charCodeAt(end - 1);
  // Only lines ending in CR, space or tab are trimmed, and then as trimEnd() trims.
  if (end > start && (last === 13 || last === 32 || last === 9)) {
    while (end > start && isJsWhitespace(text.charCodeAt(end - 1))) {
      end--;
    }
  }
  return end;
}
