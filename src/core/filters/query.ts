/**
 * A saved filter's query: words (all must be present), "quoted phrases",
 * `-word` exclusions and `/regular expressions/flags` (also `-/…/`). Parsing
 * either gives a filter or one sentence that says what is wrong.
 */
import { foldWord } from './fold';

export type FilterTerm =
  | { kind: 'text'; text: string; folded: string; exclude: boolean }
  | { kind: 'regex'; source: string; flags: string; exclude: boolean };

export interface CompiledFilter {
  query: string;
  terms: FilterTerm[];
}

export type CompileResult = { ok: true; filter: CompiledFilter } | { ok: false; message: string };

export const MAX_QUERY_LENGTH = 2000;

/** Flags we set ourselves (g: every match is highlighted) or that would change what a term means (y, d). */
const IGNORED_FLAGS = /[gyd]/g;

export function compileQuery(query: string): CompileResult {
  if (query.length > MAX_QUERY_LENGTH) {
    return { ok: false, message: `A filter can be at most ${MAX_QUERY_LENGTH} characters long.` };
  }
  const terms: FilterTerm[] = [];
  let i = 0;
  while (i < query.length) {
    if (/\s/.test(query[i])) {
      i++;
      continue;
    }
    let exclude = false;
    if (query[i] === '-' && i + 1 < query.length && !/\s/.test(query[i + 1])) {
      exclude = true;
      i++;
    }
    if (query[i] === '/') {
      const regex = readRegex(query, i);
      if (!regex.ok) {
        return regex;
      }
      const flags = regex.flags.replace(IGNORED_FLAGS, '');
      try {
        new RegExp(regex.source, `${flags}g`);
      } catch (error) {
        const reason = error instanceof Error ? error.message.replace(/^.*: /, '') : String(error);
        return { ok: false, message: `Invalid regular expression /${regex.source}/${regex.flags}: ${reason}.` };
      }
      if (regex.source === '') {
        return { ok: false, message: 'Invalid regular expression //: it is empty.' };
      }
      terms.push({ kind: 'regex', source: regex.source, flags, exclude });
      i = regex.end;
      continue;
    }
    let text: string;
    if (query[i] === '"') {
      const close = query.indexOf('"', i + 1);
      const end = close < 0 ? query.length : close;
      text = query.slice(i + 1, end).trim();
      i = close < 0 ? query.length : close + 1;
    } else {
      const start = i;
      while (i < query.length && !/\s/.test(query[i])) {
        i++;
      }
      text = query.slice(start, i);
    }
    const folded = foldWord(text);
    if (folded !== '') {
      terms.push({ kind: 'text', text, folded, exclude });
    }
  }
  if (terms.length === 0) {
    return { ok: false, message: 'Type words, "a phrase", /a regular expression/ or -an exclusion.' };
  }
  return { ok: true, filter: { query, terms } };
}

type RegexRead = { ok: true; source: string; flags: string; end: number } | { ok: false; message: string };

/** `/…/flags` from `start`: the closing slash is the first unescaped one outside a `[…]` class that is followed by flags and a space or the end. */
function readRegex(query: string, start: number): RegexRead {
  let inClass = false;
  for (let i = start + 1; i < query.length; i++) {
    const character = query[i];
    if (character === '\\') {
      i++;
    } else if (character === '[') {
      inClass = true;
    } else if (character === ']') {
      inClass = false;
    } else if (character === '/' && !inClass) {
      const flags = /^[a-z]*/.exec(query.slice(i + 1))?.[0] ?? '';
      const end = i + 1 + flags.length;
      if (end === query.length || /\s/.test(query[end])) {
        return { ok: true, source: query.slice(start + 1, i), flags, end };
      }
    }
  }
  return { ok: false, message: `Invalid regular expression ${query.slice(start)}: it has no closing slash (write /expression/flags).` };
}

export function hasRegex(filter: CompiledFilter): boolean {
  return filter.terms.some((term) => term.kind === 'regex');
}
