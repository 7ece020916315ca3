import * as vscode from 'vscode';
import { parseDigest, type Digest } from '../core';
import type { DigestDocuments } from '../digests';
import type { ReadingStore } from '../reading';
import { headReaderForHost } from './headReader';
import { Library } from './library';
import { LibraryTree, OPEN_FROM_LIBRARY } from './libraryTree';
import { showScanProgress } from './progress';

export { Library, type LibraryEntry, type ReadCount, type ScanReport } from './library';
export { LibraryTree, LIBRARY_VIEW_ID, DigestNode, SubjectNode, type LibraryNode } from './libraryTree';

/** A digest clicked in the Library opens its editor once the Articles view has its rows, or after this long. */
const ROWS_FIRST_MS = 400;

/** After a digest opens, the Library waits this long: the reader's first look at the digest comes first. */
const AFTER_DIGEST_OPENED_MS = 1_000;

/**
 * The Library service and its view. Lazy: activation reads nothing; the
 * Library is scanned when its view is shown, a digest is opened, a search
 * needs it, or Rescan Library is run, and is kept live by the watcher after.
 * A workspace that has nothing to do with digests is never read.
 */
export function register(context: vscode.ExtensionContext, reading: ReadingStore, documents: DigestDocuments, output: vscode.OutputChannel, articles: { whenRowsDrawn(ms: number): Promise<void> }): { library: Library; tree: LibraryTree } {
  const library = new Library(context.storageUri, headReaderForHost(), output);
  const tree = new LibraryTree(library, reading);
  const scan = () => {
    if (!library.started) {
      library.whenScanned().then(undefined, (error: unknown) => output.appendLine(`[${new Date().toISOString()}] The Library could not scan the workspace: ${String(error)}`));
    }
  };
  let digestTimer: ReturnType<typeof setTimeout> | undefined;
  const digestOpened = () => {
    if (!library.started && digestTimer === undefined) {
      digestTimer = setTimeout(scan, AFTER_DIGEST_OPENED_MS);
    }
  };
  context.subscriptions.push(
    library,
    tree,
    showScanProgress(library),
    // After a cancelled scan, or files changed where no watcher sees them (another machine, a network drive).
    vscode.commands.registerCommand('digestReader.rescanLibrary', () => library.rescan()),
    // From a row (no arguments: the row its click selected), or with the digest's Uri.
    vscode.commands.registerCommand(OPEN_FROM_LIBRARY, async (given: unknown) => {
      const uri = given instanceof vscode.Uri ? given : await tree.clickedDigest();
      return uri && documents.openInEditor(uri, { preview: false }, () => articles.whenRowsDrawn(ROWS_FIRST_MS));
    }),
    tree.view.onDidChangeVisibility((event) => event.visible && scan()),
    documents.onDidChangeDigest(digestOpened),
    { dispose: () => clearTimeout(digestTimer) },
  );
  // A star synced from another machine has no text here: the first digest of the Library that lists it gives it.
  reading.setDigestsListing(async (keys) => {
    const digests: Digest[] = [];
    for (const uri of library.filesListing(keys)) {
      const pages = await library.readPages(uri).then((read) => read, () => undefined);
      if (pages) {
        digests.push(parseDigest(pages));
      }
    }
    return digests;
  });
  if (tree.view.visible) {
    scan();
  } else if (documents.all().length > 0) {
    digestOpened();
  }
  return { library, tree };
}
