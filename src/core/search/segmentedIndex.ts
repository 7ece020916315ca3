/**
 * The whole library's search index as segments, one per month of digest
 * dates: stored segments as they were read (segment.ts), and the months
 * being (re)built (librarySearch.ts). A file indexed anew goes into its
 * month's builder, which first takes in that month's stored segment (not
 * re-reading its files); a removed file is hidden until its month is
 * written again. Every operation is a generator whose steps are small, so
 * a caller can give the event loop a turn between them.
 */
import type { Digest } from '../digest/model';
import { LibrarySearch, type SearchDocument } from './librarySearch';
import { searchParts, type IndexPart } from './part';
import { readSegment, Segment } from './segment';
import { writeSegment } from './segmentWriter';
import type { SearchHit } from './types';

/** Articles indexed per step at most, and the time after which a step ends sooner. */
const ARTICLES_PER_STEP = 20;
const STEP_MS = 5;

/** The segment a digest belongs in: the month of its date (`2025-06`), or `undated`. */
export function segmentKeyOf(digest: Pick<Digest, 'date'>): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(digest.date) ? digest.date.slice(0, 7) : 'undated';
}

/** A segment key is safe as a file name. */
export function isSegmentKey(key: string): boolean {
  return /^(\d{4}-\d{2}|undated)$/.test(key);
}

export class SegmentedIndex {
  private readonly segments = new Map<string, Segment>();
  private readonly builders = new Map<string, LibrarySearch>();
  /** Where each file's articles are: its segment key, and its stamp. */
  private readonly files = new Map<string, { key: string; stamp: string }>();
  /** Keys whose stored segment is not what memory holds (a builder, or a segment with hidden files). */
  private readonly changed = new Set<string>();

  /** Takes a stored segment in, in steps, unless it is damaged or a segment for that key is already there. */
  *addStored(key: string, bytes: Uint8Array): Generator<void, boolean, void> {
    const segment = yield* readSegment(bytes);
    if (!segment || this.segments.has(key) || this.builders.has(key)) {
      return false;
    }
    this.segments.set(key, segment);
    for (const file of segment.files()) {
      const other = this.files.get(file.uri);
      if (other) {
        // A file in two stored segments (a crash between two writes): the other copy is hidden.
        this.hide(file.uri);
      }
      this.files.set(file.uri, { key, stamp: file.stamp });
    }
    return true;
  }

  /** The stamp a file was indexed with, if it is indexed. */
  stampOf(uri: string): string | undefined {
    return this.files.get(uri)?.stamp;
  }

  /** Every indexed file. */
  fileUris(): string[] {
    return [...this.files.keys()];
  }

  get fileCount(): number {
    return this.files.size;
  }

  get articleCount(): number {
    return this.parts().reduce((sum, part) => sum + (part instanceof Segment ? part.liveCount : (part as LibrarySearch).articleCount), 0);
  }

  /** Articles in builders (not yet written as segments). */
  get buildingArticles(): number {
    return [...this.builders.values()].reduce((sum, builder) => sum + builder.articleCount, 0);
  }

  /** Keys that need writing (`write`), largest builder first. */
  changedKeys(): string[] {
    return [...this.changed].sort((a, b) => (this.builders.get(b)?.articleCount ?? 0) - (this.builders.get(a)?.articleCount ?? 0));
  }

  /** Whether `key` is being built (written: a save), rather than a stored segment with hidden files (written: a compaction). */
  isBuilding(key: string): boolean {
    return this.builders.has(key);
  }

  /** Stored segments and builders, newest month first. */
  parts(): IndexPart[] {
    const keys = [...new Set([...this.segments.keys(), ...this.builders.keys()])].sort().reverse();
    const parts: IndexPart[] = [];
    for (const key of keys) {
      const part = this.builders.get(key) ?? this.segments.get(key);
      if (part) {
        parts.push(part);
      }
    }
    return parts;
  }

  search(query: string, limit = 50): SearchHit[] {
    return searchParts(this.parts(), query, limit);
  }

  /** Indexes a parsed digest file into its month's builder (replacing what was indexed for it). */
  *addFile(document: SearchDocument): Generator<void, void, void> {
    const key = segmentKeyOf(document.digest);
    const builder = yield* this.builderFor(key);
    this.hide(document.uri);
    yield* stepsOf(builder.addFile(document, ARTICLES_PER_STEP, STEP_MS));
    this.files.set(document.uri, { key, stamp: document.stamp ?? '' });
  }

  /** Forgets a file: hidden in its stored segment until that is written again. */
  removeFile(uri: string): void {
    this.hide(uri);
    this.files.delete(uri);
  }

  /**
   * The bytes of the segment for `key` as memory holds it now, written in
   * steps; the builder becomes that segment. Undefined when the month has no
   * article left (its stored segment is to be deleted).
   */
  *write(key: string): Generator<void, Uint8Array | undefined, void> {
    if (!this.builders.has(key)) {
      yield* this.builderFor(key); // a stored segment with hidden files: written again without them
    }
    const builder = this.builders.get(key);
    this.changed.delete(key);
    if (!builder || builder.articleCount === 0) {
      this.builders.delete(key);
      this.segments.delete(key);
      return undefined;
    }
    const bytes = yield* writeSegment(builder.segmentSource());
    const segment = yield* readSegment(bytes);
    if (!segment) {
      throw new Error(`the segment ${key} did not read back`);
    }
    // A file added to the builder while the segment was being written is written next time.
    if (this.builders.get(key) === builder && !this.changed.has(key)) {
      this.segments.set(key, segment);
      this.builders.delete(key);
    }
    return bytes;
  }

  /** The builder of a month, made from its stored segment when there is one. */
  private *builderFor(key: string): Generator<void, LibrarySearch, void> {
    let builder = this.builders.get(key);
    if (!builder) {
      const made = new LibrarySearch();
      const stored = this.segments.get(key);
      if (stored) {
        yield* made.absorb(stored);
      }
      // Another step may have made one meanwhile.
      builder = this.builders.get(key);
      if (!builder) {
        builder = made;
        this.builders.set(key, builder);
        this.segments.delete(key);
      }
    }
    this.changed.add(key);
    return builder;
  }

  private hide(uri: string): void {
    const where = this.files.get(uri);
    if (!where) {
      return;
    }
    this.changed.add(where.key);
    const builder = this.builders.get(where.key);
    if (builder) {
      builder.removeFile(uri);
    } else {
      this.segments.get(where.key)?.hideFile(uri);
    }
  }
}

/** A generator's steps without their values. */
function* stepsOf(steps: Generator<unknown, void, void>): Generator<void, void, void> {
  for (let step = steps.next(); !step.done; step = steps.next()) {
    yield;
  }
}
