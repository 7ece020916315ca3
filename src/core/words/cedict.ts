/**
 * CC-CEDICT's text format (`傳統 传统 [chuan2 tong3] /tradition/traditional/`,
 * comments and `#!` headers first) and the compact form the extension ships,
 * written from it at build time (scripts/build.mjs) and read by
 * ChineseDictionary at run time:
 *
 *   CC-CEDICT compact 1 \t <entries> \t <date of the CC-CEDICT release>
 *   <simplified headword of entry 0>            one line per entry, sorted by
 *   …                                            headword (UTF-16 order), then
 *   <simplified headword of entry N-1>           as CC-CEDICT lists them
 *   (empty line)
 *   <traditional or empty> \t <pinyin with numbers> \t <sense/sense/…>   entry 0
 *   …
 *
 * The headwords come first and apart so that loading decodes only them
 * (about half a megabyte); an entry's body stays UTF-8 until it is looked up.
 * The traditional form is left empty where it equals the simplified one.
 */

export interface CedictEntry {
  traditional: string;
  simplified: string;
  /** As CC-CEDICT writes it: `che1 liang4`. */
  pinyin: string;
  senses: string[];
}

export const COMPACT_MAGIC = 'CC-CEDICT compact 1';

const LINE = /^(\S+) (\S+) \[([^\]]*)\] \/(.*)\/\s*$/;

/** One dictionary line; undefined for comments, blank or malformed lines. */
export function parseCedictLine(line: string): CedictEntry | undefined {
  if (line.startsWith('#')) {
    return undefined;
  }
  const match = LINE.exec(line);
  if (!match) {
    return undefined;
  }
  const senses = match[4].split('/').map((sense) => sense.trim()).filter((sense) => sense !== '');
  return senses.length === 0 ? undefined : { traditional: match[1], simplified: match[2], pinyin: match[3].trim(), senses };
}

/** The release's `#!` headers (`date`, `entries`, `license`, …) and its leading comment lines (the notice). */
export function cedictHeader(text: string): { fields: Record<string, string>; notice: string[] } {
  const fields: Record<string, string> = {};
  const notice: string[] = [];
  for (const line of text.split(/\r?\n/, 200)) {
    if (!line.startsWith('#')) {
      break;
    }
    const field = /^#! *([a-z]+)=(.*)$/.exec(line);
    if (field) {
      fields[field[1]] = field[2].trim();
    } else {
      notice.push(line.replace(/^# ?/, ''));
    }
  }
  return { fields, notice };
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The compact form of a CC-CEDICT text. Lines that are not entries are left
 * out and counted; no entry is changed, only reordered and re-spelled.
 */
export function compactCedict(text: string): { compact: string; entries: number; skipped: number; date: string } {
  const { fields } = cedictHeader(text);
  const entries: CedictEntry[] = [];
  let skipped = 0;
  for (const line of text.split(/\r?\n/)) {
    if (line === '' || line.startsWith('#')) {
      continue;
    }
    const entry = parseCedictLine(line);
    if (entry && !/[\t\n]/.test(line)) {
      entries.push(entry);
    } else {
      skipped++;
    }
  }
  // Sort is stable: entries of one headword keep CC-CEDICT's order (its more common reading first).
  entries.sort((a, b) => compareCodeUnits(a.simplified, b.simplified));
  const date = (fields.date ?? '').slice(0, 10);
  const head = `${COMPACT_MAGIC}\t${entries.length}\t${date}`;
  const headwords = entries.map((entry) => entry.simplified);
  const bodies = entries.map((entry) => `${entry.traditional === entry.simplified ? '' : entry.traditional}\t${entry.pinyin}\t${entry.senses.join('/')}`);
  return { compact: `${head}\n${headwords.join('\n')}\n\n${bodies.join('\n')}\n`, entries: entries.length, skipped, date };
}
