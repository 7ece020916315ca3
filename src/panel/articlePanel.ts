import * as vscode from 'vscode';
import { articleByOffset, findArticle, sameTarget, targetOf, type ArticleTarget } from '../common/articleTarget';
import { isRestorableScheme, isWebviewToExtension, type ExtensionToWebview, type NavigationDirection, type PanelState, type WebviewToExtension } from '../common/messages';
import type { DigestDocuments, DigestEntry } from '../digests';
import { toArticleViewModel } from './articleView';
import { articlePanelHtml, webviewOptions } from './html';

export const ARTICLE_VIEW_TYPE = 'digestReader.article';

/** Commands the panel's buttons run; the extension side builds every URL. */
export const PanelCommands = {
  openArxivPage: 'digestReader.openArxivPage',
  openPdf: 'digestReader.openPdf',
  copyId: 'digestReader.copyId',
  showArticle: 'digestReader.showArticle',
} as const;

/**
 * The one article panel: created on first use, then reused. It shows one
 * article of one digest document and follows that document's edits.
 */
export class ArticlePanel {
  static current: ArticlePanel | undefined;

  private readonly disposables: vscode.Disposable[] = [];
  private ready = false;
  /** What was last posted, so an unchanged article is not posted again; and which article that was. */
  private postedContent: string | undefined;
  private shownKey: string | undefined;

  /** Shows `target` in the panel, creating the panel beside the editor if there is none. */
  static createOrShow(extensionUri: vscode.Uri, documents: DigestDocuments, target: ArticleTarget, preserveFocus: boolean): ArticlePanel {
    if (ArticlePanel.current) {
      ArticlePanel.current.panel.reveal(undefined, preserveFocus);
      ArticlePanel.current.show(target);
      return ArticlePanel.current;
    }
    const panel = vscode.window.createWebviewPanel(
      ARTICLE_VIEW_TYPE,
      'Article',
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus },
      { ...webviewOptions(extensionUri), retainContextWhenHidden: false },
    );
    ArticlePanel.current = new ArticlePanel(panel, extensionUri, documents, target);
    void ArticlePanel.current.render();
    return ArticlePanel.current;
  }

  /** Restores a panel after a window reload, from the state its webview saved (validated, and only for documents we can read). */
  static revive(panel: vscode.WebviewPanel, extensionUri: vscode.Uri, documents: DigestDocuments, state: PanelState | undefined): ArticlePanel {
    ArticlePanel.current?.panel.dispose();
    let target: ArticleTarget | undefined;
    try {
      const uri = state && vscode.Uri.parse(state.uri, true);
      target = uri && state && isRestorableScheme(uri.scheme) ? { uri, index: state.index, line: state.line, arxivId: state.arxivId } : undefined;
    } catch {
      target = undefined; // a state that names no valid document: show the empty panel
    }
    ArticlePanel.current = new ArticlePanel(panel, extensionUri, documents, target);
    return ArticlePanel.current;
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    private readonly documents: DigestDocuments,
    private target: ArticleTarget | undefined,
  ) {
    // Restored panels keep their old options: set them again.
    panel.webview.options = webviewOptions(extensionUri);
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'digests.svg');
    panel.webview.html = articlePanelHtml(panel.webview, extensionUri);
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((message: unknown) => this.receive(message)),
      documents.onDidChangeDigest((entry) => {
        if (this.target && entry.document.uri.toString() === this.target.uri.toString()) {
          void this.render();
        }
      }),
    );
  }

  /** The article on display, for commands run while the panel has focus. */
  get shownArticle(): ArticleTarget | undefined {
    return this.target;
  }

  get visible(): boolean {
    return this.panel.visible;
  }

  get viewColumn(): vscode.ViewColumn | undefined {
    return this.panel.viewColumn;
  }

  /** True while the panel has focus. */
  get active(): boolean {
    return this.panel.active;
  }

  show(target: ArticleTarget): void {
    if (this.target && sameTarget(this.target, target)) {
      return;
    }
    this.target = target;
    void this.render();
  }

  private receive(message: unknown): void {
    if (!isWebviewToExtension(message)) {
      console.warn('Digest Reader: ignored an unknown message from the article panel');
      return;
    }
    this.handle(message);
  }

  private handle(message: WebviewToExtension): void {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.postedContent = undefined; // a new page (created, or reloaded by VS Code) has nothing yet
        this.shownKey = undefined;
        void this.render();
        return;
      case 'openArxivPage':
      case 'openPdf':
      case 'copyId':
        if (this.target) {
          void vscode.commands.executeCommand(PanelCommands[message.type], this.target);
        }
        return;
      case 'navigate':
        void this.navigate(message.direction);
        return;
    }
  }

  private async navigate(direction: NavigationDirection): Promise<void> {
    const entry = await this.entry();
    const current = entry && this.target && findArticle(entry.digest, this.target);
    const next = entry && current && articleByOffset(entry.digest.articles, current, direction === 'next' ? 1 : -1);
    if (entry && next) {
      await vscode.commands.executeCommand(PanelCommands.showArticle, targetOf(entry.document.uri, next), { preserveFocus: true });
    }
  }

  private async entry(): Promise<DigestEntry | undefined> {
    if (!this.target) {
      return undefined;
    }
    return this.documents.get(this.target.uri) ?? (await this.documents.open(this.target.uri).then(undefined, () => undefined));
  }

  /**
   * Updates the panel's title at once, and its page as soon as the webview is
   * ready, posting only when what it shows changed: a re-parse that leaves
   * the article as it was neither redraws nor scrolls nor re-announces it.
   */
  private async render(): Promise<void> {
    const target = this.target;
    const entry = await this.entry();
    if (target !== this.target) {
      return; // another article was asked for meanwhile
    }
    const article = entry && target && findArticle(entry.digest, target);
    this.panel.title = entry && article ? `${entry.digest.subject || 'Digest'} · ${String(article.index).padStart(2, '0')}` : 'Article';
    if (!this.ready) {
      return;
    }
    let message: ExtensionToWebview;
    if (!target) {
      message = { type: 'empty', message: 'Click an article in the Articles view to read it here.' };
    } else if (!entry || !article) {
      message = { type: 'empty', message: entry ? `Article ${target.index} is no longer in this digest.` : 'This digest can no longer be read.' };
    } else {
      // Follow the article's moves, so the next edit still finds it.
      this.target = targetOf(target.uri, article);
      const state: PanelState = { uri: target.uri.toString(), index: article.index, line: article.line, arxivId: article.arxivId };
      const shownKey = `${state.uri}\n${article.arxivId ?? ''}\n${article.index}`;
      message = { type: 'show', article: toArticleViewModel(entry.digest, article), state, isNewArticle: shownKey !== this.shownKey };
      this.shownKey = shownKey;
    }
    const content = JSON.stringify(message.type === 'show' ? [message.article, message.state] : message);
    if (content !== this.postedContent) {
      this.postedContent = content;
      this.post(message);
    }
  }

  private post(message: ExtensionToWebview): void {
    void this.panel.webview.postMessage(message);
  }

  dispose(): void {
    if (ArticlePanel.current === this) {
      ArticlePanel.current = undefined;
    }
    this.panel.dispose();
    vscode.Disposable.from(...this.disposables).dispose();
    this.disposables.length = 0;
  }
}
