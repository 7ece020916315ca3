/** Messages between the extension and the citation worker (citation-js and citeproc run there, off the extension host). */
import type { CitedArticle } from '../../core';

export interface CitationRequest {
  id: number;
  article: CitedArticle;
  /** A built-in style's name, or the XML of a CSL style file. */
  style: { name: string } | { xml: string };
}

export type CitationResponse = { id: number; text?: string; error?: string };

export function isCitationResponse(value: unknown): value is CitationResponse {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const { id, text, error } = value as { id?: unknown; text?: unknown; error?: unknown };
  return typeof id === 'number' && (text === undefined || typeof text === 'string') && (error === undefined || typeof error === 'string');
}
