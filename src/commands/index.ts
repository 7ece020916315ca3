import * as vscode from 'vscode';
import { arxivUrls } from '../core';
import { registerCite } from './cite';
import { arxivIdOf, indexOf, originOf, resolveArticle } from './resolveArticle';
import { registerSampleProvider, sampleUri } from './sample';
import type { CommandServices } from './services';
import { resolveContext, showResolved } from './show';
import { registerTriage } from './triage';
import { SHOW_CLICKED_ARTICLE } from '../tree';
import { SHOW_CLICKED_STAR } from '../starred';

export type { CommandServices } from './services';

interface ShowOptions {
  preserveFocus?: boolean;
}

/** The user-facing commands. Each resolves its article the same way (see resolveArticle). */
export function register(services: CommandServices): void {
  const { context } = services;
  const resolving = resolveContext(services);

  const show = async (argument: unknown, how: { preserveFocus: boolean; rowClicked: boolean }): Promise<void> => {
    const resolved = await resolveArticle(resolving, argument, vscode.l10n.t('Which article do you want to read?'));
    if (resolved) {
      await showResolved(services, resolved, { ...how, origin: originOf(argument) });
    }
  };
  // A command's own arguments: nobody can pass `rowClicked` from outside.
  const showArticle = (argument?: unknown, options?: ShowOptions): Promise<void> => show(argument, { preserveFocus: options?.preserveFocus ?? true, rowClicked: false });
  const showClicked = (target: unknown): Promise<void> => show(target, { preserveFocus: true, rowClicked: true });

  const openPage = (kind: 'abs' | 'pdf') => async (argument?: unknown): Promise<string | undefined> => {
    const resolved = await resolveArticle(resolving, argument, kind === 'abs' ? vscode.l10n.t('Open the arXiv page of which article?') : vscode.l10n.t('Open the PDF of which article?'));
    if (!resolved) {
      return undefined;
    }
    const urls = arxivUrls(arxivIdOf(resolved));
    if (!urls) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Article {0} has no valid arXiv id, so it has no arXiv page.', indexOf(resolved)));
      return undefined;
    }
    // The link-protection prompt may wait for the user; the command's answer is the URL it asked VS Code to open.
    vscode.env.openExternal(vscode.Uri.parse(urls[kind], true)).then(undefined, (error: unknown) => {
      void vscode.window.showErrorMessage(vscode.l10n.t('Could not open {0}: {1}', urls[kind], String(error)));
    });
    return urls[kind];
  };

  const copyId = async (argument?: unknown): Promise<string | undefined> => {
    const resolved = await resolveArticle(resolving, argument, vscode.l10n.t('Copy the arXiv id of which article?'));
    if (!resolved) {
      return undefined;
    }
    const id = arxivIdOf(resolved);
    if (!id) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Article {0} has no arXiv id.', indexOf(resolved)));
      return undefined;
    }
    await vscode.env.clipboard.writeText(id);
    vscode.window.setStatusBarMessage(vscode.l10n.t('Copied arXiv id {0}', id), 3000);
    return id;
  };

  const openSample = async (): Promise<void> => {
    const document = await vscode.workspace.openTextDocument(sampleUri());
    await vscode.window.showTextDocument(document, { preview: false });
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('digestReader.showArticle', showArticle),
    // Row clicks: the row the click selected (their commands carry no arguments, see ClickedRow).
    vscode.commands.registerCommand(SHOW_CLICKED_ARTICLE, async () => {
      const target = await services.tree.selection.clickedArticle();
      return target && showClicked(target);
    }),
    vscode.commands.registerCommand(SHOW_CLICKED_STAR, async () => {
      const target = await services.starred.clickedStar();
      return target && showClicked(target);
    }),
    vscode.commands.registerCommand('digestReader.openArxivPage', openPage('abs')),
    vscode.commands.registerCommand('digestReader.openPdf', openPage('pdf')),
    vscode.commands.registerCommand('digestReader.copyId', copyId),
    vscode.commands.registerCommand('digestReader.openSample', openSample),
    registerSampleProvider(context.extensionUri),
  );
  registerTriage(services, resolving);
  registerCite(context, resolving);
}
