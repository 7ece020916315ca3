/**
 * Which digests listed which papers, so an article can say "also in cs.DC
 * 2025-05-31". Kept compactly per digest and bounded to the newest digests.
 */
import { decodeKeys, encodeKeys } from './readingStateStore';

const MAX_DIGESTS = 400;

export interface StoredSeenIndex {
  version: 1;
  /** "cs.DC 2025-05-31" → its article keys (encodeKeys). */
  digests: Record<string, ReturnType<typeof encodeKeys>>;
}

export class SeenIndex {
  /** Digest label → its keys; label is "subject date". */
  private readonly digests = new Map<string, Set<string>>();
  /** Key → the labels of the digests that listed it. */
  private readonly byKey = new Map<string, string[]>();

  /** Records a digest's articles; false when it was known already with the same keys. */
  record(subject: string, date: string, keys: readonly string[]): boolean {
    const label = `${subject} ${date}`;
    const known = this.digests.get(label);
    if (known && known.size === keys.length && keys.every((key) => known.has(key))) {
      return false;
    }
    if (known) {
      this.forget(label);
    }
    this.add(label, keys);
    while (this.digests.size > MAX_DIGESTS) {
      const oldest = [...this.digests.keys()].sort((a, b) => (dateOf(a) < dateOf(b) ? -1 : 1))[0];
      this.forget(oldest);
    }
    return true;
  }

  /** An earlier digest (by date; another subject on the same day counts) that listed `key`, newest such first. */
  alsoIn(key: string, subject: string, date: string): string | undefined {
    const own = `${subject} ${date}`;
    const labels = this.byKey.get(key)?.filter((label) => label !== own && dateOf(label) <= date);
    if (!labels || labels.length === 0) {
      return undefined;
    }
    return labels.sort((a, b) => (dateOf(a) < dateOf(b) ? 1 : -1))[0];
  }

  toStored(): StoredSeenIndex {
    const digests: StoredSeenIndex['digests'] = {};
    for (const [label, keys] of this.digests) {
      digests[label] = encodeKeys(keys);
    }
    return { version: 1, digests };
  }

  /** Reads a stored index; damaged parts are dropped (it is only a cache of what was opened). */
  static fromStored(value: unknown): SeenIndex {
    const index = new SeenIndex();
    const digests = (value as { digests?: unknown } | undefined)?.digests;
    if (typeof value === 'object' && value !== null && (value as { version?: unknown }).version === 1 && typeof digests === 'object' && digests !== null) {
      for (const [label, keys] of Object.entries(digests)) {
        if (/^\S.{0,200} \d{4}-\d{2}-\d{2}$/.test(label)) {
          index.add(label, decodeKeys(keys, []));
        }
      }
    }
    return index;
  }

  private add(label: string, keys: readonly string[]): void {
    this.digests.set(label, new Set(keys));
    for (const key of keys) {
      const labels = this.byKey.get(key);
      if (labels) {
        labels.push(label);
      } else {
        this.byKey.set(key, [label]);
      }
    }
  }

  private forget(label: string): void {
    for (const key of this.digests.get(label) ?? []) {
      const labels = this.byKey.get(key)?.filter((l) => l !== label);
      if (labels && labels.length > 0) {
        this.byKey.set(key, labels);
      } else {
        this.byKey.delete(key);
      }
    }
    this.digests.delete(label);
  }
}

function dateOf(label: string): string {
  return label.slice(-10);
}
