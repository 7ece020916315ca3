/** What the Library's scan and its host say to each other (see LibraryScanner). */
import type { TextPages } from '../digest/pages';
import type { DigestSummary } from './summary';

/** A candidate file as the host listed it. */
export interface FileStamp<F> {
  file: F;
  /** The file's identity (its URI as a string). */
  key: string;
  size: number;
  mtime: number;
}

/** What the scan knows of one file; `summary` null when it is no digest (or not read to its end yet). */
export interface KnownFile<F> extends FileStamp<F> {
  summary: DigestSummary | null;
  /**
   * A new digest whose head alone is read: its subject, date and declared count, no keys.
   * The first scan lists every new digest from its head before it reads any whole file,
   * so each row appears in its place at once and none moves under the user's pointer.
   */
  fromHead?: DigestSummary;
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
