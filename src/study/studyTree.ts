import * as vscode from 'vscode';
import { studyEntryId, type StudyEntry } from '../core/study';
import { RefreshScheduler } from '../common/refreshScheduler';
import type { StudyListStore } from './studyListStore';

export const STUDY_VIEW_ID = 'digestReader.studyList';

/** How much of each other language the description shows: enough to recognise it, short enough to keep the label visible. */
const DESCRIPTION_CHARS = 40;

/** A row: one entry, with the id the edit and delete commands find it by. */
export interface StudyNode {
  readonly id: string;
  readonly entry: StudyEntry;
}

/** The entry's main text: English (the arXiv source language), else its first language. */
export function mainLanguage(entry: StudyEntry): string {
  return entry.texts.en !== undefined ? 'en' : Object.keys(entry.texts)[0] ?? 'en';
}

function shorten(text: string, length: number): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > length ? `${oneLine.slice(0, length - 1)}…` : oneLine;
}

/** Where an entry came from, for the tooltip and the status bar: `cs.DC 2025-06-01 · 2505.23554v1 · sentence 2`. */
export function entryOrigin(entry: StudyEntry): string {
  const kind = entry.kind === 'sentence' ? vscode.l10n.t('sentence {0}', entry.sentence ?? 0) : vscode.l10n.t('term');
  return [`${entry.subject} ${entry.digestDate}`.trim(), entry.arxivId ?? entry.articleKey, kind].join(' · ');
}

/** The Study list view: every entry, newest first. */
export class StudyTree implements vscode.TreeDataProvider<StudyNode>, vscode.Disposable {
  private nodes: StudyNode[] = [];
  private readonly changed = new vscode.EventEmitter<StudyNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly refresh = new RefreshScheduler<StudyNode>(() => this.changed.fire(undefined));
  readonly view: vscode.TreeView<StudyNode>;
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly store: StudyListStore) {
    this.view = vscode.window.createTreeView(STUDY_VIEW_ID, { treeDataProvider: this });
    this.disposables = [
      this.view,
      this.changed,
      store.onDidChange(() => this.rebuild()),
      this.view.onDidChangeVisibility((event) => this.refresh.setVisible(event.visible)),
    ];
    this.refresh.setVisible(this.view.visible);
    this.rebuild();
  }

  getChildren(node?: StudyNode): StudyNode[] {
    this.refresh.fetched(node === undefined);
    return node ? [] : this.nodes;
  }

  getTreeItem(node: StudyNode): vscode.TreeItem {
    const { entry } = node;
    const main = mainLanguage(entry);
    const item = new vscode.TreeItem(shorten(entry.texts[main] ?? '', 200), vscode.TreeItemCollapsibleState.None);
    item.id = `study:${node.id}`;
    item.description = Object.entries(entry.texts)
      .filter(([language, text]) => language !== main && text !== undefined)
      .map(([, text]) => shorten(text ?? '', DESCRIPTION_CHARS))
      .join(' · ');
    item.iconPath = new vscode.ThemeIcon(entry.kind === 'sentence' ? 'quote' : 'symbol-key');
    // Untrusted digest text: appendText escapes every Markdown character; no HTML, no command links.
    const tooltip = new vscode.MarkdownString(undefined, false);
    tooltip.isTrusted = false;
    tooltip.supportHtml = false;
    for (const [language, text] of Object.entries(entry.texts)) {
      if (text !== undefined) {
        tooltip.appendText(language.toUpperCase()).appendMarkdown(': ').appendText(text).appendMarkdown('\n\n');
      }
    }
    tooltip.appendText(entryOrigin(entry));
    item.tooltip = tooltip;
    item.contextValue = `studyEntry.${entry.kind}`;
    item.accessibilityInformation = { label: `${entry.kind === 'sentence' ? vscode.l10n.t('Sentence') : vscode.l10n.t('Term')}: ${entry.texts[main] ?? ''}` };
    return item;
  }

  private rebuild(): void {
    // Newest first; a stable sort keeps entries added in one millisecond in the order added, reversed.
    this.nodes = this.store.entries().reverse().sort((a, b) => b.addedAt - a.addedAt).map((entry) => ({ id: studyEntryId(entry), entry }));
    this.view.description = this.nodes.length > 0 ? String(this.nodes.length) : undefined;
    this.refresh.refreshRoot();
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
