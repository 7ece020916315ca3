import * as vscode from 'vscode';
import { isoWeekday } from '../core';
import { groupBySubject, listingAny } from '../core/library';
import { weekdayName } from '../core/digest/group';
import { ClickedRow } from '../common/clickedRow';
import { RefreshScheduler } from '../common/refreshScheduler';
import type { ReadingChange, ReadingStore } from '../reading';
import type { Library, LibraryEntry } from './library';

/**
 * A Library row's click: opens the digest, listed in the Articles view first (see DigestDocuments.openInEditor).
 * The row's command carries no arguments: the Library redraws its rows while it scans, and a click on a row
 * whose command (with arguments) was dropped by a redraw ran nothing but an error (see ClickedRow).
 */
export const OPEN_FROM_LIBRARY = 'digestReader.openFromLibrary';

export const LIBRARY_VIEW_ID = 'digestReader.library';

/** A subject (`cs.DC`, `German News`) and its digests, newest first. */
export class SubjectNode {
  readonly digests: DigestNode[] = [];
  constructor(readonly subject: string) {}

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.subject || vscode.l10n.t('(no subject)'), vscode.TreeItemCollapsibleState.Expanded);
    item.id = `library-subject:${this.subject}`;
    item.description = this.digests.length === 1 ? vscode.l10n.t('1 digest') : vscode.l10n.t('{0} digests', this.digests.length);
    item.iconPath = new vscode.ThemeIcon('library');
    item.contextValue = 'librarySubject';
    return item;
  }
}

/** One digest file: its date, article count and how many are unread. */
export class DigestNode {
  constructor(
    readonly parent: SubjectNode,
    readonly entry: LibraryEntry,
    /** Another digest of the subject has the same date: the row also names its file. */
    readonly sameDateAsAnother = false,
  ) {}

  /** Drawn the same: the same file, read the same time (a file read again has a new summary). */
  sameRowAs(other: DigestNode): boolean {
    return other.entry.summary === this.entry.summary && other.entry.uri.toString() === this.entry.uri.toString() && other.sameDateAsAnother === this.sameDateAsAnother;
  }

  toTreeItem(unread: number): vscode.TreeItem {
    const { summary, uri } = this.entry;
    const label = `${weekdayName(isoWeekday(summary.date), vscode.env.language)} ${summary.date}`.trim();
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
    item.id = `library:${uri.toString()}`;
    const days = summary.dates.length > 1 ? ` · ${vscode.l10n.t('{0} days', summary.dates.length)}` : '';
    const fileName = uri.path.slice(uri.path.lastIndexOf('/') + 1);
    const file = this.sameDateAsAnother ? ` · ${fileName}` : '';
    // A new digest listed from its header while the first scan reads it: counts come once it is read.
    const beingRead = this.entry.headOnly === true;
    const counts = beingRead ? vscode.l10n.t('{0} articles (its header says), being read', summary.articleCount) : vscode.l10n.t('{0} articles, {1} unread', summary.articleCount, unread);
    const state = beingRead ? vscode.l10n.t('reading…') : unread === 0 ? vscode.l10n.t('all read') : vscode.l10n.t('{0} unread', unread);
    item.description = `${summary.articleCount} · ${state}${days}${file}`;
    item.iconPath = new vscode.ThemeIcon(beingRead || unread > 0 ? 'book' : 'check');
    // Subject, dates and path are untrusted text: shown as text, never as Markdown.
    const tooltip = new vscode.MarkdownString(undefined, false);
    tooltip.isTrusted = false;
    tooltip.supportHtml = false;
    tooltip.appendText(`${summary.subject} · ${summary.dates.join(', ')}`).appendMarkdown('\n\n');
    tooltip.appendText(counts).appendMarkdown('\n\n');
    tooltip.appendText(vscode.workspace.asRelativePath(uri));
    item.tooltip = tooltip;
    item.contextValue = 'libraryDigest';
    item.command = { command: OPEN_FROM_LIBRARY, title: vscode.l10n.t('Open Digest') };
    // Two digests of one subject and date: the file name tells them apart for a screen reader too.
    item.accessibilityInformation = { label: `${summary.subject} ${label}${this.sameDateAsAnother ? ` ${fileName}` : ''}: ${counts}` };
    return item;
  }
}

export type LibraryNode = SubjectNode | DigestNode;

/**
 * The Library view: every digest of the workspace by subject, newest first,
 * with article and unread counts. Clicking one opens it; the Articles view
 * then shows it, as it follows the active digest.
 */
