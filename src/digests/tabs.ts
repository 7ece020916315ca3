import * as vscode from 'vscode';

/** True while a tab in any group shows the document (its URI as a string). */
export function openInTab(key: string): boolean {
  return vscode.window.tabGroups.all.some((group) =>
    group.tabs.some((tab) => {
      const input = tab.input;
      if (input instanceof vscode.TabInputText) {
        return input.uri.toString() === key;
      }
      return input instanceof vscode.TabInputTextDiff && input.modified.toString() === key;
    }),
  );
}
