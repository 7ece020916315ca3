/** Which files the Library looks at, from the settings; and their size and mtime. */
import * as vscode from 'vscode';
import { excludeGlob, excludeGlobs, includeGlobs, isExcludedPath, joinGlobs, matchesGlob } from '../core/library';

const STAT_BATCH = 64;

/**
 * In a workspace folder, matched by an include glob and by no exclude glob.
 * findFiles has judged its results already, but not every file search
 * provider applies excludes, and watcher events need the same judgement.
 */
export function isCandidate(uri: vscode.Uri): boolean {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder) {
    return false;
  }
  const relative = uri.path.slice(folder.uri.path.replace(/\/$/, '').length + 1);
  const includes = includeGlobs(vscode.workspace.getConfiguration('digestReader.library', uri).get<unknown>('include'));
  const excludes = excludeGlobs(vscode.workspace.getConfiguration('files', uri).get<unknown>('exclude'), vscode.workspace.getConfiguration('search', uri).get<unknown>('exclude'));
  return includes.some((glob) => matchesGlob(glob, relative)) && !isExcludedPath(excludes, relative);
}

export function includePattern(): string {
  return joinGlobs(includeGlobs(vscode.workspace.getConfiguration('digestReader.library').get<unknown>('include')));
}

/** Both `files.exclude` and `search.exclude` (findFiles applies only the first by itself). */
export function excludePattern(): string | null {
  const files = vscode.workspace.getConfiguration('files').get<unknown>('exclude');
  const search = vscode.workspace.getConfiguration('search').get<unknown>('exclude');
  return excludeGlob(files, search) ?? null;
}

/** Size and mtime of each file, a batch at a time (a gone file is left out). */
export async function statAll(uris: readonly vscode.Uri[], token: vscode.CancellationToken): Promise<{ uri: vscode.Uri; size: number; mtime: number }[]> {
  const files: { uri: vscode.Uri; size: number; mtime: number }[] = [];
  for (let i = 0; i < uris.length && !token.isCancellationRequested; i += STAT_BATCH) {
    const stats = await Promise.all(uris.slice(i, i + STAT_BATCH).map((uri) => Promise.resolve(vscode.workspace.fs.stat(uri)).then((stat) => ({ uri, stat }), () => undefined)));
    for (const found of stats) {
      if (found && (found.stat.type & vscode.FileType.File) !== 0) {
        files.push({ uri: found.uri, size: found.stat.size, mtime: found.stat.mtime });
      }
    }
  }
  return files;
}

