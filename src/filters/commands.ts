/**
 * Add, edit and delete saved filters through Quick Input. Each command also
 * takes an argument (tests, keybindings, other extensions) and then asks
 * nothing; every one returns what it did, and says why when it saved nothing.
 */
import * as vscode from 'vscode';
import { compileQuery, filterLabel, MAX_NAME_LENGTH, MAX_FILTERS, type SavedFilter } from '../core';
import type { DigestDocuments } from '../digests';
import type { FilterService } from './filterService';

/** What a command did: `saved` false with the sentence shown when it changed nothing. */
export interface FilterCommandResult {
  saved: boolean;
  message?: string;
}

/** A filter as the group's context menu passes it (a tree node with its query), or as a test does. */
interface FilterArgument {
  query?: unknown;
  name?: unknown;
  /** For edit: the new query (with `query` naming the filter to edit). */
  newQuery?: unknown;
}

const queryPrompt = (): string => vscode.l10n.t('Words (all must appear), "a phrase", -excluded, /regular expression/flags. Titles in every language, authors, abstracts, arXiv ids.');

export function registerFilterCommands(service: FilterService, documents: DigestDocuments): vscode.Disposable {
  const activeDigest = () => documents.active?.digest;

  /** Checks and stores; says what is wrong (and stores nothing) otherwise. */
  async function save(given: SavedFilter, replacing: SavedFilter | undefined, interactive: boolean): Promise<FilterCommandResult> {
    const next: SavedFilter = given.name ? { name: given.name, query: given.query } : { query: given.query };
    // The Quick Input has run the query already; an argument has not.
    const problem = duplicateProblem(next, replacing) ?? (interactive ? undefined : await service.check(next.query, activeDigest()).then((outcome) => (outcome.ok ? undefined : outcome.message)));
    if (problem) {
      if (!interactive) {
        void vscode.window.showErrorMessage(problem);
      }
      return { saved: false, message: problem };
    }
    const filters = [...service.filters];
    const at = replacing ? filters.findIndex((f) => f.query === replacing.query) : -1;
    if (at >= 0) {
      filters[at] = next;
    } else {
      filters.push(next);
    }
    await service.store.set(filters);
    return { saved: true };
  }

  function duplicateProblem(next: SavedFilter, replacing: SavedFilter | undefined): string | undefined {
    if (next.query !== replacing?.query && service.filters.some((f) => f.query === next.query)) {
      return vscode.l10n.t('A filter with the query {0} is already saved.', next.query);
    }
    if (!replacing && service.filters.length >= MAX_FILTERS) {
      return vscode.l10n.t('At most {0} filters can be saved.', MAX_FILTERS);
    }
    return undefined;
  }

  /** The query step: invalid regular expressions said while typing; on Enter the query runs on the open digest first. */
  function askQuery(title: string, value: string, replacing: SavedFilter | undefined): Promise<string | undefined> {
    return new Promise((resolve) => {
      const input = vscode.window.createInputBox();
      let checking: vscode.CancellationTokenSource | undefined;
      let done = false;
      input.title = title;
      input.prompt = queryPrompt();
      input.placeholder = 'federated -survey /LLMs?/i';
      input.value = value;
      input.ignoreFocusOut = true;
      const finish = (query: string | undefined): void => {
        done = true;
        resolve(query);
        input.dispose();
      };
      input.onDidChangeValue((text) => {
        checking?.cancel();
        const compiled = text.trim() === '' ? undefined : compileQuery(text);
        input.validationMessage = compiled && !compiled.ok ? { message: compiled.message, severity: vscode.InputBoxValidationSeverity.Error } : undefined;
      });
      input.onDidAccept(async () => {
        const query = input.value.trim();
        const duplicate = duplicateProblem({ query }, replacing);
        if (duplicate) {
          input.validationMessage = { message: duplicate, severity: vscode.InputBoxValidationSeverity.Error };
          return;
        }
        checking?.cancel();
        const source = (checking = new vscode.CancellationTokenSource());
        input.busy = true;
        input.enabled = false;
        const outcome = await service.check(query, activeDigest(), source.token);
        if (done || source.token.isCancellationRequested) {
          return;
        }
        input.busy = false;
        input.enabled = true;
        if (outcome.ok) {
          finish(query);
        } else {
          input.validationMessage = { message: outcome.message, severity: vscode.InputBoxValidationSeverity.Error };
        }
      });
      input.onDidHide(() => {
        checking?.cancel();
        if (!done) {
          finish(undefined);
        }
      });
      input.show();
    });
  }

  async function askName(value: string): Promise<string | undefined> {
    const name = await vscode.window.showInputBox({
      title: vscode.l10n.t('Filter Name (optional)'),
      prompt: vscode.l10n.t('What the Articles view calls this filter; empty: the query itself.'),
      value,
      ignoreFocusOut: true,
      validateInput: (text) => (text.length > MAX_NAME_LENGTH ? vscode.l10n.t('At most {0} characters.', MAX_NAME_LENGTH) : undefined),
    });
    return name?.trim();
  }

  /** The filter an argument names, or the one the user picks. */
  async function pickFilter(argument: FilterArgument | undefined, verb: 'edit' | 'delete'): Promise<SavedFilter | undefined> {
    if (typeof argument?.query === 'string') {
      return service.filters.find((f) => f.query === argument.query);
    }
    if (service.filters.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('There are no saved filters. Add one with "Digest: Add Filter…".'));
      return undefined;
    }
    const picked = await vscode.window.showQuickPick(
      service.filters.map((filter) => ({ label: filterLabel(filter).replace(/\$\(/g, '\\$('), description: filter.name ? filter.query : undefined, filter })),
      verb === 'edit'
        ? { title: vscode.l10n.t('Edit Filter'), placeHolder: vscode.l10n.t('The filter to edit') }
        : { title: vscode.l10n.t('Delete Filter'), placeHolder: vscode.l10n.t('The filter to delete') },
    );
    return picked?.filter;
  }

  const nameOf = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, MAX_NAME_LENGTH) : undefined);

  async function addFilter(argument?: FilterArgument | string): Promise<FilterCommandResult> {
    const given = typeof argument === 'string' ? { query: argument } : argument;
    if (typeof given?.query === 'string') {
      return save({ query: given.query.trim(), name: nameOf(given.name) }, undefined, false);
    }
    const query = await askQuery(vscode.l10n.t('Add Filter (1/2)'), '', undefined);
    const name = query === undefined ? undefined : await askName('');
    return query === undefined || name === undefined ? { saved: false } : save({ query, name: name || undefined }, undefined, true);
  }

  async function editFilter(argument?: FilterArgument): Promise<FilterCommandResult> {
    const filter = await pickFilter(argument, 'edit');
    if (!filter) {
      return { saved: false, message: vscode.l10n.t('No such filter.') };
    }
    if (typeof argument?.newQuery === 'string') {
      return save({ query: argument.newQuery.trim(), name: nameOf(argument.name) ?? filter.name }, filter, false);
    }
    const query = await askQuery(vscode.l10n.t('Edit Filter "{0}" (1/2)', filterLabel(filter)), filter.query, filter);
    const name = query === undefined ? undefined : await askName(filter.name ?? '');
    return query === undefined || name === undefined ? { saved: false } : save({ query, name: name || undefined }, filter, true);
  }

  async function deleteFilter(argument?: FilterArgument): Promise<FilterCommandResult> {
    const filter = await pickFilter(argument, 'delete');
    if (!filter) {
      return { saved: false, message: vscode.l10n.t('No such filter.') };
    }
    await service.store.set(service.filters.filter((f) => f.query !== filter.query));
    return { saved: true };
  }

  return vscode.Disposable.from(
    vscode.commands.registerCommand('digestReader.addFilter', addFilter),
    vscode.commands.registerCommand('digestReader.editFilter', editFilter),
    vscode.commands.registerCommand('digestReader.deleteFilter', deleteFilter),
  );
}
