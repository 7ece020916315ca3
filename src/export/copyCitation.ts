/** Digest: Copy Citation — the current article as formatted text in APA or the style the user names. */
import * as vscode from 'vscode';
import { citedArticle } from '../commands/cite';
import { indexOf, resolveArticle, type ResolveContext } from '../commands/resolveArticle';

const STYLE_SETTING = 'citationStyle';

type CitationFormat = typeof import('../core/citationFormat');

/** citation-js and citeproc are most of the bundle: loaded (evaluated) on the first citation, not at activation. */
let loaded: Promise<CitationFormat> | undefined;
function citationFormat(): Promise<CitationFormat> {
  loaded ??= import('../core/citationFormat');
  return loaded;
}

/** Styles whose citeproc engine is built: the first citation in a style takes seconds, the next ones milliseconds. */
const warmStyles = new Set<string>();

/** The setting's style: a built-in name, or a workspace-relative path to a `.csl` file (read through workspace.fs). */
async function resolveStyle(format: CitationFormat, setting: string): Promise<string> {
  const name = setting.trim() || format.DEFAULT_STYLE;
  if (!/\.csl$/i.test(name)) {
    if (!format.isBuiltInStyle(name)) {
      throw new Error(`unknown citation style '${name}': use ${format.builtInStyles().join(', ')}, or the path of a .csl file in the workspace`);
    }
    return name;
  }
  const folders = vscode.workspace.workspaceFolders ?? [];
  const segments = name.split(/[\\/]/).filter((s) => s !== '' && s !== '.');
  if (folders.length === 0 || segments.includes('..')) {
    throw new Error(`the style file ${name} must be a path inside the workspace`);
  }
  for (const folder of folders) {
    const uri = vscode.Uri.joinPath(folder.uri, ...segments);
    const bytes = await vscode.workspace.fs.readFile(uri).then((b) => b, () => undefined);
    if (bytes) {
      return format.registerStyle(new TextDecoder().decode(bytes));
    }
  }
  throw new Error(`no style file ${name} in the workspace`);
}

/** The command's answer is the citation it copied (tests, automation). */
export function registerCopyCitation(context: vscode.ExtensionContext, resolving: ResolveContext): void {
  const copyCitation = async (argument?: unknown): Promise<string | undefined> => {
    const resolved = await resolveArticle(resolving, argument, 'Copy the citation of which article?');
    if (!resolved) {
      return undefined;
    }
    const setting = vscode.workspace.getConfiguration('digestReader').get<string>(STYLE_SETTING, 'apa');
    try {
      const format = await citationFormat();
      const style = await resolveStyle(format, setting);
      const cite = () => format.formatCitation(citedArticle(resolved), style);
      const citation = warmStyles.has(style)
        ? cite()
        : await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Preparing the citation style…' }, async () => {
          // Let the notification show: building citeproc's engine for a style runs for a few seconds without a break.
          await new Promise((resolve) => setTimeout(resolve, 50));
          return cite();
        });
      warmStyles.add(style);
      if (citation === undefined) {
        void vscode.window.showWarningMessage(`Article ${indexOf(resolved)} has no arXiv id, so there is no citation to copy.`);
        return undefined;
      }
      await vscode.env.clipboard.writeText(citation);
      vscode.window.setStatusBarMessage('Copied the citation', 3000);
      return citation;
    } catch (error) {
      void vscode.window.showErrorMessage(`Could not format the citation: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  };
  context.subscriptions.push(vscode.commands.registerCommand('digestReader.copyCitation', copyCitation));
}
