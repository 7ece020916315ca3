import * as vscode from 'vscode';
import type { CommandServices } from '../commands';
import { resolveContext, showResolved } from '../commands/show';
import type { LibraryLike } from '../search/source';
import { FeatureStore } from './featureStore';
import { ForYou } from './forYou';
import { readingLabels } from './labels';
import { INBOX_VIEW_TYPE, InboxPanel, type InboxServices } from './inbox/inboxPanel';
import { moreLikeThis } from './moreLikeThis';
import { RankingService } from './rankingService';

export { ForYou, describeModel, type RowRanking, type RowWhy } from './forYou';
export { RankingService } from './rankingService';
export { InboxPanel } from './inbox/inboxPanel';

/** Sort by "For you" in the Articles view, and More like this; the worker starts when either is first used. */
export function register(services: CommandServices, library: LibraryLike & { readonly onDidChange: vscode.Event<void> }, output: vscode.OutputChannel): { service: RankingService; forYou: ForYou } {
  const { context } = services;
  const service = new RankingService(context.extensionUri, library, readingLabels(services.reading), output, new FeatureStore(context.storageUri, output));
  const forYou = new ForYou(context.globalState, services.documents, service);
  services.tree.setRanking(forYou);
  services.panel.ranking = forYou;
  const similarServices = { resolving: resolveContext(services), reading: services.reading, ranking: service, show: (resolved: Parameters<typeof showResolved>[1]) => showResolved(services, resolved, true) };
  const inboxServices: InboxServices = {
    ranking: service, reading: services.reading, documents: services.documents, panel: services.panel, memento: context.globalState, extensionUri: context.extensionUri,
    moreLikeThis: (target) => vscode.commands.executeCommand('digestReader.moreLikeThis', target),
  };
  context.subscriptions.push(
    service,
    forYou,
    vscode.commands.registerCommand('digestReader.openInbox', () => InboxPanel.createOrShow(inboxServices)),
    vscode.window.registerWebviewPanelSerializer(INBOX_VIEW_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown) {
        InboxPanel.revive(panel, inboxServices, state);
      },
    }),
    { dispose: () => InboxPanel.current?.dispose() },
    vscode.commands.registerCommand('digestReader.sortForYou', () => forYou.setEnabled(true)),
    vscode.commands.registerCommand('digestReader.sortInDigestOrder', () => forYou.setEnabled(false)),
    vscode.commands.registerCommand('digestReader.moreLikeThis', (argument?: unknown) => moreLikeThis(similarServices, argument)),
  );
  return { service, forYou };
}
