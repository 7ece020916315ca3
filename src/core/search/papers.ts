/**
 * Hits grouped by paper: the same arXiv paper listed in several digests (a
 * cross-list, a Markdown rendering of the same day) is one paper, known by
 * its arXiv id without version. Pure, for the Quick Pick.
 */
import type { SearchHit } from './types';

export interface PaperHit {
  /** The best-ranked hit of the paper: what its row shows and opens. */
  best: SearchHit;
  /** Every digest it is in, each once, newest digest first. */
  listings: { subject: string; digestDate: string; index: number }[];
}

/** The paper a hit is: its arXiv id without version, or for an article without one its place. */
export function paperKey(hit: Pick<SearchHit, 'arxivId' | 'file' | 'position'>): string {
  return hit.arxivId ? `arxiv:${hit.arxivId.replace(/v\d+$/, '')}` : `${hit.file}#${hit.position}`;
}

/** Hits (best first) grouped by paper, in the order of each paper's best hit; at most `limit` papers. */
export function groupByPaper(hits: readonly SearchHit[], limit: number): PaperHit[] {
  const byDate = (a: PaperHit['listings'][number], b: PaperHit['listings'][number]) => (a.digestDate < b.digestDate ? 1 : a.digestDate > b.digestDate ? -1 : a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : 0);
  const papers = new Map<string, PaperHit>();
  for (const hit of hits) {
    const key = paperKey(hit);
    const paper = papers.get(key);
    if (!paper) {
      if (papers.size < limit) {
        papers.set(key, { best: hit, listings: [{ subject: hit.subject, digestDate: hit.digestDate, index: hit.index }] });
      }
    } else if (!paper.listings.some((l) => l.subject === hit.subject && l.digestDate === hit.digestDate)) {
      paper.listings.push({ subject: hit.subject, digestDate: hit.digestDate, index: hit.index });
    }
  }
  const grouped = [...papers.values()];
  grouped.forEach((paper) => paper.listings.sort(byDate));
  return grouped;
}
