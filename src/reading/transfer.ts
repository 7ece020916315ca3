import * as vscode from 'vscode';
import { decodeReadingState } from '../core';
import type { ReadingStore } from './readingStore';

/** The save and open dialogs' file type, named in the display language. */
const filters = (): Record<string, string[]> => ({ [vscode.l10n.t('Digest Reader reading state')]: ['json'] });
const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

/** "Export Reading State…": the versioned JSON of everything read and starred, for backup, another machine or git. */
export async function exportReadingState(store: ReadingStore, given?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const target = given ?? await vscode.window.showSaveDialog({
    title: vscode.l10n.t('Export Reading State'),
    saveLabel: vscode.l10n.t('Export'),
    filters: filters(),
    defaultUri: defaultFolder() && vscode.Uri.joinPath(defaultFolder() as vscode.Uri, 'digest-reader-state.json'),
  });
  if (!target) {
    return undefined;
  }
  const data = { ...store.snapshot(), exportedAt: new Date().toISOString() };
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(`${JSON.stringify(data, null, 1)}\n`));
  const { readCount } = store.state;
  const starred = store.state.starred().length;
  void vscode.window.showInformationMessage(starred === 1
    ? vscode.l10n.t('Exported {0} read and 1 starred article to {1}.', readCount, target.path.split('/').pop() ?? vscode.l10n.t('the file'))
    : vscode.l10n.t('Exported {0} read and {1} starred articles to {2}.', readCount, starred, target.path.split('/').pop() ?? vscode.l10n.t('the file')));
  return target;
}

/** "Import Reading State…": merges a file; a file that is not valid JSON or not this format changes nothing and says why. */
export async function importReadingState(store: ReadingStore, given?: vscode.Uri): Promise<boolean> {
  const source = given ?? (await vscode.window.showOpenDialog({ title: vscode.l10n.t('Import Reading State'), openLabel: vscode.l10n.t('Import'), canSelectMany: false, filters: filters(), defaultUri: defaultFolder() }))?.[0];
  if (!source) {
    return false;
  }
  const name = source.path.split('/').pop() ?? vscode.l10n.t('The file');
  let value: unknown;
  try {
    const bytes = await vscode.workspace.fs.readFile(source);
    if (bytes.byteLength > MAX_IMPORT_BYTES) {
      throw new Error(vscode.l10n.t('it is larger than 64 MB'));
    }
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    void vscode.window.showErrorMessage(vscode.l10n.t('{0} could not be imported: it is not valid JSON ({1}). Nothing was changed.', name, error instanceof Error ? error.message : String(error)));
    return false;
  }
  const loaded = decodeReadingState(value);
  if (!loaded.recognized) {
    void vscode.window.showErrorMessage(vscode.l10n.t('{0} could not be imported: it is not a Digest Reader reading state export. Nothing was changed.', name));
    return false;
  }
  const counts = store.merge(loaded.read, loaded.starred);
  const skipped = loaded.problems.length > 0 ? ` ${vscode.l10n.t('Some entries were damaged and skipped: {0}', loaded.problems.join(' '))}` : '';
  void vscode.window.showInformationMessage(`${vscode.l10n.t('Imported {0}: {1} more read, {2} more starred.', name, counts.read, counts.starred)}${skipped}`);
  return true;
}

function defaultFolder(): vscode.Uri | undefined {
  return vscode.workspace.workspaceFolders?.[0]?.uri;
}
