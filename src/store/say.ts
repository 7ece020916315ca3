import type * as vscode from 'vscode';

/**
 * A line for the output channel that never throws: a write that fails while
 * the window closes (its channel already gone) has no one to tell, and the
 * next start merges everything back from the synced values and this
 * machine's copy.
 */
export function sayTo(output: vscode.OutputChannel): (line: string) => void {
  return (line) => {
    try {
      output.appendLine(line);
    } catch {
      // The window is closing.
    }
  };
}
