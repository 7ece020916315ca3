/**
 * The Library's scan, without VS Code: which candidate files are digests and
 * what they hold, read newest first, a file's head before the rest, kept by
 * each file's size and mtime so a warm start re-reads only what changed. The
 * host (src/library, or the bench with Node's fs) lists, stats and reads the
 * files; everything here runs in slices that yield (see Slicer), so a year of
 * digests never holds the extension host's thread for long.
 */
import type { CacheEntry } from './cache';
import { FileReads } from './fileReads';
import { Slicer } from './slicer';
import { HEAD_BYTES, looksLikeDigest, type DigestSummary } from './summary';
import type { CancellationLike, FileStamp, KnownFile, ReadCount, ScanHost, ScanListener, ScanReport } from './scanTypes';

export type { CancellationLike, FileStamp, KnownFile, ReadCount, ScanHost, ScanListener, ScanProgress, ScanReport } from './scanTypes';

/** How long the heads may take before the digests found so far are listed anyway (a year's on a local disk: under 0.5 s). */
const HEADS_SHOWN_AFTER_MS = 1_000;

/** How often the scan says how far it is (the view's "Indexing digests… 120 of 730 files"). */
const PROGRESS_EVERY_MS = 250;

/**
 * Says how far the scan is, at most every PROGRESS_EVERY_MS. By the clock: every read yields and starts a new
 * slice, so a slicer's `due` rarely comes in a cold scan.
 */
class ProgressByClock {
  private last = Date.now();

  constructor(private readonly say?: (done: number) => void) {}

  at(done: number): void {
    if (Date.now() - this.last >= PROGRESS_EVERY_MS) {
      this.last = Date.now();
      this.say?.(done);
    }
  }
}

