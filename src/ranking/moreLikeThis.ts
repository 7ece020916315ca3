/**
 * More like this: for an article (a tree row, the panel, the editor, the
 * palette), the most similar papers of the whole Library in a Quick Pick,
 * each with what it shares with the article; picking one shows it.
 */
import * as vscode from 'vscode';
import { nameFeatures, rankingText, type ArticleText } from '../core/ranking';
import { escapeIcons } from '../common/escape';
import { resolveArticle, resolvedDocument, type ResolveContext, type ResolvedArticle } from '../commands/resolveArticle';
import type { ReadingStore } from '../reading';
import { percent } from './forYou';
import type { RankingService } from './rankingService';
import type { SimilarRow } from './worker/protocol';

const LIMIT = 30;

export interface SimilarItem extends vscode.QuickPickItem {
  row: SimilarRow;
}

function textOf(resolved: ResolvedArticle): ArticleText {
  if (resolved.kind === 'document') {
    return rankingText(resolved.article);
  }
  return rankingText(resolved.star);
}

/**
 * A similar paper's row, laid out as a search hit's: its title, and beside it
 * its read state; on a line of its own, first, where it is listed with its
 * number (never cut off by a long title), how similar, and the words it
 * shares with the article.
 */
export function itemOf(row: SimilarRow, query: ArticleText, reading: ReadingStore): SimilarItem {
  const shared = nameFeatures(query, row.shared.map(([feature, weight]) => ({ feature, weight }))).map((reason) => reason.term);
  const starred = reading.state.isStarred(row.key);
  const read = reading.state.isRead(row.key);
  const home = `${row.subject} ${row.digestDate}`;
  return {
    label: `${read ? '' : '$(circle-filled) '}${starred ? '$(star-full) ' : ''}${escapeIcons(row.title)}`,
    description: read ? vscode.l10n.t('read') : vscode.l10n.t('unread'),
    // First the digest picking the row opens, with the paper's number there; then the others that list it.
    detail: escapeIcons(`${[`${home} #${String(row.index).padStart(2, '0')}`, ...row.listedIn.filter((listing) => listing !== home)].join(', ')} · ${vscode.l10n.t('similarity {0}', percent(row.score))} · ${shared.length > 0 ? vscode.l10n.t('shares: {0}', shared.join(', ')) : vscode.l10n.t('shares few words')}`),
    row,
  };
}

export interface MoreLikeThisServices {
  resolving: ResolveContext;
  reading: ReadingStore;
  ranking: RankingService;
  show(resolved: ResolvedArticle): Promise<void>;
}

/** The command: resolves the article, lists its nearest papers (busy while the Library's features load), shows the one picked. */
export async function moreLikeThis(services: MoreLikeThisServices, argument: unknown): Promise<SimilarItem[] | undefined> {
  const resolved = await resolveArticle(services.resolving, argument, vscode.l10n.t('Find papers like which article?'));
  if (!resolved) {
    return undefined;
  }
  const query = textOf(resolved);
  const pick = vscode.window.createQuickPick<SimilarItem>();
  pick.title = vscode.l10n.t('More like “{0}”', query.title);
  pick.placeholder = vscode.l10n.t('The most similar papers in every digest of the Library (by their words and authors)');
  pick.matchOnDescription = true;
  pick.busy = true;
  pick.show();
  const rows = await services.ranking.similar(resolved.key, query, LIMIT);
  const items = rows.map((row) => itemOf(row, query, services.reading));
  pick.items = items;
  pick.busy = false;
  if (items.length === 0) {
    pick.placeholder = vscode.l10n.t('No similar paper in the Library yet.');
  }
  pick.onDidAccept(async () => {
    const chosen = pick.selectedItems[0];
    pick.hide();
    if (chosen) {
      await openRow(services, chosen.row);
    }
  });
  pick.onDidHide(() => pick.dispose());
  return items;
}

/** Opens a similar paper's digest and shows the paper. */
export async function openRow(services: MoreLikeThisServices, row: SimilarRow): Promise<void> {
  const uri = vscode.Uri.parse(row.file, true);
  const entry = services.resolving.documents.get(uri) ?? (await services.resolving.documents.open(uri).then(undefined, () => undefined));
  const article = entry?.digest.articles[row.position];
  if (!entry || !article) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Article {0} is no longer in this digest.', row.index));
    return;
  }
  await services.show(resolvedDocument(entry, article));
}
