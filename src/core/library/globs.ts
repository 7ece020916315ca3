/** Which files the Library looks at: glob patterns from the settings, as `workspace.findFiles` takes them. */

/** Digests are `.txt` (plain text) and `.md` (the pipeline's Markdown). */
export const DEFAULT_INCLUDES = ['**/*.txt', '**/*.md'];

/** The include globs: the defaults plus the user's (`digestReader.library.include`), each once. */
export function includeGlobs(extra: unknown): string[] {
  const user = Array.isArray(extra) ? extra.filter((glob): glob is string => typeof glob === 'string' && glob.trim() !== '') : [];
  return [...new Set([...DEFAULT_INCLUDES, ...user.map((glob) => glob.trim())])];
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
