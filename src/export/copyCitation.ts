/** Digest: Copy Citation — the current article as formatted text in APA or the style the user names. */
import * as vscode from 'vscode';
import { citedArticle } from '../commands/cite';
import { indexOf, resolveArticle, type ResolveContext } from '../commands/resolveArticle';
import { CitationClient } from './citationClient';
import type { CitationRequest } from './worker/protocol';

const STYLE_SETTING = 'citationStyle';

/**
 * The setting's style: a built-in name (checked by the worker), or a
 * workspace-relative path to a `.csl` file, read through workspace.fs.
 */
async function resolveStyle(setting: string): Promise<CitationRequest['style']> {
  const name = setting.trim() || 'apa';
  if (!/\.csl$/i.test(name)) {
    return { name };
  }
  const folders = vscode.workspace.workspaceFolders ?? [];
  const segments = name.split(/[\\/]/).filter((s) => s !== '' && s !== '.');
  if (folders.length === 0 || segments.includes('..')) {
    throw new Error(`the style file ${name} must be a path inside the workspace`);
  }
  for (const folder of folders) {
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder.uri, ...segments)).then((b) => b, () => undefined);
    if (bytes) {
      return { xml: new TextDecoder().decode(bytes) };
    }
  }
  throw new Error(`no style file ${name} in the workspace`);
}

/** The command's answer is the citation it copied (tests, automation). */
export function registerCopyCitation(context: vscode.ExtensionContext, resolving: ResolveContext): void {
  const client = new CitationClient(context.extensionUri);
  const copyCitation = async (argument?: unknown): Promise<string | undefined> => {
    const resolved = await resolveArticle(resolving, argument, vscode.l10n.t('Copy the citation of which article?'));
    if (!resolved) {
      return undefined;
    }
    const setting = vscode.workspace.getConfiguration('digestReader').get<string>(STYLE_SETTING, 'apa');
    try {
      const style = await resolveStyle(setting);
      // The first citation in a style takes seconds (citeproc builds its engine), the next ones milliseconds.
      const citation = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Formatting the citation…'), cancellable: true },
        (_progress, token) => client.format(citedArticle(resolved), style, token),
      );
      if (citation === undefined) {
        void vscode.window.showWarningMessage(vscode.l10n.t('Article {0} has no arXiv id, so there is no citation to copy.', indexOf(resolved)));
        return undefined;
      }
      await vscode.env.clipboard.writeText(citation);
      vscode.window.setStatusBarMessage(vscode.l10n.t('Copied the citation'), 3000);
      return citation;
    } catch (error) {
      if (!(error instanceof vscode.CancellationError)) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Could not format the citation: {0}', error instanceof Error ? error.message : String(error)));
      }
      return undefined;
    }
  };
  context.subscriptions.push(client, vscode.commands.registerCommand('digestReader.copyCitation', copyCitation));
}
