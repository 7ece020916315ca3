import * as vscode from 'vscode';
import { parseDigest, type Digest } from '../core';
import { ActiveDigest } from './activeDigest';
import { PlainTextDetection } from './plainTextDetection';

export const DIGEST_LANGUAGE = 'digest';

/** A parsed digest and the document it came from. */
export interface DigestEntry {
  readonly document: vscode.TextDocument;
  readonly digest: Digest;
  readonly version: number;
}

const REPARSE_DELAY_MS = 300;

/** The longest a switch to the Digest language waits for the Articles view's rows (see `switchAfterRows`). */
const SWITCH_WAITS_FOR_ROWS_MS = 500;

/**
 * Knows which open documents are digests and keeps each one parsed:
 * re-parsed on edits after a pause, or at once when a provider asks for the
 * current version (`current`). Reports diagnostics, and tracks the active
 * digest (see ActiveDigest).
 */
export class DigestDocuments implements vscode.Disposable {
  private readonly entries = new Map<string, DigestEntry>();
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('digest');
  private readonly detection: PlainTextDetection;
  private readonly activeDigest: ActiveDigest;
  private readonly disposables: vscode.Disposable[] = [this.diagnostics];
  private rowsDrawn: (ms: number) => Promise<void> = () => Promise.resolve();

  private readonly changeDigest = new vscode.EventEmitter<DigestEntry>();
  /** Any open digest was parsed (first read or re-parse). */
  readonly onDidChangeDigest = this.changeDigest.event;
  private readonly forgetDigest = new vscode.EventEmitter<string>();
  /** A digest document was closed or stopped being a digest (its URI as a string). */
  readonly onDidForgetDigest = this.forgetDigest.event;
  /** The active digest changed: another digest, none, or the same one re-parsed. */
  readonly onDidChangeActive: vscode.Event<DigestEntry | undefined>;

  constructor() {
    this.detection = new PlainTextDetection(
      (document) => this.parse(document),
      (document) => (this.active?.document.uri.toString() === document.uri.toString() ? this.rowsDrawn(SWITCH_WAITS_FOR_ROWS_MS) : Promise.resolve()),
    );
    this.activeDigest = new ActiveDigest(this);
    this.onDidChangeActive = this.activeDigest.onDidChange;
    this.disposables.push(
      this.changeDigest,
      this.forgetDigest,
      this.detection,
      this.activeDigest,
      vscode.workspace.onDidOpenTextDocument((document) => void this.detection.consider(document)),
      vscode.workspace.onDidChangeTextDocument((event) => this.scheduleParse(event.document)),
      vscode.workspace.onDidCloseTextDocument((document) => this.forget(document)),
    );
    // Restored editors are read here, synchronously, before any view is asked for its rows.
    for (const document of vscode.workspace.textDocuments) {
      void this.detection.consider(document);
    }
  }

  /**
   * A plain-text digest opened in an editor (Quick Open, the Explorer) is
   * active at once, but its switch to the Digest language keeps the
   * workbench busy for a few hundred ms (the grammar, outline, links), and
   * the Articles view's rows, asked for meanwhile, were drawn after it. So
   * the switch waits for them (`rowsDrawn`, given by the view), at most
   * SWITCH_WAITS_FOR_ROWS_MS: the colours come a moment later instead.
   */
  switchAfterRows(rowsDrawn: (ms: number) => Promise<void>): void {
    this.rowsDrawn = rowsDrawn;
  }

  get active(): DigestEntry | undefined {
    return this.activeDigest.entry;
  }

  /** The last parse of a digest document; it may lag behind edits by REPARSE_DELAY_MS (see `current`). */
  get(uri: vscode.Uri): DigestEntry | undefined {
    return this.entries.get(uri.toString());
  }

  /** The parse of the document's current version, parsing now if an edit is pending: for providers and cursor moves. */
  current(document: vscode.TextDocument): DigestEntry | undefined {
    const entry = this.entries.get(document.uri.toString());
    if (entry && (entry.version !== document.version || entry.document !== document)) {
      return this.parse(document);
    }
    return entry;
  }

  /** The entry of a document by its URI as a string. */
  byKey(key: string): DigestEntry | undefined {
    return this.entries.get(key);
  }

  all(): DigestEntry[] {
    return [...this.entries.values()];
  }

  isDigest(document: vscode.TextDocument): boolean {
    return this.entries.has(document.uri.toString());
  }

  /** Opens and parses a document now; undefined when it is not a digest or cannot be read. */
  async open(uri: vscode.Uri): Promise<DigestEntry | undefined> {
    const document = await vscode.workspace.openTextDocument(uri);
    const considered = await this.detection.consider(document);
    return considered && this.get(considered.uri);
  }

  /**
   * Opens a digest in an editor, listing it in the Articles view first: it is
   * read and made active, and `listed` awaited (the view's rows drawn),
   * before the editor opens. Opening an editor keeps the workbench busy for
   * a few hundred ms, and rows asked for then were drawn with the editor,
   * not before it. Anything not a digest just opens.
   */
  async openInEditor(uri: vscode.Uri, options: vscode.TextDocumentShowOptions, listed: () => Promise<void>): Promise<void> {
    const entry = await this.open(uri).then(undefined, () => undefined);
    const chosen = entry ? this.activeDigest.choose(entry.document.uri.toString()) : undefined;
    try {
      if (chosen?.changed) {
        await listed();
      }
      await vscode.commands.executeCommand('vscode.open', uri, options);
    } finally {
      chosen?.opened();
    }
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

  private parse(document: vscode.TextDocument): DigestEntry {
    const key = document.uri.toString();
    const previous = this.entries.get(key);
    if (previous && previous.version === document.version && previous.document === document) {
      return previous;
    }
    clearTimeout(this.pending.get(key));
    this.pending.delete(key);
    const entry: DigestEntry = { document, digest: parseDigest(document.getText()), version: document.version };
    this.entries.set(key, entry);
    this.diagnostics.set(document.uri, entry.digest.diagnostics.map((d) => toVscodeDiagnostic(document, d)));
    this.changeDigest.fire(entry);
    return entry;
  }

  private forget(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.pending.get(key));
    this.pending.delete(key);
    this.detection.closed(document);
    // A language switch closes and reopens the same URI: forget only the document that was parsed,
    // and not while our own switch to Digest replaces it (the views keep their rows).
    if (this.entries.get(key)?.document === document && !this.detection.isSwitching(document)) {
      this.entries.delete(key);
      this.diagnostics.delete(document.uri);
      this.forgetDigest.fire(key);
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
  const line = Math.max(0, Math.min(diagnostic.line, document.lineCount - 1));
  const result = new vscode.Diagnostic(document.lineAt(line).range, diagnostic.message, SEVERITY[diagnostic.severity]);
  result.source = 'Digest Reader';
  return result;
}
