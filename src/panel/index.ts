import * as vscode from 'vscode';
import { articleForLine } from '../core';
import { targetOf } from '../common/articleTarget';
import { isPanelState } from '../common/messages';
import { followCursorEnabled } from '../tree';
import { ARTICLE_VIEW_TYPE, ArticlePanel } from './articlePanel';
import type { PanelServices } from './panelContent';

export { ArticlePanel } from './articlePanel';
export { isStarredTarget, type ExerciseNotes, type PanelServices, type PanelTarget } from './panelContent';

export function register(context: vscode.ExtensionContext, services: PanelServices): void {
  const { documents } = services;
  context.subscriptions.push(
    vscode.window.registerWebviewPanelSerializer(ARTICLE_VIEW_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown) {
        ArticlePanel.revive(panel, services, isPanelState(state) ? state : undefined);
      },
    }),
    { dispose: () => ArticlePanel.current?.dispose() },
    // An open panel shows the article under the cursor; it is never opened by moving the cursor, and a
    // stray click is no reading: the article is not marked read (unless the cursor dwells, see follow).
    vscode.window.onDidChangeTextEditorSelection((event) => {
      const panel = ArticlePanel.current;
      if (!panel || !documents.isDigest(event.textEditor.document) || !followCursorEnabled()) {
        return;
      }
      // The current version: right after an edit the last parse's lines are off by the edit.
      const entry = documents.current(event.textEditor.document);
      const article = entry && articleForLine(entry.digest, event.selections[0].active.line);
      if (entry && article) {
        panel.follow(targetOf(entry.document.uri, article));
      }
    }),
  );
}
