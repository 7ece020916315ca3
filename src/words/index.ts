/** The learner's words: the dictionaries (CC-CEDICT shipped, a German one the learner names), loaded on first need. */
import * as vscode from 'vscode';
import { WordsService } from './wordsService';

export { WordsService, type ArticleTextsOf } from './wordsService';

export function register(context: vscode.ExtensionContext, output: vscode.OutputChannel): WordsService {
  const service = new WordsService(context.extensionUri, output);
  context.subscriptions.push(service);
  return service;
}
