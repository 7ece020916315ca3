import * as vscode from 'vscode';
import { Records, type Schema } from '../core';
import { LocalCopy } from './localCopy';
import { Notices } from './notices';
import { StoredRecords, type StoredRecordsOptions } from './storedRecords';

export { StoredRecords, STORE_PREFIX, type Legacy, type RecordsChange, type StoredRecordsOptions } from './storedRecords';
export type { Damage } from './notices';

/**
 * Another window's writes reach this window's globalState without an event,
 * and a browser window may never see a focus change: every store looks every
 * two seconds (one object compare per shard; a changed shard is decoded only
 * when its writer stamp differs).
 */
const CHECK_MS = 2_000;
const SAVE_DELAY_MS = 400;

/**
 * Everything the user keeps, as records that merge (see src/core/state/store
 * and docs/store.md). `open` binds a schema's records to the synced
 * `globalState` and this machine's copy; the store polls them all and tells
 * Settings Sync every synced key.
 */
export class Store implements vscode.Disposable {
  private readonly bound: StoredRecords<unknown>[] = [];
  private readonly copy: LocalCopy;
  readonly notices: Notices;
  private readonly legacyKeys: string[] = [];
  private readonly timer: ReturnType<typeof setInterval>;
  /** This window's id in every stamp it writes. */
  readonly writer = Math.random().toString(36).slice(2, 10);

  constructor(
    private readonly memento: vscode.Memento & { setKeysForSync(keys: readonly string[]): void },
    globalStorageUri: vscode.Uri,
    output: vscode.OutputChannel,
  ) {
    this.copy = new LocalCopy(globalStorageUri, output);
    this.notices = new Notices(memento, globalStorageUri, output);
    this.timer = setInterval(() => this.check(), CHECK_MS);
  }

  /** A schema's records, new, bound to storage. */
  open<V>(schema: Schema<V>, options: StoredRecordsOptions<V>): StoredRecords<V> {
    return this.bind(new Records(schema, this.writer), options);
  }

  /** Binds records made elsewhere (the reading state holds three, for its undo). Each schema once per window. */
  bind<V>(records: Records<V>, options: StoredRecordsOptions<V>): StoredRecords<V> {
    const stored = new StoredRecords(records, this.memento, this.copy, this.notices, options, SAVE_DELAY_MS);
    this.bound.push(stored as StoredRecords<unknown>);
    if (options.legacy) {
      this.legacyKeys.push(options.legacy.key);
    }
    // Settings Sync must know every key in advance: the shard keys are fixed per schema.
    this.memento.setKeysForSync([...this.bound.flatMap((b) => b.keys()), ...this.legacyKeys]);
    return stored;
  }

  /** Merges what other windows or Settings Sync stored (the poll and the window's focus call this). */
  check(): void {
    for (const stored of this.bound) {
      stored.check();
    }
  }

  /** Any key of this extension's global state as it is (tests write what 0.5.0 or Settings Sync left there). */
  raw(key: string): { read(): unknown; write(value: unknown): Thenable<void> } {
    return { read: () => this.memento.get(key), write: (value) => this.memento.update(key, value) };
  }

  /** Resolves when every change so far is stored. */
  async flush(): Promise<void> {
    await Promise.all(this.bound.map((stored) => stored.flush()));
  }

  dispose(): void {
    clearInterval(this.timer);
    for (const stored of this.bound) {
      stored.dispose();
    }
  }
}

export function register(context: vscode.ExtensionContext, output: vscode.OutputChannel): Store {
  const store = new Store(context.globalState, context.globalStorageUri, output);
  context.subscriptions.push(store, vscode.window.onDidChangeWindowState((window) => window.focused && store.check()));
  return store;
}
