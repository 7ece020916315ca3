/**
 * Reading one file for the Library's scan: its head first, the rest only
 * when it is a digest, decoded and summarized in slices; each version of a
 * file read once even when the scan and a watcher burst ask at the same
 * moment; and what was read, counted.
 */
import { decodePages, type TextPages } from '../digest/pages';
import type { Slicer } from './slicer';
import { HEAD_BYTES, looksLikeDigest, summarizeDigestSteps, type DigestSummary } from './summary';
import type { FileStamp, KnownFile, ReadCount, ScanHost, ScanListener } from './scanTypes';

export class FileReads<F> {
  private readonly inFlight = new Map<string, Promise<DigestSummary | undefined>>();
  readonly reads: ReadCount = { files: 0, bytes: 0, wholeFiles: 0 };

  constructor(
    private readonly host: ScanHost<F>,
    private readonly listener: ScanListener<F>,
    /** The scan's record of every file, which a read updates. */
    private readonly known: Map<string, KnownFile<F>>,
    private readonly newSlicer: () => Slicer,
  ) {}

  /** Reads one file once, even when a scan and a watcher event ask for it at the same moment. */
  index(file: FileStamp<F>): Promise<DigestSummary | undefined> {
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
    let bytes: Uint8Array;
    let readWhole: boolean;
    const known = this.known.get(file.key);
    try {
      if (known?.fromHead && known.size === file.size && known.mtime === file.mtime) {
        // Its head, read by this scan, said it is a digest.
        bytes = await this.host.readWhole(file.file);
        readWhole = true;
      } else {
        const { head, whole } = await this.host.readHead(file.file, HEAD_BYTES);
        const isDigest = looksLikeDigest(new TextDecoder().decode(head)) !== undefined;
        bytes = isDigest ? whole ?? (await this.host.readWhole(file.file)) : whole ?? head;
        readWhole = whole !== undefined || isDigest;
      }
    } catch {
      // Not read: the file keeps what was known of it (if anything), so its stamp does not match and it is read again.
      this.listener.unreadable(file.file);
      return this.known.get(file.key)?.summary ?? undefined;
    }
    return this.summarizeRead(file, bytes, readWhole);
  }

  /** Records what a file's bytes hold (the whole file, or its head when it is no digest). */
  async summarizeRead(file: FileStamp<F>, bytes: Uint8Array, readWhole: boolean): Promise<DigestSummary | undefined> {
    let summary: DigestSummary | null = null;
    let text: TextPages | undefined;
    const isDigest = readWhole && looksLikeDigest(new TextDecoder().decode(bytes.subarray(0, HEAD_BYTES))) !== undefined;
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
