/** What the Library knows of each file, and what it reports of a scan. */
import type * as vscode from 'vscode';
import type { TextPages } from '../core';
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

/** A digest the Library read whole: its text in pages; `text` joins them (a long copy for a huge digest: read `pages`). */
export interface LibraryFileRead {
  readonly uri: vscode.Uri;
  readonly pages: TextPages;
  readonly text: string;
}

export function fileRead(uri: vscode.Uri, pages: TextPages): LibraryFileRead {
  return {
    uri,
    pages,
    get text() {
      return pages.join('');
    },
  };
}
