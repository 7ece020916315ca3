/** Citations and exports: Copy Citation, Export to BibTeX…, Export Reading List (Markdown)…, Export Starred Articles…. */
import * as vscode from 'vscode';
import type { ExportedArticle } from '../core';
import type { CommandServices } from '../commands';
import { resolveContext } from '../commands/show';
import { registerCopyCitation } from './copyCitation';
import { filterGroupArticles, fromNodes, pickSource, sourceArticles, starredArticles } from './sources';
import { asExportOptions, exportArticles as writeArticles, type ExportFormat, type ExportOptions, type ExportResult } from './writeExport';

export type { ExportFormat, ExportOptions, ExportResult } from './writeExport';

/** Exports any list of articles (filters call this with theirs); asks where unless `options.target` says. */
export type ExportArticles = (articles: readonly ExportedArticle[], format: ExportFormat, options?: ExportOptions) => Promise<ExportResult | undefined>;

function reportExport(result: ExportResult | undefined): ExportResult | undefined {
  if (result) {
    const exported = result.count === 1 ? vscode.l10n.t('Exported 1 article') : vscode.l10n.t('Exported {0} articles', result.count);
    const left = result.skipped > 0 ? ` ${vscode.l10n.t('({0} without an arXiv id left out)', result.skipped)}` : '';
    vscode.window.setStatusBarMessage(`${exported}${left}`, 5000);
  }
  return result;
}

export function register(services: CommandServices): ExportArticles {
  const { context } = services;
  registerCopyCitation(context, resolveContext(services));
  const exportContext = { documents: services.documents, memento: context.globalState };
  const exportArticles: ExportArticles = async (articles, format, options) => reportExport(await writeArticles(exportContext, articles, format, options));

  /**
   * From a tree's context menu: the clicked row and the multi-selection (a
   * third argument, options, is for tests and automation). With
   * options (`{ target, languages, source: 'starred' }`) or from the palette:
   * the named source, else a Quick Pick of Starred / Selected / This digest.
   */
  const exportCommand = (format: ExportFormat) => async (first?: unknown, second?: unknown, third?: unknown): Promise<ExportResult | undefined> => {
    const options = asExportOptions(first);
    const group = await filterGroupArticles(services, first);
    if (group) {
      return exportArticles(group.articles, format, { name: group.name, ...asExportOptions(third) });
    }
    if (first !== undefined && !options) {
      const articles = fromNodes(services, first, second);
      return exportArticles(articles, format, { name: articles.length === 1 ? articles[0].arxivId : 'selected', ...asExportOptions(third) });
    }
    const named = options?.source && sourceArticles(services, options.source);
    if (named) {
      return exportArticles(named.articles, format, { name: named.name, ...options });
    }
    const picked = await pickSource(services, format === 'bibtex' ? vscode.l10n.t('Export which articles to BibTeX?') : vscode.l10n.t('Put which articles in the reading list?'));
    return picked && exportArticles(picked.articles, format, { name: picked.name, ...options });
  };

  /** The Starred view's title button: all starred, in a format the user picks. */
  const exportStarred = async (): Promise<ExportResult | undefined> => {
    const formats: { label: string; format: ExportFormat }[] = [{ label: vscode.l10n.t('BibTeX (.bib)'), format: 'bibtex' }, { label: vscode.l10n.t('Reading list (Markdown)'), format: 'markdown' }];
    const picked = await vscode.window.showQuickPick(formats, { placeHolder: vscode.l10n.t('Export the starred articles as…') });
    return picked && exportArticles(starredArticles(services), picked.format, { name: 'starred' });
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('digestReader.exportBibtex', exportCommand('bibtex')),
    vscode.commands.registerCommand('digestReader.exportMarkdown', exportCommand('markdown')),
    vscode.commands.registerCommand('digestReader.exportStarred', exportStarred),
  );
  return exportArticles;
}
