import * as vscode from 'vscode';
import type { DigestDocuments } from '../digests';
import type { Store } from '../store';
import { ReadingStore } from './readingStore';
import { exportReadingState, importReadingState } from './transfer';

export { ReadingStore, STATE_KEY, type ReadingChange } from './readingStore';
export { LibraryAlsoIn, type AlsoIn } from './alsoIn';

/** Read state and stars: the store, the stars' display text kept current from digests, and export/import. */
export function register(context: vscode.ExtensionContext, store: Store, documents: DigestDocuments): ReadingStore {
  const reading = new ReadingStore(store, () => documents.all().map((entry) => entry.digest));
  context.subscriptions.push(
    reading,
    documents.onDidChangeDigest(({ digest }) => reading.refill(digest)),
    vscode.commands.registerCommand('digestReader.exportReadingState', (uri?: unknown) => exportReadingState(reading, uri instanceof vscode.Uri ? uri : undefined)),
    vscode.commands.registerCommand('digestReader.importReadingState', (uri?: unknown) => importReadingState(reading, uri instanceof vscode.Uri ? uri : undefined)),
  );
  return reading;
}
