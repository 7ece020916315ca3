/** Small text helpers shared by the variant parsers. */

/** `nan` (a pandas NaN) and blank text mean "no translation". */
export function presentText(value: string | undefined): string | undefined {
  if (value === undefined) {
    return undefined;
  }
  const trimmed = trimSpaces(value);
  return trimmed === '' || trimmed === 'nan' ? undefined : trimmed;
}

/** `presentText` of `text.slice(start, end)`, slicing only what it returns. */
export function presentSlice(text: string, start: number, end: number): string | undefined {
  while (start < end && isBlank(text.charCodeAt(start))) {
    start++;
  }
  while (end > start && isBlank(text.charCodeAt(end - 1))) {
    end--;
  }
  if (end <= start || (end - start === 3 && text.startsWith('nan', start))) {
    return undefined;
  }
  return text.slice(start, end);
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9 || code === 0xa0 || code === 0x3000;
}

/** `trim()` for the blanks digests hold, without a new string when there is nothing to cut (the usual case). */
export function trimSpaces(value: string): string {
  let start = 0;
  let end = value.length;
  while (start < end && isBlank(value.charCodeAt(start))) {
    start++;
  }
  while (end > start && isBlank(value.charCodeAt(end - 1))) {
    end--;
  }
  return start === 0 && end === value.length ? value : value.slice(start, end);
}

const HAN = /\p{Script=Han}/u;

/**
 * True when an abstract line (after the English one) is the Chinese one: it
 * holds a Han character anywhere. The whole line is scanned, because a Chinese
 * abstract can open with a long Latin name. The grammar's "chinese-abstract"
 * rule (syntaxes/digest.tmLanguage.json) uses the same test; keep them equal.
 */
export function isChineseLine(line: string): boolean {
  return HAN.test(line);
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a `YYYY-MM-DD` date, or undefined if it is no real date. */
export function isoWeekday(date: string): number | undefined {
  // A digest has a handful of distinct dates and asks for each many times.
  if (weekdayCache.has(date)) {
    return weekdayCache.get(date);
  }
  const weekday = computeWeekday(date);
  if (weekdayCache.size > 10_000) {
    weekdayCache.clear();
  }
  weekdayCache.set(date, weekday);
  return weekday;
}

const weekdayCache = new Map<string, number | undefined>();

function computeWeekday(date: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) {
    return undefined;
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, day);
  const check = new Date(time);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return undefined;
  }
  return ((check.getUTCDay() + 6) % 7) + 1;
}

/** Full date of a TOC's `MM-DD`, in the digest's year or the year before (a digest of early January lists December). */
export function fullDate(monthDay: string, digestDate: string): string | undefined {
  const year = Number(digestDate.slice(0, 4));
  if (!Number.isFinite(year) || digestDate.length !== 10) {
    return undefined;
  }
  const sameYear = `${year}-${monthDay}`;
  const candidate = sameYear <= digestDate ? sameYear : `${year - 1}-${monthDay}`;
  return isoWeekday(candidate) === undefined ? undefined : candidate;
}
