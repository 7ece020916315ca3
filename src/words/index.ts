/** The learner's words: the dictionaries (CC-CEDICT shipped, a German one the learner names), loaded on first need; known words and shares of new words. */
import * as vscode from 'vscode';
import type { KnownWords } from '../core/words';
import { setContext } from '../common/context';
import type { DigestDocuments } from '../digests';
import type { LearnerWords } from './learner';
import { WordShares, type RowWordShares } from './wordShares';
import { WordsService } from './wordsService';

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
  /** Known and learning words, kept in the store. */
  known: KnownWords;
  onDidChangeKnown: vscode.Event<unknown>;
  /** The Articles view, to sort by the shares. */
  tree: { setWordShares(shares: RowWordShares): void };
}

/** Shares of new words per article, the Articles view's "easiest first", and what the panel needs of them. */
export function registerLearner(context: vscode.ExtensionContext, services: LearnerServices): LearnerWords {
  const shares = new WordShares(context.globalState, services.documents, services.words, services.known, services.onDidChangeKnown);
  services.tree.setWordShares(shares);
  void setContext('digestReader.wordShares', true);
  context.subscriptions.push(
    shares,
    vscode.commands.registerCommand('digestReader.sortEasiestFirst', () => shares.setEnabled(true)),
    vscode.commands.registerCommand('digestReader.sortDigestOrder', () => shares.setEnabled(false)),
  );
  return { known: services.known, shares, onDidChange: services.onDidChangeKnown };
}
