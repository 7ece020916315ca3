import * as vscode from 'vscode';
import { ArticlePanel } from '../panel';
import { resolvedDocument, resolvedStar, type Origin, type ResolveContext, type ResolvedArticle } from './resolveArticle';
import type { CommandServices } from './services';

/** How commands find "the current article": trees' selections, the panel, the editor. */
export function resolveContext(services: CommandServices): ResolveContext {
  return {
    documents: services.documents,
    reading: services.reading,
    treeSelection: () => {
      const selected = services.tree.selection.selectedArticle;
      return selected && resolvedDocument(selected.entry, selected.article);
    },
    starredSelection: () => {
      const selected = services.starred.selected;
      return selected && resolvedStar(selected.star);
    },
  };
}

/**
 * Shows an article: its lines in the editor (digest articles), its row in
 * its view, and the article in the panel. Focus stays where the user is:
 * keys pressed in a view keep that view focused.
 *
 * `how.preserveFocus`: the editor does not take the focus (an `origin` never gives it).
 * `how.origin`: the view whose key or row asked, which keeps the focus.
 * `how.rowClicked`: the user's click on its row asked for it. That click selected
 * the row, so nothing is revealed: a reveal could only come after the user's
 * next click (the host is busy opening the editor meanwhile) and take the
 * selection back from it, the panel showing one row and the view another.
 */
export interface ShowHow {
  readonly preserveFocus: boolean;
  readonly origin?: Origin;
  readonly rowClicked?: boolean;
}

export async function showResolved(services: CommandServices, resolved: ResolvedArticle, how: ShowHow): Promise<void> {
  const { preserveFocus, origin, rowClicked = false } = how;
  if (resolved.kind === 'starred') {
    ArticlePanel.createOrShow(services.panel, resolved.target, true);
    if (!rowClicked) {
      await services.starred.reveal(resolved.key, origin === 'starred');
    }
    return;
  }
  const { entry, article, target } = resolved;
  // Taken before anything is awaited: a row the user selects meanwhile (a second quick click) keeps the selection.
  const selectionEpoch = services.tree.selection.epoch;
  if (!rowClicked) {
    services.tree.selection.willShow(target, selectionEpoch);
  }
  const uri = entry.document.uri;
  const visible = vscode.window.visibleTextEditors.find((editor) => editor.document.uri.toString() === uri.toString());
  // Editor and panel side by side: never put the digest over the panel in its own group.
  const panelColumn = ArticlePanel.current?.viewColumn;
  let column = visible?.viewColumn ?? vscode.ViewColumn.One;
  if (panelColumn !== undefined && column === panelColumn) {
    column = panelColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One;
  }
  const start = new vscode.Position(article.line, 0);
  const document = entry.document.isClosed ? await vscode.workspace.openTextDocument(uri) : entry.document;
  services.tree.selection.expectCursor(uri, article.line);
  const editor = await vscode.window.showTextDocument(document, {
    viewColumn: column,
    preserveFocus: preserveFocus || origin !== undefined,
    preview: false,
    selection: new vscode.Range(start, start),
  });
  editor.revealRange(new vscode.Range(start, new vscode.Position(article.endLine, 0)), vscode.TextEditorRevealType.AtTop);
  ArticlePanel.createOrShow(services.panel, target, true);
  if (!rowClicked) {
    await services.tree.selection.reveal(target, origin === 'tree', selectionEpoch);
  }
}
