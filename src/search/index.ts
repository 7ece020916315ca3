import * as vscode from 'vscode';
import type { SearchHit } from '../core/search';
import type { ReadingStore } from '../reading';
import { SearchIndex } from './searchIndex';
import { showSearchPick } from './searchPick';
import { WorkspaceSearchSource, type SearchSource } from './source';

export type { SearchSource, SourceFile } from './source';
export { SearchIndex } from './searchIndex';

/**
 * "Digest: Search All Digests": a Quick Pick over every digest's titles,
 * authors, ids and abstracts. Picking a hit shows it as "Show Article" does
 * (editor, panel, Articles view). The command takes an optional query, which
 * pre-fills the input. `source` defaults to the provisional workspace scan.
 */
export function register(context: vscode.ExtensionContext, reading: ReadingStore, output: vscode.OutputChannel, source?: SearchSource): SearchIndex {
  let documents = source;
  if (!documents) {
    const workspace = new WorkspaceSearchSource();
    context.subscriptions.push(workspace);
    documents = workspace;
  }
  const index = new SearchIndex(documents, output);
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
