import * as vscode from 'vscode';
import { nextUnread, stepInReadingOrder, triageOf } from '../core';
import type { DigestEntry } from '../digests';
import { DateNode } from '../tree';
import { keyHelp } from './keyHelp';
import { currentArticle, indexOf, originOf, resolveArticle, resolvedDocument, resolvedStar, snapshotOf, type ResolveContext, type ResolvedArticle } from './resolveArticle';
import type { CommandServices } from './services';
import { showResolved } from './show';

/**
 * Triage: move through a digest, mark read, star and "not interested", undo. Keys pass
 * `{ from: 'tree' | 'starred' | 'panel' | 'editor' }`, so each command acts
 * on the article where the key was pressed and keeps focus there.
 */
export function registerTriage(services: CommandServices, resolving: ResolveContext): void {
  const { reading } = services;

  /** The digest a key is about: the current article's, else the one in the Articles view. */
  const digestOf = (current: ResolvedArticle | undefined): DigestEntry | undefined =>
    current?.kind === 'document' ? current.entry : services.documents.active;

  const step = (offset: 1 | -1) => async (argument?: unknown): Promise<void> => {
    const origin = originOf(argument);
    let current = await currentArticle(resolving, argument);
    if (!current && origin === undefined) {
      current = await resolveArticle(resolving, undefined, vscode.l10n.t('From which article?'));
      if (!current) {
        return;
      }
    }
    let next: ResolvedArticle | undefined;
    if (current?.kind === 'starred' || origin === 'starred') {
      const list = services.starred.articles;
      const position = current ? list.findIndex((node) => node.star.key === current.key) : -1;
      const node = position < 0 ? list[offset === 1 ? 0 : list.length - 1] : list[position + offset];
      next = node && resolvedStar(node.star);
    } else {
      const entry = digestOf(current);
      const article = entry && stepInReadingOrder(entry.digest, current?.kind === 'document' ? current.article : undefined, offset, services.tree.readingOrder(entry.digest));
      next = entry && article && resolvedDocument(entry, article);
    }
    if (next) {
      await showResolved(services, next, { preserveFocus: true, origin });
    }
  };

  const showNextUnread = async (argument?: unknown): Promise<void> => {
    const origin = originOf(argument);
    const current = await currentArticle(resolving, argument);
    const isRead = (key: string): boolean => reading.state.isRead(key);
    if (current?.kind === 'starred' || origin === 'starred') {
      const list = services.starred.articles;
      const position = current ? list.findIndex((node) => node.star.key === current.key) : -1;
      const node = [...list.slice(position + 1), ...list.slice(0, position + 1)].find((candidate) => !isRead(candidate.star.key));
      if (node) {
        await showResolved(services, resolvedStar(node.star), { preserveFocus: true, origin });
      } else {
        void vscode.window.showInformationMessage(vscode.l10n.t('Every starred article is read.'));
      }
      return;
    }
    const entry = digestOf(current);
    if (!entry) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a digest first: its articles are listed in the Digests sidebar.'));
      return;
    }
    const article = nextUnread(entry.digest, current?.kind === 'document' ? current.article : undefined, isRead, services.tree.readingOrder(entry.digest));
    if (article) {
      await showResolved(services, resolvedDocument(entry, article), { preserveFocus: true, origin });
    } else {
      const { subject, date, articles } = entry.digest;
      void vscode.window.showInformationMessage(vscode.l10n.t('Done: all {0} articles of {1} are read.', articles.length, [subject, date].filter(Boolean).join(' ')));
    }
  };

  const mark = (what: 'read' | 'unread' | 'toggleRead' | 'star' | 'unstar' | 'toggleStar' | 'notInterested' | 'interested' | 'toggleNotInterested') => async (argument?: unknown): Promise<void> => {
    const resolved = await resolveArticle(resolving, argument, vscode.l10n.t('Which article?'));
    if (!resolved) {
      return;
    }
    const { key } = resolved;
    const index = indexOf(resolved);
    if (what === 'read' || what === 'unread' || what === 'toggleRead') {
      const read = what === 'toggleRead' ? !reading.state.isRead(key) : what === 'read';
      reading.setRead([key], read, read ? vscode.l10n.t('Marked article {0} read', index) : vscode.l10n.t('Marked article {0} unread', index));
    } else if (what === 'notInterested' || what === 'interested' || what === 'toggleNotInterested') {
      const rejected = what === 'toggleNotInterested' ? !reading.state.isNotInterested(key) : what === 'notInterested';
      const label = rejected ? vscode.l10n.t('Marked article {0} not interested', index) : vscode.l10n.t('Took back "not interested" for article {0}', index);
      if (reading.setNotInterested([key], rejected, label).length > 0) {
        vscode.window.setStatusBarMessage(rejected ? vscode.l10n.t('Article {0}: not interested; papers like it rank lower (undo: u)', index) : label, 4000);
      }
    } else {
      const star = what === 'toggleStar' ? !reading.state.isStarred(key) : what === 'star';
      reading.setStar(key, star ? snapshotOf(resolved) : undefined, star ? vscode.l10n.t('Starred article {0}', index) : vscode.l10n.t('Unstarred article {0}', index));
    }
  };

  const markDateRead = (argument?: unknown): void => {
    const entry = services.documents.active;
    if (!(argument instanceof DateNode) || !entry) {
      return;
    }
    const { keys } = triageOf(entry.digest);
    const dateKeys = argument.group.articles.map((article) => keys.get(article) ?? '');
    const label = argument.group.date ?? vscode.l10n.t('the articles');
    const changed = reading.setRead(dateKeys, true, vscode.l10n.t('Marked {0} articles of {1} read', dateKeys.length, label));
    vscode.window.setStatusBarMessage(vscode.l10n.t('Marked {0} articles of {1} read (undo: u)', changed.length, label), 4000);
  };

  const markDigestRead = async (argument?: unknown): Promise<void> => {
    const entry = digestOf(await currentArticle(resolving, argument));
    if (!entry) {
      return;
    }
    const keys = [...triageOf(entry.digest).keys.values()];
    const name = [entry.digest.subject, entry.digest.date].filter(Boolean).join(' ');
    const changed = reading.setRead(keys, true, vscode.l10n.t('Marked all {0} articles of {1} read', keys.length, name));
    vscode.window.setStatusBarMessage(vscode.l10n.t('Marked {0} articles of {1} read (undo: u)', changed.length, name), 4000);
  };

  const undo = (): void => {
    const marking = reading.undo();
    if (marking) {
      vscode.window.setStatusBarMessage(vscode.l10n.t('Undone: {0}', marking.label), 4000);
    } else {
      void vscode.window.showInformationMessage(vscode.l10n.t('There is no marking to undo.'));
    }
  };

  const showKeys = async (argument?: unknown): Promise<void> => {
    const picked = await vscode.window.showQuickPick(keyHelp().map((entry) => ({ label: entry.key, description: entry.action, entry })), {
      title: vscode.l10n.t('Digest Reader keys (in the Articles view, the Starred view and the article panel; Alt+key in a digest editor)'),
      placeHolder: vscode.l10n.t('Pick one to run it'),
    });
    if (picked) {
      await vscode.commands.executeCommand(picked.entry.command, argument);
    }
  };

  services.context.subscriptions.push(
    vscode.commands.registerCommand('digestReader.nextArticle', step(1)),
    vscode.commands.registerCommand('digestReader.previousArticle', step(-1)),
    vscode.commands.registerCommand('digestReader.nextUnread', showNextUnread),
    vscode.commands.registerCommand('digestReader.markRead', mark('read')),
    vscode.commands.registerCommand('digestReader.markUnread', mark('unread')),
    vscode.commands.registerCommand('digestReader.toggleRead', mark('toggleRead')),
    vscode.commands.registerCommand('digestReader.star', mark('star')),
    vscode.commands.registerCommand('digestReader.unstar', mark('unstar')),
    vscode.commands.registerCommand('digestReader.toggleStar', mark('toggleStar')),
    vscode.commands.registerCommand('digestReader.markNotInterested', mark('notInterested')),
    vscode.commands.registerCommand('digestReader.unmarkNotInterested', mark('interested')),
    vscode.commands.registerCommand('digestReader.toggleNotInterested', mark('toggleNotInterested')),
    vscode.commands.registerCommand('digestReader.markDateRead', markDateRead),
    vscode.commands.registerCommand('digestReader.markDigestRead', markDigestRead),
    vscode.commands.registerCommand('digestReader.undo', undo),
    vscode.commands.registerCommand('digestReader.showKeys', showKeys),
    vscode.commands.registerCommand('digestReader.hideRead', () => services.tree.setHideRead(true)),
    vscode.commands.registerCommand('digestReader.showRead', () => services.tree.setHideRead(false)),
  );
}
