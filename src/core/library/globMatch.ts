/**
 * Glob matching for the Library's include and exclude settings, on paths
 * relative to a workspace folder. `workspace.findFiles` applies excludes
 * itself, but not every file search provider does (VS Code for the Web's test
 * file system ignores them), and watcher events need the same judgement.
 * Supports what `files.exclude` globs use: `**`, `*`, `?`, `{a,b}`, `[…]`.
 */

const cache = new Map<string, RegExp>();

export function globToRegExp(glob: string): RegExp {
  const cached = cache.get(glob);
  if (cached) {
    return cached;
  }
  let source = '';
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      const slashAfter = glob[i + 2] === '/';
      const atSegmentStart = i === 0 || glob[i - 1] === '/';
      if (atSegmentStart && slashAfter) {
        source += '(?:[^/]*/)*'; // `**/`: any folders, or none
        i += 2;
      } else {
        source += '.*';
        i += 1;
      }
    } else if (c === '*') {
      source += '[^/]*';
    } else if (c === '?') {
      source += '[^/]';
    } else if (c === '{') {
      braces++;
      source += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      source += ')';
    } else if (c === ',' && braces > 0) {
      source += '|';
    } else if (c === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close < 0) {
        source += '\\[';
      } else {
        const body = glob.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\');
        source += `[${body}]`;
        i = close;
      }
    } else {
      source += c.replace(/[.+^$()|\\/]/g, '\\$&');
    }
  }
  source += ')'.repeat(braces);
  let pattern: RegExp;
  try {
    pattern = new RegExp(`^(?:${source})$`);
  } catch {
    pattern = /(?!)/; // a glob that makes no pattern matches nothing
  }
  if (cache.size > 500) {
    cache.clear();
  }
  cache.set(glob, pattern);
  return pattern;
}

/** Does the glob match this relative path (`a/b/c.txt`)? */
export function matchesGlob(glob: string, relativePath: string): boolean {
  return globToRegExp(glob).test(relativePath);
}

/** Is the path, or a folder it is in, matched by one of the globs (as an excluded folder hides its files)? */
export function isExcludedPath(globs: readonly string[], relativePath: string): boolean {
  if (globs.length === 0) {
    return false;
  }
  const parts = relativePath.split('/');
  for (let end = 1; end <= parts.length; end++) {
    const prefix = parts.slice(0, end).join('/');
    if (globs.some((glob) => matchesGlob(glob, prefix))) {
      return true;
    }
  }
  return false;
}
