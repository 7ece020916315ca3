/**
 * A digest's text in pages: consecutive strings that join to the text, each
 * but the last ending in a line feed, so that no line straddles two. A huge
 * digest (tens of megabytes) is decoded, summarized and parsed a page at a
 * time and never joined into one string: that copy alone would hold the
 * extension host's thread for ~70 ms at 60 MB.
 */
export type TextPages = readonly string[];

/** Bytes decoded per page: a millisecond or a few of work. */
export const PAGE_BYTES = 1 << 20;

/**
 * UTF-8 bytes as pages, a page per step (as `new TextDecoder().decode` reads
 * them: a byte order mark dropped, bad bytes as U+FFFD). A small file is one page.
 */
export function* decodePages(bytes: Uint8Array, pageBytes = PAGE_BYTES): Generator<void, TextPages, void> {
  if (bytes.byteLength <= pageBytes) {
    return [new TextDecoder().decode(bytes)];
  }
  const decoder = new TextDecoder();
  const pages: string[] = [];
  let carry = '';
  for (let at = 0; at < bytes.byteLength; at += pageBytes) {
    const last = at + pageBytes >= bytes.byteLength;
    const text = carry + decoder.decode(bytes.subarray(at, at + pageBytes), { stream: !last });
    const cut = last ? text.length : text.lastIndexOf('\n') + 1;
    if (cut > 0) {
      pages.push(text.slice(0, cut));
    }
    carry = text.slice(cut);
    if (!last) {
      yield;
    }
  }
  return pages.length > 0 ? pages : [''];
}

/**
 * Pages cut anywhere, made pages that end at line ends: a page's unfinished
 * last line moves to the start of the next one. Pages that already end in a
 * line feed (what `decodePages` makes) are kept as they are.
 */
export function linePages(pages: TextPages): TextPages {
  if (pages.length <= 1) {
    return pages.length === 1 ? pages : [''];
  }
  if (pages.every((page, i) => i === pages.length - 1 || page.endsWith('\n'))) {
    return pages;
  }
  const normal: string[] = [];
  let carry = '';
  for (let i = 0; i < pages.length; i++) {
    const page = carry + pages[i];
    const cut = i === pages.length - 1 ? page.length : page.lastIndexOf('\n') + 1;
    if (cut > 0) {
      normal.push(page.slice(0, cut));
    }
    carry = page.slice(cut);
  }
  return normal.length > 0 ? normal : [''];
}

/** The first `length` characters of the text (fewer when it is shorter). */
export function headOf(pages: TextPages, length: number): string {
  let head = '';
  for (const page of pages) {
    head += page.slice(0, length - head.length);
    if (head.length >= length) {
      break;
    }
  }
  return head;
}
