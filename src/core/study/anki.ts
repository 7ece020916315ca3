/**
 * Study-list exports: a tab-separated file with Anki's import headers, and
 * RFC 4180 CSV for other tools. Every field is digest text, so untrusted: a
 * tab, line break or quote in it is quoted so it cannot start a field or a
 * row, and header values are cleaned so they cannot add a header line.
 * The writers return text; the caller writes it as UTF-8.
 */
import { studyEntryId, type StudyEntry } from './studyList';

/** Always these three language columns, so a note type mapped once stays mapped; other languages follow when present. */
const LANGUAGE_COLUMNS: ReadonlyArray<readonly [string, string]> = [['en', 'English'], ['de', 'German'], ['zh', 'Chinese']];

interface Table {
  names: string[];
  rows: string[][];
  /** 1-based index of the tags column. */
  tagsColumn: number;
}

/** Anki tags are space-separated words: blanks in a subject become `_`. */
function tagOf(value: string): string {
  return value.trim().replace(/\s+/g, '_');
}

/** `arXiv:2505.23706v1 · cs.DC 2025-06-01`: where a card came from, readable on its back. */
function sourceOf(entry: StudyEntry): string {
  return [entry.arxivId ? `arXiv:${entry.arxivId}` : entry.articleKey, `${entry.subject} ${entry.digestDate}`.trim()].filter((part) => part !== '').join(' · ');
}

/** Anki's cloze syntax must not be opened or closed by digest text around the word. */
function clozeSafe(text: string): string {
  return text.replace(/\{\{/g, '{ {').replace(/\}\}/g, '} }').replace(/::/g, ': :');
}

/** The sentence with the word's first occurrence as cloze 1 (`…{{c1::车辆}}…`); empty when the word is not in it. */
export function clozeSentence(sentence: string | undefined, word: string): string {
  const at = sentence && word ? sentence.indexOf(word) : -1;
  if (!sentence || at < 0) {
    return '';
  }
  return `${clozeSafe(sentence.slice(0, at))}{{c1::${clozeSafe(word)}}}${clozeSafe(sentence.slice(at + word.length))}`;
}

/**
 * One note per entry. A word saved from the pop-up fills Word, Pinyin,
 * Meaning and Cloze, and the language columns hold the sentence it came
 * from (its translation on the back); a sentence fills the language columns
 * only; a term saved before words had notes keeps its texts there.
 */
function tableOf(entries: readonly StudyEntry[]): Table {
  const known = new Set(LANGUAGE_COLUMNS.map(([code]) => code));
  const extra = [...new Set(entries.flatMap((entry) => [...Object.keys(entry.texts), ...Object.keys(entry.word?.context ?? {})]))].filter((code) => !known.has(code)).sort();
  const languages = [...LANGUAGE_COLUMNS, ...extra.map((code): [string, string] => [code, code])];
  const names = ['Id', 'Word', 'Pinyin', 'Meaning', 'Cloze', ...languages.map(([, name]) => name), 'Source', 'Tags'];
  const rows = entries.map((entry) => {
    const term = entry.kind === 'term' ? Object.entries(entry.texts).find((pair): pair is [string, string] => pair[1] !== undefined) : undefined;
    const context = entry.word?.context;
    return [
      studyEntryId(entry),
      term?.[1] ?? '',
      entry.word?.pinyin ?? '',
      entry.word?.meaning ?? '',
      term && context ? clozeSentence(context[term[0]], term[1]) : '',
      ...languages.map(([code]) => (context ? context[code] : entry.texts[code]) ?? ''),
      sourceOf(entry),
      ['digest-reader', entry.word ? 'word' : entry.kind, tagOf(entry.subject), entry.digestDate].filter((tag) => tag !== '').join(' '),
    ];
  });
  return { names, rows, tagsColumn: names.length };
}

/** Quotes a field when it holds the separator, a quote or a line break; a quote inside is doubled. */
function quoteIf(field: string, special: RegExp): string {
  return special.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

const TSV_SPECIAL = /[\t\r\n"]/;
const CSV_SPECIAL = /[,\r\n"]/;

/** A header value on one line: no line break or tab can open a new header or column. */
function headerValue(value: string): string {
  return value.replace(/[\t\r\n\u2028\u2029]+/g, ' ').trim();
}

/** Anki skips a row starting with `#` as a comment; a quoted first field starts with `"` instead. */
function tsvField(field: string, column: number): string {
  return column === 0 && field.startsWith('#') ? `"${field.replace(/"/g, '""')}"` : quoteIf(field, TSV_SPECIAL);
}

export interface AnkiExportOptions {
  /** The deck notes go to; `::` nests (`Digest::cs.DC`). */
  deck: string;
}

/**
 * The study list as Anki's "Import File" reads it (Anki 2.1.55+):
 * `#separator:tab`, `#html:false` (digest text shows as written, `<` and
 * all), `#columns:` naming the fields, `#deck:`, `#tags column:`, then one
 * note per row, the stable id first so a second import updates notes (with
 * "Existing notes: Update", matching on the first field).
 */
export function ankiTsv(entries: readonly StudyEntry[], options: AnkiExportOptions): string {
  const table = tableOf(entries);
  const deck = headerValue(options.deck) || 'Digest Reader';
  const lines = [
    '#separator:tab',
    '#html:false',
    `#columns:${table.names.join('\t')}`,
    `#deck:${deck}`,
    `#tags column:${table.tagsColumn}`,
    ...table.rows.map((row) => row.map(tsvField).join('\t')),
  ];
  return lines.join('\n') + '\n';
}

export interface CsvExportOptions {
  /**
   * Prefix `'` to a field starting with `=`, `+`, `-` or `@`, so a
   * spreadsheet opening the file shows digest text instead of running it as
   * a formula. On by default.
   */
  guardFormulas?: boolean;
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** The study list as RFC 4180 CSV: a header row, CRLF line ends, quoted fields where needed. */
export function studyCsv(entries: readonly StudyEntry[], options: CsvExportOptions = {}): string {
  const table = tableOf(entries);
  const guard = options.guardFormulas ?? true;
  const cell = (field: string): string => quoteIf(guard && FORMULA_START.test(field) ? `'${field}` : field, CSV_SPECIAL);
  return [table.names, ...table.rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
