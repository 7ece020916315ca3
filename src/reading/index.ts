import * as vscode from 'vscode';
import { ReadingStore } from './readingStore';
import { exportReadingState, importReadingState } from './transfer';

export { ReadingStore, STATE_KEY, type ReadingChange } from './readingStore';
export { registerSeenIndex } from './seenStore';

/** Read state and stars: the store, and export/import. */
export function register(context: vscode.ExtensionContext, output: vscode.OutputChannel): ReadingStore {
  const store = new ReadingStore(context.globalState, output);
  context.subscriptions.push(
    store,
    vscode.commands.registerCommand('digestReader.exportReadingState', (uri?: unknown) => exportReadingState(store, uri instanceof vscode.Uri ? uri : undefined)),
    vscode.commands.registerCommand('digestReader.importReadingState', (uri?: unknown) => importReadingState(store, uri instanceof vscode.Uri ? uri : undefined)),
  );
  return store;
}
