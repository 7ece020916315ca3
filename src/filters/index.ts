import * as vscode from 'vscode';
import type { DigestDocuments } from '../digests';
import type { Store } from '../store';
import { registerFilterCommands } from './commands';
import { FilterService } from './filterService';
import { FilterStore } from './filterStore';

export { FilterService, type FilterResult, type FilterResults } from './filterService';
export { FilterStore, FILTERS_KEY } from './filterStore';
export type { FilterCommandResult } from './commands';

/** Saved filters: their store (synced), their results on the open digest, and the commands that edit them. */
export function register(context: vscode.ExtensionContext, documents: DigestDocuments, kept: Store, progressViewId?: string): FilterService {
  const store = new FilterStore(kept);
  const service = new FilterService(store, progressViewId);
  context.subscriptions.push(store, service, registerFilterCommands(service, documents));
  return service;
}
