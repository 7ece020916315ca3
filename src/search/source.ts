import * as vscode from 'vscode';

/** A digest file's text as it was read. */
export interface SourceFile {
  uri: vscode.Uri;
  text: string;
}

/**
 * Where the search index takes its documents from. The Library service will
 * provide this (its `entries()`, `onDidReadFile`, `onDidRemoveFile`);
 * WorkspaceSearchSource below stands in for it until then.
 */
export interface SearchSource {
  /** The files that may be digests, known now. */
  files(): Promise<readonly vscode.Uri[]>;
  read(uri: vscode.Uri): Promise<string>;
  /** A file was created or changed, and read again. */
  readonly onDidReadFile: vscode.Event<SourceFile>;
  readonly onDidRemoveFile: vscode.Event<vscode.Uri>;
}

const PATTERN = '**/*.{txt,md}';
const EXCLUDE = '**/{node_modules,.git,out,dist}/**';
const MAX_FILES = 5_000;

/**
 * Provisional: every .txt and .md of the workspace (the index keeps those that
 * parse as digests), read through workspace.fs, followed by a file watcher.
 */
export class WorkspaceSearchSource implements SearchSource, vscode.Disposable {
  private readonly read$ = new vscode.EventEmitter<SourceFile>();
  private readonly removed = new vscode.EventEmitter<vscode.Uri>();
  private readonly watcher = vscode.workspace.createFileSystemWatcher(PATTERN);
  readonly onDidReadFile = this.read$.event;
  readonly onDidRemoveFile = this.removed.event;

  constructor() {
    const reread = (uri: vscode.Uri) => {
      this.read(uri).then((text) => this.read$.fire({ uri, text }), () => this.removed.fire(uri));
    };
    this.watcher.onDidCreate(reread);
    this.watcher.onDidChange(reread);
    this.watcher.onDidDelete((uri) => this.removed.fire(uri));
  }

  async files(): Promise<readonly vscode.Uri[]> {
    const found = await vscode.workspace.findFiles(PATTERN, EXCLUDE, MAX_FILES).then(undefined, () => []);
    // VS Code for the Web may have no file search for a folder's scheme: walk the folders instead.
    return found.length > 0 ? found : walk();
  }

  async read(uri: vscode.Uri): Promise<string> {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  }

  dispose(): void {
    this.watcher.dispose();
    this.read$.dispose();
    this.removed.dispose();
  }
}

async function walk(): Promise<vscode.Uri[]> {
  const files: vscode.Uri[] = [];
  const folders = (vscode.workspace.workspaceFolders ?? []).map((folder) => ({ uri: folder.uri, depth: 0 }));
  for (let next = folders.shift(); next && files.length < MAX_FILES; next = folders.shift()) {
    const entries = await vscode.workspace.fs.readDirectory(next.uri).then(undefined, () => [] as [string, vscode.FileType][]);
    for (const [name, type] of entries) {
      const uri = vscode.Uri.joinPath(next.uri, name);
      if (type === vscode.FileType.Directory && next.depth < 6 && !/^(node_modules|\.git|out|dist)$/.test(name)) {
        folders.push({ uri, depth: next.depth + 1 });
      } else if (type === vscode.FileType.File && /\.(txt|md)$/i.test(name)) {
        files.push(uri);
      }
    }
  }
  return files;
}
