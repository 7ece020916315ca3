import * as vscode from 'vscode';
import { articleKey } from '../core';
import { groupByPaper, type PaperHit, type SearchHit } from '../core/search';
import { escapeIcons } from '../common/escape';
import type { ReadingStore } from '../reading';
import type { SearchIndex } from './searchIndex';

/** Papers listed per keystroke. */
const LIMIT = 50;
/** Hits asked of the index per keystroke: a paper may be in several digests. */
const HITS = 200;
/** While indexing runs, the rows are brought up to date this often. */
const REFRESH_MS = 400;

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

/** A row as the Quick Pick shows it (for tests, through the API). */
export interface SearchRow {
  label: string;
  description?: string;
  detail?: string;
}

let shownRows: readonly SearchRow[] = [];

/** The rows the open (or last) Search All Digests Quick Pick shows. */
export function searchRows(): readonly SearchRow[] {
  return shownRows;
}

/**
 * A paper's row: its title in the language that matched; beside it read
 * and starred state and where it matched; on a line of its own, first,
 * every digest it is in with its date and number (never cut off), its arXiv
 * id, and for a German or Chinese hit the English title.
 */
export function itemOf(paper: PaperHit, reading: ReadingStore): HitItem {
  const hit = paper.best;
  const key = articleKey({ subject: hit.subject, date: hit.digestDate }, { arxivId: hit.arxivId, titles: hit.titles, sourceLanguage: 'en', index: hit.index });
  const read = reading.state.isRead(key);
  const starred = reading.state.isStarred(key);
  const english = hit.language !== 'en' && hit.titles.en !== undefined && hit.titles.en !== hit.title ? hit.titles.en : undefined;
  const digests = paper.listings.map((l) => `${l.subject} ${l.digestDate} #${String(l.index).padStart(2, '0')}`).join(', ');
  const id = hit.arxivId ? ` · ${hit.arxivId.replace(/v\d+$/, '')}` : '';
  return {
    // Unread and starred by icon first, as the Articles view shows them: a long title pushes the description out of sight.
    label: `${read ? '' : '$(circle-filled) '}${starred ? '$(star-full) ' : ''}${escapeIcons(hit.title)}`,
    description: `${read ? vscode.l10n.t('read') : vscode.l10n.t('unread')}${starred ? ` · ${vscode.l10n.t('starred')}` : ''} · ${matchedIn(hit)}`,
    detail: escapeIcons(`${digests}${id}${english === undefined ? '' : ` · ${english}`}`),
    // VS Code filters rows by their label; these are the index's hits, shown as they come.
    alwaysShow: true,
    hit,
  };
}

/**
 * The Quick Pick of "Search All Digests": searches on each keystroke, from
 * the first one on: the index is loaded or built at the first search, and
 * answers from what it holds so far while that runs (progress in the
 * placeholder; closing the pick cancels the build, which goes on next time).
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
  let shown = '';
  const update = (force = false) => {
    if (!force && shown === pick.value) {
      return;
    }
    shown = pick.value;
    pick.items = groupByPaper(index.search.search(pick.value, HITS), LIMIT).map((paper) => itemOf(paper, reading));
    shownRows = pick.items.map(({ label, description, detail }) => ({ label, description, detail }));
  };
  pick.onDidChangeValue(() => update());
  pick.onDidAccept(() => {
    const picked = pick.selectedItems[0] ?? pick.activeItems[0];
    if (picked) {
      pick.hide();
      accept(picked.hit);
    }
  });
  let refresh: ReturnType<typeof setInterval> | undefined;
  pick.onDidHide(() => {
    clearInterval(refresh);
    cancel.cancel();
    cancel.dispose();
    pick.dispose();
  });
  pick.show();
  if (!index.complete) {
    pick.busy = true;
    await index.start();
    update(true);
    refresh = setInterval(() => update(true), REFRESH_MS);
    const done = await index.build((filesDone, total) => {
      pick.placeholder = vscode.l10n.t('Indexing the digests: {0} of {1} files…', filesDone, total);
    }, cancel.token);
    clearInterval(refresh);
    if (!done) {
      return;
    }
    pick.busy = false;
    pick.placeholder = vscode.l10n.t('Search {0} articles of {1} digests: titles, authors, arXiv ids, abstracts', index.search.articleCount, index.search.fileCount);
  }
  update(true);
}
