/**
 * Each digest's ranking features, stored in the workspace storage beside the
 * Library's index and the search index: one small binary file per digest
 * (`ranking/<hash>.seg`), written when the digest is read and kept while its
 * size and mtime stay, so a new window gives the worker stored segments
 * instead of reading and parsing every digest again. A file that cannot be
 * read is ignored (the digest is read again); nothing here is the user's.
 */
import * as vscode from 'vscode';

const FOLDER = 'ranking';

/** 32-bit FNV-1a of the uri, as 8 hex digits: the file's name. */
function nameOf(uri: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < uri.length; i++) {
    h ^= uri.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return `${(h >>> 0).toString(16).padStart(8, '0')}.seg`;
}

export class FeatureStore {
  private readonly folder: vscode.Uri | undefined;

  constructor(storageUri: vscode.Uri | undefined, private readonly output: vscode.OutputChannel) {
    this.folder = storageUri && vscode.Uri.joinPath(storageUri, FOLDER);
  }

  private fileOf(uri: string): vscode.Uri | undefined {
    return this.folder && vscode.Uri.joinPath(this.folder, nameOf(uri));
  }

  /** The stored segment of a digest, when it was stored for this very uri and stamp. */
  async load(uri: string, stamp: string): Promise<Uint8Array | undefined> {
    const file = this.fileOf(uri);
    if (!file) {
      return undefined;
    }
    const bytes = await vscode.workspace.fs.readFile(file).then(undefined, () => undefined);
    if (!bytes || bytes.length < 4) {
      return undefined;
    }
    const headerLength = new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0);
    if (headerLength > 10_000 || 4 + headerLength > bytes.length) {
      return undefined;
    }
    const header = new TextDecoder().decode(bytes.subarray(4, 4 + headerLength));
    return header === `${uri}\n${stamp}` ? bytes.slice(4 + headerLength) : undefined;
  }

  async save(uri: string, stamp: string, segment: Uint8Array): Promise<void> {
    const file = this.fileOf(uri);
    if (!file || !this.folder) {
      return;
    }
    const header = new TextEncoder().encode(`${uri}\n${stamp}`);
    const bytes = new Uint8Array(4 + header.length + segment.length);
    new DataView(bytes.buffer).setUint32(0, header.length);
    bytes.set(header, 4);
    bytes.set(segment, 4 + header.length);
    try {
      await vscode.workspace.fs.createDirectory(this.folder);
      await vscode.workspace.fs.writeFile(file, bytes);
    } catch (error) {
      this.output.appendLine(`Ranking: could not store the features of ${uri}: ${String(error)}`);
    }
  }

  async remove(uri: string): Promise<void> {
    const file = this.fileOf(uri);
    if (file) {
      await vscode.workspace.fs.delete(file, { useTrash: false }).then(undefined, () => undefined);
    }
  }
}
