import * as vscode from 'vscode';
import type { DigestDocuments, DigestEntry } from './digestDocuments';
import { openInTab } from './tabs';

/**
 * The active digest: the one the Articles view, the status of commands and
 * the palette are about. It is the digest of the last focused digest editor,
 * and it stays while that digest is open in any tab, whatever else has focus
 * (a notes file beside it, the panel, the sidebar). It changes only to
 * another digest, or, when its last tab closes, to another open digest.
 */
export class ActiveDigest implements vscode.Disposable {
  private activeKey: string | undefined;
  /** A digest chosen before its editor opens (see `choose`): active while no tab shows it yet. */
  private opening: string | undefined;
  private readonly changed = new vscode.EventEmitter<DigestEntry | undefined>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly documents: DigestDocuments) {
    this.disposables = [
      this.changed,
      vscode.window.onDidChangeActiveTextEditor((editor) => this.followEditor(editor)),
      vscode.window.tabGroups.onDidChangeTabs(() => this.keepIfOpen()),
      documents.onDidChangeDigest((entry) => this.parsed(entry)),
      documents.onDidForgetDigest((key) => {
        if (key === this.activeKey) {
          this.fallBack();
        }
      }),
    ];
    this.followEditor(vscode.window.activeTextEditor);
  }

  get entry(): DigestEntry | undefined {
    return this.activeKey === undefined ? undefined : this.documents.byKey(this.activeKey);
  }

  /**
   * Makes an open, parsed digest active before its editor opens (a Library
   * click), so the Articles view lists it while the workbench is still busy
   * opening the editor. `changed`: it was not the active digest already.
   * `opened` ends the wait, whether the editor came or not.
   */
  choose(key: string): { changed: boolean; opened(): void } {
    this.opening = key;
    const changed = this.activeKey !== key;
    this.set(key);
    return {
      changed,
      opened: () => {
        if (this.opening === key) {
          this.opening = undefined;
          this.keepIfOpen();
        }
      },
    };
  }

  private set(key: string | undefined): void {
    if (this.activeKey !== key) {
      this.activeKey = key;
      this.changed.fire(this.entry);
    }
  }

  private parsed(entry: DigestEntry): void {
    const key = entry.document.uri.toString();
    if (vscode.window.activeTextEditor?.document === entry.document || (this.activeKey === undefined && openInTab(key))) {
      this.activeKey = key;
    }
    if (this.activeKey === key) {
      this.changed.fire(entry);
    }
  }

  private followEditor(editor: vscode.TextEditor | undefined): void {
    if (editor && this.documents.isDigest(editor.document)) {
      this.set(editor.document.uri.toString());
    } else {
      this.keepIfOpen();
    }
  }

  /** Another editor took focus or a tab closed: keep the digest while a tab shows it. */
  private keepIfOpen(): void {
    if (this.activeKey !== undefined && this.activeKey !== this.opening && !openInTab(this.activeKey)) {
      this.fallBack();
    }
  }

  /** The active digest's last tab closed: another digest in a tab, visible ones first, or none. */
  private fallBack(): void {
    // Visible editors can still list a just-closed editor when the tab event comes: tabs decide.
    const visible = vscode.window.visibleTextEditors.filter((editor) => this.documents.isDigest(editor.document)).map((editor) => editor.document.uri.toString());
    const others = this.documents.all().map((entry) => entry.document.uri.toString());
    this.set([...visible, ...others].find((key) => openInTab(key)));
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
