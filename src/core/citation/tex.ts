/**
 * Digest text into BibTeX field values, and into the ASCII words of a
 * citation key. Digest text is untrusted: whatever it holds, an escaped value
 * has balanced braces and no character that ends a field or starts a TeX
 * comment, so it cannot break out of its field or the entry.
 */
import { findMath } from '../digest/math';

/**
 * TeX's specials as text. Braces become commands, not `\{`/`\}`: BibTeX
 * counts every brace, escaped or not, so a lone `\}` would still end the field.
 */
const SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\textbraceleft{}',
  '}': '\\textbraceright{}',
  '%': '\\%',
  '#': '\\#',
  '&': '\\&',
  '_': '\\_',
  '$': '\\$',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  // Not specials, but OT1 fonts print them as ¡ and ¿.
  '<': '\\textless{}',
  '>': '\\textgreater{}',
};
const SPECIAL = /[\\{}%#&_$~^<>]/g;
// Line breaks, other control characters and runs of spaces: a field is one line of text, spaced as parsers read it.
const CONTROL = /[\s\u0000-\u001f\u007f]+/g;

function escapeText(text: string): string {
  return text.replace(SPECIAL, (c) => SPECIALS[c] ?? c);
}

/**
 * Math kept as written must leave the field well-formed: its braces balance
 * as BibTeX counts them (every brace, escaped or not), and it holds no
 * unescaped `%` (a TeX comment would swallow the closing brace) or `#`.
 */
export function isSafeMath(tex: string): boolean {
  let depth = 0;
  for (let i = 0; i < tex.length; i++) {
    const c = tex[i];
    if (c === '{') {
      depth++;
    } else if (c === '}') {
      if (--depth < 0) {
        return false;
      }
    } else if ((c === '%' || c === '#') && tex[i - 1] !== '\\') {
      return false;
    } else if (c === '\\' && i === tex.length - 1) {
      return false;
    }
  }
  return depth === 0;
}

/** A BibTeX field value (without its outer braces): TeX specials escaped, well-formed `$…$` math kept. */
export function escapeBibtex(text: string, keepMath = true): string {
  const flat = text.replace(CONTROL, ' ');
  if (!keepMath) {
    return escapeText(flat);
  }
  let out = '';
  let at = 0;
  for (const span of findMath(flat)) {
    const math = flat.slice(span.start, span.end);
    out += escapeText(flat.slice(at, span.start)) + (isSafeMath(math.replace(/^\$+|\$+$/g, '')) ? math : escapeText(math));
    at = span.end;
  }
  return out + escapeText(flat.slice(at));
}

/** Greek letters as TeX names them, for keys of titles like `$Δ$-Nets` or `$\lambda$-Calculus`. */
const GREEK = 'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau upsilon phi chi psi omega'.split(' ');
const LETTERS: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ς: 'sigma' };

function foldChar(c: string): string {
  const code = c.codePointAt(0) ?? 0;
  if (code >= 0x3b1 && code <= 0x3c9 && code !== 0x3c2) {
    return GREEK[code - 0x3b1 - (code > 0x3c2 ? 1 : 0)] ?? '';
  }
  return LETTERS[c] ?? c;
}

/**
 * Lowercase ASCII letters and digits only: accents folded (`Würthein` →
 * `wurthein`), TeX commands by their names (`\Delta` → `delta`), Greek
 * letters by theirs (`Δ` → `delta`), anything else dropped.
 */
export function asciiWord(text: string): string {
  return text
    .replace(/\\([A-Za-z]+)/g, ' $1')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x00-\x7f]/g, foldChar)
    .replace(/[^a-z0-9]/g, '');
}
