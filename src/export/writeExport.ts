/** Writing an export: where (a save dialog, or a given target), never over a digest, through workspace.fs. */
import * as vscode from 'vscode';
import { bibFile, languageName, readingListMarkdown, type ExportedArticle } from '../core';
import type { DigestDocuments } from '../digests';
import { hasMarkdownDigestHeader, hasPlainDigestHeader } from '../digests/detect';

export type ExportFormat = 'bibtex' | 'markdown';

export interface ExportOptions {
  /** Write here without asking (tests, automation). */
  target?: vscode.Uri;
  /** Markdown only: the title languages, in order; asked (and remembered) when not given. */
  languages?: string[];
  /** Names the default file and the reading list's heading: `starred`, `cs.DC 2025-06-01`. */
  name?: string;
  /** Commands only: which articles, without asking. */
  source?: 'starred' | 'selected' | 'digest';
}

export interface ExportResult {
  target: vscode.Uri;
  /** Articles written (a `.bib` leaves out those without an arXiv id). */
  count: number;
  skipped: number;
}

const LANGUAGES_KEY = 'digestReader.exportLanguages';
const TITLE_LANGUAGES = ['en', 'de', 'zh'];

/** Accepts options as a plain object `{ target?: Uri, languages?: string[], name?: string, source?: 'starred' }`; a tree row is no options. */
export function asExportOptions(value: unknown): ExportOptions | undefined {
  if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype) {
    return undefined;
  }
  const { target, languages, name, source } = value as { target?: unknown; languages?: unknown; name?: unknown; source?: unknown };
  if (target !== undefined && !(target instanceof vscode.Uri)) {
    return undefined;
  }
  return {
    target,
    languages: Array.isArray(languages) ? languages.filter((l): l is string => typeof l === 'string' && /^[a-z]{2,3}$/.test(l)) : undefined,
    name: typeof name === 'string' ? name.slice(0, 100) : undefined,
    source: source === 'starred' || source === 'selected' || source === 'digest' ? source : undefined,
  };
}

/** The file name a save dialog proposes: only letters, digits, dots and dashes of the name. */
function defaultFileName(name: string | undefined, format: ExportFormat): string {
  const base = (name ?? 'articles').replace(/[^A-Za-z0-9.-]+/g, '-').replace(/^[-.]+|-+$/g, '') || 'articles';
  return format === 'bibtex' ? `${base}.bib` : `${base}-reading-list.md`;
}

async function askTarget(format: ExportFormat, name: string | undefined): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const fileName = defaultFileName(name, format);
  return vscode.window.showSaveDialog({
    defaultUri: folder ? vscode.Uri.joinPath(folder, fileName) : undefined,
    filters: format === 'bibtex' ? { BibTeX: ['bib'] } : { Markdown: ['md'] },
    saveLabel: vscode.l10n.t('Export'),
    title: format === 'bibtex' ? vscode.l10n.t('Export to BibTeX') : vscode.l10n.t('Export Reading List (Markdown)'),
  });
}

async function askLanguages(memento: vscode.Memento): Promise<string[] | undefined> {
  const remembered = memento.get<unknown>(LANGUAGES_KEY);
  const chosen = Array.isArray(remembered) ? remembered.filter((l) => TITLE_LANGUAGES.includes(l as string)) : ['en'];
  const items = TITLE_LANGUAGES.map((code) => ({ label: languageName(code), description: code, code, picked: chosen.includes(code) }));
  const picked = await vscode.window.showQuickPick(items, { canPickMany: true, placeHolder: vscode.l10n.t('Titles in which languages? (the first one heads each article)') });
  if (!picked || picked.length === 0) {
    return undefined;
  }
  const languages = picked.map((p) => p.code);
  await memento.update(LANGUAGES_KEY, languages);
  return languages;
}

/**
 * The extension never writes to a digest: not to one open in the reader,
 * and not over a file whose first line is a digest header.
 */
export async function isDigest(documents: DigestDocuments, target: vscode.Uri): Promise<boolean> {
  if (documents.get(target)) {
    return true;
  }
  try {
    const lines = new TextDecoder().decode((await vscode.workspace.fs.readFile(target)).subarray(0, 4096)).split(/\r?\n/, 10);
    return hasPlainDigestHeader(lines[0] ?? '') || hasMarkdownDigestHeader(lines);
  } catch {
    return false; // No such file yet.
  }
}

export interface ExportContext {
  documents: DigestDocuments;
  memento: vscode.Memento;
}

/**
 * Exports the articles as a `.bib` file or a Markdown reading list: asks
 * where (and, for Markdown, which languages) unless told. Undefined when the
 * user cancels or the target is refused.
 */
export async function exportArticles(context: ExportContext, articles: readonly ExportedArticle[], format: ExportFormat, options: ExportOptions = {}): Promise<ExportResult | undefined> {
  if (articles.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('There are no articles to export.'));
    return undefined;
  }
  const languages = format === 'markdown' ? (options.languages?.length ? options.languages : await askLanguages(context.memento)) : [];
  if (!languages) {
    return undefined;
  }
  const target = options.target ?? (await askTarget(format, options.name));
  if (!target) {
    return undefined;
  }
  if (await isDigest(context.documents, target)) {
    void vscode.window.showErrorMessage(vscode.l10n.t('That file is a digest: the reader never writes to a digest. Choose another file.'));
    return undefined;
  }
  let text: string;
  let count = articles.length;
  let skipped = 0;
  if (format === 'bibtex') {
    ({ text, count, skipped } = bibFile(articles));
    if (count === 0) {
      void vscode.window.showWarningMessage(vscode.l10n.t('None of these articles has an arXiv id, so there is no BibTeX entry to write.'));
      return undefined;
    }
  } else {
    text = readingListMarkdown(articles, { languages, heading: options.name ? `Reading list: ${options.name}` : undefined });
  }
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  return { target, count, skipped };
}
