/**
 * The head lines of an arXiv article (`Title@`, `Title:`, `Authors`), read by
 * offsets into the text: only the values the model keeps become strings. Each
 * reader matches exactly what the line's regular expression used to (noted
 * above it), so both renderings read as before.
 */
import { digitsEnd } from './arxiv';
import type { Translations } from './model';
import { presentSlice } from './text';

/** Where the id ends a `Title:` or TOC remainder: `restEnd` is where the text before it ends. */
export interface IdSplit {
  restEnd: number;
  id?: string;
}

/** The article being read. One per body, reset for each article, so the parse makes no draft objects. */
export class ArticleDraft {
  index = 0;
  line = 0;
  lastLine = 0;
  titleAtLine = -1;
  titleAtDate = '';
  titleAtWeekday: number | undefined;
  /** Offsets of the `Title@` line's title (raw, as the regex captured it). */
  titleAtStart = 0;
  titleAtEnd = 0;
  titleLine = -1;
  titles: Translations | undefined;
  titleId: string | undefined;
  authorsLine = -1;
  declaredAuthors = 0;
  authors: string[] | undefined;
  /** Line numbers of the abstract lines; the array is reused from article to article. */
  readonly abstractLines: number[] = [];
  /** Offsets of the commas of the Authors line, reused likewise. */
  readonly commas: number[] = [];

  reset(index: number, line: number): void {
    this.index = index;
    this.line = line;
    this.lastLine = line;
    this.titleAtLine = -1;
    this.titleAtWeekday = undefined;
    this.titleLine = -1;
    this.titles = undefined;
    this.titleId = undefined;
    this.authorsLine = -1;
    this.authors = undefined;
    this.abstractLines.length = 0;
  }
}

/** A digest repeats a handful of dates thousands of times: one string each. */
export class DateStrings {
  private readonly strings = new Map<number, string>();

  /** `text.slice(start, end)`, the same string for the same digits; `key` is the digits read as a number. */
  get(text: string, start: number, end: number, key: number): string {
    let value = this.strings.get(key);
    if (value === undefined) {
      value = text.slice(start, end);
      this.strings.set(key, value);
    }
    return value;
  }
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** The value of the ASCII digits text[start, end). */
export function digitsValue(text: string, start: number, end: number): number {
  let value = 0;
  for (let i = start; i < end; i++) {
    value = value * 10 + (text.charCodeAt(i) - 48);
  }
  return value;
}

/** True when text[start, end) holds a character that `.` in a regular expression does not match. */
function hasLineTerminator(text: string, start: number, end: number): boolean {
  // The regex engine scans faster than a charCodeAt loop, and test() makes no match object.
  DOT_RUN.lastIndex = start;
  DOT_RUN.test(text);
  return DOT_RUN.lastIndex < end;
}

/** A run of what `.` matches, from `lastIndex`; it stops at the line's `\n` at the latest. */
const DOT_RUN = /[^\n\r\u2028\u2029]*/y;

/** `^<prefix>(\d{1,7})$`: the article number, or -1. */
export function readArticleNumber(text: string, start: number, end: number, prefix: string): number {
  const from = start + prefix.length;
  if (end - from < 1 || end - from > 7 || !text.startsWith(prefix, start) || digitsEnd(text, from, end) !== end) {
    return -1;
  }
  return digitsValue(text, from, end);
}

/** `YYYY-MM-DD` at `at` (before `end`): its digits as a number, or -1. */
export function dateKeyAt(text: string, at: number, end: number): number {
  if (at + 10 > end || text.charCodeAt(at + 4) !== 45 || text.charCodeAt(at + 7) !== 45) {
    return -1;
  }
  if (digitsEnd(text, at, at + 4) !== at + 4 || digitsEnd(text, at + 5, at + 7) !== at + 7 || digitsEnd(text, at + 8, at + 10) !== at + 10) {
    return -1;
  }
  return digitsValue(text, at, at + 4) * 10000 + digitsValue(text, at + 5, at + 7) * 100 + digitsValue(text, at + 8, at + 10);
}

/** ` (d)` at `at` followed by `next`: the weekday digit, or -1. */
export function weekdayAt(text: string, at: number, end: number, next: number): number {
  if (at + 4 < end && text.charCodeAt(at) === 32 && text.charCodeAt(at + 1) === 40 && isDigit(text.charCodeAt(at + 2))
    && text.charCodeAt(at + 3) === 41 && text.charCodeAt(at + 4) === next) {
    return text.charCodeAt(at + 2) - 48;
  }
  return -1;
}

/** `^<prefix>(\d{4}-\d{2}-\d{2})(?: \((\d)\))?: ?(.*)$` */
export function readTitleAt(text: string, start: number, end: number, prefix: string, draft: ArticleDraft, dates: DateStrings, line: number): boolean {
  const at = start + prefix.length;
  if (!text.startsWith(prefix, start)) {
    return false;
  }
  const key = dateKeyAt(text, at, end);
  if (key < 0) {
    return false;
  }
  let position = at + 10;
  const weekday = weekdayAt(text, position, end, 58 /* : */);
  if (weekday >= 0) {
    position += 4;
  }
  if (position >= end || text.charCodeAt(position) !== 58) {
    return false;
  }
  position = skipOne(text, position + 1, end, 32);
  if (hasLineTerminator(text, position, end)) {
    return false;
  }
  draft.titleAtLine = line;
  draft.titleAtDate = dates.get(text, at, at + 10, key);
  draft.titleAtWeekday = weekday >= 0 ? weekday : undefined;
  draft.titleAtStart = position;
  draft.titleAtEnd = end;
  return true;
}

/** `^<prefix> ?(.*)$`, the prefix ending in `:`: where the rest starts, or -1. */
export function restAfter(text: string, start: number, end: number, prefix: string): number {
  if (!text.startsWith(prefix, start) || end - start < prefix.length) {
    return -1;
  }
  const rest = skipOne(text, start + prefix.length, end, 32);
  return hasLineTerminator(text, rest, end) ? -1 : rest;
}

/** `^<prefix>(\d{1,5})\):? ?(.*)$`, the prefix ending in `(`. */
export function readAuthors(text: string, start: number, end: number, prefix: string, draft: ArticleDraft, line: number): boolean {
  const from = start + prefix.length;
  if (!text.startsWith(prefix, start) || end - start < prefix.length) {
    return false;
  }
  const digits = digitsEnd(text, from, end);
  if (digits === from || digits - from > 5 || digits >= end || text.charCodeAt(digits) !== 41 /* ) */) {
    return false;
  }
  const rest = skipOne(text, skipOne(text, digits + 1, end, 58 /* : */), end, 32);
  // The names' scan for commas also finds a line terminator that `.` would not match (no second scan of the line).
  const names = splitNames(text, rest, end, draft.commas);
  if (!names) {
    return false;
  }
  draft.authorsLine = line;
  draft.declaredAuthors = digitsValue(text, from, digits);
  draft.authors = names;
  return true;
}

/** Past one optional `code` at `position`. */
function skipOne(text: string, position: number, end: number, code: number): number {
  return position < end && text.charCodeAt(position) === code ? position + 1 : position;
}

/**
 * Comma-separated names, each trimmed, empty ones dropped. The commas are
 * found first so that the array the model keeps has no spare slots (a
 * pushed-to array keeps room for 17). Undefined when the text holds a line
 * terminator other than `\n` (CR, U+2028, U+2029): then `(.*)$` did not match.
 */
function splitNames(text: string, start: number, end: number, commas: number[]): string[] | undefined {
  commas.length = 0;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === 44) {
      commas.push(i);
    } else if (code === 13 || code === 0x2028 || code === 0x2029) {
      return undefined;
    }
  }
  commas.push(end);
  let count = 0;
  let from = start;
  for (const comma of commas) {
    if (trimmedStart(text, from, comma) < comma) {
      count++;
    }
    from = comma + 1;
  }
  const names = new Array<string>(count);
  count = 0;
  from = start;
  for (const comma of commas) {
    const nameStart = trimmedStart(text, from, comma);
    if (nameStart < comma) {
      let nameEnd = comma;
      while (isBlank(text.charCodeAt(nameEnd - 1))) {
        nameEnd--;
      }
      names[count++] = text.slice(nameStart, nameEnd);
    }
    from = comma + 1;
  }
  return names;
}

