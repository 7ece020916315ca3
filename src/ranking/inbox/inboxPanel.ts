/**
 * The inbox in the editor area: the unread papers of the Library's recent
 * digests (`digestReader.inbox.days`, default 7) across subjects and days,
 * one row per paper, "For you" or newest first. Reading a paper shows it in
 * the article panel beside the inbox and marks it read everywhere; the keys
 * triage through the whole inbox. Restored after a window reload.
 */
import * as vscode from 'vscode';
import { weekdayName } from '../../core';
import { isInboxFromWebview, isInboxState, type InboxFromWebview, type InboxRowView, type InboxSort, type InboxStrings } from '../../common/inboxMessages';
import { resolvedDocument, snapshotOf } from '../../commands/resolveArticle';
import type { DigestDocuments } from '../../digests';
import { ArticlePanel, type PanelServices } from '../../panel';
import type { ReadingStore } from '../../reading';
import { describeModel, percent } from '../forYou';
import type { RankingService } from '../rankingService';
import type { InboxRow } from '../worker/protocol';
import { inboxHtml, inboxWebviewOptions } from './inboxHtml';
import { PageLoadWatch } from '../../panel/pageLoadWatch';

export const INBOX_VIEW_TYPE = 'digestReader.inbox';
const SORT_KEY = 'digestReader.inbox.sort';

export interface InboxServices {
  ranking: RankingService;
  reading: ReadingStore;
  documents: DigestDocuments;
  panel: PanelServices;
  memento: vscode.Memento;
  extensionUri: vscode.Uri;
  moreLikeThis(target: { uri: vscode.Uri; index: number; line: number; arxivId?: string }): Thenable<unknown>;
}

function strings(): InboxStrings {
  return {
    forYou: vscode.l10n.t('For you'),
    newest: vscode.l10n.t('Newest first'),
    sortLabel: vscode.l10n.t('Sort the inbox'),
    markAllRead: vscode.l10n.t('Mark all read'),
    keysHint: vscode.l10n.t('Keys: j/k move, Enter reads, m read, s star, x not interested, o arXiv, l more like this, u undo, Shift+A all read.'),
    read: vscode.l10n.t('read'),
    unread: vscode.l10n.t('unread'),
    starred: vscode.l10n.t('starred'),
    notInterested: vscode.l10n.t('not interested'),
    listLabel: vscode.l10n.t('Unread papers'),
  };
}

export function inboxDays(): number {
  const days = vscode.workspace.getConfiguration('digestReader').get<number>('inbox.days', 7);
  return Number.isInteger(days) && days >= 1 && days <= 365 ? days : 7;
}

export class InboxPanel implements vscode.Disposable {
  static current: InboxPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private rows: InboxRow[] = [];
  private readonly page: PageLoadWatch;
  private loading: Promise<void> | undefined;

  static createOrShow(services: InboxServices): InboxPanel {
    if (InboxPanel.current?.page.stuck) {
      InboxPanel.current.dispose(); // a page VS Code left blank: a new one
    }
    if (InboxPanel.current) {
      InboxPanel.current.panel.reveal();
      void InboxPanel.current.load();
      return InboxPanel.current;
    }
    const panel = vscode.window.createWebviewPanel(INBOX_VIEW_TYPE, vscode.l10n.t('Inbox'), vscode.ViewColumn.One, inboxWebviewOptions(services.extensionUri));
    InboxPanel.current = new InboxPanel(panel, services);
    return InboxPanel.current;
  }

  static revive(panel: vscode.WebviewPanel, services: InboxServices, state: unknown): InboxPanel {
    InboxPanel.current?.panel.dispose();
    void isInboxState(state); // the page keeps its own selection; nothing else is restored from it
    InboxPanel.current = new InboxPanel(panel, services);
    return InboxPanel.current;
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly services: InboxServices,
  ) {
    panel.webview.options = inboxWebviewOptions(services.extensionUri);
    panel.iconPath = vscode.Uri.joinPath(services.extensionUri, 'media', 'digests.svg');
    panel.webview.html = inboxHtml(panel.webview, services.extensionUri);
    this.page = new PageLoadWatch(panel, () => (panel.webview.html = inboxHtml(panel.webview, services.extensionUri)));
    this.disposables.push(
      this.page,
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((message: unknown) => {
        if (isInboxFromWebview(message)) {
          void this.handle(message);
        }
      }),
      services.reading.onDidChange(() => this.post()),
      services.ranking.onDidChange(() => void this.load()),
      vscode.workspace.onDidChangeConfiguration((event) => event.affectsConfiguration('digestReader.inbox.days') && void this.load()),
    );
    void this.load();
  }

  get sort(): InboxSort {
    return this.services.memento.get<InboxSort>(SORT_KEY, 'forYou') === 'date' ? 'date' : 'forYou';
  }

  /** Reads the recent papers from the worker (scores included). */
  load(): Promise<void> {
    this.loading = this.services.ranking.inbox(inboxDays()).then((answer) => {
      this.rows = answer.rows;
      this.oldest = answer.oldest;
      this.newest = answer.newest;
      this.post();
    });
    return this.loading;
  }

  private oldest: string | undefined;
  private newest: string | undefined;

  /** Resolves when the rows are loaded (tests). */
  async whenLoaded(): Promise<void> {
    await this.loading;
  }

  /** The rows the page lists now, in order (tests look at what the user sees). */
  visibleRows(): InboxRowView[] {
    return this.views().filter((row) => !row.read);
  }