/** Newest first (the digests a reader wants today are usable first), then by key. */
function newestFirst(a: FileStamp<unknown>, b: FileStamp<unknown>): number {
  return b.mtime - a.mtime || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

export class LibraryScanner<F> {
  private readonly known = new Map<string, KnownFile<F>>();
  private readonly files: FileReads<F>;

  constructor(
    private readonly host: ScanHost<F>,
    private readonly listener: ScanListener<F>,
    private readonly newSlicer: () => Slicer = () => new Slicer(),
  ) {
    this.files = new FileReads(host, listener, this.known, newSlicer);
  }

  /** What the Library has read, in files and bytes. */
  get reads(): Readonly<ReadCount> {
    return this.files.reads;
  }

  /** Counts a file read (the Library's own, and the search's through the Library). */
  count(bytes: number, whole: boolean): void {
    this.files.count(bytes, whole);
  }

  /** The digests known now, each with its summary. */
  digests(): KnownFile<F>[] {
    return [...this.known.values()].filter((known) => known.summary !== null);
  }

  /** New digests known from their heads only, to be read to their end (see KnownFile.fromHead). */
  headsOnly(): KnownFile<F>[] {
    return [...this.known.values()].filter((known) => known.fromHead !== undefined);
  }

  get(key: string): KnownFile<F> | undefined {
    return this.known.get(key);
  }

  /** Every file looked at, for the stored index (non-digests too, so a warm start skips them). */
  cacheEntries(): CacheEntry[] {
    // A digest known from its head only is left out, so the next window reads it.
    return [...this.known.values()].filter((known) => !known.fromHead).map((known) => ({ uri: known.key, size: known.size, mtime: known.mtime, summary: known.summary }));
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
    files.sort(newestFirst);
    const slicer = this.newSlicer();
    if (!token.isCancellationRequested) {
      await this.forgetAllBut(new Set(files.map((file) => file.key)), slicer);
    }
    const toRead = files.filter((file) => this.needsRead(file));
    const unchanged = files.length - toRead.length;
    this.listener.progress({ done: 0, total: files.length });
    await this.readAll(toRead, token, report, started, (done) => this.listener.progress({ done: unchanged + done, total: files.length }));
    // A digest still known from its head only is no longer being read (the scan was cancelled, or its read
    // failed and the host was told): its row goes rather than say "reading…" for ever; the next scan reads it.
    for (const known of this.headsOnly()) {
      this.forget(known.key);
    }
    report.cancelled = token.isCancellationRequested;
    report.ms = Date.now() - started;
    this.listener.progress(undefined);
    this.listener.changed(true);
    return report;
  }

  /**
   * Reads the head of each file not known before, where the host can read a head alone: a non-digest is
   * settled there, a digest is listed from its header (KnownFile.fromHead). Returns the files settled (not
   * to be read again by this scan): non-digests, and files the host read whole anyway (summarized at once).
   */
  private async listFromHeads(files: readonly FileStamp<F>[], token: CancellationLike, slicer: Slicer, started: number, report: ScanReport, progress: ProgressByClock): Promise<Set<string>> {
    const settled = new Set<string>();
    let listed = false;
    let shown = Date.now();
    for (const file of files) {
      if (token.isCancellationRequested) {
        break;
      }
      progress.at(settled.size); // a workspace of many notes is mostly settled here, by their heads
      if (this.known.has(file.key)) {
        continue; // a changed file keeps its row until it is read again
      }
      let read: { head: Uint8Array; whole?: Uint8Array };
      try {
        read = await this.host.readHead(file.file, HEAD_BYTES);
      } catch {
        continue; // the second pass tries it again, and says it is unreadable
      }
      slicer.restart(); // a read yielded
      if (this.known.has(file.key)) {
        continue; // a burst of the watcher's events read it meanwhile: what it found stands
      }
      if (read.whole !== undefined) {
        report.read++;
        settled.add(file.key);
        if ((await this.files.summarizeRead(file, read.whole, true)) && report.firstListedMs === undefined) {
          report.firstListedMs = Date.now() - started;
          this.listener.changed(true);
        }
        this.listener.changed(false);
        continue;
      }
      const found = looksLikeDigest(new TextDecoder().decode(read.head));
      if (!found) {
        report.read++;
        settled.add(file.key);
        this.count(read.head.byteLength, false);
        this.known.set(file.key, { ...file, summary: null, fromCache: false });
        continue;
      }
      this.count(read.head.byteLength, false);
      const { header, format } = found;
      const fromHead: DigestSummary = { kind: header.kind, format, subject: header.subject, date: header.date, dates: [header.date], articleCount: header.declaredCount, keys: [] };
      this.known.set(file.key, { ...file, summary: null, fromHead, fromCache: false });
      listed = true;
      if (Date.now() - shown > HEADS_SHOWN_AFTER_MS) {
        // A slow disk (a network mount): rows now, even if later ones come in above them.
        report.firstListedMs ??= Date.now() - started;
        shown = Date.now();
        this.listener.changed(true);
      }
      await slicer.tick();
    }
    if (listed) {
      // All at once (heads are quick: the bench's year of 730 digests is listed 0.45 s into its scan), so no row comes in above one shown.
      report.firstListedMs ??= Date.now() - started;
      this.listener.changed(true);
    }
    return settled;
  }

  /**
   * Created or changed files (a burst of the watcher's events), read one by one as before this stop's two passes:
   * with the two passes here too, the UI test of clicks while digests come in failed in half of the CI runs.
   */
  async update(files: readonly FileStamp<F>[]): Promise<void> {
    for (const file of [...files].sort(newestFirst)) {
      if (this.needsRead(file)) {
        await this.files.index(file);
        this.listener.changed(true);
      }
    }
  }

  /**
   * Reads files in two passes: every new file's head first, so each new digest is listed in its place
   * before any is read whole (rows do not move under the pointer as it reads), then each file whole.
   */
  private async readAll(files: readonly FileStamp<F>[], token: CancellationLike, report: ScanReport, started: number, progress?: (done: number) => void): Promise<void> {
    const slicer = this.newSlicer();
    const clock = new ProgressByClock(progress);
    const settled = await this.listFromHeads(files, token, slicer, started, report, clock);
    let done = settled.size; // counted by the heads pass
    for (const file of files) {
      if (token.isCancellationRequested) {
        break;
      }
      if (settled.has(file.key)) {
        continue;
      }
      clock.at(done++);
      // A burst of the watcher's events may have read it meanwhile.
      if (this.needsRead(file)) {
        report.read++;
        const summary = await this.files.index(file);
        slicer.restart(); // a read yielded
        if (summary && report.firstListedMs === undefined) {
          report.firstListedMs = Date.now() - started;
          this.listener.changed(true);
        }
        this.listener.changed(false);
      }
      await slicer.tick();
    }
  }

  /** New, changed, or known from its head only. */
  private needsRead(file: FileStamp<F>): boolean {
    const known = this.known.get(file.key);
    return !known || known.fromHead !== undefined || known.size !== file.size || known.mtime !== file.mtime;
  }

  /** A file that is no longer a candidate (deleted, excluded); says whether it was known. */
  forget(key: string): boolean {
    const known = this.known.get(key);
    if (known) {
      this.known.delete(key);
      if (known.summary) {
        this.listener.removed(known.file);
      }
      if (known.summary || known.fromHead) {
        this.listener.changed(false);
      }
    }
    return known !== undefined;
  }

  /** Deleted files, and every file under deleted folders: one pass over what is known, however many were deleted. Says how many were known. */
  forgetUnder(keys: ReadonlySet<string>): number {
    let forgotten = 0;
    if (keys.size === 0) {
      return forgotten;
    }
    for (const candidate of [...this.known.keys()]) {
      for (let end = candidate.length; end > 0; end = candidate.lastIndexOf('/', end - 1)) {
        if (keys.has(candidate.slice(0, end))) {
          forgotten += this.forget(candidate) ? 1 : 0;
          break;
        }
      }
    }
    return forgotten;
  }

  private async forgetAllBut(keep: ReadonlySet<string>, slicer: Slicer): Promise<void> {
    for (const key of [...this.known.keys()]) {
      if (!keep.has(key)) {
        this.forget(key);
      }
      await slicer.tick();
    }
  }
}
