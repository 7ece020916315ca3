import * as vscode from 'vscode';
import type { SearchHit } from '../core/search';
import type { ReadingStore } from '../reading';
import { SearchIndex } from './searchIndex';
import { SegmentStore } from './segmentStore';
import { showSearchPick } from './searchPick';
import type { SearchSource } from './source';

export { librarySearchSource, type SearchSource, type SourceFile } from './source';
export { SearchIndex } from './searchIndex';
export { searchRows, type SearchRow } from './searchPick';

/**
 * "Digest: Search All Digests": a Quick Pick over every digest's titles,
 * authors, ids and abstracts, one row per paper. Picking a row shows it as
 * "Show Article" does (editor, panel, Articles view). The command takes an
 * optional query, which pre-fills the input. Its documents come from
 * `source` (the Library); nothing is loaded before the first search, or
 * before `libraryView` (when given) is shown.
 */
export function register(context: vscode.ExtensionContext, reading: ReadingStore, output: vscode.OutputChannel, source: SearchSource, libraryView?: vscode.TreeView<unknown>): SearchIndex {
  const index = new SearchIndex(source, output, new SegmentStore(context.storageUri, output));
  const show = (hit: SearchHit) => {
    const uri = vscode.Uri.parse(hit.file, true);
    const target = hit.arxivId === undefined ? { uri, index: hit.index, line: hit.line } : { uri, index: hit.index, line: hit.line, arxivId: hit.arxivId };
    void vscode.commands.executeCommand('digestReader.showArticle', target, { preserveFocus: false });
  };
  // The Library view open: the index is brought up to date in the background, so the first search answers at once.
  const warm = new vscode.CancellationTokenSource();
  const warmUp = () => void index.build(() => undefined, warm.token);
  if (libraryView) {
    context.subscriptions.push(libraryView.onDidChangeVisibility((event) => event.visible && !index.complete && warmUp()));
    if (libraryView.visible) {
      warmUp();
    }
  }
  context.subscriptions.push(
    { dispose: () => warm.cancel() },
    warm,
    index,
    vscode.commands.registerCommand('digestReader.searchAll', (query?: unknown) => showSearchPick(index, reading, typeof query === 'string' ? query : '', show)),
  );
  return index;
}
