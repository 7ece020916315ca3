import * as vscode from 'vscode';
import { arxivUrls } from '../core';
import { articleLabel } from '../common/articleTarget';
import type { DigestDocuments } from '../digests';
import type { ReadingStore } from '../reading';
import { registerCodeLens } from './codeLens';
import { dateRuns } from './dateRuns';
import { registerHover } from './hover';

/** Outline and breadcrumbs (date runs → articles), folding, arXiv ids as links, hovers and CodeLens, for every digest editor. */
export function register(context: vscode.ExtensionContext, documents: DigestDocuments, reading: ReadingStore): void {
  const selector: vscode.DocumentSelector = [{ language: 'digest' }, { language: 'markdown' }];
  // Providers ask right after edits, before the debounced re-parse: read the document's current version.
  const digestOf = (document: vscode.TextDocument) => documents.current(document)?.digest;
  const lineText = (document: vscode.TextDocument, n: number): string | undefined => (n >= 0 && n < document.lineCount ? document.lineAt(n).text : undefined);
  // Folding is asked for once per edit; say when a parse may have moved the ranges.
  const foldingChanged = new vscode.EventEmitter<void>();

  context.subscriptions.push(
    registerHover(selector, documents, reading),
    registerCodeLens(selector, documents, reading),
    foldingChanged,
    documents.onDidChangeDigest(() => foldingChanged.fire()),
    vscode.languages.registerDocumentSymbolProvider(selector, {
      provideDocumentSymbols(document) {
        const digest = digestOf(document);
        if (!digest) {
          return [];
        }
        const line = (n: number) => document.lineAt(Math.max(0, Math.min(n, document.lineCount - 1))).range;
        const symbols: vscode.DocumentSymbol[] = [];
        if (digest.toc.length > 0) {
          const range = line(digest.toc[0].line).union(line(digest.toc[digest.toc.length - 1].line));
          symbols.push(new vscode.DocumentSymbol(vscode.l10n.t('Contents'), digest.toc.length === 1 ? vscode.l10n.t('1 entry') : vscode.l10n.t('{0} entries', digest.toc.length), vscode.SymbolKind.Namespace, range, line(digest.toc[0].line)));
        }
        for (const run of dateRuns(digest)) {
          const runSymbol = new vscode.DocumentSymbol(run.label, `${run.articles.length}`, vscode.SymbolKind.Module, line(run.startLine).union(line(run.endLine)), line(run.startLine));
          runSymbol.children = run.articles.map((article) =>
            new vscode.DocumentSymbol(articleLabel(article), article.arxivId ?? '', vscode.SymbolKind.Class, line(article.line).union(line(article.endLine)), line(article.line)),
          );
          symbols.push(runSymbol);
        }
        return symbols;
      },
    }, { label: 'Digest' }),

    vscode.languages.registerFoldingRangeProvider(selector, {
      onDidChangeFoldingRanges: foldingChanged.event,
      provideFoldingRanges(document) {
        const digest = digestOf(document);
        if (!digest) {
          return [];
        }
        const ranges: vscode.FoldingRange[] = [];
        if (digest.toc.length > 1) {
          ranges.push(new vscode.FoldingRange(digest.toc[0].line, digest.toc[digest.toc.length - 1].line, vscode.FoldingRangeKind.Region));
        }
        for (const run of dateRuns(digest)) {
          if (run.articles.length > 1) {
            ranges.push(new vscode.FoldingRange(run.startLine, run.endLine, vscode.FoldingRangeKind.Region));
          }
        }
        for (const article of digest.articles) {
          if (article.endLine > article.line) {
            ranges.push(new vscode.FoldingRange(article.line, article.endLine));
          }
        }
        return ranges;
      },
    }),

    vscode.languages.registerDocumentLinkProvider(selector, {
      provideDocumentLinks(document) {
        const digest = digestOf(document);
        if (!digest) {
          return [];
        }
        const links: vscode.DocumentLink[] = [];
        const linkId = (lineNumber: number, id: string | undefined): void => {
          const urls = arxivUrls(id);
          const text = lineText(document, lineNumber);
          if (!urls || !id || text === undefined) {
            return;
          }
          const at = text.lastIndexOf(id);
          if (at >= 0) {
            const link = new vscode.DocumentLink(new vscode.Range(lineNumber, at, lineNumber, at + id.length), vscode.Uri.parse(urls.abs, true));
            link.tooltip = vscode.l10n.t('Open {0}', urls.abs);
            links.push(link);
          }
        };
        for (const entry of digest.toc) {
          linkId(entry.line, entry.arxivId);
        }
        for (const article of digest.articles) {
          // The id stands on the article's Title line, within its first lines.
          for (let n = article.line + 1; n <= Math.min(article.endLine, article.line + 4); n++) {
            if (article.arxivId && lineText(document, n)?.includes(article.arxivId)) {
              linkId(n, article.arxivId);
              break;
            }
          }
        }
        return links;
      },
    }),
  );
}
