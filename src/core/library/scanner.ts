/**
 * The Library's scan, without VS Code: which candidate files are digests and
 * what they hold, read newest first, a file's head before the rest, kept by
 * each file's size and mtime so a warm start re-reads only what changed. The
 * host (src/library, or the bench with Node's fs) lists, stats and reads the
 * files; everything here runs in slices that yield (see Slicer), so a year of
 * digests never holds the extension host's thread for long.
 */
import { decodePages, type TextPages } from '../digest/pages';
import type { CacheEntry } from './cache';
import { Slicer } from './slicer';
import { HEAD_BYTES, looksLikeDigest, summarizeDigestSteps, type DigestSummary } from './summary';

/** A candidate file as the host listed it. */
export interface FileStamp<F> {
  file: F;
  /** The file's identity (its URI as a string). */
  key: string;
  size: number;
  mtime: number;
}

/** What the scan knows of one file; `summary` null when it is no digest. */
export interface KnownFile<F> extends FileStamp<F> {
  summary: DigestSummary | null;
  /** From the stored index: not read in this session. */
  fromCache: boolean;
}

export interface CancellationLike {
  readonly isCancellationRequested: boolean;
}

/** What the host does for the scan: the slow parts (listing, stat, reads) happen off the thread there. */
export interface ScanHost<F> {
  /** Every candidate file with its size and mtime. */
  list(token: CancellationLike): Promise<FileStamp<F>[]>;
  /** A file's first bytes; `whole` when the host had to read all of it anyway. */
  readHead(file: F, bytes: number): Promise<{ head: Uint8Array; whole?: Uint8Array }>;
  readWhole(file: F): Promise<Uint8Array>;
  /** The file a stored key names. */
  fileOf(key: string): F;
}

/** What the scan tells the host. */
export interface ScanListener<F> {
  /** A digest's full text was read (to (re)index it), in pages (a huge one is never joined into one string). */
  read(file: F, pages: TextPages): void;
  /** A digest left the Library (deleted, excluded, no longer a digest). */
  removed(file: F): void;
  /** What the Library lists changed; `now`: worth showing at once (the first digest, the end of a scan). */
  changed(now: boolean): void;
  progress(progress: ScanProgress | undefined): void;
  /**
   * A file could not be read just now (in VS Code for the Web a read is a
   * request that a network blip can cut). Nothing is recorded of it: the next
   * scan or update reads it again, and the host may retry it sooner.
   */
  unreadable(file: F): void;
}

export interface ScanProgress {
  done: number;
  total: number;
}

/** What the last full scan did. */
export interface ScanReport {
  candidates: number;
  /** Files read (head or whole) because they were new or changed. */
  read: number;
  /** Milliseconds from the scan's start to the first digest listed (undefined: none found). */
  firstListedMs?: number;
  ms: number;
  cancelled: boolean;
}

/** Bytes the scan read, all told (tests: a workspace of notes is never read whole). */
export interface ReadCount {
  /** Files opened for reading. */
  files: number;
  bytes: number;
  /** Files read to the end (a digest to summarize, or a host that cannot read only a head). */
  wholeFiles: number;
}

export class LibraryScanner<F> {
  private readonly known = new Map<string, KnownFile<F>>();
  private readonly inFlight = new Map<string, Promise<DigestSummary | undefined>>();
  readonly reads: ReadCount = { files: 0, bytes: 0, wholeFiles: 0 };

  constructor(
    private readonly host: ScanHost<F>,
    private readonly listener: ScanListener<F>,
    private readonly newSlicer: () => Slicer = () => new Slicer(),
  ) {}

  /** The digests known now, each with its summary. */
  digests(): KnownFile<F>[] {
    const digests: KnownFile<F>[] = [];
    for (const known of this.known.values()) {
      if (known.summary) {
        digests.push(known);
      }
    }
    return digests;
  }

  get(key: string): KnownFile<F> | undefined {
    return this.known.get(key);
  }

  /** Every file looked at, for the stored index (non-digests too, so a warm start skips them). */
  cacheEntries(): CacheEntry[] {
    return [...this.known.values()].map((known) => ({ uri: known.key, size: known.size, mtime: known.mtime, summary: known.summary }));
  }

  /** Takes in a stored index (a warm start), a slice at a time. */
  async restore(entries: readonly CacheEntry[]): Promise<void> {
    const slicer = this.newSlicer();
    for (const entry of entries) {
      if (!this.known.has(entry.uri)) {
        this.known.set(entry.uri, { file: this.host.fileOf(entry.uri), key: entry.uri, size: entry.size, mtime: entry.mtime, summary: entry.summary, fromCache: true });
      }
      await slicer.tick();
    }
    if (this.known.size > 0) {
      this.listener.changed(true);
    }
  }

  /** Forgets everything (a new window starts from the stored index). */
  clear(): void {
    this.known.clear();
  }

