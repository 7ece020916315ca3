import * as vscode from 'vscode';

/** The one place `setContext` is called: context keys for `when` clauses. */
export type ContextKey = 'digestReader.hasDigest' | 'digestReader.activeEditorIsDigest';

export function setContext(key: ContextKey, value: boolean): Thenable<unknown> {
  return vscode.commands.executeCommand('setContext', key, value);
}
