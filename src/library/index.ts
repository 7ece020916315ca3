import * as vscode from 'vscode';
import type { ReadingStore } from '../reading';
import { headReaderForHost } from './headReader';
import { Library } from './library';
import { LibraryTree } from './libraryTree';
import { showScanProgress } from './progress';

export { Library, type LibraryEntry, type ScanReport } from './library';
export { LibraryTree, LIBRARY_VIEW_ID, DigestNode, SubjectNode, type LibraryNode } from './libraryTree';

/** The Library service and its view; the scan starts at once and never holds up activation. */
export function register(context: vscode.ExtensionContext, reading: ReadingStore, output: vscode.OutputChannel): { library: Library; tree: LibraryTree } {
  const library = new Library(context.storageUri, headReaderForHost(), output);
  const tree = new LibraryTree(library, reading);
  context.subscriptions.push(
    library,
    tree,
    showScanProgress(library),
    // After a cancelled scan, or files changed where no watcher sees them (another machine, a network drive).
    vscode.commands.registerCommand('digestReader.rescanLibrary', () => library.rescan()),
  );
  library.start().then(undefined, (error: unknown) => output.appendLine(`[${new Date().toISOString()}] The Library could not scan the workspace: ${String(error)}`));
  return { library, tree };
}
