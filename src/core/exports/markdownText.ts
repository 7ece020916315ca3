/**
 * Untrusted digest text as Markdown that renders as exactly that text, in
 * VS Code's Markdown preview (markdown-it with HTML, linkify and KaTeX math on)
 * as in any CommonMark reader: no link, image, emphasis, code, raw HTML,
 * math or new block can come out of it.
 */

/**
 * Punctuation CommonMark (and the preview's math and strike-through) reads
 * as markup inside a line: backslash-escaped, as CommonMark allows for any
 * ASCII punctuation. (`-`, `+`, `=`, `1.` only mean something at a line's start,
 * where digest text never stands.)
 */
const MARKUP = /[\\`*_[\]()#|!~$]/g;
/** HTML's own specials as entities: `<img onerror>` and `&lt;` both stay as written. */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
/** Line breaks and other control characters: one line, so nothing can start a block (a heading, a list, a fence). */
const BREAKS = /[\s\u0000-\u001f\u007f\u2028\u2029]+/g;

/**
 * What the preview's linkify would turn into a link (`https://…`, `example.com`,
 * `a@b.org`): an escape splits the text there, and linkify looks at unbroken text only.
 * A period before a space, as sentences end, is left alone.
 */
const LINKISH = /:(?=\/)|\.(?=[\p{L}\p{N}])|@/gu;

export function escapeMarkdown(text: string): string {
  return text
    .replace(BREAKS, ' ')
    .trim()
    .replace(/[&<>"]/g, (c) => ENTITIES[c] ?? c)
    .replace(MARKUP, (c) => `\\${c}`)
    .replace(LINKISH, (c) => `\\${c}`);
}
