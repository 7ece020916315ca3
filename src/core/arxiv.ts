/** arXiv identifiers and the pages built from them. */

// New style `2505.23710v1`; old style `math.GT/0309136v2`, `cs/0112017`.
const NEW_STYLE = String.raw`\d{4}\.\d{4,5}(?:v\d+)?`;
const OLD_STYLE = String.raw`[a-z][a-z-]*(?:\.[A-Z]{2})?\/\d{7}(?:v\d+)?`;
export const ARXIV_ID_SOURCE = `(?:${NEW_STYLE}|${OLD_STYLE})`;

const WHOLE_ID = new RegExp(`^${ARXIV_ID_SOURCE}$`);

export function isArxivId(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 64 && WHOLE_ID.test(value);
}

export interface ArxivUrls {
  abs: string;
  pdf: string;
  html: string;
}

/** The article's pages, or undefined when `id` is not a valid arXiv id (never a URL built from other text). */
export function arxivUrls(id: string | undefined): ArxivUrls | undefined {
  if (!isArxivId(id)) {
    return undefined;
  }
  return {
    abs: `https://arxiv.org/abs/${id}`,
    pdf: `https://arxiv.org/pdf/${id}`,
    html: `https://arxiv.org/html/${id}`,
  };
}