/** First offset in [start, end) that is no blank, or `end`. */
function trimmedStart(text: string, start: number, end: number): number {
  while (start < end && isBlank(text.charCodeAt(start))) {
    start++;
  }
  return start;
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9 || code === 0xa0 || code === 0x3000;
}

/** True when text[a, a + length) equals text[b, b + length). */
function sameText(text: string, a: number, b: number, length: number): boolean {
  for (let i = 0; i < length; i++) {
    if (text.charCodeAt(a + i) !== text.charCodeAt(b + i)) {
      return false;
    }
  }
  return true;
}

/**
 * `en | de | zh <id> |` at text[start, end) into the draft's titles and id;
 * an empty translation leaves `|  |`. `restEnd` and `id` come from the
 * dialect's id split of the remainder.
 */
export function splitTitles(text: string, start: number, split: IdSplit, draft: ArticleDraft): void {
  const end = split.restEnd;
  const titles: Translations = {};
  draft.titles = titles;
  draft.titleId = split.id;
  const firstBar = indexIn(text, 124 /* | */, start, end);
  if (firstBar < 0) {
    setIfPresent(titles, 'en', text, start, end);
    return;
  }
  let lastBar = end - 1;
  while (text.charCodeAt(lastBar) !== 124) {
    lastBar--;
  }
  if (firstBar === lastBar) {
    setIfPresent(titles, 'en', text, start, firstBar);
    setIfPresent(titles, 'de', text, firstBar + 1, end);
    return;
  }
  // A title may hold a `|` itself: anchor on the English title we already know; Chinese is after the last bar.
  // (When the first bar is where that title ends, both give the same split: no need to compare.)
  const known = draft.titleAtLine >= 0 ? draft.titleAtEnd - draft.titleAtStart : -1;
  const anchored = known >= 0 && firstBar !== start + known + 1 && end - start >= known + 2 && text.charCodeAt(start + known) === 32
    && text.charCodeAt(start + known + 1) === 124 && sameText(text, start, draft.titleAtStart, known);
  const enEnd = anchored ? start + known + 1 : firstBar;
  setIfPresent(titles, 'en', text, start, enEnd);
  setIfPresent(titles, 'de', text, enEnd + 1, lastBar);
  setIfPresent(titles, 'zh', text, lastBar + 1, end);
}

function indexIn(text: string, code: number, start: number, end: number): number {
  for (let i = start; i < end; i++) {
    if (text.charCodeAt(i) === code) {
      return i;
    }
  }
  return -1;
}

function setIfPresent(target: Translations, language: string, text: string, start: number, end: number): void {
  const value = start < end ? presentSlice(text, start, end) : undefined;
  if (value !== undefined) {
    target[language] = value;
  }
}
