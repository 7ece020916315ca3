/// <reference lib="dom" />
/**
 * The web workbench (code-server's too) keeps the extensions' global state in
 * the browser's IndexedDB: a test edits it there as a damaged profile would have it.
 */
import type { Page } from 'playwright-core';

/** The extension's id: the key of its global state in the workbench's storage. */
const EXTENSION_ID = 'digest-reader.digest-reader';

/**
 * The first string stored under `key` in the workbench's IndexedDB item
 * tables, and which database holds it; undefined when none does.
 */
async function readStoredItem(page: Page, key: string): Promise<{ database: string; value: string } | undefined> {
  return page.evaluate(async (wanted) => {
    for (const { name } of await indexedDB.databases()) {
      if (!name?.startsWith('vscode-web-state-db')) {
        continue;
      }
      const value = await new Promise<unknown>((resolve) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('ItemTable')) {
            db.close();
            resolve(undefined);
            return;
          }
          const get = db.transaction('ItemTable').objectStore('ItemTable').get(wanted);
          get.onsuccess = () => { db.close(); resolve(get.result); };
          get.onerror = () => { db.close(); resolve(undefined); };
        };
        open.onerror = () => resolve(undefined);
      });
      if (typeof value === 'string') {
        return { database: name, value };
      }
    }
    return undefined;
  }, key);
}

/**
 * Edits one key of the extension's global state where the web workbench
 * keeps it (the browser's IndexedDB), as a damaged profile would have it.
 * Takes effect at the next window load. False when the key is not stored.
 */
export async function editExtensionState(page: Page, key: string, edit: (value: unknown) => unknown): Promise<boolean> {
  const stored = await readStoredItem(page, EXTENSION_ID);
  if (!stored) {
    return false;
  }
  const state = JSON.parse(stored.value) as Record<string, unknown>;
  if (!(key in state)) {
    return false;
  }
  state[key] = edit(state[key]);
  await page.evaluate(async ({ database, extension, value }) => {
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open(database);
      open.onsuccess = () => {
        const db = open.result;
        const transaction = db.transaction('ItemTable', 'readwrite');
        transaction.objectStore('ItemTable').put(value, extension);
        transaction.oncomplete = () => { db.close(); resolve(); };
        transaction.onerror = () => { db.close(); reject(new Error(String(transaction.error))); };
      };
      open.onerror = () => reject(new Error(String(open.error)));
    });
  }, { database: stored.database, extension: EXTENSION_ID, value: JSON.stringify(state) });
  return true;
}

/**
 * Whether the workbench has stored an editor layout that mentions `text`
 * (a webview's view type): what a window reload restores. The web workbench
 * stores its layout every few seconds when idle and when the page unloads,
 * and a busy page's last store may not finish before a reload; a test that
 * reloads to see an editor come back waits for this first.
 */
export async function storedLayoutMentions(page: Page, text: string): Promise<boolean> {
  const layout = await readStoredItem(page, 'memento/workbench.parts.editor');
  return layout?.value.includes(text) ?? false;
}
