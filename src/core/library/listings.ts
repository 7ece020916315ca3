/**
 * Which digests list which papers, from the Library's summaries, so an
 * article can say "also in cs.LG 2025-06-06" on the first morning, for every
 * digest in the workspace, opened or not.
 *
 * Kept up to date file by file: a changed or new digest adds its keys, a
 * removed one takes them away, so a Library event costs what changed, not a
 * rebuild of a year of digests (110,000 keys); `update` does it in steps a
 * caller can spread over tasks.
 */
import type { DigestSummary } from './summary';

type Listed = Pick<DigestSummary, 'subject' | 'date' | 'dates' | 'keys'>;

export class DigestListings {
  /** Key → the label ("subject date") of each file that lists it (a label twice: one day in two files). */
  private readonly byKey = new Map<string, string[]>();
  /** What each file added, to take it away again. */
  private readonly files = new Map<string, Listed>();

  /** From every digest's summary at once (tests and small workspaces); `update` keeps one up to date. */
  constructor(summaries: Iterable<Listed> = []) {
    let n = 0;
    for (const summary of summaries) {
      this.set(`#${n++}`, summary);
    }
  }

  /**
   * A file of several days is left out: its keys are not known per day. One
   * subject and date in two files (the text and the Markdown rendering of a
   * day) is one digest.
   */
  private static labelOf(summary: Listed): string | undefined {
    return summary.dates.length !== 1 || summary.subject === '' || summary.date === '' ? undefined : `${summary.subject} ${summary.date}`;
  }

  /** Lists `file`'s keys (in place of what it listed before). */
  set(file: string, summary: Listed): void {
    this.delete(file);
    this.files.set(file, summary);
    const label = DigestListings.labelOf(summary);
    if (label === undefined) {
      return;
    }
    for (const key of summary.keys) {
      const labels = this.byKey.get(key);
      if (!labels) {
        this.byKey.set(key, [label]);
      } else {
        labels.push(label);
      }
    }
  }

  /** Takes away what `file` listed. */
  delete(file: string): void {
    const summary = this.files.get(file);
    if (!summary) {
      return;
    }
    this.files.delete(file);
    const label = DigestListings.labelOf(summary);
    if (label === undefined) {
      return;
    }
    for (const key of summary.keys) {
      const labels = this.byKey.get(key);
      const at = labels?.indexOf(label) ?? -1;
      if (labels && at >= 0) {
        labels.splice(at, 1);
        if (labels.length === 0) {
          this.byKey.delete(key);
        }
      }
    }
  }

  /**
   * Brings the listings to `entries` (every digest of the Library now, by
   * file): files gone are taken away, new ones and those whose summary
   * changed (another object) are listed. One step per file that changed, so
   * a caller can yield between them; returns how many changed.
   */
  *update(entries: Iterable<[file: string, summary: Listed]>): Generator<void, number, void> {
    const now = new Map(entries);
    let changed = 0;
    for (const file of [...this.files.keys()]) {
      if (!now.has(file)) {
        this.delete(file);
        changed++;
        yield;
      }
    }
    for (const [file, summary] of now) {
      if (this.files.get(file) !== summary) {
        this.set(file, summary);
        changed++;
        yield;
      }
    }
    return changed;
  }

  /** The newest other digest, not later than `date` (another subject on the same day counts), that lists `key`. */
  alsoIn(key: string, subject: string, date: string): string | undefined {
    const own = `${subject} ${date}`;
    let best: string | undefined;
    for (const label of this.byKey.get(key) ?? []) {
      const labelDate = label.slice(-10);
      if (label !== own && labelDate <= date && (best === undefined || labelDate > best.slice(-10) || (labelDate === best.slice(-10) && label < best))) {
        best = label;
      }
    }
    return best;
  }
}

/**
 * The items (digests) that list any of `keys`, in the given order: every one
 * (the Library rows whose unread counts a marking changes), or with `cover`
 * only those that first list a key not listed before, stopping once all are
 * found (the files to read for a few papers' texts). One pass over the keys.
 */
export function listingAny<T>(items: Iterable<T>, keysOf: (item: T) => readonly string[], keys: Iterable<string>, options: { cover?: boolean } = {}): T[] {
  const wanted = new Set(keys);
  const found: T[] = [];
  for (const item of items) {
    if (wanted.size === 0) {
      break;
    }
    let lists = false;
    for (const key of keysOf(item)) {
      if (options.cover ? wanted.delete(key) : wanted.has(key)) {
        lists = true;
        if (!options.cover) {
          break;
        }
      }
    }
    if (lists) {
      found.push(item);
    }
  }
  return found;
}
