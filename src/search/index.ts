import * as vscode from 'vscode';
import type { SearchHit } from '../core/search';
import type { ReadingStore } from '../reading';
import { SearchIndex } from './searchIndex';
import { SearchIndexStore } from './searchStore';
import { showSearchPick } from './searchPick';
import type { SearchSource } from './source';

export { librarySearchSource, type SearchSource, type SourceFile } from './source';
export { SearchIndex } from './searchIndex';

/**
 * "Digest: Search All Digests": a Quick Pick over every digest's titles,
 * authors, ids and abstracts. Picking a hit shows it as "Show Article" does
 * (editor, panel, Articles view). The command takes an optional query, which
 * pre-fills the input. Its documents come from `source` (the Library).
 */
export function register(context: vscode.ExtensionContext, reading: ReadingStore, output: vscode.OutputChannel, source: SearchSource): SearchIndex {
  const index = new SearchIndex(source, output, new SearchIndexStore(context.storageUri, output));
  const show = (hit: SearchHit) => {
    const uri = vscode.Uri.parse(hit.file, true);
    const target = hit.arxivId === undefined ? { uri, index: hit.index, line: hit.line } : { uri, index: hit.index, line: hit.line, arxivId: hit.arxivId };
    void vscode.commands.executeCommand('digestReader.showArticle', target, { preserveFocus: false });
  };
  context.subscriptions.push(
    index,
    vscode.commands.registerCommand('digestReader.searchAll', (query?: unknown) => showSearchPick(index, reading, typeof query === 'string' ? query : '', show)),
  );
  return index;
}