  private views(): InboxRowView[] {
    const state = this.services.reading.state;
    const language = vscode.env.language;
    const rows = this.rows.map((row, order) => ({ row, order }));
    if (this.sort === 'forYou' && this.services.ranking.summary.kind !== 'none') {
      rows.sort((a, b) => (b.row.raw ?? -Infinity) - (a.row.raw ?? -Infinity) || a.order - b.order);
    }
    return rows.map(({ row }) => ({
      key: row.key,
      title: row.title,
      lead: row.lead,
      date: `${weekdayName(new Date(`${row.date}T00:00:00Z`).getUTCDay() || 7, language)} ${row.date}`.trim(),
      // Two files of one day (a copy, the Markdown rendering) are one digest to the reader.
      listedIn: [...new Set(row.places.map((place) => `${place.subject} ${place.digestDate}`))],
      score: row.shown === undefined ? undefined : percent(row.shown),
      read: state.isRead(row.key),
      starred: state.isStarred(row.key),
      notInterested: state.isNotInterested(row.key),
    }));
  }

  private post(): void {
    const views = this.views();
    const unread = views.filter((row) => !row.read).length;
    // The tab's count follows while the page is hidden (and so not loaded) too.
    this.panel.title = unread > 0 ? vscode.l10n.t('Inbox ({0})', unread) : vscode.l10n.t('Inbox');
    if (!this.page.isReady) {
      return;
    }
    const digests = new Set(this.rows.flatMap((row) => row.places.map((place) => place.file))).size;
    const range = this.oldest && this.newest ? (this.oldest === this.newest ? this.newest : `${this.oldest} – ${this.newest}`) : undefined;
    const heading = range === undefined
      ? vscode.l10n.t('Inbox')
      : unread === 1 ? vscode.l10n.t('1 unread paper of {0} digests, {1}', digests, range) : vscode.l10n.t('{0} unread papers of {1} digests, {2}', unread, digests, range);
    const model = this.services.ranking.summary;
    void this.panel.webview.postMessage({
      type: 'rows',
      rows: views,
      heading,
      note: this.sort === 'forYou' ? describeModel(model) : vscode.l10n.t('Newest digest first.'),
      sort: this.sort,
      empty: this.rows.length === 0 ? vscode.l10n.t('No digest in the Library yet: open a folder of digests.') : vscode.l10n.t('All read: no unread paper in the last {0} days of the Library.', inboxDays()),
      strings: strings(),
    });
  }

  /** Opens the paper's first listing in the article panel beside the inbox (which marks it read, as the setting says). */
  private async target(key: string) {
    const row = this.rows.find((r) => r.key === key);
    const place = row?.places[0];
    if (!place) {
      return undefined;
    }
    const uri = vscode.Uri.parse(place.file, true);
    const entry = this.services.documents.get(uri) ?? (await this.services.documents.open(uri).then(undefined, () => undefined));
    const article = entry?.digest.articles[place.position];
    return entry && article ? resolvedDocument(entry, article) : undefined;
  }

  private async handle(message: InboxFromWebview): Promise<void> {
    const { reading } = this.services;
    switch (message.type) {
      case 'ready':
        this.page.pageReady();
        this.post();
        return;
      case 'sort':
        await this.services.memento.update(SORT_KEY, message.sort);
        this.post();
        return;
      case 'undo':
        await vscode.commands.executeCommand('digestReader.undo');
        return;
      case 'showKeys':
        void vscode.window.showInformationMessage(strings().keysHint);
        return;
      case 'markAllRead': {
        const changed = reading.setRead(message.keys, true, vscode.l10n.t('Marked {0} inbox papers read', message.keys.length));
        vscode.window.setStatusBarMessage(vscode.l10n.t('Marked {0} inbox papers read (undo: u)', changed.length), 4000);
        return;
      }
      case 'toggleNotInterested': {
        const rejected = !reading.state.isNotInterested(message.key);
        reading.setNotInterested([message.key], rejected, rejected ? vscode.l10n.t('Marked a paper of the inbox not interested') : vscode.l10n.t('Took back "not interested" for a paper of the inbox'));
        if (rejected) {
          vscode.window.setStatusBarMessage(vscode.l10n.t('Not interested: papers like it rank lower (undo: u)'), 4000);
        }
        return;
      }
      case 'toggleRead': {
        const read = !reading.state.isRead(message.key);
        reading.setRead([message.key], read, read ? vscode.l10n.t('Marked a paper of the inbox read') : vscode.l10n.t('Marked a paper of the inbox unread'));
        return;
      }
      default:
        break;
    }
    const resolved = await this.target(message.key);
    if (!resolved || resolved.kind !== 'document') {
      void vscode.window.showWarningMessage(vscode.l10n.t('This paper is no longer in its digest.'));
      return;
    }
    switch (message.type) {
      case 'open':
        ArticlePanel.createOrShow(this.services.panel, resolved.target, true);
        return;
      case 'toggleStar': {
        const star = !reading.state.isStarred(resolved.key);
        reading.setStar(resolved.key, star ? snapshotOf(resolved) : undefined, star ? vscode.l10n.t('Starred article {0}', resolved.article.index) : vscode.l10n.t('Unstarred article {0}', resolved.article.index));
        return;
      }
      case 'openArxiv':
        await vscode.commands.executeCommand('digestReader.openArxivPage', resolved.target);
        return;
      case 'moreLikeThis':
        await this.services.moreLikeThis(resolved.target as { uri: vscode.Uri; index: number; line: number; arxivId?: string });
        return;
    }
  }

  dispose(): void {
    if (InboxPanel.current === this) {
      InboxPanel.current = undefined;
    }
    this.panel.dispose();
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
