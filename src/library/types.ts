/** What the Library knows of each file, and what it reports of a scan. */
import type * as vscode from 'vscode';
import type { DigestSummary } from '../core/library';

/** A digest file of the workspace and what it holds. */
export interface LibraryEntry {
  readonly uri: vscode.Uri;
  readonly size: number;
  readonly mtime: number;
  readonly summary: DigestSummary;
  /** From the stored index: not read in this session. */
  readonly fromCache: boolean;
}

/** Every candidate file looked at; `summary` null when it is no digest. */
export interface Known {
  uri: vscode.Uri;
  size: number;
  mtime: number;
  summary: DigestSummary | null;
  fromCache: boolean;
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

export interface ScanProgress {
  done: number;
  total: number;
}
