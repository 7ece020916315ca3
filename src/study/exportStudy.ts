/** Export Study List for Anki (TSV) and as CSV: a save dialog, or a given `{ target }`; UTF-8 through workspace.fs. */
import * as vscode from 'vscode';
import { ankiTsv, studyCsv } from '../core/study';
import type { DigestDocuments } from '../digests';
import { isDigest } from '../export/writeExport';
import type { StudyListStore } from './studyListStore';

export type StudyExportFormat = 'anki' | 'csv';

export interface StudyExportResult {
  target: vscode.Uri;
  count: number;
}

const DEFAULT_DECK = 'Digest Reader';

function targetOf(value: unknown): vscode.Uri | undefined {
  const target = typeof value === 'object' && value !== null ? (value as { target?: unknown }).target : undefined;
  return target instanceof vscode.Uri ? target : undefined;
}

async function askTarget(format: StudyExportFormat): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const fileName = format === 'anki' ? 'digest-reader-study.tsv' : 'digest-reader-study.csv';
  return vscode.window.showSaveDialog({
    defaultUri: folder ? vscode.Uri.joinPath(folder, fileName) : undefined,
    filters: format === 'anki' ? { [vscode.l10n.t('Anki text file')]: ['tsv', 'txt'] } : { CSV: ['csv'] },
    saveLabel: vscode.l10n.t('Export'),
    title: format === 'anki' ? vscode.l10n.t('Export Study List for Anki') : vscode.l10n.t('Export Study List as CSV'),
  });
}

/** Writes the whole list; undefined when it is empty, the user cancels, or the target is a digest. */
export async function exportStudyList(store: StudyListStore, documents: DigestDocuments, format: StudyExportFormat, argument?: unknown): Promise<StudyExportResult | undefined> {
  const entries = store.entries();
  if (entries.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('The study list is empty: there is nothing to export.'));
    return undefined;
  }
  const target = targetOf(argument) ?? (await askTarget(format));
  if (!target) {
    return undefined;
  }
  if (await isDigest(documents, target)) {
    void vscode.window.showErrorMessage(vscode.l10n.t('That file is a digest: the reader never writes to a digest. Choose another file.'));
    return undefined;
  }
  const deck = vscode.workspace.getConfiguration('digestReader').get<string>('study.ankiDeck', DEFAULT_DECK);
  const text = format === 'anki' ? ankiTsv(entries, { deck: typeof deck === 'string' ? deck : DEFAULT_DECK }) : studyCsv(entries);
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  vscode.window.setStatusBarMessage(vscode.l10n.t('Exported {0} study entries', entries.length), 5000);
  return { target, count: entries.length };
}