export class LibraryTree implements vscode.TreeDataProvider<LibraryNode>, vscode.Disposable {
  private roots: SubjectNode[] = [];
  private readonly changed = new vscode.EventEmitter<LibraryNode[] | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly refresh = new RefreshScheduler<LibraryNode>((nodes) => this.changed.fire(nodes));
  readonly view: vscode.TreeView<LibraryNode>;
  private readonly disposables: vscode.Disposable[];
  private readonly clicks = new ClickedRow<LibraryNode>(() => this.view);

  constructor(
    private readonly library: Library,
    private readonly reading: ReadingStore,
  ) {
    this.view = vscode.window.createTreeView(LIBRARY_VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
    this.disposables = [
      this.view,
      this.changed,
      library.onDidChange(() => this.rebuild()),
      library.onDidProgress((progress) => this.showProgress(progress)),
      reading.onDidChange((change) => this.readingChanged(change)),
      this.view.onDidChangeVisibility((event) => this.refresh.setVisible(event.visible)),
    ];
    this.refresh.setVisible(this.view.visible);
    this.rebuild();
    this.showProgress(undefined);
  }

  getTreeItem(node: LibraryNode): vscode.TreeItem {
    return node instanceof SubjectNode ? node.toTreeItem() : node.toTreeItem(this.unreadOf(node.entry));
  }

  getChildren(node?: LibraryNode): LibraryNode[] {
    this.refresh.fetched(node === undefined);
    this.clicks.fetched();
    return node ? (node instanceof SubjectNode ? node.digests : []) : this.roots;
  }

  getParent(node: LibraryNode): LibraryNode | undefined {
    return node instanceof DigestNode ? node.parent : undefined;
  }

  /** The digest of the row a click selected, once VS Code knows that row (see ClickedRow). */
  async clickedDigest(): Promise<vscode.Uri | undefined> {
    const node = await this.clicks.get();
    return node instanceof DigestNode ? node.entry.uri : undefined;
  }

  unreadOf(entry: LibraryEntry): number {
    let unread = 0;
    for (const key of entry.summary.keys) {
      if (!this.reading.state.isRead(key)) {
        unread++;
      }
    }
    return unread;
  }

  /** Unread counts: the rows of the digests that hold a paper marked (a paper can be in several), or every row. */
  private readingChanged(change: ReadingChange): void {
    if (change === 'all') {
      this.refresh.refreshRoot();
      return;
    }
    const digests = this.roots.flatMap((subject) => subject.digests);
    const rows = listingAny(digests, (digest) => digest.entry.summary.keys, change.keys);
    this.refresh.refreshRows(rows);
  }

  /**
   * Redraws only the subjects whose digests changed (the whole view when the subjects did): while the first scan
   * lists a year of digests, the rows of other subjects stay as they are under the user's pointer.
   */
  private rebuild(): void {
    const groups = groupBySubject(this.library.listedEntries(), (entry) => entry.summary, (entry) => entry.uri.path);
    const before = new Map(this.roots.map((subject) => [subject.subject, subject]));
    const sameSubjects = this.roots.length > 0 && groups.length === this.roots.length && groups.every((group, at) => this.roots[at].subject === group.subject);
    const changed: SubjectNode[] = [];
    this.roots = groups.map((group) => {
      const subject = before.get(group.subject) ?? new SubjectNode(group.subject);
      const dates = group.items.map((entry) => entry.summary.date);
      const digests = group.items.map((entry) => new DigestNode(subject, entry, dates.indexOf(entry.summary.date) !== dates.lastIndexOf(entry.summary.date)));
      const same = digests.length === subject.digests.length && digests.every((digest, at) => digest.sameRowAs(subject.digests[at]));
      if (!same) {
        subject.digests.splice(0, subject.digests.length, ...digests);
        changed.push(subject);
      }
      return subject;
    });
    const count = this.roots.reduce((sum, subject) => sum + subject.digests.length, 0);
    this.view.description = count > 0 ? (count === 1 ? vscode.l10n.t('1 digest') : vscode.l10n.t('{0} digests', count)) : undefined;
    if (sameSubjects) {
      this.refresh.refreshRows(changed);
    } else {
      this.refresh.refreshRoot();
    }
  }

  private showProgress(progress: { done: number; total: number } | undefined): void {
    if (progress && progress.total > 0) {
      this.view.message = vscode.l10n.t('Indexing digests… {0} of {1} files', progress.done, progress.total);
    } else if (this.library.limitedToDigestNames) {
      // Looking at a file here costs reading all of it: say why a digest named otherwise is missing, and what to do.
      this.view.message = vscode.l10n.t('In this virtual workspace the Library looks only at files named like digests (with a date, such as cs.DC-2025-06-01.txt) and at those digestReader.library.include names.');
    } else {
      this.view.message = undefined;
    }
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
