import * as vscode from 'vscode';
import { parseDigest, type Digest } from '../core';
import { hasMarkdownDigestHeader, hasPlainDigestHeader } from './detect';

export const DIGEST_LANGUAGE = 'digest';

/** A parsed digest and the document it came from. */
export interface DigestEntry {
  readonly document: vscode.TextDocument;
  readonly digest: Digest;
  readonly version: number;
}

const REPARSE_DELAY_MS = 300;
const HEADER_LINES = 12;

/**
 * Knows which open documents are digests, keeps each one parsed (re-parsed
 * on edits, debounced), reports diagnostics, and tracks the active digest:
 * the digest of the last focused digest editor, kept while the article
 * panel or the sidebar has focus.
 */
export class DigestDocuments implements vscode.Disposable {
  private readonly entries = new Map<string, DigestEntry>();
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('digest');
  private readonly disposables: vscode.Disposable[] = [this.diagnostics];
  private activeUri: string | undefined;

  private readonly changeActive = new vscode.EventEmitter<DigestEntry | undefined>();
  /** The active digest changed: another digest, or the same one re-parsed. */
  readonly onDidChangeActive = this.changeActive.event;
  private readonly changeDigest = new vscode.EventEmitter<DigestEntry>();
  /** Any open digest was re-parsed. */
  readonly onDidChangeDigest = this.changeDigest.event;

  constructor() {
    this.disposables.push(
      this.changeActive,
      this.changeDigest,
      vscode.workspace.onDidOpenTextDocument((document) => void this.consider(document)),
      vscode.workspace.onDidChangeTextDocument((event) => this.scheduleParse(event.document)),
      vscode.workspace.onDidCloseTextDocument((document) => this.forget(document)),
      vscode.window.onDidChangeActiveTextEditor((editor) => this.followEditor(editor)),
    );
    for (const document of vscode.workspace.textDocuments) {
      void this.consider(document);
    }
    this.followEditor(vscode.window.activeTextEditor);
  }

  get active(): DigestEntry | undefined {
    return this.activeUri === undefined ? undefined : this.entries.get(this.activeUri);
  }

  get(uri: vscode.Uri): DigestEntry | undefined {
    return this.entries.get(uri.toString());
  }

  isDigest(document: vscode.TextDocument): boolean {
    return this.entries.has(document.uri.toString());
  }

  /** Parses a digest document now (no debounce) and returns its entry; undefined for other documents. */
  async open(uri: vscode.Uri): Promise<DigestEntry | undefined> {
    const document = await vscode.workspace.openTextDocument(uri);
    await this.consider(document);
    return this.get(document.uri);
  }

  private async consider(document: vscode.TextDocument): Promise<void> {
    if (document.languageId === DIGEST_LANGUAGE) {
      this.parse(document);
      return;
    }
    const head = Array.from({ length: Math.min(HEADER_LINES, document.lineCount) }, (_, i) => document.lineAt(i).text);
    if (document.languageId === 'markdown' && hasMarkdownDigestHeader(head)) {
      this.parse(document);
    } else if (document.languageId === 'plaintext' && hasPlainDigestHeader(head[0] ?? '') && this.detectPlainText(document)) {
      // A `.txt` opens as plain text even when our `firstLine` matches: the
      // extension association wins, so switch it (VS Code reopens the document).
      this.parse(await vscode.languages.setTextDocumentLanguage(document, DIGEST_LANGUAGE));
    }
  }

  private detectPlainText(document: vscode.TextDocument): boolean {
    return vscode.workspace.getConfiguration('digestReader', document).get<boolean>('detectPlainTextDigests', true);
  }

  private scheduleParse(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    if (!this.entries.has(key)) {
      return;
    }
    clearTimeout(this.pending.get(key));
    this.pending.set(key, setTimeout(() => {
      this.pending.delete(key);
      if (!document.isClosed) {
        this.parse(document);
      }
    }, REPARSE_DELAY_MS));
  }

  private parse(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    const previous = this.entries.get(key);
    if (previous && previous.version === document.version && previous.document === document) {
      return;
    }
    const entry: DigestEntry = { document, digest: parseDigest(document.getText()), version: document.version };
    this.entries.set(key, entry);
    this.diagnostics.set(document.uri, entry.digest.diagnostics.map((d) => toVscodeDiagnostic(document, d)));
    this.changeDigest.fire(entry);
    if (vscode.window.activeTextEditor?.document === document) {
      this.activeUri = key;
    }
    if (this.activeUri === key) {
      this.changeActive.fire(entry);
    }
  }

  private followEditor(editor: vscode.TextEditor | undefined): void {
    // Focus moving to the panel, the sidebar or an output leaves no text
    // editor; keep showing the last digest then.
    if (!editor) {
      return;
    }
    const key = editor.document.uri.toString();
    if (this.entries.has(key)) {
      if (this.activeUri !== key) {
        this.activeUri = key;
        this.changeActive.fire(this.entries.get(key));
      }
    } else if (editor.document.uri.scheme !== 'output' && this.activeUri !== undefined && editor.viewColumn !== undefined) {
      this.activeUri = undefined;
      this.changeActive.fire(undefined);
    }
  }

  private forget(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.pending.get(key));
    this.pending.delete(key);
    if (this.entries.delete(key)) {
      this.diagnostics.delete(document.uri);
      if (this.activeUri === key) {
        this.activeUri = undefined;
        this.changeActive.fire(undefined);
      }
    }
  }

  dispose(): void {
    for (const timer of this.pending.values()) {
      clearTimeout(timer);
    }
    vscode.Disposable.from(...this.disposables).dispose();
  }
}

const SEVERITY: Record<string, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

function toVscodeDiagnostic(document: vscode.TextDocument, diagnostic: { line: number; severity: string; message: string }): vscode.Diagnostic {
  const line = Math.min(diagnostic.line, document.lineCount - 1);
  const result = new vscode.Diagnostic(document.lineAt(line).range, diagnostic.message, SEVERITY[diagnostic.severity]);
  result.source = 'Digest Reader';
  return result;
}
