import * as vscode from 'vscode';
import { FILTER_SCHEMA, filtersOf, migrateFilters, type FilterRecord, type SavedFilter } from '../core';
import type { Store, StoredRecords } from '../store';

/** The 0.5.0 key: the whole list as one value (read for migration, never written). */
export const FILTERS_KEY = 'digestReader.filters';

/**
 * The saved filters of this user: records of the store keyed by query
 * (synced, merged with other windows and machines: two windows adding a
 * filter each keep both). The list keeps its order through each record's
 * `order`.
 */
export class FilterStore implements vscode.Disposable {
  readonly records: StoredRecords<FilterRecord>;
  private list: SavedFilter[] = [];
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(private readonly store: Store) {
    this.records = store.open(FILTER_SCHEMA, { synced: true, what: vscode.l10n.t('saved filters'), legacy: { key: FILTERS_KEY, migrate: migrateFilters } });
    this.list = filtersOf(this.records.records.live());
    this.disposables.push(this.records.onDidChange(() => {
      this.list = filtersOf(this.records.records.live());
      this.changed.fire();
    }));
  }

  get filters(): readonly SavedFilter[] {
    return this.list;
  }

  /** Merges what other windows or Settings Sync stored, now. */
  reload(): void {
    this.store.check();
  }

  /**
   * Makes the list `filters`: removed queries become tombstones, the others
   * are written with their place in the list (a filter kept in place keeps
   * its record when nothing about it changed).
   */
  async set(filters: readonly SavedFilter[]): Promise<void> {
    const records = this.records.records;
    const keep = new Set(filters.map((filter) => filter.query));
    const changed: string[] = [];
    for (const [query] of [...records.live()]) {
      if (!keep.has(query) && records.set(query, undefined)) {
        changed.push(query);
      }
    }
    filters.forEach((filter, order) => {
      if (records.set(filter.query, filter.name ? { name: filter.name, order } : { order })) {
        changed.push(filter.query);
      }
    });
    this.list = filtersOf(records.live());
    this.records.changedHere(changed);
    await this.records.flush();
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
