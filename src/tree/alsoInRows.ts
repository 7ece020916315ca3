import type { Digest } from '../core';

/**
 * What each row of the shown digest last showed as "also in" (an earlier
 * digest with the same paper), so that when the Library changes only the
 * rows whose answer changed are redrawn: a scan changes it often, the rows
 * seldom.
 */
export class AlsoInRows {
  private rows: { digest: Digest; shown: Map<string, string | undefined> } | undefined;

  /** A row of `digest` drew `alsoIn` for the article `key`. */
  drawn(digest: Digest, key: string, alsoIn: string | undefined): void {
    if (this.rows?.digest !== digest) {
      this.rows = { digest, shown: new Map() };
    }
    this.rows.shown.set(key, alsoIn);
  }

  /** The keys of the rows of `digest` whose "also in" is not what they drew (none before a row is drawn); they are taken as redrawn. */
  changed(digest: Digest, alsoIn: (key: string) => string | undefined): string[] {
    if (this.rows?.digest !== digest) {
      return [];
    }
    const changed: string[] = [];
    for (const [key, before] of this.rows.shown) {
      const now = alsoIn(key);
      if (now !== before) {
        this.rows.shown.set(key, now);
        changed.push(key);
      }
    }
    return changed;
  }
}
