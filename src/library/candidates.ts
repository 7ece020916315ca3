/** Which files the Library looks at, from the settings; and their size and mtime. */
import * as vscode from 'vscode';
import { CandidateRules, excludeGlobs, includeGlobs, isExcludedPath, joinGlobs, Slicer, type CancellationLike, type FileStamp } from '../core/library';

const STAT_BATCH = 64;

/**
 * The include and exclude globs for files of one folder (the settings are
 * per resource). `digestNamesOnly`: the host must read a whole file to look
 * at it (a virtual workspace), so only digest-like names are candidates.
 */
export function rulesFor(folder: vscode.WorkspaceFolder | undefined, digestNamesOnly: boolean): CandidateRules {
  const includes = includeGlobs(vscode.workspace.getConfiguration('digestReader.library', folder).get<unknown>('include'), digestNamesOnly);
  const excludes = excludeGlobs(vscode.workspace.getConfiguration('files', folder).get<unknown>('exclude'), vscode.workspace.getConfiguration('search', folder).get<unknown>('exclude'));
  return new CandidateRules(includes, excludes);
}

/** The path of a file in its workspace folder (`a/b.txt`), or undefined when it is in none. */
export function relativeInFolder(uri: vscode.Uri): { folder: vscode.WorkspaceFolder; path: string } | undefined {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  return folder && { folder, path: uri.path.slice(folder.uri.path.replace(/\/$/, '').length + 1) };
}

/** One glob of every folder's includes, for the file watcher. */
export function watchPattern(digestNamesOnly: (folder: vscode.WorkspaceFolder | undefined) => boolean): string {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const globs = new Set((folders.length > 0 ? folders : [undefined]).flatMap((folder) => rulesFor(folder, digestNamesOnly(folder)).includes));
  return joinGlobs([...globs]);
}

/**
 * Every candidate file of the workspace folders with its size and mtime.
 * The excludes are matched here (linear-time globs), not handed to
 * `findFiles`: a glob from a cloned repository's settings must not reach a
 * matcher that backtracks. `findFiles` still leaves out `files.exclude` itself.
 */
export async function listCandidates(digestNamesOnly: (folder: vscode.WorkspaceFolder) => boolean, token: CancellationLike & vscode.CancellationToken): Promise<FileStamp<vscode.Uri>[]> {
  const uris: vscode.Uri[] = [];
  const slicer = new Slicer();
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const rules = rulesFor(folder, digestNamesOnly(folder));
    const found = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, joinGlobs(rules.includes)), undefined, undefined, token);
    slicer.restart();
    const base = folder.uri.path.replace(/\/$/, '').length + 1;
    for (const uri of found) {
      // findFiles may list a file of a nested folder under the outer one: judge it where it belongs.
      if (vscode.workspace.getWorkspaceFolder(uri)?.uri.toString() === folder.uri.toString() && rules.accepts(uri.path.slice(base))) {
        uris.push(uri);
      }
      await slicer.tick();
    }
  }
  return statAll(uris, token);
}

/**
 * The candidates in folders created in one burst (moved or unpacked into the workspace: the watcher reports
 * the folder, none of its files). A path under another created path is listed with that folder, and an
 * excluded path (a build's output, node_modules) holds no candidate: neither is looked at, so a build
 * that writes a thousand files costs no stat of them. The rest are looked at a batch at a time.
 */
export async function candidatesInCreatedFolders(created: readonly vscode.Uri[], digestNamesOnly: (folder: vscode.WorkspaceFolder) => boolean): Promise<vscode.Uri[]> {
  const keys = new Set(created.map((uri) => uri.toString()));
  const rulesByFolder = new Map<string, CandidateRules>();
  const rulesOf = (folder: vscode.WorkspaceFolder): CandidateRules => {
    const key = folder.uri.toString();
    const rules = rulesByFolder.get(key) ?? rulesFor(folder, digestNamesOnly(folder));
    rulesByFolder.set(key, rules);
    return rules;
  };
  const underAnother = (key: string): boolean => {
    for (let end = key.lastIndexOf('/'); end > 0; end = key.lastIndexOf('/', end - 1)) {
      if (keys.has(key.slice(0, end))) {
        return true;
      }
    }
    return false;
  };
  const looked = created.flatMap((uri) => {
    const where = relativeInFolder(uri);
    return where && !isExcludedPath(rulesOf(where.folder).excludes, where.path) && !underAnother(uri.toString()) ? [{ uri, where }] : [];
  });
  const files: vscode.Uri[] = [];
  for (let i = 0; i < looked.length; i += STAT_BATCH) {
    const batch = looked.slice(i, i + STAT_BATCH);
    const stats = await Promise.all(batch.map(({ uri }) => Promise.resolve(vscode.workspace.fs.stat(uri)).then((found) => found, () => undefined)));
    for (const [k, { uri, where }] of batch.entries()) {
      if (!stats[k] || (stats[k].type & vscode.FileType.Directory) === 0) {
        continue;
      }
      const rules = rulesOf(where.folder);
      for (const found of await vscode.workspace.findFiles(new vscode.RelativePattern(uri, '**/*'))) {
        const file = relativeInFolder(found);
        if (file?.folder.uri.toString() === where.folder.uri.toString() && rules.accepts(file.path)) {
          files.push(found);
        }
      }
    }
  }
  return files;
}

/** Size and mtime of each file, a batch at a time (a gone file is left out). */
async function statAll(uris: readonly vscode.Uri[], token: CancellationLike): Promise<FileStamp<vscode.Uri>[]> {
  const files: FileStamp<vscode.Uri>[] = [];
  for (let i = 0; i < uris.length && !token.isCancellationRequested; i += STAT_BATCH) {
    const stats = await Promise.all(uris.slice(i, i + STAT_BATCH).map((uri) => Promise.resolve(vscode.workspace.fs.stat(uri)).then((stat) => ({ uri, stat }), () => undefined)));
    for (const found of stats) {
      if (found && (found.stat.type & vscode.FileType.File) !== 0) {
        files.push({ file: found.uri, key: found.uri.toString(), size: found.stat.size, mtime: found.stat.mtime });
      }
    }
  }
  return files;
}
