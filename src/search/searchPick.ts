import * as vscode from 'vscode';
import { articleKey } from '../core';
import type { SearchHit } from '../core/search';
import { escapeIcons } from '../common/escape';
import type { ReadingStore } from '../reading';
import type { SearchIndex } from './searchIndex';

/** Hits listed per keystroke. */
const LIMIT = 50;

/** Where a hit matched, as one whole phrase per field and language (so a translation can inflect it). */
function matchedIn(hit: SearchHit): string {
  switch (hit.field) {
    case 'title':
      return hit.language === 'de' ? vscode.l10n.t('matched in the German title') : hit.language === 'zh' ? vscode.l10n.t('matched in the Chinese title') : vscode.l10n.t('matched in the English title');
    case 'abstract':
      return hit.language === 'de' ? vscode.l10n.t('matched in the German abstract') : hit.language === 'zh' ? vscode.l10n.t('matched in the Chinese abstract') : vscode.l10n.t('matched in the English abstract');
    case 'authors':
      return vscode.l10n.t('matched in the authors');
    case 'arxivId':
      return vscode.l10n.t('matched in the arXiv id');
  }
}

export interface HitItem extends vscode.QuickPickItem {
  hit: SearchHit;
}

/** A hit's row: the title in the language that matched, digest and date, read and starred state, where it matched. */
export function itemOf(hit: SearchHit, reading: ReadingStore): HitItem {
  const key = articleKey({ subject: hit.subject, date: hit.digestDate }, { arxivId: hit.arxivId, titles: hit.titles, sourceLanguage: 'en', index: hit.index });
  const read = reading.state.isRead(key);
  const starred = reading.state.isStarred(key);
  return {
    label: `${starred ? '$(star-full) ' : ''}${escapeIcons(hit.title)}`,
    description: escapeIcons(`${hit.subject} ${hit.digestDate} · ${String(hit.index).padStart(2, '0')}${hit.arxivId ? ` · ${hit.arxivId}` : ''}`),
    detail: `${read ? vscode.l10n.t('read') : `$(circle-filled) ${vscode.l10n.t('unread')}`}${starred ? ` · ${vscode.l10n.t('starred')}` : ''} · ${matchedIn(hit)}`,
    // VS Code filters rows by their label; these are the index's hits, shown as they come.
    alwaysShow: true,
    hit,
  };
}

/**
 * The Quick Pick of "Search All Digests": searches on each keystroke, builds
 * the index first (progress in the placeholder; closing it cancels).
 * Resolves once the rows for `initial` are shown; `accept` gets the picked hit.
 */
export async function showSearchPick(index: SearchIndex, reading: ReadingStore, initial: string, accept: (hit: SearchHit) => void): Promise<void> {
  const pick = vscode.window.createQuickPick<HitItem>();
  const cancel = new vscode.CancellationTokenSource();
  pick.title = vscode.l10n.t('Search All Digests');
  pick.placeholder = vscode.l10n.t('Titles (English, German, Chinese), authors, arXiv ids, abstracts');
  pick.matchOnDescription = false;
  pick.matchOnDetail = false;
  pick.value = initial;
  const update = () => {
    if (index.complete) {
      pick.items = index.search.search(pick.value, LIMIT).map((hit) => itemOf(hit, reading));
    }
  };
  pick.onDidChangeValue(update);
  pick.onDidAccept(() => {
    const picked = pick.selectedItems[0] ?? pick.activeItems[0];
    if (picked) {
      pick.hide();
      accept(picked.hit);
    }
  });
  pick.onDidHide(() => {
    cancel.cancel();
    cancel.dispose();
    pick.dispose();
  });
  pick.show();
  if (!index.complete) {
    pick.busy = true;
    const done = await index.build((filesDone, total) => {
      pick.placeholder = vscode.l10n.t('Indexing the digests: {0} of {1} files…', filesDone, total);
    }, cancel.token);
    if (!done) {
      return;
    }
    pick.busy = false;
    pick.placeholder = vscode.l10n.t('Search {0} articles of {1} digests: titles, authors, arXiv ids, abstracts', index.search.articleCount, index.search.fileCount);
  }
  update();
}
