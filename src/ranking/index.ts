import * as vscode from 'vscode';
import type { CommandServices } from '../commands';
import { resolveContext, showResolved } from '../commands/show';
import type { LibraryLike } from '../search/source';
import { FeatureStore } from './featureStore';
import { FOR_YOU, ForYou } from './forYou';
import { readingLabels } from './labels';
import { INBOX_VIEW_TYPE, InboxPanel, type InboxServices } from './inbox/inboxPanel';
import { moreLikeThis } from './moreLikeThis';
import { RankingService } from './rankingService';

export { ForYou, FOR_YOU, describeModel, type PanelWhy } from './forYou';
export { RankingService } from './rankingService';
export { InboxPanel } from './inbox/inboxPanel';

/** 0.5.x's "For you" toggle, kept in the global state before the sort became one setting. */
const LEGACY_FOR_YOU_KEY = 'digestReader.forYou';

/** "For you", one order of the Articles view's sort choice; More like this; the inbox. The worker starts when one is first used. */
export function register(services: CommandServices, library: LibraryLike & { readonly onDidChange: vscode.Event<void> }, output: vscode.OutputChannel): { service: RankingService; forYou: ForYou } {
  const { context } = services;
  const service = new RankingService(context.extensionUri, library, readingLabels(services.reading), output, new FeatureStore(context.storageUri, output));
  const forYou = new ForYou(services.documents, service);
  const sort = services.tree.sort;
  context.subscriptions.push(sort.add(forYou));
  services.panel.ranking = forYou;
  // Who turned "For you" on before it was a setting keeps it on (once: the setting is the one choice from then on).
  if (context.globalState.get<boolean>(LEGACY_FOR_YOU_KEY) !== undefined) {
    const wasOn = context.globalState.get<boolean>(LEGACY_FOR_YOU_KEY) === true;
    void context.globalState.update(LEGACY_FOR_YOU_KEY, undefined);
    if (wasOn && vscode.workspace.getConfiguration('digestReader.articles').inspect('sort')?.globalValue === undefined) {
      void sort.set(FOR_YOU);
    }
  }
  const similarServices = { resolving: resolveContext(services), reading: services.reading, ranking: service, show: (resolved: Parameters<typeof showResolved>[1]) => showResolved(services, resolved, { preserveFocus: true }) };
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
    vscode.commands.registerCommand('digestReader.sortForYou', () => sort.set(FOR_YOU)),
    vscode.commands.registerCommand('digestReader.moreLikeThis', (argument?: unknown) => moreLikeThis(similarServices, argument)),
  );
  return { service, forYou };
}
