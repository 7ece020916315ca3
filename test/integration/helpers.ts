import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DigestReaderApi } from '../../src/api';

// Only the vscode API here and in the tests: the suite runs in Node's extension host
// and in VS Code for the Web's web worker extension host, which has no fs, path or process.

export const EXTENSION_ID = 'digest-reader.digest-reader';

/**
 * The workspace the runner (test/host/runIntegration.ts) creates and opens in every
 * host: a copy of the sample digest, copies of test/digests/*, and an empty scratch/.
 * On the web it is mounted as vscode-test-web://mount/.
 */
function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the integration tests need the test workspace the runner opens (no folder is open)');
  return folder.uri;
}

export const workspaceUri = workspaceRoot();
/** The real digest: a copy of the project's sample (the same file as ../shared/fixtures/cs.DC-2025-06-01.txt). */
export const fixtureUri = vscode.Uri.joinPath(workspaceUri, 'cs.DC-2025-06-01.txt');
/** The project's own copy of the real digest. */
export const sampleUri = fixtureUri;
export const testDigestUri = (name: string) => vscode.Uri.joinPath(workspaceUri, name);
/** A file in the workspace's scratch/ folder, where tests write what they need. */
export const scratchUri = (name: string) => vscode.Uri.joinPath(workspaceUri, 'scratch', name);

export async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

export async function writeText(uri: vscode.Uri, text: string): Promise<vscode.Uri> {
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

/** The last segment of a URI's path, whatever its scheme. */
export function baseName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

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
  await waitFor(`${baseName(uri)} to be read as a digest`, () => reader.documents.get(uri));
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

/**
 * A click on a tree row, as VS Code makes it: the row is selected, then its
 * command runs (a row's command carries no arguments: it acts on the row the
 * click selected, see src/common/clickedRow.ts). Resolves with its answer.
 * A reveal sent while the view is being redrawn (a digest just opened) may be
 * lost by the extension host: then it is sent again, as a user clicks again.
 */
export async function clickRow<T>(view: vscode.TreeView<T>, node: T, item: vscode.TreeItem): Promise<unknown> {
  assert.ok(item.command, 'a click runs a command');
  await waitFor('the row selected', async () => {
    if (view.selection.length === 1 && view.selection[0] === node) {
      return true;
    }
    await view.reveal(node, { select: true, focus: false });
    return waitFor('the selection', () => view.selection.length === 1 && view.selection[0] === node, 2_000).catch(() => false);
  });
  return vscode.commands.executeCommand(item.command.command, ...((item.command.arguments ?? []) as unknown[]));
}

/** The article of a digest document the panel shows (not a starred copy). */
export function panelArticle(reader: DigestReaderApi): { index: number; line?: number } | undefined {
  const shown = reader.panelArticle();
  return shown && 'index' in shown ? shown : undefined;
}
