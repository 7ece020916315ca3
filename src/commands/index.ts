import * as vscode from 'vscode';
import { arxivUrls } from '../core';
import { articleByOffset, targetOf } from '../common/articleTarget';
import type { DigestDocuments } from '../digests';
import { ArticlePanel } from '../panel';
import type { ArticlesTree } from '../tree';
import { resolveArticle, type ResolvedArticle } from './resolveArticle';
import { registerSampleProvider, sampleUri } from './sample';


interface ShowOptions {
  preserveFocus?: boolean;
}

/** The user-facing commands. Each resolves its article the same way (see resolveArticle). */
export function register(context: vscode.ExtensionContext, documents: DigestDocuments, tree: ArticlesTree): void {
  const showArticle = async (argument?: unknown, options?: ShowOptions): Promise<void> => {
    const resolved = await resolveArticle(documents, argument, 'Which article do you want to read?');
    if (resolved) {
      await show(context, documents, tree, resolved, options?.preserveFocus ?? true);
    }
  };

  const openPage = (kind: 'abs' | 'pdf') => async (argument?: unknown): Promise<string | undefined> => {
    const resolved = await resolveArticle(documents, argument, kind === 'abs' ? 'Open the arXiv page of which article?' : 'Open the PDF of which article?');
    if (!resolved) {
      return undefined;
    }
    const urls = arxivUrls(resolved.article.arxivId);
    if (!urls) {
      void vscode.window.showWarningMessage(`Article ${resolved.article.index} has no valid arXiv id, so it has no arXiv page.`);
      return undefined;
    }
    // The link-protection prompt may wait for the user; the command's answer is the URL it asked VS Code to open.
    vscode.env.openExternal(vscode.Uri.parse(urls[kind], true)).then(undefined, (error: unknown) => {
      void vscode.window.showErrorMessage(`Could not open ${urls[kind]}: ${String(error)}`);
    });
    return urls[kind];
  };

  const copyId = async (argument?: unknown): Promise<string | undefined> => {
    const resolved = await resolveArticle(documents, argument, 'Copy the arXiv id of which article?');
    const id = resolved?.article.arxivId;
    if (!resolved) {
      return undefined;
    }
    if (!id) {
      void vscode.window.showWarningMessage(`Article ${resolved.article.index} has no arXiv id.`);
      return undefined;
    }
    await vscode.env.clipboard.writeText(id);
    vscode.window.setStatusBarMessage(`Copied arXiv id ${id}`, 3000);
    return id;
  };

  const step = (offset: 1 | -1) => async (): Promise<void> => {
    const shown = ArticlePanel.current?.shownArticle;
    const from = shown ? await resolveArticle(documents, shown, '') : await resolveArticle(documents, undefined, 'From which article?');
    const next = from && articleByOffset(from.entry.digest.articles, from.article, offset);
    if (from && next) {
      await show(context, documents, tree, { entry: from.entry, article: next, target: targetOf(from.target.uri, next) }, true);
    }
  };

  const openSample = async (): Promise<void> => {
    const document = await vscode.workspace.openTextDocument(sampleUri());
    await vscode.window.showTextDocument(document, { preview: false });
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('digestReader.showArticle', showArticle),
    vscode.commands.registerCommand('digestReader.openArxivPage', openPage('abs')),
    vscode.commands.registerCommand('digestReader.openPdf', openPage('pdf')),
    vscode.commands.registerCommand('digestReader.copyId', copyId),
    vscode.commands.registerCommand('digestReader.previousArticle', step(-1)),
    vscode.commands.registerCommand('digestReader.nextArticle', step(1)),
    vscode.commands.registerCommand('digestReader.openSample', openSample),
    registerSampleProvider(context.extensionUri),
  );
}

/** Reveals the article's lines in its editor, selects it in the tree and shows it in the panel. */
async function show(
  context: vscode.ExtensionContext,
  documents: DigestDocuments,
  tree: ArticlesTree,
  { entry, article, target }: ResolvedArticle,
  preserveFocus: boolean,
): Promise<void> {
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
  tree.expectCursor(uri, article.line);
  const editor = await vscode.window.showTextDocument(document, {
    viewColumn: column,
    preserveFocus,
    preview: false,
    selection: new vscode.Range(start, start),
  });
  editor.revealRange(new vscode.Range(start, new vscode.Position(article.endLine, 0)), vscode.TextEditorRevealType.AtTop);
  ArticlePanel.createOrShow(context.extensionUri, documents, target, true);
  await tree.reveal(target);
}
