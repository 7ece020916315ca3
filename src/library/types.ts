/** What the Library knows of each file, and what it reports of a scan. */
import type * as vscode from 'vscode';
import type { DigestSummary } from '../core/library';

export type { ReadCount, ScanProgress, ScanReport } from '../core/library';

/** A digest file of the workspace and what it holds. */
export interface LibraryEntry {
  readonly uri: vscode.Uri;
  readonly size: number;
  readonly mtime: number;
  readonly summary: DigestSummary;
  /** From the stored index: not read in this session. */
  readonly fromCache: boolean;
  /** Listed from its header alone while the first scan reads it: no keys yet, its count is the header's. */
  readonly headOnly?: boolean;
}