  /** Lists the candidates and reads what is new or changed, newest first. */
  async scan(token: CancellationLike): Promise<ScanReport> {
    const started = Date.now();
    const report: ScanReport = { candidates: 0, read: 0, ms: 0, cancelled: false };
    const files = await this.host.list(token);
    report.candidates = files.length;
    // Newest first: the digests a reader wants today are usable first.
    files.sort((a, b) => b.mtime - a.mtime || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const slicer = this.newSlicer();
    if (!token.isCancellationRequested) {
      await this.forgetAllBut(new Set(files.map((file) => file.key)), slicer);
    }
    this.listener.progress({ done: 0, total: files.length });
    for (let done = 0; done < files.length && !token.isCancellationRequested; done++) {
      const file = files[done];
      const known = this.known.get(file.key);
      if (!known || known.size !== file.size || known.mtime !== file.mtime) {
        report.read++;
        const summary = await this.index(file);
        slicer.restart(); // a read yielded
        if (summary && report.firstListedMs === undefined) {
          report.firstListedMs = Date.now() - started;
          this.listener.changed(true);
        }
        this.listener.changed(false);
      }
      if (slicer.due) {
        this.listener.progress({ done: done + 1, total: files.length });
        await slicer.tick();
      }
    }
    report.cancelled = token.isCancellationRequested;
    report.ms = Date.now() - started;
    this.listener.progress(undefined);
    this.listener.changed(true);
    return report;
  }

  /** A created or changed file: read again when its stamp changed. */
  async update(file: FileStamp<F>): Promise<void> {
    const known = this.known.get(file.key);
    if (!known || known.size !== file.size || known.mtime !== file.mtime) {
      await this.index(file);
      this.listener.changed(true);
    }
  }

  /** A file that is no longer a candidate (deleted, excluded). */
  forget(key: string): void {
    const known = this.known.get(key);
    if (known) {
      this.known.delete(key);
      if (known.summary) {
        this.listener.removed(known.file);
        this.listener.changed(false);
      }
    }
  }

  /** Deleted files, and every file under deleted folders: one pass over what is known, however many were deleted. */
  forgetUnder(keys: ReadonlySet<string>): void {
    for (const candidate of [...this.known.keys()]) {
      for (let end = candidate.length; end > 0; end = candidate.lastIndexOf('/', end - 1)) {
        if (keys.has(candidate.slice(0, end))) {
          this.forget(candidate);
          break;
        }
      }
    }
  }

  private async forgetAllBut(keep: ReadonlySet<string>, slicer: Slicer): Promise<void> {
    for (const key of [...this.known.keys()]) {
      if (!keep.has(key)) {
        this.forget(key);
      }
      await slicer.tick();
    }
  }

  /** Reads one file once, even when a scan and a watcher event ask for it at the same moment. */
  private index(file: FileStamp<F>): Promise<DigestSummary | undefined> {
    const version = `${file.size}:${file.mtime}:${file.key}`;
    let reading = this.inFlight.get(version);
    if (!reading) {
      reading = this.readAndSummarize(file).finally(() => this.inFlight.delete(version));
      this.inFlight.set(version, reading);
    }
    return reading;
  }

  /**
   * Reads one file: its head first, the rest only when it is a digest. The
   * text is decoded and summarized in steps (a digest of tens of megabytes
   * is hundreds of milliseconds of work), yielding between slices.
   */
  private async readAndSummarize(file: FileStamp<F>): Promise<DigestSummary | undefined> {
    let summary: DigestSummary | null = null;
    let text: TextPages | undefined;
    let bytes: Uint8Array;
    let isDigest: boolean;
    let readWhole: boolean;
    try {
      const { head, whole } = await this.host.readHead(file.file, HEAD_BYTES);
      isDigest = looksLikeDigest(new TextDecoder().decode(head)) !== undefined;
      bytes = isDigest ? whole ?? (await this.host.readWhole(file.file)) : whole ?? head;
      readWhole = whole !== undefined || isDigest;
    } catch {
      // Not read: the file keeps what was known of it (if anything), so its stamp does not match and it is read again.
      this.listener.unreadable(file.file);
      return this.known.get(file.key)?.summary ?? undefined;
    }
    try {
      if (isDigest) {
        const slicer = this.newSlicer();
        text = await slicer.run(decodePages(bytes));
        summary = (await slicer.run(summarizeDigestSteps(text))) ?? null;
      }
    } catch {
      summary = null; // read, but not a digest after all
      text = undefined;
    }
    this.count(bytes.byteLength, readWhole);
    const before = this.known.get(file.key);
    this.known.set(file.key, { file: file.file, key: file.key, size: file.size, mtime: file.mtime, summary, fromCache: false });
    if (summary && text !== undefined) {
      this.listener.read(file.file, text);
    } else if (before?.summary) {
      this.listener.removed(file.file);
    }
    return summary ?? undefined;
  }

  /** Counts a file read (the Library's own, and the search's through the Library). */
  count(bytes: number, whole: boolean): void {
    this.reads.files++;
    this.reads.bytes += bytes;
    if (whole) {
      this.reads.wholeFiles++;
    }
  }
}
