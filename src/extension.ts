import * as vscode from 'vscode';
import type { DigestReaderApi } from './api';
import * as commands from './commands';
import * as digests from './digests';
import * as editor from './editor';
import * as exporting from './export';
import * as library from './library';
import * as filters from './filters';
import * as panel from './panel';
import * as ranking from './ranking';
import * as reading from './reading';
import * as search from './search';
import * as starred from './starred';
import * as statusBar from './statusBar';
import * as store from './store';
import * as study from './study';
import * as tree from './tree';
import * as words from './words';

/** Markings not yet saved are saved before the extension host stops. */
let flushStore: (() => Promise<void>) | undefined;

export function activate(context: vscode.ExtensionContext): DigestReaderApi {
  const output = vscode.window.createOutputChannel('Digest Reader');
  context.subscriptions.push(output);
  const documents = digests.register(context);
  const kept = store.register(context, output);
  flushStore = () => kept.flush();
  const readingStore = reading.register(context, kept, documents);
  const seen = new reading.LibraryAlsoIn();
  context.subscriptions.push(seen);
  const filterService = filters.register(context, documents, kept, tree.ARTICLES_VIEW_ID);
  const articlesTree = tree.register(context, documents, readingStore, seen, filterService);
  const starredTree = starred.register(context, readingStore);
  const wordsService = words.register(context, output);
  const studyList = study.register(context, { documents, reading: readingStore, store: kept, describeWord: (language, word) => wordsService.describeWord(language, word) });
  const learner = words.registerLearner(context, { documents, words: wordsService, store: kept, tree: articlesTree });
  const panelServices = { extensionUri: context.extensionUri, documents, reading: readingStore, seen, filters: filterService, notes: study.exerciseNotes(studyList.notes), words: wordsService, learner };
  panel.register(context, panelServices);
  const commandServices = { context, documents, reading: readingStore, seen, tree: articlesTree, starred: starredTree, panel: panelServices };
  commands.register(commandServices);
  const exportArticles = exporting.register(commandServices);
  editor.register(context, documents, readingStore);
  statusBar.register(context, documents, readingStore);
  const digestLibrary = library.register(context, readingStore, documents, output, articlesTree);
  seen.follow(digestLibrary.library);
  const searchIndex = search.register(context, readingStore, output, search.librarySearchSource(digestLibrary.library), digestLibrary.tree.view);
  const rankingParts = ranking.register(commandServices, digestLibrary.library, output);
  return { ranking: rankingParts.service, forYou: rankingParts.forYou, articlesSort: articlesTree.sort, inbox: () => ranking.InboxPanel.current, documents, articlesTree, starredTree, reading: readingStore, store: kept, library: digestLibrary.library, libraryTree: digestLibrary.tree, searchIndex, searchRows: search.searchRows, filters: filterService, panelArticle: () => panel.ArticlePanel.current?.shownArticle, exportArticles, studyList, learner };
}

export function deactivate(): Promise<void> | undefined {
  return flushStore?.();
}
