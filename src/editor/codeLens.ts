import * as vscode from 'vscode';
import { articleKey } from '../core';
import { targetOf } from '../common/articleTarget';
import type { DigestDocuments } from '../digests';
import type { ReadingStore } from '../reading';

export const CODE_LENS_SETTING = 'codeLens';

/**
 * Above each `Article N` line: Open arXiv page · PDF · Star (or Unstar) · Copy BibTeX,
 * each passing the article's target as a tree row does. Built from the
 * document's current parse; asked again when a parse, the reading state or
 * the setting `digestReader.codeLens` changes.
 */
export function registerCodeLens(selector: vscode.DocumentSelector, documents: DigestDocuments, reading: ReadingStore): vscode.Disposable {
  const changed = new vscode.EventEmitter<void>();
  const provider: vscode.CodeLensProvider = {
    onDidChangeCodeLenses: changed.event,
    provideCodeLenses(document) {
      if (!vscode.workspace.getConfiguration('digestReader').get<boolean>(CODE_LENS_SETTING, true)) {
        return [];
      }
      const entry = documents.current(document);
      if (!entry) {
        return [];
      }
      const lenses: vscode.CodeLens[] = [];
      for (const article of entry.digest.articles) {
        if (article.line >= document.lineCount) {
          continue;
        }
        const range = document.lineAt(article.line).range;
        const target = targetOf(document.uri, article);
        const lens = (title: string, command: string, tooltip: string) => new vscode.CodeLens(range, { title, command, tooltip, arguments: [target] });
        const starred = reading.state.isStarred(articleKey(entry.digest, article));
        if (article.arxivId) {
          lenses.push(lens(vscode.l10n.t('Open arXiv page'), 'digestReader.openArxivPage', vscode.l10n.t('Open the arXiv page of article {0}', article.index)));
          lenses.push(lens(vscode.l10n.t('PDF'), 'digestReader.openPdf', vscode.l10n.t('Open the PDF of article {0}', article.index)));
        }
        lenses.push(starred
          ? lens(vscode.l10n.t('Unstar'), 'digestReader.unstar', vscode.l10n.t('Unstar article {0}', article.index))
          : lens(vscode.l10n.t('Star'), 'digestReader.star', vscode.l10n.t('Star article {0}', article.index)));
        if (article.arxivId) {
          lenses.push(lens(vscode.l10n.t('Copy BibTeX'), 'digestReader.copyBibtex', vscode.l10n.t('Copy a BibTeX entry for article {0}', article.index)));
        }
      }
      return lenses;
    },
  };
  return vscode.Disposable.from(
    changed,
    documents.onDidChangeDigest(() => changed.fire()),
    reading.onDidChange(() => changed.fire()),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(`digestReader.${CODE_LENS_SETTING}`)) {
        changed.fire();
      }
    }),
    vscode.languages.registerCodeLensProvider(selector, provider),
  );
}
