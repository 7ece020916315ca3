/** Is a text a digest? Decided from its first lines, without parsing it all. */
const PLAIN_HEADER = /^\uFEFF?\S+ @ \d{4}-\d{2}-\d{2}: \d+\s*$/;
const FRONT_MATTER_TITLE = /^title:\s*["']?(\S+ @ \d{4}-\d{2}-\d{2}: \d+|.+ for \d{4}-\d{2}-\d{2}: \d+)["']?\s*$/;

export function hasPlainDigestHeader(firstLine: string): boolean {
  return PLAIN_HEADER.test(firstLine);
}

/** A Markdown digest's front matter names it in its `title:` within the first lines. */
export function hasMarkdownDigestHeader(firstLines: readonly string[]): boolean {
  if (firstLines[0]?.replace(/^\uFEFF/, '').trim() !== '---') {
    return false;
  }
  for (const line of firstLines.slice(1)) {
    if (line.trim() === '---') {
      return false;
    }
    if (FRONT_MATTER_TITLE.test(line.trim())) {
      return true;
    }
  }
  return false;
}
