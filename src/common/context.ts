import * as vscode from 'vscode';

/** The one place `setContext` is called: context keys for `when` clauses. */
export interface ContextKeys {
  /** There is an active digest: article commands have something to act on. */
  'digestReader.hasDigest': boolean;
  /**
   * The paths of every open digest, for `resourcePath in digestReader.digestPaths`
   * in editor menus. Paths, not URIs: in a remote window the workbench knows a
   * file as `vscode-remote://…` while the extension host knows it as `file://…`.
   */
  'digestReader.digestPaths': string[];
  /** The Articles view hides read articles: its title shows "Show Read Articles". */
  'digestReader.hideRead': boolean;
  /** The Articles view's order: `digest`, or a scored order's id (`forYou`); the palette offers the others. */
  'digestReader.articlesSort': string;
  /** The Library is scanning the workspace: its welcome says so instead of "no digest found". */
  'digestReader.libraryIndexing': boolean;
  /** The Articles view sorts each date's articles by their share of new words (the title toggles it). */
  /** Known words are kept, so shares of new words can be shown and sorted by. */
  'digestReader.wordShares': boolean;
}

export function setContext<K extends keyof ContextKeys>(key: K, value: ContextKeys[K]): Thenable<unknown> {
  return vscode.commands.executeCommand('setContext', key, value);
}
