/** The learner's words: the dictionaries (CC-CEDICT shipped, a German one the learner names), loaded on first need; known words and shares of new words. */
import * as vscode from 'vscode';
import { KnownWords, KNOWN_WORDS_SCHEMA, LEARNING_WORDS_SCHEMA, type FlagSet } from '../core/words';
import type { Store, StoredRecords } from '../store';
import { setContext } from '../common/context';
import type { DigestDocuments } from '../digests';
import type { LearnerWords } from './learner';
import { WordShares, type RowWordShares } from './wordShares';
import { WordsService } from './wordsService';
import { EASIEST_FIRST, EasiestFirstOrder } from './easiestOrder';
import type { SortChoice } from '../tree/sortChoice';

export { WordsService, type ArticleTextsOf } from './wordsService';
export { WordShares, learnedLanguage, type RowWordShares, type WordShare } from './wordShares';
export type { LearnerWords } from './learner';

export function register(context: vscode.ExtensionContext, output: vscode.OutputChannel): WordsService {
  const service = new WordsService(context.extensionUri, output);
  context.subscriptions.push(service);
  return service;
}

export interface LearnerServices {
  documents: DigestDocuments;
  words: WordsService;
  /** Where known and learning words are kept. */
  store: Store;
  /** The Articles view: its rows show the shares, and "Easiest first" is one order of its sort choice. */
  tree: { setWordShares(shares: RowWordShares): void; readonly sort: SortChoice };
}

/** Shares of new words per article, the Articles view's "easiest first", and what the panel needs of them. */
export function registerLearner(context: vscode.ExtensionContext, services: LearnerServices): LearnerWords {
  const known = services.store.open<true>(KNOWN_WORDS_SCHEMA, { synced: true, what: vscode.l10n.t('known words') });
  const learning = services.store.open<true>(LEARNING_WORDS_SCHEMA, { synced: true, what: vscode.l10n.t('words being learned') });
  const changed = new vscode.EventEmitter<unknown>();
  context.subscriptions.push(changed, known.onDidChange(() => changed.fire(undefined)), learning.onDidChange(() => changed.fire(undefined)));
  const knownWords = new KnownWords(flagsOf(known), flagsOf(learning));
  const shares = new WordShares(services.documents, services.words, knownWords, changed.event);
  services.tree.setWordShares(shares);
  void setContext('digestReader.wordShares', true);
  context.subscriptions.push(
    shares,
    services.tree.sort.add(new EasiestFirstOrder(shares)),
    vscode.commands.registerCommand('digestReader.sortEasiestFirst', () => services.tree.sort.set(EASIEST_FIRST)),
  );
  return { known: knownWords, shares, onDidChange: changed.event, flush: async () => { await known.flush(); await learning.flush(); } };
}

/** A set of the store as the core's known words use it: a change is stored and told to other windows. */
function flagsOf(stored: StoredRecords<true>): FlagSet {
  return {
    has: (key) => stored.records.has(key),
    set(key, value) {
      const changed = stored.records.set(key, value);
      if (changed) {
        stored.changedHere([key]);
      }
      return changed;
    },
  };
}
