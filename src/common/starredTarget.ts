/** Names a starred article by its key: what the Starred view's rows and the panel pass to commands. */
export interface StarredTarget {
  readonly starredKey: string;
}

/** Accepts a StarredTarget, or anything carrying one as `target` (a Starred view row). */
export function asStarredTarget(value: unknown): StarredTarget | undefined {
  if (typeof value !== 'object' || value === null) {
    return undefined;
  }
  const candidate: unknown = 'target' in value ? value.target : value;
  const key = typeof candidate === 'object' && candidate !== null ? (candidate as { starredKey?: unknown }).starredKey : undefined;
  return typeof key === 'string' && key.length > 0 && key.length <= 1000 ? { starredKey: key } : undefined;
}
