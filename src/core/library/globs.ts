/** Which files the Library looks at: glob patterns from the settings, as `workspace.findFiles` takes them. */
import { isExcludedPath, matchesGlob } from './globMatch';

/** Digests are `.txt` (plain text) and `.md` (the pipeline's Markdown). */
export const DEFAULT_INCLUDES = ['**/*.txt', '**/*.md'];

/**
 * Where a file costs a whole read to look at (a virtual workspace: the web,
 * a remote repository), only names that look like a digest's: a date in the
 * name, as the pipeline writes them (`cs.DC-2025-06-01.txt`,
 * `german-news-2025-06-01.md`). `digestReader.library.include` adds others.
 */
export const DIGEST_NAME_INCLUDES = ['**/*[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*.txt', '**/*[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*.md'];

/** The include globs: the defaults (or only digest-like names) plus the user's (`digestReader.library.include`), each once. */
export function includeGlobs(extra: unknown, digestNamesOnly = false): string[] {
  const user = Array.isArray(extra) ? extra.filter((glob): glob is string => typeof glob === 'string' && glob.trim() !== '') : [];
  return [...new Set([...(digestNamesOnly ? DIGEST_NAME_INCLUDES : DEFAULT_INCLUDES), ...user.map((glob) => glob.trim())])];
}

/**
 * One exclude glob from `files.exclude` and `search.exclude`: the keys set to
 * `true` (a `{ when: … }` sibling condition cannot be a glob and is left out).
 */
export function excludeGlob(...settings: unknown[]): string | undefined {
  const globs = excludeGlobs(...settings);
  return globs.length === 0 ? undefined : `{${globs.join(',')}}`;
}

/** The keys set to `true` in `files.exclude` and `search.exclude`, each once. */
export function excludeGlobs(...settings: unknown[]): string[] {
  const globs = new Set<string>();
  for (const setting of settings) {
    if (typeof setting !== 'object' || setting === null) {
      continue;
    }
    for (const [glob, on] of Object.entries(setting as Record<string, unknown>)) {
      if (on === true && glob.trim() !== '') {
        globs.add(glob);
      }
    }
  }
  return [...globs];
}

/** Several globs as one (`findFiles` and the file watcher take one). */
export function joinGlobs(globs: readonly string[]): string {
  return globs.length === 1 ? globs[0] : `{${globs.join(',')}}`;
}

/** The include and exclude globs of one workspace folder, read once per scan (not once per file). */
export class CandidateRules {
  constructor(
    readonly includes: readonly string[],
    readonly excludes: readonly string[],
  ) {}

  /** Matched by an include glob, and neither it nor a folder it is in by an exclude glob. */
  accepts(relativePath: string): boolean {
    return this.includes.some((glob) => matchesGlob(glob, relativePath)) && !isExcludedPath(this.excludes, relativePath);
  }
}
