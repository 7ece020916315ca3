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
  /** A file was created or changed, and read again. */
  readonly onDidReadFile: vscode.Event<SourceFile>;
  readonly onDidRemoveFile: vscode.Event<vscode.Uri>;
}

/** What the search needs of the Library (src/library): its digests, their texts and its changes. */
export interface LibraryLike {
  entries(): readonly { readonly uri: vscode.Uri }[];
  readText(uri: vscode.Uri): Promise<string>;
  readonly onDidReadFile: vscode.Event<SourceFile>;
  readonly onDidRemoveFile: vscode.Event<vscode.Uri>;
}

/**
 * The Library as the search's source: the digests it lists now (read on first
 * search), then every file it reads while scanning or watching, and every one it drops.
 */
export function librarySearchSource(library: LibraryLike): SearchSource {
  return {
    files: async () => library.entries().map((entry) => entry.uri),
    read: (uri) => library.readText(uri),
    onDidReadFile: library.onDidReadFile,
    onDidRemoveFile: library.onDidRemoveFile,
  };
}
