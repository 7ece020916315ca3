import type { Article } from '../core';
import type { DigestEntry } from '../digests';
import type { FilterResults } from '../filters';
import { ArticleNode, FilterNode, type DateNode } from './nodes';

/**
 * The saved filters' groups of a digest: each lists the rows of its matching
 * articles again (copies of the date's rows, whose parent stays the date, so
 * `reveal` goes through the date). Reuses the previous groups and rows, so
 * VS Code keeps their expansion and selection; `changed` says whether a root
 * refresh is needed.
 */
export function updateFilterGroups(entry: DigestEntry, dates: readonly DateNode[], results: FilterResults[], previous: readonly FilterNode[]): { groups: FilterNode[]; changed: boolean } {
  const rowOf = new Map<Article, ArticleNode>();
  for (const date of dates) {
    for (const node of date.children) {
      rowOf.set(node.article, node);
    }
  }
  const uri = entry.document.uri.toString();
  const old = new Map(previous.map((group) => [group.query, group]));
  let changed = previous.length !== results.length;
  const groups = results.map((result, position) => {
    const reusable = old.get(result.filter.query);
    const group = reusable && reusable.uri.toString() === uri ? reusable : new FilterNode(entry.document.uri, result);
    const oldChildren = new Map(group.children.map((child) => [child.key, child]));
    const positions = result.result.status === 'done' ? [...result.result.matches.keys()] : [];
    const children = positions.flatMap((at) => {
      const row = rowOf.get(entry.digest.articles[at]);
      if (!row) {
        return [];
      }
      const kept = oldChildren.get(row.key);
      if (kept && kept.parent === row.parent) {
        kept.article = row.article;
        return [kept];
      }
      return [new ArticleNode(row.parent, row.article, row.key, group)];
    });
    changed ||= previous[position] !== group || group.results.result !== result.result || group.results.label !== result.label
      || group.children.length !== children.length || children.some((child, i) => group.children[i] !== child);
    group.results = result;
    group.children = children;
    return group;
  });
  return { groups, changed };
}
