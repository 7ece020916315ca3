import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { DigestReaderApi } from '../../src/api';

export const EXTENSION_ID = 'digest-reader.digest-reader';
const root = path.resolve(__dirname, '..', '..', '..');
/** The real digest, from the project's own sample (the same file as ../shared/fixtures/cs.DC-2025-06-01.txt). */
export const fixtureUri = vscode.Uri.file(path.join(root, 'sample', 'cs.DC-2025-06-01.txt'));
/** The project's own copy of the real digest. */
export const sampleUri = fixtureUri;
export const testDigestUri = (name: string) => vscode.Uri.file(path.join(root, 'test', 'digests', name));

export async function api(): Promise<DigestReaderApi> {
  const extension = vscode.extensions.getExtension<DigestReaderApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed`);
  return extension.activate();
}

/** Polls until `check` returns a value (not undefined/false), or fails with `what`. */
export async function waitFor<T>(what: string, check: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) {
        return value;
      }
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out waiting for ${what}${last instanceof Error ? `: ${last.message}` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Checks that `check` holds throughout `ms`: for what must NOT happen (a switch back, a jump). */
export async function stays(what: string, check: () => boolean, ms = 1500): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    assert.ok(check(), `${what} did not hold`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Opens a file in an editor as a user does, and waits until it is read as a digest. */
export async function openDigest(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document, { preview: false, viewColumn: vscode.ViewColumn.One });
  const reader = await api();
  await waitFor(`${path.basename(uri.fsPath)} to be read as a digest`, () => reader.documents.get(uri));
  return waitFor('its editor', () => vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString()));
}

export async function closeAll(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** What the Articles view shows: each node's label and description, as VS Code renders them. */
/** A tree item's label as shown. */
export function labelOf(item: vscode.TreeItem): string {
  return typeof item.label === 'object' ? item.label.label : (item.label ?? '');
}

export async function treeRows(reader: DigestReaderApi): Promise<{ label: string; description: string; children: { label: string; description: string }[] }[]> {
  const tree = reader.articlesTree;
  const rows = [];
  for (const node of tree.rows()) {
    const item = tree.getTreeItem(node);
    const children = tree.rows(node).map((child) => {
      const childItem = tree.getTreeItem(child);
      return { label: labelOf(childItem), description: String(childItem.description ?? '') };
    });
    rows.push({ label: labelOf(item), description: String(item.description ?? ''), children });
  }
  return rows;
}

export function articleTabLabel(): string | undefined {
  for (const group of vscode.window.tabGroups.all) {
    for (const tab of group.tabs) {
      if (tab.input instanceof vscode.TabInputWebview && tab.input.viewType.includes('digestReader.article')) {
        return tab.label;
      }
    }
  }
  return undefined;
}

/** The article of a digest document the panel shows (not a starred copy). */
export function panelArticle(reader: DigestReaderApi): { index: number; line?: number } | undefined {
  const shown = reader.panelArticle();
  return shown && 'index' in shown ? shown : undefined;
}
