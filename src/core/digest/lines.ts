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
import { linePages, type TextPages } from './pages';
import { presentSlice } from './text';

export type { TextPages } from './pages';

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
 * The text may come as one string or in pages (see TextPages): a line's
 * offsets are then into its own page, `textOf(i)`.
 */
export class Lines {
  private constructor(
    readonly count: number,
    private readonly pages: TextPages,
    /** Page of each line; undefined when there is one page. */
    private readonly pageOf: Uint32Array | undefined,
    private readonly starts: Int32Array,
    private readonly ends: Int32Array,
    /** Char code of each line's first and last character (0 for an empty line). */
    private readonly firstCodes: Uint16Array,
    private readonly lastCodes: Uint16Array,
  ) {}

  /** The lines of a text, or of its pages, at once. */
  static of(text: string | TextPages): Lines {
    const steps = Lines.build(typeof text === 'string' ? [text] : text);
    for (;;) {
      const step = steps.next();
      if (step.done) {
        return step.value;
      }
    }
  }

  /** The lines of a text's pages, a page at a time: a step between pages. */
  static *build(pages: TextPages): Generator<void, Lines, void> {
    const total = pages.reduce((sum, page) => sum + page.length, 0);
    const scan = new LineScan(Math.max(16, Math.ceil(total / 256)), pages.length > 1);
    const normal = linePages(pages);
    for (let page = 0; page < normal.length; page++) {
      scan.page(normal[page], page, page === normal.length - 1);
      if (page < normal.length - 1) {
        yield;
      }
    }
    return new Lines(scan.count, normal, scan.pageOf, scan.starts, scan.ends, scan.firstCodes, scan.lastCodes);
  }

  /** The string (the text, or its page) that line `i`'s offsets point into. */
  textOf(i: number): string {
    return this.pageOf === undefined ? this.pages[0] : this.pages[this.pageOf[i]];
  }

  /** Offset in `textOf(i)` of line `i`'s first character. */
  start(i: number): number {
    return this.starts[i];
  }

  /** Offset in `textOf(i)` just after line `i` (trailing blanks cut as described above). */
  end(i: number): number {
    return this.ends[i];
  }

  length(i: number): number {
    return this.ends[i] - this.starts[i];
  }

  /** Line `i` as a string (a new slice: call it only for what is kept or rare). */
  at(i: number): string {
    return this.textOf(i).slice(this.starts[i], this.ends[i]);
  }

  isEmpty(i: number): boolean {
    return this.ends[i] === this.starts[i];
  }

  /** True when line `i` is exactly `value`. */
  is(i: number, value: string): boolean {
    return this.ends[i] - this.starts[i] === value.length && this.textOf(i).startsWith(value, this.starts[i]);
  }

  startsWith(i: number, prefix: string): boolean {
    return this.ends[i] - this.starts[i] >= prefix.length && this.textOf(i).startsWith(prefix, this.starts[i]);
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
      return this.textOf(i).slice(this.starts[i], this.ends[i]);
    }
    return presentSlice(this.textOf(i), this.starts[i], this.ends[i]);
  }
}

/** The line arrays as they fill, page after page. */
class LineScan {
  count = 0;
  starts: Int32Array;
  ends: Int32Array;
  firstCodes: Uint16Array;
  lastCodes: Uint16Array;
  pageOf: Uint32Array | undefined;

  constructor(private capacity: number, paged: boolean) {
    // A digest line averages several hundred characters; grow when it does not.
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
    this.firstCodes = new Uint16Array(capacity);
    this.lastCodes = new Uint16Array(capacity);
    this.pageOf = paged ? new Uint32Array(capacity) : undefined;
  }

  /** The lines of one page; `last`: the text ends here (a final line feed leaves an empty last line, as split does). */
  page(text: string, page: number, last: boolean): void {
    let position = page === 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0;
    for (;;) {
      const newline = text.indexOf('\n', position);
      if (newline < 0 && !last) {
        break; // the page ended with its line feed: the next line starts the next page
      }
      const rawEnd = newline < 0 ? text.length : newline;
      if (this.count === this.capacity) {
        this.grow();
      }
      const end = trimmedEnd(text, position, rawEnd);
      const count = this.count;
      this.starts[count] = position;
      this.ends[count] = end;
      if (end > position) {
        this.firstCodes[count] = text.charCodeAt(position);
        this.lastCodes[count] = text.charCodeAt(end - 1);
      }
      if (this.pageOf) {
        this.pageOf[count] = page;
      }
      this.count++;
      if (newline < 0) {
        break;
      }
      position = newline + 1;
    }
  }

  private grow(): void {
    this.capacity *= 2;
    this.starts = grow(this.starts, this.capacity);
    this.ends = grow(this.ends, this.capacity);
    this.firstCodes = grow(this.firstCodes, this.capacity);
    this.lastCodes = grow(this.lastCodes, this.capacity);
    this.pageOf = this.pageOf && grow(this.pageOf, this.capacity);
  }
}

/** The blanks `presentText` trims. */
function isBlankCode(code: number): boolean {
  return code === 32 || code === 9 || code === 0xa0 || code === 0x3000;
}

function grow<T extends Int32Array | Uint16Array | Uint32Array>(array: T, capacity: number): T {
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
