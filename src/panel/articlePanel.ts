import * as vscode from 'vscode';
import { isRestorableScheme, isWebviewToExtension, type ExtensionToWebview, type PanelState, type WebviewToExtension } from '../common/messages';
import { articlePanelHtml, webviewOptions } from './html';
import { PageLoadWatch } from './pageLoadWatch';
import { isStarredTarget, panelContent, samePanelTarget, type PanelServices, type PanelTarget } from './panelContent';
import { affectsPreferences, readPreferences } from './preferences';
import { handlePageRequest, PANEL_INPUT_FOCUS, type PanelSide, type ShownTexts } from './pageRequests';
import { panelStrings } from './strings';

export const ARTICLE_VIEW_TYPE = 'digestReader.article';
/**
 * The one article panel: created on first use, then reused. It shows one
 * article of one digest document and follows that document's edits.
 */
export class ArticlePanel {
  static current: ArticlePanel | undefined;

  private readonly disposables: vscode.Disposable[] = [];
  private ready = false;
  /** Loads the page again if VS Code left it blank. */
  private readonly page: PageLoadWatch;
  /** What was last posted, so an unchanged article is not posted again; and which article that was. */
  private postedContent: string | undefined;
  private shownKey: string | undefined;
  /** The texts of the article shown, by language: what "mark the rest known" reads the words of. */
  private shownTexts: ShownTexts | undefined;
  private shownIndex = 0;
  /** The target the page last drew (render is asynchronous: `target` may be ahead of it). */
  private drawnTarget: PanelTarget | undefined;
  private restoring = false;
  /** The article the page showed before VS Code recreated it: drawn again, it is not shown anew (not marked read again). */
  private redrawOf: string | undefined;
  /**
   * Whether the reader asked for the article shown (a row, a key, the panel's
   * buttons, Show Article), not just moved the cursor into it: only an article
   * asked for is marked read at once (see `follow`).
   */
  private askedFor = true;
  private dwell: ReturnType<typeof setTimeout> | undefined;
  /** The page's requests (buttons, study list, words, notes) act on the article as it is when they come. */
  private readonly requests: PanelSide;

