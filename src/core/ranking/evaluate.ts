/** Quality of a ranking against known relevant papers: precision and recall at k, and where a held-out paper lands. */

export interface AtK {
  precision: number;
  recall: number;
}

/** Of the first `k` keys, the share that is relevant (precision) and the share of the relevant found (recall). */
export function atK(ranked: readonly string[], relevant: ReadonlySet<string>, k: number): AtK {
  const top = ranked.slice(0, k);
  const hits = top.filter((key) => relevant.has(key)).length;
  return { precision: top.length > 0 ? hits / top.length : 0, recall: relevant.size > 0 ? hits / relevant.size : 0 };
}

/** 1-based rank of `key` in `ranked` (ranked.length + 1 when absent). */
export function rankOf(ranked: readonly string[], key: string): number {
  const i = ranked.indexOf(key);
  return i < 0 ? ranked.length + 1 : i + 1;
}
