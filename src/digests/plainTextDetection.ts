import * as vscode from 'vscode';
import { hasMarkdownDigestHeader, hasPlainDigestHeader } from './detect';
import { openInTab } from './tabs';

const DIGEST_LANGUAGE = 'digest';
const HEADER_LINES = 12;
const SETTING = 'detectPlainTextDigests';
/** VS Code reports a language change as close + open of the same URI, within one turn; a real reopen takes longer. */
const LANGUAGE_CHANGE_WINDOW_MS = 1000;

/**
 * Decides which documents are digests, and switches plain-text `.txt`
 * digests to the Digest language (the `.txt` association wins over our
 * `firstLine`). Respects the user: a digest they set back to Plain Text stays
 * so, and the setting takes effect at once, both ways.
 */
export class PlainTextDetection implements vscode.Disposable {
  /** Documents we switched to Digest, so turning the setting off can switch them back. */
  private readonly switchedByUs = new Set<string>();
  /** Documents the user set to Plain Text themselves. */
  private readonly plainByChoice = new Set<string>();
  private readonly digestClosedAt = new Map<string, number>();
  private readonly ourSwitchesToPlain = new Set<string>();
  /** Documents we are switching to Digest: their close is not the digest going away. */
  private readonly switchingToDigest = new Set<string>();
  private readonly disposables: vscode.Disposable[];

  constructor(
    private readonly accept: (document: vscode.TextDocument) => void,
    /** Waited for after a digest is read and before it is switched to the Digest language. */
    private readonly beforeSwitch: (document: vscode.TextDocument) => Promise<void>,
  ) {
    this.disposables = [
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(`digestReader.${SETTING}`)) {
          void this.applySetting();
        }
      }),
    ];
  }

  /** Parses the document if it is a digest; returns the document that holds it (a switch makes a new one). */
  async consider(document: vscode.TextDocument): Promise<vscode.TextDocument | undefined> {
    const key = document.uri.toString();
    if (document.languageId === DIGEST_LANGUAGE) {
      this.plainByChoice.delete(key);
      this.switchingToDigest.delete(key);
      this.accept(document);
      return document;
    }
    const head = Array.from({ length: Math.min(HEADER_LINES, document.lineCount) }, (_, i) => document.lineAt(i).text);
    if (document.languageId === 'markdown' && hasMarkdownDigestHeader(head)) {
      this.accept(document);
      return document;
    }
    if (document.languageId !== 'plaintext' || !hasPlainDigestHeader(head[0] ?? '')) {
      return undefined;
    }
    const closedAt = this.digestClosedAt.get(key);
    this.digestClosedAt.delete(key);
    if (this.ourSwitchesToPlain.delete(key)) {
      return undefined;
    }
    if (closedAt !== undefined && Date.now() - closedAt < LANGUAGE_CHANGE_WINDOW_MS) {
      this.plainByChoice.add(key); // the user picked Plain Text for this digest
    }
    if (this.plainByChoice.has(key) || !detectionEnabled(document)) {
      return undefined;
    }
    this.switchedByUs.add(key);
    // Read it now, before the switch: a restored window's views can then answer at once (VS Code asks for restored rows right away).
    this.accept(document);
    await this.beforeSwitch(document);
    if (document.isClosed) {
      return undefined; // closed meanwhile, and forgotten as any closed digest
    }
    this.switchingToDigest.add(key);
    try {
      const switched = await vscode.languages.setTextDocumentLanguage(document, DIGEST_LANGUAGE);
      this.accept(switched);
      return switched;
    } finally {
      this.switchingToDigest.delete(key);
    }
  }

  /** True while our own switch to Digest closes and reopens this document. */
  isSwitching(document: vscode.TextDocument): boolean {
    return this.switchingToDigest.has(document.uri.toString()) && document.languageId !== DIGEST_LANGUAGE;
  }

  /**
   * Called for every closed document: a digest closing while its tab stays is
   * the first half of a language change (closing the tab removes it first).
   */
  closed(document: vscode.TextDocument): void {
    if (document.languageId === DIGEST_LANGUAGE && openInTab(document.uri.toString())) {
      this.digestClosedAt.set(document.uri.toString(), Date.now());
    }
  }

  private async applySetting(): Promise<void> {
    for (const document of vscode.workspace.textDocuments) {
      const key = document.uri.toString();
      if (document.languageId === 'plaintext') {
        await this.consider(document);
      } else if (document.languageId === DIGEST_LANGUAGE && this.switchedByUs.has(key) && !detectionEnabled(document)) {
        this.switchedByUs.delete(key);
        this.ourSwitchesToPlain.add(key);
        await vscode.languages.setTextDocumentLanguage(document, 'plaintext');
      }
    }
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
}

function detectionEnabled(document: vscode.TextDocument): boolean {
  return vscode.workspace.getConfiguration('digestReader', document).get<boolean>(SETTING, true);
}