  /** Shows `target` in the panel, creating the panel beside the editor if there is none. */
  static createOrShow(services: PanelServices, target: PanelTarget, preserveFocus: boolean): ArticlePanel {
    if (ArticlePanel.current) {
      ArticlePanel.current.panel.reveal(undefined, preserveFocus);
      ArticlePanel.current.show(target);
      return ArticlePanel.current;
    }
    const panel = vscode.window.createWebviewPanel(
      ARTICLE_VIEW_TYPE,
      vscode.l10n.t('Article'),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus },
      { ...webviewOptions(services.extensionUri), retainContextWhenHidden: false },
    );
    ArticlePanel.current = new ArticlePanel(panel, services, target);
    void ArticlePanel.current.render();
    return ArticlePanel.current;
  }

  /** Restores a panel after a window reload, from the state its webview saved (validated, and only for documents we can read). */
  static revive(panel: vscode.WebviewPanel, services: PanelServices, state: PanelState | undefined): ArticlePanel {
    ArticlePanel.current?.panel.dispose();
    ArticlePanel.current = new ArticlePanel(panel, services, restoredTarget(state));
    // A restored article was shown before the reload: showing it again is no new reading (it may have been marked unread on purpose).
    ArticlePanel.current.restoring = true;
    return ArticlePanel.current;
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly services: PanelServices,
    private target: PanelTarget | undefined,
  ) {
    this.requests = {
      services,
      target: () => this.target,
      shownKey: () => this.shownKey,
      shownTexts: () => this.shownTexts,
      post: (message) => this.post(message),
    };
    // Restored panels keep their old options: set them again.
    panel.webview.options = webviewOptions(services.extensionUri);
    panel.iconPath = vscode.Uri.joinPath(services.extensionUri, 'media', 'digests.svg');
    panel.webview.html = articlePanelHtml(panel.webview, services.extensionUri);
    this.page = new PageLoadWatch(panel, () => (panel.webview.html = articlePanelHtml(panel.webview, services.extensionUri)));
    this.disposables.push(
      this.page,
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((message: unknown) => this.receive(message)),
      services.documents.onDidChangeDigest((entry) => {
        if (this.target && !isStarredTarget(this.target) && entry.document.uri.toString() === this.target.uri.toString()) {
          void this.render();
        }
      }),
      // Read and star buttons follow markings made anywhere (tree, keys, another window).
      services.reading.onDidChange(() => void this.render()),
      // Preferences changed in another window's panel, or in the settings editor.
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (affectsPreferences(event)) {
          this.postSettings();
        }
        if (event.affectsConfiguration('digestReader.panel.studyMode') || event.affectsConfiguration('digestReader.panel.studyLanguage')) {
          void this.render(); // the share of new words is shown in study mode only, for the language learned
        }
        if (event.affectsConfiguration('digestReader.markReadAfterDwell') && markReadAfterDwell() === 0) {
          this.stopDwell(); // turned off: an article the cursor rests in is not marked read a moment later
        }
      }),
    );
    if (services.notes) {
      // The reader's own translations, saved here or in another window.
      this.disposables.push(services.notes.onDidChange(() => void this.render()));
    }
    if (services.ranking) {
      // Scores came in, or the model changed: the article's "For you" line follows.
      this.disposables.push(services.ranking.onDidChange(() => void this.render()));
      }
    if (services.words) {
      // A dictionary finished loading: the article's words get their entries.
      this.disposables.push(services.words.onDidChange(() => void this.render()));
    }
    if (services.learner) {
      // A word marked here or elsewhere: its marks and the article's share of new words follow.
      this.disposables.push(services.learner.onDidChange(() => void this.render()));
    }
    if (services.filters) {
      // A filter added, edited or computed: its words are marked (or no longer) in the article shown.
      this.disposables.push(services.filters.onDidChange(() => void this.render()));
    }
  }

  /** The article on display, for commands run while the panel has focus. */
  get shownArticle(): PanelTarget | undefined {
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

  /** Shows an article the reader asked for: it becomes read (digestReader.markReadOnShow), also when the cursor had brought it already. */
  show(target: PanelTarget): void {
    this.stopDwell();
    if (this.target && samePanelTarget(this.target, target)) {
      if (!this.askedFor) {
        this.askedFor = true;
        // Drawn already without marking it: mark it now (a render still under way marks it itself).
        if (this.shownKey && this.drawnTarget && samePanelTarget(this.drawnTarget, target)) {
          this.markReadOnShow(this.shownKey, this.shownIndex);
        }
      }
      return;
    }
    this.askedFor = true;
    this.target = target;
    void this.render();
  }

  /**
   * Shows the article the cursor moved into (digestReader.followCursor): a
   * stray click in the text is no reading, so it is not marked read, unless
   * the cursor stays in it for digestReader.markReadAfterDwell seconds.
   */
  follow(target: PanelTarget): void {
    if (this.target && samePanelTarget(this.target, target)) {
      return;
    }
    this.stopDwell();
    this.askedFor = false;
    this.target = target;
    void this.render();
    const seconds = markReadAfterDwell();
    if (seconds > 0) {
      this.dwell = setTimeout(() => {
        this.dwell = undefined;
        if (this.target === target || (this.target && samePanelTarget(this.target, target))) {
          this.show(target);
        }
      }, seconds * 1000);
    }
  }

  private stopDwell(): void {
    if (this.dwell !== undefined) {
      clearTimeout(this.dwell);
      this.dwell = undefined;
    }
  }

  private receive(message: unknown): void {
    if (!isWebviewToExtension(message)) {
      console.warn('Digest Reader: ignored an unknown message from the article panel');
      return;
    }
    this.handle(message);
  }

  private handle(message: WebviewToExtension): void {
    if (message.type !== 'ready') {
      handlePageRequest(this.requests, message);
      return;
    }
    this.ready = true;
    this.page.pageReady();
    // A new page (created, or reloaded by VS Code) has nothing yet: post, scroll and announce.
    this.postedContent = undefined;
    this.redrawOf = this.shownKey;
    this.shownKey = undefined;
    this.postSettings();
    void this.render();
  }

  private postSettings(): void {
    if (this.ready) {
      this.post({ type: 'settings', strings: panelStrings(), preferences: readPreferences() });
    }
  }

  /**
   * Updates the panel's title at once, and its page as soon as the webview is
   * ready, posting only when what it shows changed: a re-parse that leaves
   * the article as it was neither redraws nor scrolls nor re-announces it.
   */
  private disposed = false;

  private async render(): Promise<void> {
    const target = this.target;
    const content = await panelContent(this.services, target);
    if (target !== this.target || this.disposed) {
      return; // another article was asked for meanwhile, or the panel was closed (its title can no longer be set)
    }
    this.panel.title = content.title;
    let message: ExtensionToWebview;
    if (content.kind === 'empty') {
      message = { type: 'empty', message: content.message };
    } else {
      this.target = content.target;
      const isNewArticle = content.key !== this.shownKey;
      this.shownKey = content.key;
      const byLanguage = (texts: { language: string; text?: string }[]): Record<string, string | undefined> => Object.fromEntries(texts.map((text) => [text.language, text.text]));
      this.shownTexts = { key: content.key, titles: byLanguage(content.article.titles), abstracts: byLanguage(content.article.abstracts) };
      this.shownIndex = content.article.index;
      this.drawnTarget = content.target;
      // A new page (VS Code recreates a hidden panel's page when it shows again) draws the same article: no new reading.
      const redrawn = content.key === this.redrawOf;
      this.redrawOf = undefined;
      if (isNewArticle && !redrawn && !this.restoring && this.askedFor) {
        this.markReadOnShow(content.key, content.article.index);
        content.article.read ||= markReadOnShowEnabled();
      }
      this.restoring = false;
      message = { type: 'show', article: content.article, state: content.state, isNewArticle };
    }
    if (!this.ready) {
      return;
    }
    const posted = JSON.stringify(message.type === 'show' ? [message.article, message.state] : message);
    if (posted !== this.postedContent) {
      this.postedContent = posted;
      this.post(message);
    }
  }

  /** An article shown is an article read (digestReader.markReadOnShow); undoable like any marking. */
  private markReadOnShow(key: string, index: number): void {
    if (markReadOnShowEnabled() && !this.services.reading.state.isRead(key)) {
      this.services.reading.setRead([key], true, `Read article ${index}`);
    }
  }

  private post(message: ExtensionToWebview): void {
    void this.panel.webview.postMessage(message);
  }

  dispose(): void {
    this.disposed = true;
    this.stopDwell();
    void vscode.commands.executeCommand('setContext', PANEL_INPUT_FOCUS, false);
    if (ArticlePanel.current === this) {
      ArticlePanel.current = undefined;
    }
    this.panel.dispose();
    vscode.Disposable.from(...this.disposables).dispose();
    this.disposables.length = 0;
  }
}

function markReadOnShowEnabled(): boolean {
  return vscode.workspace.getConfiguration('digestReader').get<boolean>('markReadOnShow', true);
}

/** Seconds the cursor stays in an article before the panel following it marks it read; 0: never. */
function markReadAfterDwell(): number {
  const seconds = vscode.workspace.getConfiguration('digestReader').get<number>('markReadAfterDwell', 0);
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, 3600) : 0;
}

/** The target a restored state names, if it is sound and names something we can read. */
function restoredTarget(state: PanelState | undefined): PanelTarget | undefined {
  if (!state) {
    return undefined;
  }
  if ('starredKey' in state) {
    return { starredKey: state.starredKey };
  }
  try {
    const uri = vscode.Uri.parse(state.uri, true);
    return isRestorableScheme(uri.scheme) ? { uri, index: state.index, line: state.line, arxivId: state.arxivId } : undefined;
  } catch {
    return undefined; // a state that names no valid document: show the empty panel
  }
}
