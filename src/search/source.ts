import * as vscode from 'vscode';

/** A digest file's text as it was read. */
export interface SourceFile {
  uri: vscode.Uri;
  text: string;
}

/**
 * Where the search index takes its documents from. The Library service will
 * provides it (librarySearchSource below).
 */
export interface SearchSource {
  /** The files that may be digests, known now. */
  files(): Promise<readonly vscode.Uri[]>;
  read(uri: vscode.Uri): Promise<string>;
  /** The file's size and mtime as the source last read it; a stored index keeps it to see what changed. */
  stampOf(uri: vscode.Uri): string | undefined;
  /** A file was created or changed, and read again. */
  readonly onDidReadFile: vscode.Event<SourceFile>;
  readonly onDidRemoveFile: vscode.Event<vscode.Uri>;
}

/** What the search needs of the Library (src/library): its digests, their texts and its changes. */
export interface LibraryLike {
  entries(): readonly { readonly uri: vscode.Uri; readonly size: number; readonly mtime: number }[];
  /** Starts the Library if nothing has yet (it is lazy), and resolves when it has scanned. */
  whenScanned(): Promise<void>;
  readText(uri: vscode.Uri): Promise<string>;
  readonly onDidReadFile: vscode.Event<SourceFile>;
  readonly onDidRemoveFile: vscode.Event<vscode.Uri>;
}

/**
 * The Library as the search's source: the digests it lists now (read on first
 * search), then every file it reads while scanning or watching, and every one it drops.
 */
export function librarySearchSource(library: LibraryLike): SearchSource {
  // Every entry's stamp, made again after the Library read or dropped a file.
  let stamps: Map<string, string> | undefined;
  library.onDidReadFile(() => (stamps = undefined));
  library.onDidRemoveFile(() => (stamps = undefined));
  return {
    // After the scan (the first search starts it): a stored index is checked against every digest the Library has.
    files: async () => {
      await library.whenScanned();
      return library.entries().map((entry) => entry.uri);
    },
    stampOf: (uri) => {
      stamps ??= new Map(library.entries().map((entry) => [entry.uri.toString(), `${entry.size}:${entry.mtime}`]));
      return stamps.get(uri.toString());
    },
    read: (uri) => library.readText(uri),
    onDidReadFile: library.onDidReadFile,
    onDidRemoveFile: library.onDidRemoveFile,
  };
}
