/**
 * The glob matcher of 0.5.0, kept as the oracle of the linear matcher's tests
 * (src/core/library/globMatch.ts): a glob turned into a regular expression,
 * which backtracks (`**∕*a*a*a*a*a*a*a*a*a*a*b` takes seconds on 32 `a`s).
 * Tests only: never give it a glob from a user.
 */
export function regexOfGlob(glob: string): RegExp {
  let source = '';
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      const slashAfter = glob[i + 2] === '/';
      const atSegmentStart = i === 0 || glob[i - 1] === '/';
      if (atSegmentStart && slashAfter) {
        source += '(?:[^/]*/)*';
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
  try {
    return new RegExp(`^(?:${source})$`);
  } catch {
    return /(?!)/;
  }
}

/** 0.5.0's exclude check: the glob tested against every folder prefix of the path. */
export function regexExcludes(globs: readonly string[], relativePath: string): boolean {
  const parts = relativePath.split('/');
  for (let end = 1; end <= parts.length; end++) {
    const prefix = parts.slice(0, end).join('/');
    if (globs.some((glob) => regexOfGlob(glob).test(prefix))) {
      return true;
    }
  }
  return false;
}
