import * as vscode from 'vscode';
import { decodeReadingState } from '../core';
import type { ReadingStore } from './readingStore';

const FILTERS = { 'Digest Reader reading state': ['json'] };
const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

/** "Export Reading State…": the versioned JSON of everything read and starred, for backup, another machine or git. */
export async function exportReadingState(store: ReadingStore, given?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const target = given ?? await vscode.window.showSaveDialog({
    title: 'Export Reading State',
    saveLabel: 'Export',
    filters: FILTERS,
    defaultUri: defaultFolder() && vscode.Uri.joinPath(defaultFolder() as vscode.Uri, 'digest-reader-state.json'),
  });
  if (!target) {
    return undefined;
  }
  const data = { ...store.snapshot(), exportedAt: new Date().toISOString() };
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(`${JSON.stringify(data, null, 1)}\n`));
  const { readCount } = store.state;
  const starred = store.state.starred().length;
  void vscode.window.showInformationMessage(`Exported ${readCount} read and ${starred} starred ${starred === 1 ? 'article' : 'articles'} to ${target.path.split('/').pop() ?? 'the file'}.`);
  return target;
}

/** "Import Reading State…": merges a file; a file that is not valid JSON or not this format changes nothing and says why. */
export async function importReadingState(store: ReadingStore, given?: vscode.Uri): Promise<boolean> {
  const source = given ?? (await vscode.window.showOpenDialog({ title: 'Import Reading State', openLabel: 'Import', canSelectMany: false, filters: FILTERS, defaultUri: defaultFolder() }))?.[0];
  if (!source) {
    return false;
  }
  const name = source.path.split('/').pop() ?? 'The file';
  let value: unknown;
  try {
    const bytes = await vscode.workspace.fs.readFile(source);
    if (bytes.byteLength > MAX_IMPORT_BYTES) {
      throw new Error('it is larger than 64 MB');
    }
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    void vscode.window.showErrorMessage(`${name} could not be imported: it is not valid JSON (${error instanceof Error ? error.message : String(error)}). Nothing was changed.`);
    return false;
  }
  const loaded = decodeReadingState(value);
  if (!loaded.recognized) {
    void vscode.window.showErrorMessage(`${name} could not be imported: it is not a Digest Reader reading state export. Nothing was changed.`);
    return false;
  }
  const counts = store.merge(loaded.read, loaded.starred);
  const skipped = loaded.problems.length > 0 ? ` Some entries were damaged and skipped: ${loaded.problems.join(' ')}` : '';
  void vscode.window.showInformationMessage(`Imported ${name}: ${counts.read} more read, ${counts.starred} more starred.${skipped}`);
  return true;
}

function defaultFolder(): vscode.Uri | undefined {
  return vscode.workspace.workspaceFolders?.[0]?.uri;
}
