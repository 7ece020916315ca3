import * as vscode from 'vscode';

/** The one place `setContext` is called: context keys for `when` clauses. */
export interface ContextKeys {
  /** There is an active digest: article commands have something to act on. */
  'digestReader.hasDigest': boolean;
  /** The URIs (as strings) of every open digest, for `resource in digestReader.digestResources` in editor menus. */
  'digestReader.digestResources': string[];
  /** The Articles view hides read articles: its title shows "Show Read Articles". */
  'digestReader.hideRead': boolean;
}

export function setContext<K extends keyof ContextKeys>(key: K, value: ContextKeys[K]): Thenable<unknown> {
  return vscode.commands.executeCommand('setContext', key, value);
}
